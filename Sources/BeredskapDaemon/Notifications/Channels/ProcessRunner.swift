import BeredskapCore
import Dispatch
import Foundation
import Glibc
import Synchronization

/// A program to run once: no shell, the input on stdin, killed after `timeout`.
struct ProcessCommand: Sendable {
    var path: String
    var arguments: [String]
    /// `NAME=value` entries; the child sees nothing else (see `ProcessCommand.environment`).
    var environment: [String]
    var input: [UInt8]
    var timeout: FixedDuration

    /// The environment of a channel program. Why not the daemon's own: it may hold
    /// `NOTIFY_SOCKET`, `LISTEN_FDS` or credentials a notification script has no business
    /// with. What a script does get is what it needs to de-duplicate and log.
    static func environment(for delivery: Delivery) -> [String] {
        [
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "LANG=C.UTF-8",
            "BEREDSKAP_CHANNEL=\(delivery.channel)",
            "BEREDSKAP_NOTIFICATION_ID=\(delivery.notificationID)",
            "BEREDSKAP_IDEMPOTENCY_KEY=\(delivery.idempotencyKey)",
        ]
    }
}

/// How a run ended. Output is the head of stderr (or of stdout when stderr was empty).
enum ProcessOutcome: Sendable, Equatable {
    case exited(Int32, output: [UInt8])
    case signalled(Int32, output: [UInt8])
    case timedOut(FixedDuration)
    case couldNotStart(String)

    var deliveryResult: DeliveryResult {
        switch self {
        case .exited(0, _): .delivered
        case .exited(let code, let output): .failed(Self.describe("exit status \(code)", output))
        case .signalled(let signal, let output): .failed(Self.describe("killed by signal \(signal)", output))
        case .timedOut(let timeout): .failed("timed out after \(timeout) (killed)")
        case .couldNotStart(let problem): .failed(problem)
        }
    }

    private static func describe(_ what: String, _ output: [UInt8]) -> String {
        let snippet = errorSnippet(output)
        return snippet.isEmpty ? what : "\(what): \(snippet)"
    }
}

/// Runs programs for one channel, at most `maxConcurrent` at a time, without ever blocking
/// the caller: `run` only takes a lock and either starts a thread or puts the job in line.
///
/// Why threads and not Dispatch work items: a run blocks in `poll` and `waitid` for up to its
/// timeout, and parking up to 64 such waits on Dispatch's shared pool (on a two-core machine)
/// would starve everything else that uses it. A thread that finishes a run takes the next job
/// in line, so the number of threads never exceeds `maxConcurrent`.
final class ProcessRunner: Sendable {
    private struct Job: Sendable {
        var command: ProcessCommand
        var completion: @Sendable (ProcessOutcome) -> Void
    }

    let maxConcurrent: Int
    private let line = Mutex<(running: Int, waiting: [Job])>((0, []))

    init(maxConcurrent: Int) {
        self.maxConcurrent = max(1, maxConcurrent)
    }

    /// How many runs are alive now (for tests and metrics).
    var running: Int { line.withLock { $0.running } }

    func run(_ command: ProcessCommand, completion: @escaping @Sendable (ProcessOutcome) -> Void) {
        let job = Job(command: command, completion: completion)
        let startNow = line.withLock { line in
            guard line.running < maxConcurrent else {
                line.waiting.append(job)
                return false
            }
            line.running += 1
            return true
        }
        guard startNow else { return }
        let thread = Thread { [self] in
            var next: Job? = job
            while let current = next {
                current.completion(ChildRun.run(current.command))
                next = line.withLock { line in
                    guard !line.waiting.isEmpty else {
                        line.running -= 1
                        return nil
                    }
                    return line.waiting.removeFirst()
                }
            }
        }
        thread.name = "beredskap-exec"
        thread.start()
    }
}

/// One child process from spawn to reaping, on the calling thread.
private enum ChildRun {
    /// Bytes of stdout and of stderr kept for the error message; the rest is read and dropped
    /// so that a chatty child never blocks on a full pipe.
    static let outputLimit = 4096

    static func run(_ command: ProcessCommand) -> ProcessOutcome {
        // Socket pairs rather than pipes: `send(MSG_NOSIGNAL)` turns a child that stopped
        // reading into EPIPE instead of a process-wide SIGPIPE. All of our ends are
        // close-on-exec from creation, so no other child (spawned by any thread) inherits them.
        guard let input = SocketPair(), let output = SocketPair(), let errors = SocketPair() else {
            return .couldNotStart("cannot create pipes: \(errnoText(errno))")
        }
        let spawned = spawn(command, stdin: input.child, stdout: output.child, stderr: errors.child)
        for pair in [input, output, errors] { close(pair.child) }
        let pid: pid_t
        switch spawned {
        case .success(let child): pid = child
        case .failure(let problem):
            for pair in [input, output, errors] { close(pair.parent) }
            return .couldNotStart(problem.message)
        }

        let child = SpawnedChild(pid: pid)
        let milliseconds = Int(clamping: command.timeout.milliseconds)
        let deadline = monotonicNanosecondsNow() + UInt64(milliseconds) * 1_000_000
        // The timer covers a child that closed its output and lingers; the I/O loop below
        // stops at the same deadline on its own.
        let timer = DispatchWorkItem { child.killGroup() }
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(milliseconds), execute: timer)

        var streams = Streams(input: input.parent, stdout: output.parent, stderr: errors.parent, pending: command.input)
        if !streams.pump(until: deadline) { child.killGroup() }
        streams.closeAll()

        let status = child.waitForExit()
        timer.cancel()
        let signal = status & 0x7f
        if signal == 0 {
            return .exited((status >> 8) & 0xff, output: streams.message)
        }
        if signal == SIGKILL && child.wasKilled { return .timedOut(command.timeout) }
        return .signalled(signal, output: streams.message)
    }

    private struct SpawnProblem: Error { var message: String }

    private static func spawn(_ command: ProcessCommand, stdin: Int32, stdout: Int32, stderr: Int32) -> Result<pid_t, SpawnProblem> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The daemon blocks its control signals in every thread and ignores SIGPIPE; a child
        // must start with neither, or `sendmail` could not be stopped and would not see EPIPE.
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGTERM, SIGINT, SIGHUP, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        // Its own process group, so a timeout kills whatever the program started too.
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([command.path] + command.arguments).map { strdup($0) } + [nil]
        let envp = command.environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, command.path, &actions, &attributes, argv, envp)
        guard result == 0 else { return .failure(SpawnProblem(message: "cannot start \(command.path): \(errnoText(result))")) }
        return .success(pid)
    }
}

/// A connected AF_UNIX stream pair, both ends close-on-exec; `child` is dup'ed to 0, 1 or 2.
private struct SocketPair {
    var parent: Int32
    var child: Int32

    init?() {
        var fds: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &fds) == 0 else { return nil }
        parent = fds[0]
        child = fds[1]
    }
}

/// The child's pid and whether it may still be signalled.
///
/// Why the care: once a child is reaped its pid (and process group id) can be reused, so
/// `killGroup` must never run after reaping. `waitForExit` first waits *without* reaping
/// (`WNOWAIT`, the zombie keeps the id reserved), marks the child exited under the lock, and
/// only then reaps.
private final class SpawnedChild: Sendable {
    let pid: pid_t
    private let state = Mutex((exited: false, killed: false))

    init(pid: pid_t) { self.pid = pid }

    var wasKilled: Bool { state.withLock { $0.killed } }

    func killGroup() {
        state.withLock { state in
            guard !state.exited, !state.killed else { return }
            state.killed = true
            kill(-pid, SIGKILL)
        }
    }

    /// Blocks until the child exits; returns the wait status.
    func waitForExit() -> Int32 {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) < 0 && errno == EINTR {}
        state.withLock { $0.exited = true }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status
    }
}

/// The parent's ends of stdin, stdout and stderr, served with `poll` on one thread: stdin is
/// written while output is read, so a child that writes before it reads cannot deadlock us.
private struct Streams {
    var input: Int32?
    var stdout: Int32?
    var stderr: Int32?
    var pending: [UInt8]
    var written = 0
    var capturedOut: [UInt8] = []
    var capturedErr: [UInt8] = []

    init(input: Int32, stdout: Int32, stderr: Int32, pending: [UInt8]) {
        self.input = input
        self.stdout = stdout
        self.stderr = stderr
        self.pending = pending
        if pending.isEmpty { closeInput() }
    }

    var message: [UInt8] { capturedErr.isEmpty ? capturedOut : capturedErr }

    /// Moves bytes until the child has closed its output; false when `deadline` came first.
    mutating func pump(until deadline: UInt64) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while input != nil || stdout != nil || stderr != nil {
            let now = monotonicNanosecondsNow()
            guard now < deadline else { return false }
            var fds: [pollfd] = []
            if let input { fds.append(pollfd(fd: input, events: Int16(POLLOUT), revents: 0)) }
            for fd in [stdout, stderr].compactMap({ $0 }) { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
            let waitMilliseconds = Int32(clamping: (deadline - now + 999_999) / 1_000_000)
            if poll(&fds, nfds_t(fds.count), waitMilliseconds) < 0 {
                if errno == EINTR { continue }
                return false
            }
            for entry in fds where entry.revents != 0 {
                if entry.fd == input { writeInput() } else { read(entry.fd, into: &buffer) }
            }
        }
        return true
    }

    private mutating func writeInput() {
        guard let fd = input else { return }
        let sent = pending.withUnsafeBytes { bytes in
            send(fd, bytes.baseAddress.map { $0 + written }, bytes.count - written, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT))
        }
        if sent > 0 {
            written += sent
            if written == pending.count { closeInput() }
        } else if sent < 0 && (errno == EAGAIN || errno == EINTR) {
            return
        } else {
            // The child stopped reading (EPIPE): not our failure to report; its exit status is.
            closeInput()
        }
    }

    private mutating func read(_ fd: Int32, into buffer: inout [UInt8]) {
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
        if count < 0 && (errno == EAGAIN || errno == EINTR) { return }
        guard count > 0 else {
            close(fd)
            if fd == stdout { stdout = nil } else { stderr = nil }
            return
        }
        if fd == stdout {
            capturedOut += buffer.prefix(min(count, ChildRun.outputLimit - capturedOut.count))
        } else {
            capturedErr += buffer.prefix(min(count, ChildRun.outputLimit - capturedErr.count))
        }
    }

    /// Closing our end is the child's end of input.
    private mutating func closeInput() {
        if let input { close(input) }
        input = nil
    }

    mutating func closeAll() {
        closeInput()
        for fd in [stdout, stderr].compactMap({ $0 }) { close(fd) }
        stdout = nil
        stderr = nil
    }
}

/// `strerror` as a Swift string.
func errnoText(_ code: Int32) -> String { String(cString: strerror(code)) }
