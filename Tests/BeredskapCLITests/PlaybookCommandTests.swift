import BeredskapAPI
import BeredskapCore
import BeredskapJSON
import Testing

@testable import BeredskapCLI

/// `playbook …` and `run …` command lines: the bodies they send, the mistakes caught before
/// anything is sent (exit 2), help in both languages, and the lines after a refusal.
@Suite struct PlaybookCommandTests {
    /// The parsing helpers of the facility option tests serve here too.
    let options = FacilityOptionsTests()

    /// Runs the CLI in-process against a socket that is not there, capturing what it prints.
    func run(_ arguments: [String]) -> (code: Int32, out: String, err: String) {
        var out = "", err = ""
        let code = CLI.run(
            arguments: arguments + ["--socket", "/nonexistent/beredskap.sock"], environment: [:], isTTY: false, columns: 80,
            write: { out += $0 }, writeError: { err += $0 })
        return (code, out, err)
    }

    func startBody(_ arguments: [String]) throws -> JSONValue {
        let body = try PlaybookCommands.startBody(try options.parsed(["playbook", "run", "surge-high"] + arguments))
        return try JSONParser.parse(try JSONValueEncoder().encodeBytes(body))
    }

    @Test func startingSendsTheReasonAndTheAlert() throws {
        #expect(try startBody(["--reason", "Ankomstene doblet seg"]) == ["reason": "Ankomstene doblet seg"])
        #expect(try startBody(["-m", "Refstad 96 %", "--alert", "12"]) == ["reason": "Refstad 96 %", "alert": 12])
        #expect(try startBody(["--reason", "Hero melder fullt", "--subject", "facility/refstad"])
            == ["reason": "Hero melder fullt", "subject": "facility/refstad"])
        #expect(options.usageMessage { _ = try startBody(["--alert", "12"]) } == "--reason is required: say why the playbook is started")
        #expect(options.usageMessage { _ = try startBody(["--reason", "x", "--alert", "tolv"]) }?.hasPrefix("option '--alert' expects") == true)
        #expect(options.usageMessage { _ = try startBody(["--reason", "x", "--alert", "0"]) } != nil)
    }

    @Test func runListStateFlagsExcludeEachOther() throws {
        func filter(_ flags: [String]) throws -> RunStateFilter? {
            try RunCommands.stateFilter(try options.parsed(["run", "list"] + flags))
        }
        #expect(try filter([]) == nil)
        #expect(try filter(["--active"]) == .active)
        #expect(try filter(["--finished"]) == .finished)
        #expect(options.usageMessage { _ = try filter(["--active", "--finished"]) }?.contains("exclude each other") == true)
    }

    @Test func stepActionsTakeARunNumberAndAStepID() throws {
        let parsed = try options.parsed(["run", "complete", "12", "head-count", "--note", "Hero bekrefter"])
        let (id, step) = try RunCommands.stepArguments(parsed)
        #expect(id == 12)
        #expect(step == "head-count")
        #expect(parsed.value("note") == "Hero bekrefter")
    }

    /// Every one of these is wrong before the daemon is asked: exit 2, and the message names
    /// the command's help, whether or not a daemon is running.
    @Test(arguments: [
        (["run", "show", "abc"], "<ID> must be a positive whole number, not 'abc'"),
        (["run", "show", "-3"], "<ID> must be a positive whole number, not '-3'"),
        (["run", "show"], "missing argument <ID>"),
        (["run", "complete", "12"], "missing argument <STEP>"),
        (["run", "complete", "x", "head-count"], "<ID> must be a positive whole number, not 'x'"),
        (["run", "skip", "12", "head-count"], "--reason is required: say why the step is not needed"),
        (["run", "skip", "12.5", "head-count", "--reason", "r"], "<ID> must be a positive whole number, not '12.5'"),
        (["run", "abort", "12"], "--reason is required: say why the run is stopped"),
        (["run", "abort", "0", "--reason", "r"], "<ID> must be a positive whole number, not '0'"),
        (["run", "list", "--active", "--finished"], "--active and --finished exclude each other"),
        (["run", "list", "--limit", "0"], "option '--limit' expects an integer from 1 to 1000, got '0'"),
        (["playbook", "run", "surge-high"], "--reason is required: say why the playbook is started"),
        (["playbook", "run", "--reason", "x"], "missing argument <ID>"),
        (["playbook", "show"], "missing argument <ID>"),
        (["playbook", "reload", "extra"], "unexpected argument 'extra'"),
    ])
    func usageErrorsExitTwo(arguments: [String], message: String) {
        let result = run(arguments)
        #expect(result.code == 2)
        #expect(result.err.contains(message), "\(result.err)")
        #expect(result.err.contains("See 'beredskap \(arguments.prefix(2).joined(separator: " ")) --help'"))
        #expect(result.out.isEmpty)
    }

    @Test func usageErrorsAreInNorwegianToo() {
        let result = run(["run", "abort", "12", "--lang", "nb"])
        #expect(result.code == 2)
        #expect(result.err.contains("--reason er påkrevd: si hvorfor kjøringen stoppes"))
        #expect(run(["run", "show", "tolv", "--lang", "nb"]).err.contains("<ID> må være et positivt heltall, ikke «tolv»"))
    }

    @Test func aValidCommandReachesForTheDaemon() {
        #expect(run(["run", "show", "12"]).code == 3)
        #expect(run(["run", "complete", "12", "head-count"]).code == 3)
        #expect(run(["playbook", "run", "surge-high", "--reason", "x", "--alert", "7"]).code == 3)
        #expect(run(["run", "list", "--finished", "--playbook", "surge-high", "-n", "5", "--csv"]).code == 3)
    }

    @Test(arguments: [
        ["playbook"], ["playbook", "list"], ["playbook", "show"], ["playbook", "run"], ["playbook", "reload"],
        ["run"], ["run", "list"], ["run", "show"], ["run", "complete"], ["run", "skip"], ["run", "abort"],
    ])
    func everyCommandHasHelpInBothLanguages(path: [String]) {
        let english = run(path + ["--help"])
        let norwegian = run(path + ["--help", "--lang", "nb"])
        #expect(english.code == 0)
        #expect(norwegian.code == 0)
        #expect(english.out.hasPrefix("Usage: beredskap \(path.joined(separator: " "))"))
        #expect(norwegian.out.hasPrefix("Bruk: beredskap \(path.joined(separator: " "))"))
        #expect(english.out != norwegian.out.replacingOccurrences(of: "Bruk:", with: "Usage:"))
        if path.count == 2 {
            #expect(english.out.contains("Example"))
            #expect(norwegian.out.contains("Eksemp"))  // Eksempel, Eksempler
        }
    }

    // MARK: After a refusal

    @Test func anInvalidSetListsEveryProblemInTheReadersLanguage() throws {
        let details: JSONObject = [
            "file": "surge-high.json5", "field": "steps[2].due",
            "problems": [
                ["file": "surge-high.json5", "field": "steps[2].due", "message": "expected a duration", "message_nb": "forventet en varighet"],
                ["file": "broken.json5", "field": "", "message": "not JSON5", "message_nb": "ikke JSON5"],
            ],
        ]
        let hint = try #require(APIErrorHint.hint(for: APIErrorBody(code: .invalidDefinition, message: "invalid", details: details)))
        #expect(hint.en == "surge-high.json5: steps[2].due: expected a duration\nbroken.json5: not JSON5")
        #expect(hint.nb == "surge-high.json5: steps[2].due: forventet en varighet\nbroken.json5: ikke JSON5")
        #expect(APIErrorHint.hint(for: APIErrorBody(code: .invalidDefinition, message: "invalid")) == nil)
    }

    @Test func aConflictWithARunPointsToIt() throws {
        let hint = try #require(APIErrorHint.hint(for: APIErrorBody(code: .conflict, message: "exists", details: ["run": 12, "state": "active"])))
        #expect(hint.en == "See the run: beredskap run show 12")
        #expect(hint.nb.hasSuffix("beredskap run show 12"))
        #expect(APIErrorHint.hint(for: APIErrorBody(code: .conflict, message: "idempotency")) == nil)
        #expect(APIErrorHint.hint(for: APIErrorBody(code: .capExceeded, message: "cap", details: ["cap": 1000]))?.en.contains("1000") == true)
    }
}
