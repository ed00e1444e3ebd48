import BeredskapCore
import BeredskapCLIKit
import Testing

/// Every way a command line can be wrong, with its exact message in both languages.
@Suite struct UsageErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var en: String
        var nb: String
        var path: [String]
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(
            arguments: ["events", "--sinse", "5"],
            en: "unknown option '--sinse' (did you mean '--since'?)",
            nb: "ukjent valg «--sinse» (mente du «--since»?)", path: ["events"]),
        Case(
            arguments: ["events", "--jsno"],
            en: "unknown option '--jsno' (did you mean '--json'?)",
            nb: "ukjent valg «--jsno» (mente du «--json»?)", path: ["events"]),
        Case(
            arguments: ["--verison"],
            en: "unknown option '--verison' (did you mean '--version'?)",
            nb: "ukjent valg «--verison» (mente du «--version»?)", path: []),
        Case(  // two substitutions: the largest distance still suggested
            arguments: ["events", "--sonse", "1"],
            en: "unknown option '--sonse' (did you mean '--since'?)",
            nb: "ukjent valg «--sonse» (mente du «--since»?)", path: ["events"]),
        Case(  // two adjacent transpositions count as two edits, not four
            arguments: ["evnest"],
            en: "unknown command 'evnest' (did you mean 'events'?)",
            nb: "ukjent kommando «evnest» (mente du «events»?)", path: []),
        Case(
            arguments: ["events", "--quantum"],
            en: "unknown option '--quantum'", nb: "ukjent valg «--quantum»", path: ["events"]),
        Case(
            arguments: ["events", "-z"], en: "unknown option '-z'", nb: "ukjent valg «-z»", path: ["events"]),
        Case(
            arguments: ["events", "--version"],
            en: "unknown option '--version'", nb: "ukjent valg «--version»", path: ["events"]),
        Case(
            arguments: ["log", "list", "--subject", "x"],
            en: "unknown option '--subject'", nb: "ukjent valg «--subject»", path: ["log", "list"]),
        Case(
            arguments: ["lgo", "add", "x"],
            en: "unknown command 'lgo' (did you mean 'log'?)",
            nb: "ukjent kommando «lgo» (mente du «log»?)", path: []),
        Case(
            arguments: ["log", "ad", "x"],
            en: "unknown command 'ad' (did you mean 'add'?)",
            nb: "ukjent kommando «ad» (mente du «add»?)", path: ["log"]),
        Case(
            arguments: ["LOG"],
            en: "unknown command 'LOG' (did you mean 'log'?)",
            nb: "ukjent kommando «LOG» (mente du «log»?)", path: []),
        Case(
            arguments: ["hepl"],
            en: "unknown command 'hepl' (did you mean 'help'?)",
            nb: "ukjent kommando «hepl» (mente du «help»?)", path: []),
        Case(
            arguments: ["xy"], en: "unknown command 'xy'", nb: "ukjent kommando «xy»", path: []),
        Case(
            arguments: ["help", "lgo"],
            en: "unknown command 'lgo' (did you mean 'log'?)",
            nb: "ukjent kommando «lgo» (mente du «log»?)", path: []),
        Case(
            arguments: ["help", "log", "add", "more"],
            en: "unknown command 'more'", nb: "ukjent kommando «more»", path: ["log", "add"]),
        Case(
            arguments: ["events", "--since"],
            en: "option '--since' needs a value (SEQ)",
            nb: "valget «--since» trenger en verdi (SEQ)", path: ["events"]),
        Case(
            arguments: ["log", "list", "-n"],
            en: "option '-n' needs a value (N)", nb: "valget «-n» trenger en verdi (N)", path: ["log", "list"]),
        Case(
            arguments: ["events", "--json=yes"],
            en: "option '--json' is a flag and takes no value",
            nb: "valget «--json» er et flagg og tar ingen verdi", path: ["events"]),
        Case(
            arguments: ["events", "--follow="],
            en: "option '--follow' is a flag and takes no value",
            nb: "valget «--follow» er et flagg og tar ingen verdi", path: ["events"]),
        Case(
            arguments: ["events", "--since", "1", "--since=2"],
            en: "option '--since' may be given only once",
            nb: "valget «--since» kan bare gis én gang", path: ["events"]),
        Case(
            arguments: ["--socket", "a", "events", "--socket", "b"],
            en: "option '--socket' may be given only once",
            nb: "valget «--socket» kan bare gis én gang", path: ["events"]),
        Case(
            arguments: ["alerts", "--all", "ack", "7"],
            en: "option '--all' belongs to 'beredskap alerts', not to 'beredskap alerts ack'",
            nb: "valget «--all» hører til «beredskap alerts», ikke til «beredskap alerts ack»", path: ["alerts"]),
        Case(
            arguments: ["log", "add"],
            en: "missing argument <text>", nb: "mangler argumentet <text>", path: ["log", "add"]),
        Case(
            arguments: ["tag", "17"],
            en: "missing argument <label>...", nb: "mangler argumentet <label>...", path: ["tag"]),
        Case(
            arguments: ["log", "add", "one", "two"],
            en: "unexpected argument 'two'", nb: "uventet argument «two»", path: ["log", "add"]),
        Case(
            arguments: ["events", "now"],
            en: "unexpected argument 'now'", nb: "uventet argument «now»", path: ["events"]),
        Case(
            arguments: ["alerts", "ack", "7", "8"],
            en: "unexpected argument '8'", nb: "uventet argument «8»", path: ["alerts", "ack"]),
    ]

    @Test(arguments: cases)
    func message(_ example: Case) {
        let error = Fixture.error(example.arguments)
        #expect(error?.message(.en) == example.en)
        #expect(error?.message(.nb) == example.nb)
        #expect(error?.commandPath == example.path)
        #expect(error?.description == example.en)
    }

    @Test func firstOptionErrorOnTheLineIsReported() {
        #expect(Fixture.error(["events", "--bogus", "--since"])?.message.en == "unknown option '--bogus'")
    }

    @Test func positionalsAreCheckedAfterOptions() {
        // Positionals can only be judged once the whole line is read.
        #expect(Fixture.error(["events", "extra", "--bogus"])?.message.en == "unknown option '--bogus'")
    }

    @Test func unknownCommandBeatsHelp() {
        #expect(Fixture.error(["lgo", "--help"])?.message.en == "unknown command 'lgo' (did you mean 'log'?)")
    }

    @Test func reportNamesTheCommandToGetHelpFor() throws {
        let error = try #require(Fixture.error(["log", "add", "--subjekt", "x", "y"]))
        #expect(Fixture.parser.helpHint(for: error).en == "See 'beredskap log add --help'.")
        #expect(Fixture.parser.helpHint(for: error).nb == "Se «beredskap log add --help».")
    }
}
