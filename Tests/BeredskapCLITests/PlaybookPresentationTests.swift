import BeredskapAPI
import BeredskapCore
import Testing

@testable import BeredskapCLI

/// How playbooks read: triggers and actions in the words of the files, titles in the
/// reader's language.
@Suite struct PlaybookPresentationTests {
    typealias Fixture = PlaybookFixture

    @Test func triggersReadAsInTheFiles() {
        #expect(PlaybookFormat.trigger(Fixture.definition.trigger) == "alert facility_utilization ≥ warning facility/*")
        #expect(PlaybookFormat.trigger(Fixture.definition.trigger, .nb) == "varsel facility_utilization ≥ advarsel facility/*")
        #expect(PlaybookFormat.trigger(.alert(.init(rule: "facility_cap"))) == "alert facility_cap")
        #expect(PlaybookFormat.trigger(.surge(.init(level: .high))) == "surge high")
        #expect(PlaybookFormat.trigger(.manual) == "manual")
    }

    @Test func actionsSayWhatTheDaemonDoes() {
        #expect(PlaybookFormat.action(.task) == "task")
        #expect(PlaybookFormat.action(.notify(.init(groups: ["beredskapsetaten", "bydel:{district}"], message: PlaybookText(nb: "x", en: "x"))))
            == "notify beredskapsetaten, bydel:{district}")
        #expect(PlaybookFormat.action(.setFacilityStatus(.init(facility: "ila", status: .open))) == "set_facility_status ila open")
        #expect(PlaybookFormat.action(.waitFor(.utilizationBelow(.init(subject: "{subject}", value: 0.8)))) == "wait_for {subject} < 80 %")
        #expect(PlaybookFormat.action(.waitFor(.alertResolved)) == "wait_for alert_resolved")
        #expect(PlaybookFormat.action(.log(.init(text: PlaybookText(nb: "x", en: "x")))) == "log")
    }

    @Test func dueTimesKeepWholeDays() {
        #expect(PlaybookFormat.due(.seconds(3 * 86_400)) == "P3D")
        #expect(PlaybookFormat.due(.seconds(36 * 3600)) == "P1DT12H")
        #expect(PlaybookFormat.due(.seconds(2 * 3600)) == "PT2H")
        #expect(PlaybookFormat.due(.seconds(30 * 60)) == "PT30M")
        #expect(PlaybookFormat.due(.seconds(0)) == "PT0S")
    }

    @Test func aListRowIsInTheReadersLanguageAndCSVHasBoth() {
        let summary = PlaybookList.Summary(Fixture.definition, activeRuns: 2)
        #expect(PlaybookFormat.row(summary, .nb) == ["facility-near-full", "Mottak nær fullt", "varsel facility_utilization ≥ advarsel facility/*", "5", "2"])
        #expect(PlaybookFormat.row(summary, .en)[1] == "Facility near full")
        let csv = PlaybookFormat.csvRow(summary)
        #expect(csv.count == PlaybookFormat.csvHeader.count)
        #expect(csv == ["facility-near-full", "Facility near full", "Mottak nær fullt", "alert", "facility_utilization", "warning", "facility/*", "", "5", "2"])
        var surge = summary
        surge.trigger = .surge(.init(level: .crisis))
        #expect(PlaybookFormat.csvRow(surge)[3...7] == ["surge", "", "", "", "crisis"])
    }

    @Test func theStepsTableAlignsNorwegianTitles() {
        let printed = Fixture.Printed(.nb)
        let output = printed.output
        output.table(
            PlaybookFormat.stepColumns(width: output.width),
            rows: Fixture.definition.steps.map { PlaybookFormat.stepRow($0, .nb) })
        #expect(printed.lines[0] == "STEG             TITTEL                    EIER              FRIST  ETTER               HANDLING")
        #expect(printed.lines[4] == "standby          Vurder beredskapsplasser  beredskapsetaten  P3D    redirect, open-ila  task")
        #expect(printed.lines[5] == "open-ila         Åpne Ila                  beredskapsetaten  PT2H   –                   set_facility_status ila open")
        #expect(PlaybookFormat.stepColumns(width: 80)[1].maxWidth == 24, "a narrow terminal still shows some of the title")
    }

    @Test func theHeadNamesTheEscalationOrThatThereIsNone() {
        let printed = Fixture.Printed()
        var definition = Fixture.definition
        #expect(PlaybookFormat.fields(definition, printed.output).map(\.1) == [
            "facility-near-full", "Facility near full", "alert facility_utilization ≥ warning facility/*", "beredskapsetaten", "5",
        ])
        definition.escalationGroup = nil
        #expect(PlaybookFormat.fields(definition, printed.output)[3].1 == "– (only the owner of a step)")
    }

    @Test func theLongColumnsAreCutOnlyOnATerminal() {
        let tables = [
            PlaybookFormat.columns(width:), PlaybookFormat.stepColumns(width:), RunFormat.columns(width:), RunStepFormat.columns(width:),
        ]
        for columns in tables {
            #expect(columns(80).compactMap(\.maxWidth).allSatisfy { $0 == 24 }, "a narrow terminal still shows some of each")
            #expect(columns(Output.unlimitedWidth).compactMap(\.maxWidth).allSatisfy { $0 > 100_000 }, "into a pipe, nothing is cut")
        }
    }
}
