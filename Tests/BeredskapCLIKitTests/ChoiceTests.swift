import BeredskapCore
import Testing

@testable import BeredskapCLIKit

/// Declared choices (`OptionSpec.choice`, `ArgumentSpec.choice`): the parser refuses another
/// value, naming the nearest, and the lenient scan still reads what was typed.
@Suite struct ChoiceTests {
    static let parser = ArgumentParser(
        root: CommandSpec(
            "tool", summary: Text("t", nb: "t"),
            subcommands: [
                CommandSpec(
                    "report", summary: Text("r", nb: "r"),
                    options: [.choice("format", among: ["md", "html", "json"], help: Text("f", nb: "f"))],
                    arguments: [.optionalChoice("PAGE", among: ["one", "two"], help: Text("p", nb: "p"))]),
            ]),
        globalOptions: [.choice("lang", among: ["en", "nb"], help: Text("l", nb: "l"))])

    @Test func aDeclaredValueIsTaken() throws {
        guard case .run(let parsed) = try Self.parser.parse(["report", "--format=html", "two", "--lang", "nb"]) else {
            Issue.record("not run")
            return
        }
        #expect(parsed.value("format") == "html" && parsed.argument("PAGE") == "two" && parsed.value("lang") == "nb")
        #expect(Self.parser.resolve(["report"]).command.options.first?.valueName == "md|html|json", "help shows the choices")
    }

    @Test func anotherValueIsAUsageErrorNamingTheNearest() {
        #expect(throws: UsageError(
            message: Text(
                "option '--format' expects one of: md, html, json, got 'htm' (did you mean 'html'?)",
                nb: "valget «--format» forventer én av: md, html, json, fikk «htm» (mente du «html»?)"),
            commandPath: ["report"])) { try Self.parser.parse(["report", "--format", "htm"]) }
        #expect(throws: UsageError.self) { try Self.parser.parse(["report", "three"]) }
        #expect(throws: UsageError.self) { try Self.parser.parse(["report", "--lang", "de"]) }
    }

    @Test func helpStillWinsAndTheScanStillReadsTheLanguage() throws {
        #expect(try Self.parser.parse(["report", "--format", "pdf", "--help"]) == .help(path: ["report"]))
        #expect(Self.parser.scanGlobals(["report", "--lang", "nb_NO", "--format", "pdf"]).value("lang") == "nb_NO")
    }
}
