import BeredskapCore
import Testing

@testable import BeredskapDaemon

@Suite struct IntroConfigurationTests {
    func parse(_ text: String) throws(ConfigurationError) -> DaemonConfiguration { try ConfigurationTests().parse(text) }
    func problem(_ text: String) -> String { ConfigurationTests().problem(text) }

    @Test func theShippedFileWritesOutTheDefaults() throws {
        let embedded = try ConfigurationLoader.loadEmbedded()
        #expect(embedded.intro == DaemonConfiguration.Intro())
        #expect(embedded.intro.durations == IntroDurations())
        #expect(embedded.intro.minimumParticipants == 5)
        #expect(embedded.intro.national(2014) == IntroNationalAverage(oneYearAfter: 0.62))
        #expect(embedded.intro.national(2012) == IntroNationalAverage(rightAfter: 0.47))
        #expect(embedded.intro.national(2016) == IntroNationalAverage())
        #expect(embedded.intro.target == 0.7)
    }

    @Test func aFieldGivenChangesOnlyItself() throws {
        let configuration = try parse(#"{ intro: { durations: { extension_months: 6 }, national_average: { "2025": { right_after: 0.5 } } } }"#)
        #expect(configuration.intro.durations.extensionMonths == 6)
        #expect(configuration.intro.durations.standardMaximumMonths == 24)
        #expect(configuration.intro.nationalAverage == [2025: IntroNationalAverage(rightAfter: 0.5)], "the years given replace the shipped")
        #expect(configuration.intro.minimumParticipants == 5)
    }

    @Test func problemsNameTheFieldPath() {
        #expect(problem("{ intro: { durations: { minimum_months: 0 } } }") == "test.json5: intro.durations.minimum_months: expected 1 to 120 months")
        #expect(problem("{ intro: { durations: { standard_maximum_months: 40 } } }")
            == "test.json5: intro.durations.upper_secondary_maximum_months: expected standard_maximum_months (40) to 120 months")
        #expect(problem("{ intro: { minimum_participants: 0 } }").hasPrefix("test.json5: intro.minimum_participants:"))
        #expect(problem(#"{ intro: { national_average: { "2014": { one_year_after: 62 } } } }"#)
            == "test.json5: intro.national_average.2014.one_year_after: expected a share from 0 to 1 (0.47 for 47 %)")
        #expect(problem(#"{ intro: { national_average: { "last": { right_after: 0.5 } } } }"#).hasPrefix("test.json5: intro.national_average.last:"))
        #expect(problem("{ intro: { target: 1.5 } }").hasPrefix("test.json5: intro.target:"))
        #expect(problem("{ intro: { durations: { months: 3 } } }").hasPrefix("test.json5: intro.durations.months:"))
    }
}
