import BeredskapCLIKit
import Testing

/// When the parser answers with help or version instead of a command.
@Suite struct HelpOutcomeTests {
    @Test(arguments: [
        (["--help"], [String]()),
        (["-h"], []),
        (["log", "--help"], ["log"]),
        (["log", "add", "--help"], ["log", "add"]),
        (["log", "add", "text", "-h"], ["log", "add"]),
        (["--help", "log", "add"], ["log", "add"]),
        (["log", "add", "-uh"], ["log", "add"]),
        (["help"], []),
        (["help", "log"], ["log"]),
        (["help", "log", "add"], ["log", "add"]),
        (["--json", "help", "log", "add", "--lang", "nb"], ["log", "add"]),
    ])
    func helpForDeepestCommandReached(arguments: [String], path: [String]) throws {
        #expect(try Fixture.parser.parse(arguments) == .help(path: path))
    }

    @Test func helpWinsOverOtherMistakes() throws {
        #expect(try Fixture.parser.parse(["events", "--bogus", "--since=1", "--since=2", "--help"]) == .help(path: ["events"]))
        #expect(try Fixture.parser.parse(["log", "add", "--help"]) == .help(path: ["log", "add"]))  // <text> missing
    }

    @Test func helpAfterDoubleDashOrAsAValueIsData() throws {
        #expect(try Fixture.run(["log", "add", "--", "-h"]).argument("text") == "-h")
        #expect(try Fixture.run(["log", "add", "x", "--subject", "--help"]).values("subject") == ["--help"])
    }

    @Test func groupWithoutCommandShowsHelp() throws {
        #expect(try Fixture.parser.parse([]) == .help(path: []))
        #expect(try Fixture.parser.parse(["--json"]) == .help(path: []))
        #expect(try Fixture.parser.parse(["log"]) == .help(path: ["log"]))
    }

    @Test func versionAtTheRoot() throws {
        #expect(try Fixture.parser.parse(["--version"]) == .version)
        #expect(try Fixture.parser.parse(["--json", "--version"]) == .version)
        #expect(try Fixture.parser.parse(["--version", "--help"]) == .help(path: []))
    }

    @Test func versionTakesNoValue() {
        #expect(Fixture.error(["--version=2"])?.message.en == "option '--version' is a flag and takes no value")
    }

    @Test func helpAndVersionOutcomesLeaveGlobalsToScan() {
        let line = ["log", "add", "--lang", "nb", "--help"]
        #expect(Fixture.parser.scanGlobals(line).value("lang") == "nb")
    }
}
