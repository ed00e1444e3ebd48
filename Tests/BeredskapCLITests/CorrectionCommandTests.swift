import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore
import BeredskapJSON
import Testing

@testable import BeredskapCLI

/// `arrival|departure|occupancy list|void|amend`, confirming implausible figures, and the
/// capacity sentence `status` and `facility list` print.
@Suite struct CorrectionCommandTests {
    /// The in-process runner of the playbook command tests (no daemon at the socket) serves here too.
    func run(_ arguments: [String]) -> (code: Int32, out: String, err: String) { PlaybookCommandTests().run(arguments) }

    @Test(arguments: [
        (["arrival", "void", "12"], "--reason is required: say why the record is wrong"),
        (["arrival", "void", "tolv", "--reason", "x"], "<ID> must be a positive whole number, not 'tolv'"),
        (["departure", "void", "--reason", "x"], "missing argument <ID>"),
        (["arrival", "amend", "12", "--reason", "x"], "nothing to amend: give --count, --at or --category"),
        (["departure", "amend", "12", "--reason", "x"], "nothing to amend: give --count, --at or --departure-reason"),
        (["occupancy", "amend", "12", "--reason", "x"], "nothing to amend: give --count or --at"),
        (["arrival", "amend", "12", "--count", "0", "--reason", "x"], "option '--count' expects an integer from 1 to 100000, got '0'"),
        (["arrival", "amend", "12", "--category", "kids", "--reason", "x"], "--category"),
        (["departure", "amend", "12", "--departure-reason", "vanished", "--reason", "x"], "--departure-reason"),
        (["occupancy", "amend", "12", "--at", "i går", "--reason", "x"], "--at"),
        (["occupancy", "amend", "12", "--count", "5"], "--reason is required"),
        (["arrival", "list", "--limit", "0"], "option '--limit' expects an integer from 1 to 500, got '0'"),
        (["departure", "list", "--before", "x"], "--before"),
        (["occupancy", "void", "3", "--reason", "x", "--force"], "unknown option '--force'"),
    ])
    func usageErrorsExitTwo(arguments: [String], message: String) {
        let result = run(arguments)
        #expect(result.code == 2, "\(result.err)")
        #expect(result.err.contains(message), "\(result.err)")
        #expect(result.out.isEmpty)
    }

    @Test func validCommandsReachForTheDaemon() {
        for arguments in [
            ["arrival", "list"], ["departure", "list", "--facility", "refstad", "--limit", "5", "--before", "40", "--csv"],
            ["occupancy", "list", "--json"], ["arrival", "void", "12", "--reason", "Feil mottak"],
            ["arrival", "amend", "12", "--count", "20", "--category", "adult", "--at", "2026-11-21", "--reason", "x", "--force"],
            ["departure", "amend", "3", "--departure-reason", "settled", "-m", "x"], ["occupancy", "amend", "4", "--count", "0", "--reason", "x"],
            ["arrival", "record", "refstad", "400", "--category", "adult", "--force"], ["occupancy", "report", "refstad", "400", "--force"],
        ] {
            #expect(run(arguments).code == 3, "\(arguments)")
        }
    }

    @Test(arguments: [
        ["arrival"], ["arrival", "list"], ["arrival", "void"], ["arrival", "amend"], ["departure", "list"], ["departure", "void"],
        ["departure", "amend"], ["occupancy", "list"], ["occupancy", "void"], ["occupancy", "amend"],
    ])
    func everyCommandHasHelpInBothLanguages(path: [String]) {
        let english = run(path + ["--help"])
        let norwegian = run(path + ["--help", "--lang", "nb"])
        #expect(english.code == 0)
        #expect(english.out.hasPrefix("Usage: beredskap \(path.joined(separator: " "))"))
        #expect(norwegian.out.hasPrefix("Bruk: beredskap \(path.joined(separator: " "))"))
        #expect(english.out != norwegian.out.replacingOccurrences(of: "Bruk:", with: "Usage:"))
        if path.count == 2 {
            #expect(english.out.contains("Example"))
            #expect(norwegian.out.contains("Eksemp"))
            #expect(!norwegian.out.contains("utreise"))
        }
    }

    @Test func theRecordingCommandsAndImportsTakeForce() {
        for path in [["arrival", "record"], ["departure", "record"], ["occupancy", "report"], ["import", "arrivals"], ["import", "occupancy"]] {
            #expect(run(path + ["--help"]).out.contains("--force"), "\(path)")
        }
    }

    // MARK: Confirming

    @Test func yesIsYesInEitherLanguageAndAnythingElseIsNo() {
        for answer in ["y", "Y", "yes", "j", "Ja", " ja "] { #expect(Confirmation.isYes(answer), "\(answer)") }
        for answer in ["", "n", "nei", "no", "jo", "yes please", nil] { #expect(!Confirmation.isYes(answer), "\(answer ?? "nil")") }
    }

    @Test func theQuestionAndTheRefusalListWhatLooksWrong() throws {
        let body = APIErrorBody(
            code: .conflict, message: "is this right?",
            details: [
                "reason": "implausible", "field": "count",
                "problems": [
                    ["field": "count", "message": "400 people is more than the 100 places of Refstad", "message_nb": "400 personer er flere enn de 100 plassene på Refstad"],
                    ["field": "at", "message": "2025-06-01 00:00:00 is more than 90 days ago", "message_nb": "2025-06-01 00:00:00 er mer enn 90 dager siden"],
                ],
            ])
        let problems = try #require(Confirmation.problems(in: body))
        #expect(Confirmation.question(problems).en == """
            This looks like a mistake:
              400 people is more than the 100 places of Refstad
              2025-06-01 00:00:00 is more than 90 days ago
            Record it anyway? [y/N]\u{20}
            """)
        #expect(Confirmation.question(problems).nb.hasSuffix("er mer enn 90 dager siden\nRegistrere likevel? [j/N] "))
        #expect(Confirmation.refusal(problems).en.hasSuffix("90 days ago\nIf it is right, run the command again with --force."))
        #expect(Confirmation.problems(in: APIErrorBody(code: .conflict, message: "x")) == nil)
    }

    // MARK: Presentation

    static let at = Timestamp(rfc3339: "2026-11-22T09:30:00Z") ?? Timestamp(millisecondsSinceEpoch: 0)

    func output(_ language: Language) -> Output {
        Output(
            language: language, style: TextStyle(enabled: false), format: .human, width: 200, write: { _ in }, writeError: { _ in })
    }

    @Test func aRecordReadsAsPeopleSayIt() {
        let arrival = RecordResource(id: 12, facility: "refstad", count: 25, category: .family, at: Self.at, recordedAt: Self.at, recordedBy: "ola")
        #expect(RecordFormat.describe(arrival, .arrivals, output(.en)).en.hasPrefix("arrival #12: 25 people (family) at refstad, 2026-11-22 "))
        #expect(RecordFormat.describe(arrival, .arrivals, output(.nb)).nb.hasPrefix("ankomst #12: 25 personer (familie) til refstad, "))
        let one = RecordResource(id: 3, facility: "refstad", count: 1, reason: .settled, at: Self.at, recordedAt: Self.at, recordedBy: "ola")
        #expect(RecordFormat.describe(one, .departures, output(.nb)).nb.hasPrefix("utflytting #3: 1 person (bosatt) fra refstad"))
        let voided = RecordResource(
            id: 4, facility: "refstad", count: 300, at: Self.at, recordedAt: Self.at, recordedBy: "ola",
            voided: RecordCorrection(at: Self.at, by: "kari", reason: "Talt to ganger"))
        #expect(voided.state == .voided)
        let row = RecordFormat.row(voided, .occupancy, output(.nb))
        #expect(row.count == RecordFormat.columns(.occupancy).count)
        #expect(row[6] == "annullert")
        #expect(row[7].hasPrefix("Talt to ganger (kari, 2026-11-22 "))
        let csv = RecordFormat.csvRow(voided, .occupancy)
        #expect(csv.count == RecordFormat.csvHeader(.occupancy).count)
        #expect(csv[5] == "voided")
        #expect(RecordFormat.csvRow(arrival, .arrivals).count == RecordFormat.csvHeader(.arrivals).count)
    }

    @Test func aBackdatedHeadCountSaysWhatWasCountedAndWhatTheRecordsAfterItAdd() {
        let backdated = OccupancyRecorded(id: 1, facility: "refstad", counted: 40, occupied: 80, previous: 40, at: Self.at, eventSeq: 32)
        let line = FlowCommands.headCountLine(backdated, output(.en)).en
        #expect(line.hasPrefix("Head count for refstad: 40, 2026-11-22 "), "\(line)")
        #expect(line.hasSuffix(": with the +40 recorded after it, now 80 there (was 40; head count #1, event #32)."), "\(line)")
        let plain = OccupancyRecorded(id: 2, facility: "refstad", counted: 240, occupied: 240, previous: 200, at: Self.at, eventSeq: 40)
        #expect(FlowCommands.headCountLine(plain, output(.nb)).nb.hasSuffix(": nå 240 der (var 200; opptelling #2, hendelse #40)."))
    }

    @Test func theHistorysSummaryNamesFiguresOfTheSeries() throws {
        func day(_ date: String, _ occupied: Int, _ peak: Int) throws -> OccupancySeries.Day {
            OccupancySeries.Day(date: try #require(CalendarDate(parsing: date)), occupied: occupied, peak: peak, available: 200)
        }
        let days = [try day("2026-11-20", 153, 153), try day("2026-11-21", 148, 160), try day("2026-11-22", 140, 148)]
        #expect(HistoryCommands.peakSummary(days).en == "highest 153 (2026-11-20), within a day 160 (2026-11-21)")
        #expect(HistoryCommands.peakSummary(Array(days.prefix(1))).nb == "høyest 153 (2026-11-20)")
        #expect(HistoryCommands.peakSummary([]).en.isEmpty)
    }

    @Test func theCapacitySentenceAddsUp() {
        let over = PictureCommands.summary(available: 549, occupied: 630, free: 99, overCapacity: 180, utilization: 630.0 / 549)
        #expect(over.en == "630 occupied of 549 available places (115 %): 99 free, 180 over capacity")
        #expect(over.nb == "630 belagt av 549 tilgjengelige plasser (115 %): 99 ledige, 180 over kapasiteten")
        let one = PictureCommands.summary(available: 1, occupied: 0, free: 1, overCapacity: 0, utilization: 0)
        #expect(one.en == "0 occupied of 1 available place (0 %): 1 free")
        #expect(one.nb == "0 belagt av 1 tilgjengelig plass (0 %): 1 ledig")
        #expect(PictureCommands.summary(available: 0, occupied: 5, free: 0, overCapacity: 5, utilization: nil).en
            == "5 occupied of 0 available places (–): 0 free, 5 over capacity")
    }
}
