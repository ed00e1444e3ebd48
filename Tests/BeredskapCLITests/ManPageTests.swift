import BeredskapCLIKit
import BeredskapCore
import BeredskapDaemon
import Foundation
import Testing

@testable import BeredskapCLI

/// `beredskap man` and `beredskap man beredskapd`: every command and option is on its page,
/// the exit codes and defaults are the code's own, and groff renders it without a warning.
@Suite struct ManPageTests {
    static func page(_ arguments: [String]) -> String {
        let run = CLIRun.run(["man"] + arguments)
        #expect(run.code == 0, "\(run.err)")
        return run.out
    }

    @Test func beredskapHasEveryCommandOptionAndExitCode() {
        let page = Self.page([])
        #expect(page.hasPrefix(".TH \"BEREDSKAP\" 1 "))
        for section in ["NAME", "SYNOPSIS", "\"DESCRIPTION\"", "\"COMMANDS\"", "\"OPTIONS\"", "\"ENVIRONMENT\"", "\"FILES\"", "\"EXIT STATUS\"", "\"SEE ALSO\""] {
            #expect(page.contains(".SH \(section)\n"), "\(section)")
        }
        // Each command's subsection, by its title, up to the next one.
        let subsections = Dictionary(
            page.components(separatedBy: "\n.SS ").dropFirst().map { part in
                (String(part.prefix { $0 != "\n" }), part)
            }, uniquingKeysWith: { first, _ in first })
        for (path, spec) in CompletionScriptTests.commands {
            let body = subsections[Roff.argument("beredskap " + path.joined(separator: " "))]
            #expect(body != nil, "\(path)")
            for option in spec.options {
                #expect(body?.contains(Roff.escape("--\(option.name)", everyMinus: true) + "\\fR") == true, "\(path) --\(option.name)")
            }
            for argument in spec.arguments { #expect(body?.contains(Roff.escape(argument.placeholder)) == true, "\(path) \(argument.name)") }
        }
        for option in CommandTree.globalOptions {
            #expect(page.contains(Roff.escape("--\(option.name)", everyMinus: true)), "--\(option.name)")
        }
        for code in ExitCode.allCases { #expect(page.contains(".TP\n\\fB\(code.rawValue)\\fR\n"), "exit \(code.rawValue)") }
        for name in ["BEREDSKAP_SOCKET", "BEREDSKAP_LANG", "NO_COLOR", SocketLocator.checkoutDefault, SocketLocator.installedDefault] {
            #expect(page.contains(Roff.escape(name)), "\(name)")
        }
        #expect(Self.page(["--lang", "nb"]).contains("Avslutningskoder"), "bokmål when asked")
    }

    @Test func beredskapdHasEveryOptionOfTheDaemonsCommandLine() {
        let page = Self.page(["beredskapd"])
        #expect(page.hasPrefix(".TH \"BEREDSKAPD\" 8 "))
        for option in DaemonCommandLine.options {
            #expect(page.contains("\\fB" + Roff.escape(option.name, everyMinus: true) + "\\fR"), "\(option.name)")
        }
        for status in DaemonCommandLine.ExitStatus.allCases { #expect(page.contains("\\fB\(status.rawValue)\\fR"), "exit \(status.rawValue)") }
        for name in ["NOTIFY_SOCKET", "state.db", "beredskapd.lock", "SIGHUP"] { #expect(page.contains(name), "\(name)") }
    }

    @Test func anUnknownPageIsAUsageError() {
        let run = CLIRun.run(["man", "beredskap-bench"])
        #expect(run.code == 2, "\(run.err)")
    }

    @Test(arguments: [[], ["beredskapd"], ["--lang", "nb"]]) func groffRendersThePageWithoutAWarning(_ arguments: [String]) throws {
        guard let groff = Shells.path("groff") else {
            print("skipped: groff is not installed, so the page was checked only by its own tests")
            return
        }
        let file = try Shells.temporaryFile(Self.page(arguments), suffix: "man")
        let result = try Shells.run(groff, ["-man", "-Tutf8", "-ww", "-z", file])
        #expect(result.code == 0 && result.output.isEmpty, "\(result.output)")
        let rendered = try Shells.run(groff, ["-man", "-Tutf8", file])
        #expect(rendered.output.contains("beredskap"))
    }
}
