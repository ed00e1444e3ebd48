import BeredskapCLIKit
import BeredskapCore
import Testing

@testable import BeredskapCLI

/// `top` and `watch --dashboard` on the command line: parsed, refused where they make no
/// sense, and explained in both languages.
@Suite struct DashboardCommandTests {
    func run(_ arguments: [String]) -> (code: Int32, out: String, err: String) { CLIRun.run(arguments) }

    @Test func topAndWatchDashboardAreTheSameCommand() throws {
        guard case .run(let top) = try CLI.parser.parse(["top"]) else { throw Unparsed() }
        #expect(top.path == ["top"])
        guard case .run(let watch) = try CLI.parser.parse(["watch", "--dashboard"]) else { throw Unparsed() }
        #expect(watch.path == ["watch"])
        #expect(watch.flag("dashboard"))
        #expect(CLI.commands["top"] != nil)
    }

    @Test func jsonAndCsvAreRefusedWithWhereToGoInstead() {
        for arguments in [["top", "--json"], ["top", "--csv"], ["watch", "--dashboard", "--json"]] {
            let result = run(arguments + ["--socket", "/nonexistent.sock"])
            #expect(result.code == ExitCode.usage.rawValue, "\(arguments)")
            #expect(result.err.contains("beredskap watch --json"), "\(result.err)")
        }
        let since = run(["watch", "--dashboard", "--since", "3", "--socket", "/nonexistent.sock"])
        #expect(since.code == ExitCode.usage.rawValue)
        #expect(since.err.contains("--since cannot be used with --dashboard"))
    }

    @Test func aDaemonThatCannotBeReachedAtTheStartIsExitThree() {
        let result = run(["top", "--socket", "/nonexistent/beredskap.sock"])
        #expect(result.code == ExitCode.unreachable.rawValue)
        #expect(result.err.contains("cannot reach beredskapd"))
        #expect(result.out.isEmpty, "nothing drawn")
    }

    @Test func helpExplainsKeysExitCodesAndPipesInBothLanguages() {
        // The paragraphs are wrapped to the terminal: read them as words.
        func words(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let help = run(["top", "--help"])
        #expect(help.code == 0)
        for phrase in ["Press q or Ctrl-C", "Exit codes: 0 after q", "Into a pipe", "beredskap watch --dashboard"] {
            #expect(words(help.out).contains(phrase), "\(phrase)")
        }
        let bokmål = run(["top", "--help", "--lang", "nb"])
        for phrase in ["Trykk q eller Ctrl-C", "Avslutningskoder: 0 etter q", "Til en pipe"] {
            #expect(words(bokmål.out).contains(phrase), "\(phrase)")
        }
        #expect(run(["watch", "--help"]).out.contains("--dashboard"))
    }

    struct Unparsed: Error {}
}
