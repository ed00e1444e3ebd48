import BeredskapAPI
import BeredskapClient
import Foundation
import Glibc
import Synchronization

/// Following a running exercise from `exercise run`: its progress asked for every
/// `pollInterval`, until it ends — or until Ctrl-C, when the daemon is asked to stop it and
/// the answer (given once it has stopped) is the run's last state.
///
/// Why poll rather than follow the event stream: an exercise writes only two events to the
/// live log (its progress is in memory in the daemon), and one small read twice a second
/// costs the daemon nothing beside a run that replays months.
struct ExerciseFollow {
    /// How often the progress is asked for.
    static let pollInterval = 0.5
    /// How long a wait lasts before Ctrl-C is looked at again.
    static let interruptCheck = 0.05

    var fetch: () throws(ClientError) -> ExerciseResource
    var stop: () throws(ClientError) -> ExerciseResource
    var interrupted: () -> Bool
    var progress: (ExerciseResource) -> Void
    var wait: (Double) -> Void = { Thread.sleep(forTimeInterval: $0) }

    /// Follows the run from its start (its progress shown from the first answer after it);
    /// its last state, and whether Ctrl-C stopped it.
    func run(_ started: ExerciseResource) throws(ClientError) -> (ExerciseResource, interrupted: Bool) {
        var current = started
        while current.state == .running {
            if waitedUntilInterrupted() {
                current = try stopped()
                progress(current)
                return (current, true)
            }
            current = try fetch()
            progress(current)
        }
        return (current, false)
    }

    /// Waits `pollInterval`; true as soon as Ctrl-C came.
    private func waitedUntilInterrupted() -> Bool {
        var waited = 0.0
        while waited < Self.pollInterval {
            if interrupted() { return true }
            wait(Self.interruptCheck)
            waited += Self.interruptCheck
        }
        return interrupted()
    }

    /// The run after asking the daemon to stop it (answered once it has); one that ended
    /// meanwhile (409) as it ended.
    private func stopped() throws(ClientError) -> ExerciseResource {
        do {
            return try stop()
        } catch {
            guard case .api(status: 409, body: _) = error else { throw error }
            return try fetch()
        }
    }
}

/// Set by Ctrl-C while `Interrupt.catching` runs.
private let interruptRequested = Atomic<Bool>(false)

/// Ctrl-C (SIGINT) caught for a while instead of ending the program, so that a command can
/// undo what it started in the daemon (stop an exercise) before it exits 130.
enum Interrupt {
    static func requested() -> Bool { interruptRequested.load(ordering: .relaxed) }

    /// Runs `body` with SIGINT only setting the flag `requested()` reads; the default (end
    /// the program) is back afterwards. SIGINT is unblocked meanwhile: a program that started
    /// this one may have left it blocked, and Ctrl-C must still reach the run.
    static func catching<T>(_ body: () throws(CommandFailure) -> T) throws(CommandFailure) -> T {
        interruptRequested.store(false, ordering: .relaxed)
        var interrupt = sigset_t(), previous = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, &previous)
        signal(SIGINT) { _ in interruptRequested.store(true, ordering: .relaxed) }
        defer {
            signal(SIGINT, SIG_DFL)
            pthread_sigmask(SIG_SETMASK, &previous, nil)
        }
        return try body()
    }
}

/// The progress of `exercise run`: one line redrawn in place on a terminal; into a pipe or a
/// file, a line every `plainLineInterval` (and the last), so a log is not flooded.
final class ExerciseProgressPrinter {
    static let plainLineInterval = 5.0

    private let output: Output
    private let terminal: Bool
    private let clock: () -> Double
    private var lastLine: Double?
    private var drawn = false

    /// - Parameter terminal: nil: whether the output is a terminal (tables fit it then).
    init(output: Output, terminal: Bool? = nil, clock: @escaping () -> Double = { ProcessInfo.processInfo.systemUptime }) {
        self.output = output
        self.terminal = terminal ?? (output.width != Output.unlimitedWidth)
        self.clock = clock
    }

    func show(_ exercise: ExerciseResource) {
        let line = ExerciseFormat.progress(exercise, output)
        if terminal {
            output.raw("\r" + line + "\u{1B}[K")
            drawn = true
            return
        }
        let now = clock()
        if let last = lastLine, now - last < Self.plainLineInterval, exercise.state == .running { return }
        lastLine = now
        output.line(line)
    }

    /// Ends the redrawn line.
    func finish() {
        guard drawn else { return }
        output.raw("\n")
        drawn = false
    }
}
