import BeredskapCore
import Testing

@testable import BeredskapDaemon

/// `reports.schedules` in the configuration file: both forms of time, the defaults, and an
/// error that names the field for everything wrong.
@Suite struct ReportScheduleConfigurationTests {
    /// As the other configuration tests read a file.
    let file = ConfigurationTests()

    func parse(_ text: String) throws(ConfigurationError) -> DaemonConfiguration { try file.parse(text) }

    func problem(_ text: String) -> String { file.problem(text) }

    @Test func bothFormsAndTheirDefaults() throws {
        let configuration = try parse("""
            { reports: { directory: "/srv/sitrep", schedules: {
                morgenmote: { at: ["07:00", "15:00"], while_surge_at_least: "crisis", groups: ["beredskapsetaten"] },
                surge: { every: "PT4H", while_surge_at_least: "high", formats: ["md", "json"], lang: "en", public: true, files: true },
            } } }
            """)
        #expect(configuration.reports.directory == "/srv/sitrep")
        let morning = try #require(configuration.reports.schedules["morgenmote"])
        #expect(morning.schedule.secondsOfDay == [7 * 3600, 15 * 3600])
        #expect(morning.schedule.whileSurgeAtLeast == .crisis)
        #expect(morning.formats == [.html], "HTML unless told")
        #expect(morning.language == .nb)
        #expect(!morning.isPublic)
        #expect(morning.writesFiles)
        #expect(morning.groups == ["beredskapsetaten"])
        let surge = try #require(configuration.reports.schedules["surge"])
        #expect(surge.schedule.secondsOfDay.count == 6)
        #expect(surge.formats == [.markdown, .json])
        #expect(surge.language == .en)
        #expect(surge.isPublic)
        #expect(DaemonConfiguration().reports.schedules.isEmpty, "nothing is scheduled unless configured")
    }

    @Test func everyMistakeNamesItsField() {
        #expect(problem(#"{ reports: { schedules: { x: { at: ["7:00"] } } } }"#)
            == #"test.json5: reports.schedules.x.at[0]: expected a time of day HH:MM, such as "07:00" (got "7:00")"#)
        #expect(problem(#"{ reports: { schedules: { x: { every: "PT5M" } } } }"#)
            == "test.json5: reports.schedules.x.every: expected whole minutes from PT15M to P1D (got PT5M)")
        #expect(problem(#"{ reports: { schedules: { x: { at: ["07:00"], every: "PT4H" } } } }"#)
            == "test.json5: reports.schedules.x.every: give either at or every, not both")
        #expect(problem(#"{ reports: { schedules: { x: {} } } }"#)
            == "test.json5: reports.schedules.x.at: a schedule needs at (times of day) or every (an interval from midnight)")
        #expect(problem(#"{ reports: { schedules: { x: { at: ["07:00"], formats: ["pdf"] } } } }"#)
            .hasPrefix("test.json5: reports.schedules.x.formats[0]: expected one of"))
        #expect(problem(#"{ reports: { schedules: { x: { at: ["07:00"], formats: [] } } } }"#)
            == "test.json5: reports.schedules.x.formats: expected at least one of md, html, json")
        #expect(problem(#"{ reports: { schedules: { x: { at: ["07:00"], lang: "de" } } } }"#)
            == "test.json5: reports.schedules.x.lang: expected one of: nb, en")
        #expect(problem(#"{ reports: { schedules: { x: { at: ["07:00"], while_surge_at_least: "extreme" } } } }"#)
            .hasPrefix("test.json5: reports.schedules.x.while_surge_at_least: expected one of"))
        #expect(problem(#"{ reports: { schedules: { x: { at: ["07:00"], files: false } } } }"#)
            == "test.json5: reports.schedules.x.files: a schedule that writes no files must name groups or channels to send to")
        #expect(problem(#"{ reports: { schedules: { x: { at: ["07:00"], recipients: [] } } } }"#)
            .hasPrefix("test.json5: reports.schedules.x.recipients: unknown field"))
        #expect(problem(#"{ reports: { schedules: { "morgen/møte": { at: ["07:00"] } } } }"#)
            .hasPrefix(#"test.json5: reports.schedules["morgen/møte"]: a schedule's name is letters"#))
        #expect(problem(#"{ reports: { keep: "PT1H" } }"#).contains("reports.keep: must be at least"))
    }
}
