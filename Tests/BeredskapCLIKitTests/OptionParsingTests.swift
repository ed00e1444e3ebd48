import BeredskapCLIKit
import Testing

@Suite struct OptionParsingTests {
    @Test func longOptionWithSeparateValue() throws {
        let command = try Fixture.run(["events", "--since", "120"])
        #expect(command.path == ["events"])
        #expect(command.value("since") == "120")
    }

    @Test func longOptionWithEqualsValue() throws {
        #expect(try Fixture.run(["events", "--since=120"]).value("since") == "120")
    }

    @Test func equalsKeepsEverythingAfterTheFirstEquals() throws {
        #expect(try Fixture.run(["log", "add", "x", "--subject=a=b"]).values("subject") == ["a=b"])
        #expect(try Fixture.run(["events", "--since="]).value("since") == "")
    }

    @Test func shortOptionForms() throws {
        #expect(try Fixture.run(["log", "list", "-n", "5"]).value("limit") == "5")
        #expect(try Fixture.run(["log", "list", "-n5"]).value("limit") == "5")
    }

    @Test func shortFlagsCombine() throws {
        let command = try Fixture.run(["log", "add", "-us", "facility/refstad", "Refstad full"])
        #expect(command.flag("urgent"))
        #expect(command.values("subject") == ["facility/refstad"])
        #expect(command.argument("text") == "Refstad full")
    }

    @Test func flagsAreFalseUnlessGiven() throws {
        let command = try Fixture.run(["events", "-f"])
        #expect(command.flag("follow"))
        #expect(!command.flag("json"))
        #expect(command.value("since") == nil)
        #expect(command.values("since").isEmpty)
    }

    @Test func valueBeginningWithDashIsAccepted() throws {
        #expect(try Fixture.run(["events", "--since", "-5"]).value("since") == "-5")
        #expect(try Fixture.run(["events", "--since", "--follow"]).value("since") == "--follow")
    }

    @Test func negativeNumberIsAPositional() throws {
        let command = try Fixture.run(["arrivals", "refstad", "-5"])
        #expect(command.argument("count") == "-5")
    }

    @Test func loneDashIsAPositional() throws {
        #expect(try Fixture.run(["log", "add", "-"]).argument("text") == "-")
    }

    @Test(arguments: [
        ["--json", "--socket", "/run/b.sock", "events", "--since", "3"],
        ["events", "--json", "--socket", "/run/b.sock", "--since", "3"],
        ["events", "--since", "3", "--socket=/run/b.sock", "--json"],
        ["--socket", "/run/b.sock", "events", "--since", "3", "--json"],
    ])
    func globalsInAnyPosition(arguments: [String]) throws {
        let command = try Fixture.run(arguments)
        #expect(command.path == ["events"])
        #expect(command.flag("json"))
        #expect(command.value("socket") == "/run/b.sock")
        #expect(command.value("since") == "3")
    }

    @Test func globalsBetweenNestedSubcommandNames() throws {
        let command = try Fixture.run(["log", "--json", "add", "text"])
        #expect(command.path == ["log", "add"])
        #expect(command.flag("json"))
    }

    @Test func doubleDashEndsOptions() throws {
        let command = try Fixture.run(["log", "add", "--urgent", "--", "--not-an-option"])
        #expect(command.flag("urgent"))
        #expect(command.argument("text") == "--not-an-option")
        #expect(try Fixture.run(["log", "add", "--", "--help"]).argument("text") == "--help")
        #expect(try Fixture.run(["log", "add", "--", "--"]).argument("text") == "--")
    }

    @Test func repeatableOptionKeepsValuesInOrder() throws {
        let command = try Fixture.run(["log", "add", "-s", "facility/refstad", "x", "--subject", "district/alna", "--subject=kind/arrival"])
        #expect(command.values("subject") == ["facility/refstad", "district/alna", "kind/arrival"])
        #expect(command.value("subject") == "kind/arrival")
    }

    @Test func repeatedFlagIsHarmless() throws {
        #expect(try Fixture.run(["events", "--json", "--json"]).flag("json"))
    }

    @Test func requiredOptionalAndVariadicPositionals() throws {
        let one = try Fixture.run(["arrivals", "refstad"])
        #expect(one.argument("facility") == "refstad")
        #expect(one.argument("count") == nil)
        #expect(one.arguments("note").isEmpty)

        let many = try Fixture.run(["arrivals", "refstad", "40", "sent", "to", "Torshov"])
        #expect(many.argument("count") == "40")
        #expect(many.arguments("note") == ["sent", "to", "Torshov"])
    }

    @Test func requiredVariadicTakesTheRest() throws {
        #expect(try Fixture.run(["tag", "17", "urgent", "health"]).arguments("label") == ["urgent", "health"])
    }

    @Test func positionalsAndOptionsInterleave() throws {
        let command = try Fixture.run(["arrivals", "refstad", "--json", "40", "late"])
        #expect(command.argument("count") == "40")
        #expect(command.arguments("note") == ["late"])
        #expect(command.flag("json"))
    }

    @Test func emptyWordIsAPositional() throws {
        #expect(try Fixture.run(["log", "add", ""]).argument("text") == "")
    }

    @Test func runnableGroupRunsWithoutSubcommand() throws {
        let command = try Fixture.run(["alerts", "--all"])
        #expect(command.path == ["alerts"])
        #expect(command.flag("all"))
        #expect(try Fixture.run(["alerts", "ack", "9"]).argument("id") == "9")
    }

    @Test func scanGlobalsIgnoresErrors() {
        let globals = Fixture.parser.scanGlobals(["log", "add", "--bogus", "--lang", "nb", "--no-such", "--json", "a", "b"])
        #expect(globals.value("lang") == "nb")
        #expect(globals.flag("json"))
        #expect(globals.path == ["log", "add"])
    }

    @Test func scanGlobalsSkipsCommandOptionValues() {
        // "--lang" here is the value of --subject, not the global option.
        let globals = Fixture.parser.scanGlobals(["log", "add", "--subject", "--lang", "nb"])
        #expect(globals.value("lang") == nil)
        #expect(globals.optionValues.isEmpty)
    }
}
