import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore
import Synchronization
import Testing

@testable import BeredskapCLI

/// `exercise …`: `--speed` as the API's field, usage errors, help in both languages, the
/// progress while a run is followed (and Ctrl-C), the exit codes, and the tables.
@Suite struct ExerciseCommandTests {
    func parsed(_ arguments: [String]) throws -> ParsedCommand {
        guard case .run(let command) = try CLI.parser.parse(arguments) else { throw FacilityOptionsTests.Unexpected.notRun }
        return command
    }

    static let at = Timestamp(rfc3339: "2026-03-02T07:00:00Z") ?? Timestamp(millisecondsSinceEpoch: 0)

    static func exercise(
        _ state: ExerciseRunState = .running, done: Int = 4, results: [ExerciseExpectationResult] = []
    ) -> ExerciseResource {
        ExerciseResource(
            id: 3, scenario: "quick-drill", state: state, speed: .maximum, startedAt: at, endedAt: state == .running ? nil : at,
            simulatedAt: at.adding(milliseconds: 3_600_000), injectsDone: done, injectsTotal: 15, alerts: 2, runs: 1,
            notifications: 9, results: results, failure: state == .failed ? "could not copy the state" : nil)
    }

    static let met = ExerciseExpectationResult(
        index: 0, expectation: ExerciseExpectation(.surgeLevel(.high), within: .seconds(7200)), met: true,
        at: at.adding(milliseconds: 60_000), deadline: at.adding(milliseconds: 7_200_000))
    static let missed = ExerciseExpectationResult(
        index: 1, expectation: ExerciseExpectation(.noAlert(ExerciseAlertMatch(rule: "facility_cap"))), met: false,
        at: at.adding(milliseconds: 120_000), deadline: nil)

    /// An output whose lines are kept.
    final class Captured: Sendable {
        let text = Mutex("")
        func output(_ language: Language = .en, width: Int = 200) -> Output {
            Output(
                language: language, style: TextStyle(enabled: false), format: .human, width: width,
                zone: { "Europe/Oslo" }, write: { line in self.text.withLock { $0 += line } }, writeError: { _ in })
        }
        var lines: [String] { text.withLock { $0 }.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func theSpeedIsANumberFromOneOrMax() throws {
        #expect(try ExerciseCommands.startBody(try parsed(["exercise", "run", "quick-drill"])) == StartExerciseBody(scenario: "quick-drill"))
        #expect(try ExerciseCommands.startBody(try parsed(["exercise", "run", "quick-drill", "--speed", "max"])).speed == .maximum)
        #expect(try ExerciseCommands.startBody(try parsed(["exercise", "run", "autumn-2015", "--speed", "3600"])).speed == .factor(3600))
        for speed in ["0.5", "0", "fast", "2000000", "-3", "nan"] {
            #expect(throws: UsageError.self, "\(speed)") {
                try ExerciseCommands.startBody(try parsed(["exercise", "run", "quick-drill", "--speed", speed]))
            }
        }
        #expect(throws: UsageError.self) { try parsed(["exercise", "run"]) }
        #expect(throws: UsageError.self) { try parsed(["exercise", "run", "quick-drill", "--speeed", "max"]) }
        #expect(throws: UsageError.self) { try parsed(["exercise", "show", "x"]).number("ID") }
    }

    @Test func everyCommandHasHelpInBothLanguagesAndUsageErrorsExitTwo() {
        let commands = [[]] + CommandTree.exercise.subcommands.map { [$0.spec.name] }
        for command in commands.map({ ["exercise"] + $0 }) {
            let english = CLIRun.run(command + ["--help", "--lang", "en"])
            let bokmål = CLIRun.run(command + ["--help", "--lang", "nb"])
            #expect(english.code == 0 && bokmål.code == 0 && !english.out.isEmpty && english.out != bokmål.out, "\(command)")
        }
        #expect(CLIRun.run(["exercise", "run", "--help"]).out.contains("5 finished with some missed"))
        #expect(CLIRun.run(["exercise", "run", "quick-drill", "--speed", "0.5", "--socket", "/nonexistent.sock"]).code == 2)
        #expect(CLIRun.run(["exercise", "show", "three", "--socket", "/nonexistent.sock"]).code == 2)
    }

    @Test func aFollowedRunEndsAtItsEndAndCtrlCStopsItFirst() throws {
        let answers = Mutex([Self.exercise(done: 8), Self.exercise(.finished, done: 15, results: [Self.met])])
        let shown = Mutex<[Int]>([])
        let follow = ExerciseFollow(
            fetch: { () throws(ClientError) in answers.withLock { $0.removeFirst() } },
            stop: { () throws(ClientError) in Self.exercise(.stopped) },
            interrupted: { false }, progress: { exercise in shown.withLock { $0.append(exercise.injectsDone) } }, wait: { _ in })
        let (ended, interrupted) = try follow.run(Self.exercise(done: 0))
        #expect(ended.state == .finished && !interrupted)
        #expect(shown.withLock { $0 } == [8, 15])

        // Ctrl-C: the daemon is asked to stop it, and its answer (once stopped) is the last state.
        let stops = Mutex(0)
        let stopping = ExerciseFollow(
            fetch: { () throws(ClientError) in Self.exercise() },
            stop: { () throws(ClientError) in
                stops.withLock { $0 += 1 }
                return Self.exercise(.stopped, done: 5)
            },
            interrupted: { true }, progress: { _ in }, wait: { _ in })
        let (stopped, wasInterrupted) = try stopping.run(Self.exercise())
        #expect(wasInterrupted && stopped.state == .stopped && stops.withLock { $0 } == 1)
        #expect(ExerciseFormat.failure(stopped, interrupted: true).map(Self.exitCode) == .interrupted)

        // It ended just before the stop came (409): as it ended.
        let late = ExerciseFollow(
            fetch: { () throws(ClientError) in Self.exercise(.finished, done: 15) },
            stop: { () throws(ClientError) in throw .api(status: 409, body: APIErrorBody(code: .conflict, message: "not running")) },
            interrupted: { true }, progress: { _ in }, wait: { _ in })
        #expect(try late.run(Self.exercise()).0.state == .finished)
    }

    static func exitCode(_ failure: CommandFailure) -> ExitCode? {
        if case .report(let report) = failure { return report.exitCode }
        return nil
    }

    @Test func theExitCodeSaysHowTheRunEnded() {
        #expect(ExerciseFormat.failure(Self.exercise(.finished, results: [Self.met]), interrupted: false) == nil)
        #expect(ExerciseFormat.failure(Self.exercise(.finished, results: [Self.met, Self.missed]), interrupted: false)
            .map(Self.exitCode) == .missed)
        #expect(ExerciseFormat.failure(Self.exercise(.stopped), interrupted: false).map(Self.exitCode) == .refused)
        #expect(ExerciseFormat.failure(Self.exercise(.failed), interrupted: false).map(Self.exitCode) == .refused)
        #expect(ExitCode.missed.rawValue == 5 && ExitCode.interrupted.rawValue == 130)
    }

    @Test func progressIsOneRedrawnLineOnATerminalAndAFewPlainLinesOtherwise() {
        let terminal = Captured()
        let redrawn = ExerciseProgressPrinter(output: terminal.output(), terminal: true)
        redrawn.show(Self.exercise(done: 4))
        redrawn.show(Self.exercise(done: 5))
        redrawn.finish()
        let text = terminal.text.withLock { $0 }
        #expect(text.hasPrefix("\r#3 2026-03-02 09:00:00 CET  injects 4/15  alerts 2  runs 1  notifications 9\u{1B}[K\r#3 "), "\(text)")
        #expect(text.hasSuffix("\n") && text.filter { $0 == "\n" }.count == 1)

        let piped = Captured()
        let seconds = Mutex(0.0)
        let plain = ExerciseProgressPrinter(output: piped.output(.nb), terminal: false, clock: { seconds.withLock { $0 } })
        for done in 1...10 {
            plain.show(Self.exercise(done: done))
            seconds.withLock { $0 += 1 }
        }
        plain.show(Self.exercise(.finished, done: 15))
        plain.finish()
        // At 0 s and 5 s, and the last.
        #expect(piped.lines.filter { !$0.isEmpty } == [
            "#3 2026-03-02 09:00:00 CET  innspill 1/15  varsler 2  kjøringer 1  meldinger 9",
            "#3 2026-03-02 09:00:00 CET  innspill 6/15  varsler 2  kjøringer 1  meldinger 9",
            "#3 2026-03-02 09:00:00 CET  innspill 15/15  varsler 2  kjøringer 1  meldinger 9",
        ])
    }

    @Test func aRunShowsItsExpectationsMetAndMissed() {
        let captured = Captured()
        ExerciseFormat.present(Self.exercise(.finished, done: 15, results: [Self.met, Self.missed]), captured.output(.nb))
        let lines = captured.lines
        #expect(lines.first == "Øvelse #3: quick-drill, fullført (max)")
        #expect(lines.contains { $0.hasPrefix("Innspill") && $0.hasSuffix("15/15") })
        #expect(lines.contains { $0.hasPrefix("#  FORVENTNING") && $0.contains("FRIST") })
        #expect(lines.contains { $0.contains("ankomstnivå høy innen 2 t") && $0.hasSuffix("oppfylt") })
        #expect(lines.contains { $0.contains("ingen varsel facility_cap") && $0.contains("hele øvelsen") && $0.hasSuffix("ikke oppfylt") })
        #expect(lines.contains("1 av 2 forventninger oppfylt."))
        #expect(ExerciseFormat.resultCSVRow(Self.missed, exercise: 3) == ["3", "1", "no alert facility_cap", "", "2026-03-02T07:02:00.000Z", "false"])
        #expect(ExerciseFormat.expectation(ExerciseExpectation(
            .alertFired(ExerciseAlertMatch(rule: "facility_utilization", subject: "facility/refstad", severity: .warning)),
            within: .seconds(1800))).en == "alert facility_utilization facility/refstad (warning) within 30 min")
    }

    @Test func theListHasOneRowPerRunAligned() {
        let captured = Captured()
        let output = captured.output()
        output.table(ExerciseFormat.columns, rows: [Self.exercise(), Self.exercise(.finished, done: 15, results: [Self.met])].map {
            ExerciseFormat.row($0, output)
        })
        let lines = captured.lines.filter { !$0.isEmpty }
        #expect(lines.count == 3)
        #expect(lines[1].contains("running") && lines[1].hasSuffix("–"))
        #expect(lines[2].contains("finished") && lines[2].hasSuffix("1/1"))
        #expect(ExerciseFormat.csvRow(Self.exercise(.finished, results: [Self.met, Self.missed])).suffix(2) == ["1", "1"])
        #expect(ExerciseFormat.csvHeader.count == ExerciseFormat.csvRow(Self.exercise()).count)
    }
}
