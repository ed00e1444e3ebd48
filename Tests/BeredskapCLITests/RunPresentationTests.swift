import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore
import Testing

@testable import BeredskapCLI

/// How runs and their steps read: what holds a run up, and who did what to each step, when.
@Suite struct RunPresentationTests {
    typealias Fixture = PlaybookFixture

    @Test func theStateCarriesBlockedTheOverdueCountAndExercise() throws {
        let run = try Fixture.run()
        #expect(RunFormat.state(run, .en) == "active (1 overdue)")
        #expect(RunFormat.state(run, .nb) == "pågår (1 over fristen)")
        #expect(RunFormat.progress(run.progress) == "2/5")
        var blocked = try Fixture.blockedRun()
        #expect(blocked.blocked)
        #expect(RunFormat.state(blocked, .nb) == "pågår (blokkert)")
        blocked.progress.overdue = 2
        blocked.exercise = true
        #expect(RunFormat.state(blocked, .en) == "active (blocked, 2 overdue, exercise)")
        #expect(RunFormat.state(try Fixture.abortedRun(), .en) == "aborted")
    }

    @Test func theTriggerSaysWhatStartedTheRunAndWhatItIsAbout() {
        #expect(RunFormat.trigger(Fixture.trigger, .en) == "alert #7 facility_utilization facility/refstad critical")
        #expect(RunFormat.trigger(RunTrigger(kind: .surge, level: .high), .en) == "surge high")
        #expect(RunFormat.trigger(RunTrigger(kind: .manual), .en) == "manual")
        #expect(RunFormat.trigger(RunTrigger(kind: .manual, alert: 7, rule: "facility_cap", subject: "facility/ila"), .en)
            == "manual alert #7 facility_cap facility/ila")
        // In bokmål the kind, severity and level are the office's words; rules and subjects stay as typed.
        #expect(RunFormat.trigger(Fixture.trigger, .nb) == "varsel #7 facility_utilization facility/refstad kritisk")
        #expect(RunFormat.trigger(RunTrigger(kind: .surge, subject: "city", level: .high), .nb) == "ankomstnivå city høy")
        #expect(RunFormat.trigger(RunTrigger(kind: .manual, alert: 7), .nb) == "manuelt varsel #7")
    }

    @Test func everyStepSaysWhoDidWhatAndWhen() throws {
        let run = try Fixture.run()
        let printed = Fixture.Printed()
        func record(_ id: String) -> [String] {
            guard let step = run.steps.first(where: { $0.id == id }) else { return [] }
            return RunStepFormat.row(step, of: run, printed.output)
        }
        #expect(record("notify-district") == [
            "notify-district", "skipped", "beredskapsetaten", "2026-11-22 09:30:00 UTC", "kari", "2026-11-22 09:05:00 UTC",
            "Bydelen ringte oss først",
        ])
        #expect(record("head-count") == [
            "head-count", "done", "bydel:bjerke", "2026-11-22 11:00:00 UTC", "ola", "2026-11-22 10:30:00 UTC", "Hero bekrefter 212 beboere",
        ])
        #expect(record("redirect") == ["redirect", "ready (overdue)", "beredskapsetaten", "2026-11-22 12:30:00 UTC", "–", "–", ""])
        #expect(record("standby") == ["standby", "waiting", "beredskapsetaten", "–", "–", "–", "after redirect, open-ila"])
        #expect(record("open-ila") == ["open-ila", "failed", "beredskapsetaten", "2026-11-22 11:00:00 UTC", "–", "2026-11-22 09:01:00 UTC", "cap_exceeded: 1200 > 1000"])
        let norwegian = Fixture.Printed(.nb)
        let standby = try #require(run.steps.first { $0.id == "standby" })
        #expect(RunStepFormat.record(standby, of: run, norwegian.output).note == "etter redirect, open-ila")
        let redirect = try #require(run.steps.first { $0.id == "redirect" })
        #expect(RunStepFormat.state(redirect, .nb) == "klar (over fristen)")
    }

    @Test func showPrintsTheHeadThenAnAlignedTableOfSteps() throws {
        let printed = Fixture.Printed(.nb)
        RunFormat.present(try Fixture.run(), printed.output)
        #expect(Array(printed.lines.prefix(9)) == [
            "Kjøring      #12 facility-near-full",
            "Tiltakskort  Mottak nær fullt",
            "Tilstand     pågår (1 over fristen)",
            "Fremdrift    2/5 steg fullført eller hoppet over",
            "Utløser      varsel #7 facility_utilization facility/refstad kritisk",
            "Bydel        bjerke",
            "Begrunnelse  alert facility_utilization facility/refstad",
            "Startet      beredskapd, 2026-11-22 09:00:00 UTC",
            "",
        ])
        #expect(printed.lines[9] == "Steg")
        #expect(printed.lines[10].hasPrefix("STEG             TILSTAND             EIER              FRIST                    AV    TID"))
        #expect(printed.lines[12] == "head-count       utført               bydel:bjerke      2026-11-22 11:00:00 UTC  ola   2026-11-22 10:30:00 UTC  Hero bekrefter 212 beboere")
    }

    @Test func anAbortedRunSaysWhoStoppedItWhenAndWhy() throws {
        let run = try Fixture.abortedRun()
        let printed = Fixture.Printed()
        let fields = RunFormat.fields(run, printed.output).map { ($0.0.en, $0.1) }
        #expect(fields.contains { $0 == ("Aborted", "kari, 2026-11-22 13:30:00 UTC") })
        #expect(fields.contains { $0 == ("Why aborted", "Falsk alarm.") })
        #expect(!fields.contains { $0.0 == "Next deadline" })
        var active = try Fixture.run()
        active.nextDeadline = Fixture.at(300)
        #expect(RunFormat.fields(active, printed.output).last.map { [$0.0.en, $0.1] } == ["Next deadline", "2026-11-22 14:00:00 UTC"])
        #expect(RunFormat.summary(run, printed.output)
            == "Run 12: aborted, 2/5 done or skipped; aborted by kari at 2026-11-22 13:30:00 UTC: Falsk alarm.")
    }

    @Test func afterAnActionTheStepsNewStateAndWhatIsReadyNow() throws {
        let run = try Fixture.run()
        let printed = Fixture.Printed()
        let headCount = try #require(run.steps.first { $0.id == "head-count" })
        #expect(RunStepFormat.summary(headCount, of: run, printed.output)
            == "head-count: done (ola, 2026-11-22 10:30:00 UTC) – Hero bekrefter 212 beboere")
        #expect(RunFormat.summary(run, printed.output)
            == "Run 12: active (1 overdue), 2/5 done or skipped; ready now: redirect.")
        RunCommands.confirm(run, step: "head-count", Text("Step head-count of run 12 completed.", nb: "x"), printed.output)
        #expect(printed.lines.prefix(2) == ["Step head-count of run 12 completed.", "head-count: done (ola, 2026-11-22 10:30:00 UTC) – Hero bekrefter 212 beboere"])
    }

    @Test func aListRowAndItsColour() throws {
        let run = try Fixture.run()
        let printed = Fixture.Printed()
        #expect(RunFormat.row(run, printed.output) == [
            "12", "facility-near-full", "active (1 overdue)", "2/5", "2026-11-22 09:00:00 UTC", "beredskapd",
            "alert #7 facility_utilization facility/refstad critical",
        ])
        #expect(RunFormat.rowStyle(run, TextStyle(enabled: true))("x").contains("\u{1B}[31m"), "an overdue step makes it red")
        #expect(RunFormat.rowStyle(try Fixture.blockedRun(), TextStyle(enabled: true))("x").contains("\u{1B}[31m"), "so does blocked")
        #expect(RunFormat.rowStyle(run, TextStyle(enabled: false))("x") == "x")
        #expect(RunFormat.rowStyle(try Fixture.abortedRun(), TextStyle(enabled: true))("x").contains("\u{1B}[2m"), "ended is dim")
    }

    @Test func csvUsesTheJSONFieldNamesForRunsAndSteps() throws {
        let run = try Fixture.abortedRun()
        let row = RunFormat.csvRow(run)
        #expect(row.count == RunFormat.csvHeader.count)
        func field(_ name: String) -> String? { RunFormat.csvHeader.firstIndex(of: name).map { row[$0] } }
        #expect(field("aborted_by") == "kari")
        #expect(field("ended_at") == Fixture.at(270).rfc3339)
        #expect(field("settled") == "2")
        #expect(field("district") == "bjerke")
        for step in run.steps {
            #expect(RunStepFormat.csvRow(step, run: run.id).count == RunStepFormat.csvHeader.count)
        }
        let skipped = try #require(run.steps.first { $0.id == "notify-district" })
        let stepRow = RunStepFormat.csvRow(skipped, run: run.id)
        #expect(stepRow[RunStepFormat.csvHeader.firstIndex(of: "skipped_by") ?? 0] == "kari")
        #expect(stepRow[RunStepFormat.csvHeader.firstIndex(of: "skip_reason") ?? 0] == "Bydelen ringte oss først")
    }
}
