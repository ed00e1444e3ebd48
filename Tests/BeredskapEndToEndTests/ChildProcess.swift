import Foundation
import Glibc
import Synchronization

/// A spawned program with captured output — the real `beredskapd` or `beredskap`.
///
/// Spawned through `/bin/sh` so that the working directory is set and, for socket activation,
/// `LISTEN_PID` can be the program's own pid (`exec` keeps the shell's pid).
final class ChildProcess: @unchecked Sendable {
    // @unchecked: `pid` is immutable; output and exit status are behind mutexes.
    let pid: pid_t
    private let output = Mutex((stdout: [UInt8](), stderr: [UInt8]()))
    private let exitStatus = Mutex<Int32?>(nil)
    private let exited = DispatchSemaphore(value: 0)
    private let readersDone = DispatchGroup()

    /// - Parameter passFileDescriptor: dup'ed to descriptor 3 in the child, with LISTEN_FDS=1.
    init(
        _ executable: String, _ arguments: [String], directory: String, environment: [String: String] = [:],
        passFileDescriptor: Int32? = nil
    ) throws {
        var environment = environment
        environment["PATH"] = environment["PATH"] ?? "/usr/bin:/bin"
        if passFileDescriptor != nil { environment["LISTEN_FDS"] = "1" }
        let script = #"cd "$0" || exit 97; if [ -n "$LISTEN_FDS" ]; then export LISTEN_PID=$$; fi; exec "$@""#
        let argv = ["/bin/sh", "-c", script, directory, executable] + arguments
        let envp = environment.map { "\($0.key)=\($0.value)" }

        var outPipe: [Int32] = [0, 0]
        var errPipe: [Int32] = [0, 0]
        // Close-on-exec from creation (atomically, as tests spawn in parallel): only the dup'ed
        // copies (0–2) may reach a child, or a leaked write end would keep our readers waiting.
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        guard socketpair(AF_UNIX, type, 0, &outPipe) == 0, socketpair(AF_UNIX, type, 0, &errPipe) == 0 else {
            throw POSIXError(.EMFILE)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        if let fd = passFileDescriptor { posix_spawn_file_actions_adddup2(&actions, fd, 3) }
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = envp.map { strdup($0) } + [nil]
        defer {
            cArgs.forEach { free($0) }
            cEnv.forEach { free($0) }
        }
        var child: pid_t = 0
        let result = posix_spawn(&child, "/bin/sh", &actions, nil, cArgs, cEnv)
        close(outPipe[1])
        close(errPipe[1])
        guard result == 0 else {
            close(outPipe[0])
            close(errPipe[0])
            throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EINVAL)
        }
        pid = child
        let spawned = child
        read(outPipe[0]) { bytes in self.output.withLock { $0.stdout += bytes } }
        read(errPipe[0]) { bytes in self.output.withLock { $0.stderr += bytes } }
        let thread = Thread { [self] in
            var status: Int32 = 0
            while waitpid(spawned, &status, 0) < 0 && errno == EINTR {}
            let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
            exitStatus.withLock { $0 = code }
            exited.signal()
        }
        thread.start()
    }

    private func read(_ fd: Int32, append: @escaping @Sendable ([UInt8]) -> Void) {
        readersDone.enter()
        let thread = Thread { [readersDone] in
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = Glibc.read(fd, &buffer, buffer.count)
                if count > 0 { append(Array(buffer[0..<count])); continue }
                if count < 0 && errno == EINTR { continue }
                break
            }
            close(fd)
            readersDone.leave()
        }
        thread.start()
    }

    var standardOutput: String { output.withLock { String(decoding: $0.stdout, as: UTF8.self) } }
    var standardError: String { output.withLock { String(decoding: $0.stderr, as: UTF8.self) } }

    func signal(_ number: Int32) { kill(pid, number) }

    /// Waits for the exit; returns the exit code (128+N for signal N), or nil on timeout.
    @discardableResult
    func waitForExit(timeout: Double = 30) -> Int32? {
        guard exited.wait(timeout: .now() + timeout) == .success else { return nil }
        exited.signal()
        _ = readersDone.wait(timeout: .now() + 5)
        return exitStatus.withLock { $0 }
    }

    var isRunning: Bool { exitStatus.withLock { $0 } == nil }
}
