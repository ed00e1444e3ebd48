import BeredskapCLIKit
import BeredskapCore
import Testing

@testable import BeredskapCLI

/// Whatever `beredskap` prints ends with a newline, so the next prompt starts on its own line.
@Suite struct LineEndingTests {
    /// Every command path of the real tree, the root (`[]`) first.
    static let allPaths: [[String]] = {
        func paths(_ spec: CommandSpec, _ path: [String]) -> [[String]] {
            [path] + spec.subcommands.flatMap { paths($0, path + [$0.name]) }
        }
        return paths(CommandTree.root, [])
    }()

    @Test(arguments: allPaths)
    func everyHelpPageEndsWithANewline(path: [String]) {
        for language in ["en", "nb"] {
            let help = CLIRun.run(path + ["--help", "--lang", language])
            #expect(help.code == 0)
            #expect(help.out.hasSuffix("\n") && !help.out.hasSuffix("\n\n\n"), "\(path) \(language)")
            #expect(help.err.isEmpty)
        }
    }

    @Test(arguments: [
        ["facility", "show"], ["stauts"], ["status", "--json", "--csv"], ["status", "--lang", "de"],
        ["facility", "list", "--kind", "transitt"], ["events", "--since", "-3"], ["log"],
        ["status", "--socket", "/nonexistent/beredskap.sock"],
    ])
    func everyErrorEndsWithANewline(arguments: [String]) {
        for extra in [[], ["--lang", "nb"], ["--json"]] {
            let result = CLIRun.run(arguments + extra)
            let printed = result.code == 0 ? result.out : result.err
            #expect(printed.hasSuffix("\n"), "\(arguments + extra): \(printed)")
        }
    }

    @Test func aCommandThatForgetsTheNewlineGetsOne() {
        var out = ""
        let stream = LineTerminatedStream { out += $0 }
        stream("no newline")
        stream.finish()
        #expect(out == "no newline\n")
        stream("line\r\n")
        stream.finish()
        #expect(out == "no newline\nline\r\n", "a CRLF ends a line too")
        stream.finish()
        #expect(out == "no newline\nline\r\n", "nothing is added twice")
    }
}

/// Runs the real CLI in-process without a daemon, capturing what it prints.
enum CLIRun {
    static func run(_ arguments: [String], environment: [String: String] = [:]) -> (code: Int32, out: String, err: String) {
        var out = "", err = ""
        let code = CLI.run(
            arguments: arguments, environment: environment, isTTY: false, columns: 80,
            write: { out += $0 }, writeError: { err += $0 })
        return (code, out, err)
    }
}
