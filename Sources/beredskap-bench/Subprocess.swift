import Foundation
import Glibc

/// Runs a program to its end and hands back its exit status and output.
///
/// Why posix_spawn and waitpid, not Foundation's Process: the daemon runs in this process, and
/// Process learns of a child's exit through a SIGCHLD handler that never heard of it here (a
/// pg_ctl child stayed a zombie). Output goes to files, not pipes: a server that a program
/// starts inherits the pipe and would keep it open for ever.
enum Subprocess {
    struct Result {
        /// The exit status; -1 when it did not exit normally.
        var status: Int32
        var output: String
        var errors: String
    }

    static func run(_ argv: [String], capturing: Bool = true) throws(BenchError) -> Result {
        let output = "/tmp/beredskap-bench-\(getpid())-out", errors = "/tmp/beredskap-bench-\(getpid())-err"
        defer {
            unlink(output)
            unlink(errors)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, capturing ? output : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, capturing ? errors : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var pid: pid_t = 0
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArguments, environ)
        guard spawned == 0 else { throw BenchError("cannot start \(argv[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED: the low seven bits are 0; WEXITSTATUS: the next eight.
        let exit: Int32 = status & 0x7f == 0 ? (status >> 8) & 0xff : -1
        return Result(
            status: exit, output: (try? String(contentsOfFile: output, encoding: .utf8)) ?? "",
            errors: (try? String(contentsOfFile: errors, encoding: .utf8)) ?? "")
    }

    /// Starts a server (`argv`) with its output to `log`, and does not wait for it.
    static func spawn(_ argv: [String], log: String) throws(BenchError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var pid: pid_t = 0
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArguments, environ)
        guard spawned == 0 else { throw BenchError("cannot start \(argv[0]): \(String(cString: strerror(spawned)))") }
        return pid
    }

    /// Stops a server `spawn` started (SIGTERM) and reaps it.
    static func terminate(_ pid: pid_t) {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }
}
