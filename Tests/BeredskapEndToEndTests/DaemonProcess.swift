import BeredskapTestSupport
import BeredskapClient
import Foundation
import Glibc
import Testing

/// A real `beredskapd` in a temporary directory, started the way a newcomer does: no
/// arguments, the embedded default configuration, state in `./.beredskap/`.
final class DaemonProcess {
    let directory: String
    let arguments: [String]
    let environment: [String: String]
    private(set) var process: ChildProcess

    /// The socket the embedded default uses, relative to `directory`.
    var socketPath: String { socketOverride ?? directory + "/.beredskap/beredskap.sock" }
    private let socketOverride: String?

    init(arguments: [String] = [], environment: [String: String] = [:], socket: String? = nil, directory: String? = nil) throws {
        self.directory = directory ?? Self.makeDirectory()
        self.arguments = arguments
        self.environment = environment
        socketOverride = socket
        process = try ChildProcess(Binaries.daemon, arguments, directory: self.directory, environment: environment)
        try waitUntilServing()
    }

    deinit {
        if process.isRunning {
            process.signal(SIGKILL)
            process.waitForExit(timeout: 10)
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    static func makeDirectory() -> String {
        let path = "/tmp/be2e-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        chmod(path, 0o755)
        return path
    }

    func client() -> BeredskapClient { BeredskapClient(socketPath: socketPath, timeout: 10) }

    func waitUntilServing() throws {
        let client = client()
        defer { client.close() }
        let serving = waitUntil(timeout: 30) {
            guard process.isRunning else { return true }
            return (try? client.health()) != nil
        }
        guard serving, process.isRunning else {
            throw DaemonFailed(message: "beredskapd did not start: exit \(String(describing: process.waitForExit(timeout: 1)))\n\(process.standardError)")
        }
    }

    /// Stops hard (as a power cut would) and starts again on the same state.
    func killAndRestart() throws {
        kill9()
        process = try ChildProcess(Binaries.daemon, arguments, directory: directory, environment: environment)
        try waitUntilServing()
    }

    func kill9() {
        process.signal(SIGKILL)
        process.waitForExit(timeout: 20)
    }

    /// Runs the CLI in the daemon's directory (so it finds ./.beredskap/beredskap.sock).
    func cli(_ arguments: [String], environment: [String: String] = [:]) throws -> CLIResult {
        var env = ["LANG": "C.UTF-8"]
        env.merge(environment) { $1 }
        let child = try ChildProcess(Binaries.cli, arguments, directory: directory, environment: env)
        let code = child.waitForExit(timeout: 60)
        return CLIResult(code: code ?? -1, stdout: child.standardOutput, stderr: child.standardError)
    }
}

struct CLIResult {
    let code: Int32
    let stdout: String
    let stderr: String
}

struct DaemonFailed: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
