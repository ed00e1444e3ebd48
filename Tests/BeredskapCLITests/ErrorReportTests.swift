import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore
import BeredskapHTTP
import BeredskapJSON
import Testing

@testable import BeredskapCLI

/// How failures are reported: one JSON object with `--json`, the same exit code for the same
/// kind of mistake, CLI names instead of API fields, and the nearest valid value.
@Suite struct ErrorReportTests {
    /// The one JSON object a `--json` run printed on stderr.
    func jsonError(_ arguments: [String]) throws -> (code: Int32, error: JSONValue) {
        let result = CLIRun.run(arguments + ["--json"])
        #expect(result.err.hasSuffix("}\n") && result.err.split(separator: "\n").count == 1, "\(result.err)")
        return (result.code, try #require(try JSONParser.parse(result.err)["error"]))
    }

    @Test func usageErrorsAreJSONWithJSON() throws {
        let missing = try jsonError(["facility", "show"])
        #expect(missing.code == 2)
        #expect(missing.error["code"] == "usage")
        #expect(missing.error["message"] == "missing argument <ID>")
        #expect(missing.error["details"]?["command"] == "beredskap facility show")
        #expect(try jsonError(["stauts"]).error["code"] == "usage")
        #expect(try jsonError(["status", "--csv"]).error["code"] == "usage")
        #expect(try jsonError(["status", "--lang", "de"]).code == 2)
    }

    @Test func connectionErrorsAreJSONWithJSON() throws {
        let unreachable = try jsonError(["status", "--socket", "/nonexistent/beredskap.sock"])
        #expect(unreachable.code == 3)
        #expect(unreachable.error["code"] == "unreachable")
        #expect(unreachable.error["details"]?["tried"] == [["path": "/nonexistent/beredskap.sock", "problem": "missing", "via": "option"]])
    }

    @Test func theUnreachableMessageListsEveryPathTriedAndWhy() {
        let candidates = SocketLocator.candidates(option: nil, environment: [:])
        let report = FailureReport.unreachable(
            [
                SocketAttempt(path: SocketLocator.checkoutDefault, problem: .refused),
                SocketAttempt(path: SocketLocator.installedDefault, problem: .missing),
            ],
            candidates: candidates)
        let text = report.hints.map(\.en).joined(separator: "\n")
        #expect(text.contains(".beredskap/beredskap.sock (a daemon started in this directory): a socket, but no daemon listens on it"))
        #expect(text.contains("/run/beredskap/beredskap.sock (the installed service): no such file"))
        #expect(text.contains("swift run beredskapd"))
        #expect(report.exitCode == .unreachable)
    }

    @Test func aPermissionErrorSaysSoInsteadOfAdvisingToStartTheDaemon() {
        let report = FailureReport.unreachable(
            [
                SocketAttempt(path: SocketLocator.checkoutDefault, problem: .missing),
                SocketAttempt(path: SocketLocator.installedDefault, problem: .permissionDenied(group: "beredskap")),
            ],
            candidates: SocketLocator.candidates(option: nil, environment: [:]))
        let text = ([report.message] + report.hints).map(\.en).joined(separator: "\n")
        #expect(report.message.en == "permission denied on beredskapd's socket /run/beredskap/beredskap.sock")
        #expect(text.contains("group beredskap"))
        #expect(text.contains("usermod -aG beredskap"))
        #expect(!text.contains("swift run beredskapd") && !text.contains("systemctl start"))
        #expect(text.contains(".beredskap/beredskap.sock (a daemon started in this directory): no such file"))
        #expect(report.json(.en).contains(#""problem":"permission_denied""#))
    }

    @Test(arguments: [
        (["facility", "list", "--kind", "transitt"], "did you mean 'transit'?"),
        (["arrival", "record", "refstad", "3", "--category", "famly"], "did you mean 'family'?"),
        (["alerts", "--state", "firng"], "did you mean 'firing'?"),
        (["facility", "set", "refstad", "--authority", "udi"], "did you mean 'UDI'?"),
    ])
    func aMistypedValueGetsASuggestion(arguments: [String], suggestion: String) {
        let result = CLIRun.run(arguments + ["--socket", "/nonexistent.sock"])
        #expect(result.code == 2)
        #expect(result.err.contains(suggestion), "\(result.err)")
    }

    // MARK: The daemon's errors in the words of the command line

    func parsed(_ arguments: [String]) throws -> ParsedCommand {
        try FacilityOptionsTests().parsed(arguments)
    }

    func apiReport(_ arguments: [String], status: Int, _ code: APIErrorCode, _ message: String, details: JSONObject = JSONObject())
        throws -> FailureReport
    {
        let command = try parsed(arguments)
        return FailureReport.api(
            status: status, body: APIErrorBody(code: code, message: message, details: details), parsed: command,
            spec: CLI.parser.resolve(command.path).command, client: BeredskapClient(socketPath: "/nonexistent.sock"))
    }

    @Test func aFieldTheDaemonNamesBecomesTheOptionThatWasTyped() throws {
        let report = try apiReport(
            ["alert", "ack", "3", "--comment", "Ringer Hero", "--expires", "2020-01-01"], status: 400, .invalidField,
            "expires_at: must be in the future", details: ["field": "expires_at"])
        #expect(report.message.en == "--expires: must be in the future")
        #expect(report.details["option"] == "--expires")
        #expect(report.details["field"] == "expires_at", "the daemon's details stay")
        #expect(report.exitCode == .usage, "a value the person typed is a usage error, wherever it is found")
        let silence = try apiReport(
            ["silence", "add", "--rule", "facility_utilization", "--for", "40d", "--comment", "x"], status: 400, .invalidField,
            "duration: a silence may last at most P30D", details: ["field": "duration"])
        #expect(silence.message.en == "--for: a silence may last at most P30D")
        let nested = try apiReport(
            ["silence", "add", "--rule", "Facility!", "--for", "2h", "--comment", "x"], status: 400, .invalidField,
            "matchers.rule: expected a rule id", details: ["field": "matchers.rule"])
        #expect(nested.message.en == "--rule: expected a rule id")
        #expect(nested.exitCode == .usage)
    }

    @Test func aFieldThatWasNotTypedIsTheDaemonRefusingTheRequest() throws {
        let report = try apiReport(
            ["facility", "set", "refstad", "--capacity", "10"], status: 400, .invalidField,
            "blocked: must not exceed capacity (10)", details: ["field": "blocked"])
        #expect(report.message.en == "--blocked: must not exceed capacity (10)")
        #expect(report.exitCode == .refused)
    }

    @Test func exitCodesFollowTheKindOfMistake() throws {
        let show = ["facility", "show", "refstd"]
        #expect(try apiReport(show, status: 404, .notFound, "no facility 'refstd'", details: ["id": "refstd"]).exitCode == .usage)
        #expect(try apiReport(["alert", "show", "99"], status: 404, .notFound, "no alert 99", details: ["id": 99]).exitCode == .usage)
        #expect(try apiReport(["run", "show", "99"], status: 404, .notFound, "no run #99").exitCode == .usage)
        #expect(try apiReport(show, status: 403, .forbidden, "needs read").exitCode == .forbidden)
        #expect(try apiReport(["run", "abort", "3", "--reason", "x"], status: 409, .conflict, "run 3 has ended").exitCode == .refused)
        #expect(try apiReport(show, status: 400, .invalidField, "frobnicate: unknown field", details: ["field": "frobnicate"])
            .exitCode == .refused, "a field nobody typed is not the person's mistake")
    }

    @Test func theDeclaredInputsNameRealCommandsAndInputs() {
        for (path, inputs) in CommandInputs.declared {
            #expect(CLI.commands[path] != nil, "\(path)")
            let (resolved, spec) = CLI.parser.resolve(path.split(separator: " ").map(String.init))
            #expect(resolved.joined(separator: " ") == path)
            for input in inputs {
                switch input.source {
                case .option(let name): #expect(spec.options.contains { $0.name == name }, "\(path) --\(name)")
                case .argument(let name): #expect(spec.arguments.contains { $0.name == name }, "\(path) <\(name)>")
                }
                if case .step(let run) = input.ids { #expect(spec.arguments.contains { $0.name == run }) }
            }
        }
    }

    @Test func anIDSuggestionIsTheClosestOrTheOnlyLongerOne() {
        let ids = ["refstad", "torshov", "nordre-aker-akutt", "oslo-mottak"]
        #expect(Suggestion.likelyID(for: "refstd", among: ids) == "refstad")
        #expect(Suggestion.likelyID(for: "Refstad", among: ids) == "refstad")
        #expect(Suggestion.likelyID(for: "nordre", among: ids) == "nordre-aker-akutt")
        #expect(Suggestion.likelyID(for: "refstad", among: ids) == nil)
        #expect(Suggestion.likelyID(for: "bergen", among: ids) == nil)
        #expect(Suggestion.likelyID(for: "o", among: ids) == nil)
    }
}

extension ErrorReportTests {
    @Test func aHintNamesTheOptionToo() throws {
        let report = try apiReport(
            ["facility", "set", "refstad", "--expansion", "1200"], status: 409, .capExceeded, "above the cap of 1000",
            details: ["cap": 1000, "requested": 1200, "field": "expansion_capacity"])
        #expect(report.hints.first?.en.hasPrefix("The cap is 1000 places per facility; --expansion asked for 1200.") == true)
        #expect(report.exitCode == .refused, "a valid request the cap refuses")
    }

    @Test func anImportRefusalListsItsProblemsInTheJSON() throws {
        guard case .report(let report) = ImportCommands.refusal(
            "a.csv", [ImportProblem(line: 3, field: "facility", Text("no facility 'x'", nb: "ingen mottak med id «x»"))],
            byDaemon: true)
        else { return #expect(Bool(false)) }
        let error = try #require(try JSONParser.parse(report.json(.en))["error"])
        #expect(error["code"] == "refused")
        #expect(error["details"]?["problems"] == [
            ["line": 3, "field": "facility", "message": "no facility 'x'", "message_nb": "ingen mottak med id «x»"],
        ])
        #expect(report.hints.map(\.en) == ["  line 3, facility: no facility 'x'"])
    }
}
