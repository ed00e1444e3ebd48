import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore
import Synchronization
import Testing

@testable import BeredskapCLI

/// `deadlines …`: what the options ask the daemon, usage errors, help in both languages, the
/// list and the rule × district table for people.
@Suite struct DeadlineCommandTests {
    func request(_ arguments: [String]) throws -> DeadlineCommands.Request {
        guard case .run(let command) = try CLI.parser.parse(arguments) else { throw FacilityOptionsTests.Unexpected.notRun }
        return try DeadlineCommands.request(command)
    }

    /// What an output wrote.
    final class Written: Sendable {
        private let lines = Mutex<[String]>([])

        func append(_ text: String) { lines.withLock { $0.append(text) } }
        var text: String { lines.withLock { $0.joined() } }
    }

    func output(_ language: Language = .en, style: Bool = false, _ format: Output.Format = .human) -> (Output, Written) {
        let written = Written()
        let output = Output(
            language: language, style: TextStyle(enabled: style), format: format, width: 200, write: { written.append($0) },
            writeError: { _ in })
        return (output, written)
    }

    @Test func theOptionsBecomeTheQuery() throws {
        #expect(try request(["deadlines"]) == .list(state: nil, rule: nil, district: nil, after: nil, limit: nil))
        #expect(try request(["deadlines", "--overdue", "--rule", "health_exam", "--district", "alna"])
            == .list(state: .overdue, rule: "health_exam", district: "alna", after: nil, limit: nil))
        #expect(try request(["deadlines", "--due-soon", "--after", "12", "--limit", "50"])
            == .list(state: .dueSoon, rule: nil, district: nil, after: 12, limit: 50))
        #expect(try request(["deadlines", "summary"]) == .summary)
    }

    @Test func badOptionsAreUsageErrors() throws {
        for arguments in [
            ["deadlines", "--overdue", "--due-soon"], ["deadlines", "summary", "--overdue"], ["deadlines", "summary", "--district", "alna"],
            ["deadlines", "sumary"], ["deadlines", "--limit", "0"], ["deadlines", "--after", "x"],
        ] {
            #expect(throws: UsageError.self, "\(arguments)") { try request(arguments) }
        }
    }

    @Test func theHelpIsInBothLanguages() throws {
        guard case .help(let helped) = try CLI.parser.parse(["deadlines", "--help"]) else {
            Issue.record("no help")
            return
        }
        #expect(helped == ["deadlines"])
        let english = CLI.parser.help(for: ["deadlines"], language: .en)
        let bokmål = CLI.parser.help(for: ["deadlines"], language: .nb)
        #expect(english.contains("beredskap deadlines summary") && bokmål.contains("lesingen logges"))
        #expect(english != bokmål)
    }

    static let list = DeadlineList(
        date: CalendarDate(year: 2026, month: 11, day: 22) ?? CalendarDate(daysSinceEpoch: 0),
        deadlines: [
            DeadlineEntry(person: 7, rule: "health_exam", state: .overdue, dueDate: CalendarDate(year: 2026, month: 11, day: 1), district: "alna"),
            DeadlineEntry(person: 12, rule: "tb_screening", state: .dueSoon, dueDate: CalendarDate(year: 2026, month: 11, day: 24), district: nil),
        ],
        next: 12)

    @Test func theListShowsRulesByNameAndThePageOn() {
        let (output, lines) = output(.nb)
        DeadlinePresentation.list(Self.list, output)
        let text = lines.text
        #expect(text.contains("    #7  helseundersøkelse        over fristen        2026-11-01  alna"), "\(text)")
        #expect(text.contains("over fristen"))
        #expect(text.contains("2026-11-24"))
        #expect(text.contains("--after 12"))
        let (csv, csvLines) = self.output(.en, .csv)
        DeadlinePresentation.list(Self.list, csv)
        #expect(csvLines.text.hasPrefix("person,rule,state,due_date,district\n7,health_exam,overdue,2026-11-01,alna"))
    }

    static let summary = DeadlineSummary(
        date: CalendarDate(year: 2026, month: 11, day: 22) ?? CalendarDate(daysSinceEpoch: 0),
        rules: ["tb_screening", "health_exam", "school_offer"],
        rows: [
            .init(rule: "tb_screening", district: "alna", due: 1, dueSoon: 0, overdue: 3, met: 4, metLate: 1),
            .init(rule: "tb_screening", district: "grorud", due: 2, dueSoon: 1, overdue: 0, met: 0, metLate: 0),
            .init(rule: "health_exam", district: nil, due: 0, dueSoon: 0, overdue: 2, met: 0, metLate: 0),
        ])

    @Test func theSummaryIsRulesByDistrictsWithTheOverdueHighlightedOnATerminal() {
        let (plain, lines) = output()
        DeadlinePresentation.summary(Self.summary, plain)
        let text = lines.text
        #expect(text.contains("OVERDUE"), "\(text)")
        #expect(text.contains("alna  grorud  none  TOTAL"), "\(text)")
        #expect(text.contains("tb_screening     3       0     –      3"), "\(text)")
        #expect(!text.contains("school_offer"), "no one it concerns")
        #expect(!text.contains("\u{1B}["))
        let (styled, styledLines) = output(style: true)
        DeadlinePresentation.summary(Self.summary, styled)
        #expect(styledLines.text.contains("\u{1B}[1m\u{1B}[31m3"))
    }
}
