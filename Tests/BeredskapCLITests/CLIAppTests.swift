import BeredskapCLIKit
import BeredskapCore
import Testing

@testable import BeredskapCLI

@Suite struct CLIAppTests {
    @Test func theRealCommandTreeIsWellFormed() {
        #expect(CLI.parser.specProblems().isEmpty)
    }

    @Test func everyRunnableCommandHasAnImplementation() {
        func runnable(_ spec: CommandSpec, path: [String]) -> [String] {
            let here = spec.isRunnable && !path.isEmpty ? [path.joined(separator: " ")] : []
            return here + spec.subcommands.flatMap { runnable($0, path: path + [$0.name]) }
        }
        let declared = Set(runnable(CommandTree.root, path: []))
        #expect(declared == Set(CLI.commands.keys))
    }

    @Test func theSocketIsLookedUpInTheDocumentedOrder() {
        func paths(_ option: String?, _ environment: [String: String]) -> [String] {
            SocketLocator.candidates(option: option, environment: environment).map(\.path)
        }
        #expect(paths("/x.sock", ["BEREDSKAP_SOCKET": "/y.sock"]) == ["/x.sock"], "an explicit path is the only one tried")
        #expect(paths(nil, ["BEREDSKAP_SOCKET": "/y.sock"]) == ["/y.sock"])
        #expect(paths(nil, [:]) == [".beredskap/beredskap.sock", "/run/beredskap/beredskap.sock"])
        #expect(paths("", ["BEREDSKAP_SOCKET": ""]) == [".beredskap/beredskap.sock", "/run/beredskap/beredskap.sock"])
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) -> (code: Int32, out: String, err: String) {
        CLIRun.run(arguments, environment: environment)
    }

    @Test func usageErrorsExitTwoAndUnreachableExitsThree() {
        #expect(run(["stauts"]).code == 2)
        #expect(run(["status", "--json", "--csv"]).code == 2)
        #expect(run(["status", "--lang", "de"]).code == 2)
        #expect(run(["events", "--since", "-3", "--socket", "/nonexistent.sock"]).code == 2)
        #expect(run(["events", "--count", "3", "--socket", "/nonexistent.sock"]).code == 2)
        let unreachable = run(["status", "--socket", "/nonexistent/beredskap.sock"])
        #expect(unreachable.code == 3)
        #expect(unreachable.err.contains("swift run beredskapd"))
        #expect(run(["status", "--socket", "/nonexistent/beredskap.sock", "--lang", "nb"]).err.contains("Start tjenesten"))
    }

    @Test func helpAndVersionNeedNoDaemon() {
        let help = run(["--help"])
        #expect(help.code == 0)
        #expect(help.out.contains("log"))
        #expect(help.out.contains("Exit codes"))
        #expect(run(["--help", "--lang", "nb"]).out.contains("Avslutningskoder"))
        #expect(run(["--version"]).out == "beredskap 0.1.0\n")
        let version = run(["version", "--socket", "/nonexistent.sock"])
        #expect(version.code == 0)
        #expect(version.out.contains("not reachable"))
    }
}
