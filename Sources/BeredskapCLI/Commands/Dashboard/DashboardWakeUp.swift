import BeredskapClient
import BeredskapCore
import Foundation
import Glibc
import Synchronization

/// What wakes the dashboard's loop: notes from the thread that follows the event stream, and
/// signals (a resized window, Ctrl-C from outside, a hang-up), all through one self-pipe.
///
/// Why one pipe: the loop waits in `poll` on the keyboard and this pipe, so an event, a key
/// and a resize each wake it at once and nothing wakes it otherwise — the screen is redrawn
/// when something happened, never on a timer. A signal handler may do almost nothing, so it
/// only sets a bit and writes a byte; the loop does the rest.
final class DashboardWakeUp: Sendable {
    enum Note: Sendable {
        case event(Event)
        /// The stream was lost; it is resumed after `seq`.
        case lost(after: Int64)
        /// The daemon answers again.
        case back
        /// The stream ended for good (the daemon refused it).
        case failed(ClientError)
    }

    /// The pipe's read end, for `poll`.
    let readEnd: Int32
    private let writeEnd: Int32
    private let notes = Mutex<[Note]>([])
    /// Set when the loop is done: the follower stops at its next line.
    let stopped = Atomic<Bool>(false)

    init?() {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return nil }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    /// From the follower thread.
    func post(_ note: Note) {
        notes.withLock { $0.append(note) }
        poke(writeEnd)
    }

    /// Everything posted since the last call, oldest first.
    func take() -> [Note] {
        notes.withLock { notes in
            defer { notes = [] }
            return notes
        }
    }

    /// Empties the pipe (its bytes only say "look").
    func drain() {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(readEnd, &buffer, buffer.count) > 0 {}
    }

    // MARK: Signals

    struct Signals: OptionSet {
        let rawValue: Int32
        static let resized = Signals(rawValue: 1)
        static let quit = Signals(rawValue: 2)
    }

    /// Runs `body` with SIGWINCH, SIGINT, SIGTERM and SIGHUP caught into this pipe; the
    /// defaults are back afterwards.
    func catchingSignals<T>(_ body: () throws(CommandFailure) -> T) throws(CommandFailure) -> T {
        pendingSignals.store(0, ordering: .relaxed)
        signalPipe.store(writeEnd, ordering: .relaxed)
        let caught = [SIGWINCH, SIGINT, SIGTERM, SIGHUP]
        var set = sigset_t(), previous = sigset_t()
        sigemptyset(&set)
        for number in caught { sigaddset(&set, number) }
        pthread_sigmask(SIG_UNBLOCK, &set, &previous)
        for number in caught {
            signal(number) { number in
                let bit = number == SIGWINCH ? Signals.resized.rawValue : Signals.quit.rawValue
                pendingSignals.bitwiseOr(bit, ordering: .relaxed)
                poke(signalPipe.load(ordering: .relaxed))
            }
        }
        defer {
            for number in caught { signal(number, SIG_DFL) }
            pthread_sigmask(SIG_SETMASK, &previous, nil)
            signalPipe.store(-1, ordering: .relaxed)
        }
        return try body()
    }

    /// The signals that came since the last call.
    func takeSignals() -> Signals {
        Signals(rawValue: pendingSignals.exchange(0, ordering: .relaxed))
    }
}

/// Signals caught while `catchingSignals` runs (`Signals` bits), and the pipe they poke.
/// Globals because a signal handler cannot capture anything; both are atomics, which a handler
/// may touch.
private let pendingSignals = Atomic<Int32>(0)
private let signalPipe = Atomic<Int32>(-1)

/// One byte into the pipe; a full pipe already says "look", so a failed write is fine.
private func poke(_ fileDescriptor: Int32) {
    guard fileDescriptor >= 0 else { return }
    var byte: UInt8 = 1
    _ = write(fileDescriptor, &byte, 1)
}
