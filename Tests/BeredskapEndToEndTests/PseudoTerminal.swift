import Foundation
import Glibc

/// Runs the real `beredskap` with a pseudo-terminal as standard input and standard error, as a
/// person at a terminal would, and answers the first question it asks.
///
/// Why: whether the CLI asks before recording something implausible depends on there being a
/// terminal; only a real one shows that the question is asked, read and acted on.
struct TerminalSession {
    let code: Int32
    let stdout: String
    /// What appeared on the terminal: the question, the answer echoed, any error.
    let terminal: String

    /// Runs `arguments` in `directory`; when the terminal shows `question`, types `answer`.
    static func run(_ arguments: [String], in directory: String, question: String, answer: String) throws -> TerminalSession {
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0, PTY.grant(master) == 0, PTY.unlock(master) == 0, let name = PTY.name(master) else {
            throw POSIXError(.ENOTTY)
        }
        defer { close(master) }
        let slave = open(String(cString: name), O_RDWR | O_NOCTTY | O_CLOEXEC)
        var out: [Int32] = [0, 0]
        guard slave >= 0, pipe(&out) == 0 else { throw POSIXError(.EMFILE) }
        for fd in out { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, slave, 0)
        posix_spawn_file_actions_adddup2(&actions, out[1], 1)
        posix_spawn_file_actions_adddup2(&actions, slave, 2)
        var pid: pid_t = 0
        let spawned = PTY.spawnCLI(arguments, in: directory, environment: ["PATH=/usr/bin:/bin", "LANG=C.UTF-8"], actions: &actions, pid: &pid)
        close(slave)
        close(out[1])
        guard spawned == 0 else {
            close(out[0])
            throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL)
        }

        var shown = [UInt8]()
        var answered = false
        let deadline = Date().addingTimeInterval(60)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 200) >= 0 else { break }
            if poller.revents & Int16(POLLIN) != 0 {
                let count = read(master, &buffer, buffer.count)
                if count <= 0 { break }  // EIO: the last holder of the terminal is gone.
                shown += buffer[0..<count]
            } else if poller.revents & Int16(POLLHUP) != 0 {
                break
            }
            if !answered, String(decoding: shown, as: UTF8.self).contains(question) {
                _ = (answer + "\n").withCString { write(master, $0, strlen($0)) }
                answered = true
            }
        }
        var stdout = [UInt8]()
        while true {
            let count = read(out[0], &buffer, buffer.count)
            if count <= 0 { break }
            stdout += buffer[0..<count]
        }
        close(out[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return TerminalSession(code: code, stdout: String(decoding: stdout, as: UTF8.self), terminal: String(decoding: shown, as: UTF8.self))
    }
}

/// `grantpt`, `unlockpt` and `ptsname`, which Glibc's module map leaves out (they need
/// `_XOPEN_SOURCE`): looked up in the C library itself.
enum PTY {
    private typealias Function = @convention(c) (Int32) -> Int32
    private typealias Name = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?

    private static func symbol<T>(_ name: String, as type: T.Type) -> T? {
        dlsym(nil, name).map { unsafeBitCast($0, to: type) }
    }

    static func grant(_ fd: Int32) -> Int32 { symbol("grantpt", as: Function.self)?(fd) ?? -1 }
    static func unlock(_ fd: Int32) -> Int32 { symbol("unlockpt", as: Function.self)?(fd) ?? -1 }
    static func name(_ fd: Int32) -> UnsafeMutablePointer<CChar>? { symbol("ptsname", as: Name.self)?(fd) }

    /// Spawns the real `beredskap` with `arguments` in `directory` (through `/bin/sh`, which
    /// changes into it) with the file actions given; posix_spawn's result.
    static func spawnCLI(
        _ arguments: [String], in directory: String, environment: [String], actions: inout posix_spawn_file_actions_t,
        pid: inout pid_t
    ) -> Int32 {
        let script = #"cd "$0" || exit 97; exec "$@""#
        let argv = ["/bin/sh", "-c", script, directory, Binaries.cli] + arguments
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = environment.map { strdup($0) } + [nil]
        defer {
            cArgs.forEach { free($0) }
            cEnv.forEach { free($0) }
        }
        return posix_spawn(&pid, "/bin/sh", &actions, nil, cArgs, cEnv)
    }
}
