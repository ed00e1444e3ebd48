import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore
import Testing

@testable import BeredskapCLI

/// `exercise report ID`: its options, its usage errors and its help, in a tree of its own
/// until the `exercise` group lists it.
@Suite struct ExerciseReportCommandTests {
    static let parser: ArgumentParser = {
        let group = Command("exercise", summary: Text("exercises", nb: "øvelser"), subcommands: [CommandTree.exerciseReport])
        let root = CommandSpec("beredskap", summary: Text("test", nb: "test"), subcommands: [group.spec])
        return ArgumentParser(root: root, globalOptions: CommandTree.globalOptions)
    }()

    func request(_ arguments: [String]) throws -> ExerciseReportCommand.Request {
        guard case .run(let command) = try Self.parser.parse(["exercise", "report"] + arguments) else {
            throw FacilityOptionsTests.Unexpected.notRun
        }
        return try ExerciseReportCommand.request(command)
    }

    @Test func markdownInBokmaalToStandardOutputUnlessAskedOtherwise() throws {
        #expect(try request(["3"]) == .init(id: 3, format: .md, language: .nb, output: nil))
        #expect(try request(["3", "--format", "html", "--lang", "en", "--output", "rapport.html"])
            == .init(id: 3, format: .html, language: .en, output: "rapport.html"))
        #expect(try request(["3", "-o", "r.json", "--json"]) == .init(id: 3, format: .json, language: .nb, output: "r.json"))
        #expect(try request(["3", "--json", "--format", "md"]).format == .md)
    }

    @Test func aBadIDFormatOrFileIsAUsageError() throws {
        for arguments in [["x"], ["0"], ["3", "--format", "pdf"], ["3", "--output", ""]] {
            #expect(throws: UsageError.self, "\(arguments)") { try request(arguments) }
        }
        #expect(throws: UsageError.self) { try Self.parser.parse(["exercise", "report"]) }
    }

    @Test func itHasHelpInBothLanguages() throws {
        guard case .help(let path) = try Self.parser.parse(["exercise", "report", "--help"]) else {
            Issue.record("no help")
            return
        }
        let english = Self.parser.help(for: path, language: .en)
        let bokmål = Self.parser.help(for: path, language: .nb)
        #expect(english.contains("--format") && english.contains("after-action report"))
        #expect(bokmål.contains("evalueringsrapporten") && english != bokmål)
    }
}
