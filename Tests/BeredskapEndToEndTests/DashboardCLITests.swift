import BeredskapTestSupport
import Foundation
import Glibc
import Testing

/// `beredskap top` into a pipe against a real daemon: a line when the picture changes (an
/// arrival moves the figures), none for events that change nothing, no escape codes, and
/// exit 0 when it is told to stop.
@Suite struct DashboardCLITests {
    @Test func thePlainLineFollowsAnArrival() throws {
        let daemon = try DaemonProcess()
        #expect(try daemon.cli(CapacityCLITests.add("refstad", capacity: 200)).code == 0)
        let top = try ChildProcess(Binaries.cli, ["top"], directory: daemon.directory, environment: ["LANG": "C.UTF-8"])
        defer {
            top.signal(SIGKILL)
            top.waitForExit(timeout: 10)
        }
        var lines: [String] { top.standardOutput.split(separator: "\n").map(String.init) }
        #expect(waitUntil(timeout: 20) { lines.count == 1 }, "\(top.standardOutput)\n\(top.standardError)")
        #expect(lines.first?.contains("surge normal · capacity transit 0/200 · firing alerts 0 · active steps 0 (0 late)") == true, "\(lines)")

        #expect(try daemon.cli(["log", "add", "Nothing to see"]).code == 0)
        #expect(try daemon.cli(["arrival", "record", "refstad", "5", "--category", "adult"]).code == 0)
        #expect(waitUntil(timeout: 20) { lines.count == 2 }, "\(top.standardOutput)\n\(top.standardError)")
        #expect(lines.last?.contains("capacity transit 5/200") == true, "\(lines)")
        #expect(lines.count == 2, "the log entry changed no figure, so no line of its own")
        #expect(!top.standardOutput.contains("\u{1B}"), "no escape codes into a pipe")

        top.signal(SIGINT)
        #expect(top.waitForExit(timeout: 20) == 0, "Ctrl-C is the way out: exit 0")
    }

    /// A thousand arrivals imported at once are a thousand events, but not a thousand
    /// fetches of the surge or a thousand lines: what arrived is applied together.
    @Test func aBurstOfEventsIsCoalesced() throws {
        let daemon = try DaemonProcess()
        #expect(try daemon.cli(CapacityCLITests.add("refstad", capacity: 900)).code == 0)
        let rows = (0..<1000).map { "refstad;1;adult;2026-11-22 07:\(String(format: "%02d", $0 % 60))" }
        try (["facility;count;category;at"] + rows).joined(separator: "\n")
            .write(toFile: daemon.directory + "/burst.csv", atomically: true, encoding: .utf8)
        let top = try ChildProcess(Binaries.cli, ["top"], directory: daemon.directory, environment: ["LANG": "C.UTF-8"])
        defer {
            top.signal(SIGKILL)
            top.waitForExit(timeout: 10)
        }
        var lines: [String] { top.standardOutput.split(separator: "\n").map(String.init) }
        #expect(waitUntil(timeout: 20) { lines.count == 1 })
        let before = try surgeFetches(daemon)

        #expect(try daemon.cli(["import", "arrivals", "burst.csv", "--force"]).code == 0)
        #expect(waitUntil(timeout: 30) { lines.last?.contains("transit 1000/900") == true }, "\(lines)")
        let fetches = try surgeFetches(daemon) - before
        #expect(fetches >= 1 && fetches < 100, "\(fetches) fetches of the surge for 1000 arrivals")
        #expect(lines.count < 100, "\(lines.count) lines for 1000 arrivals")
    }

    /// `GET /v1/surge` answered so far, from the daemon's metrics.
    func surgeFetches(_ daemon: DaemonProcess) throws -> Int {
        try daemon.cli(["metrics"]).stdout.split(separator: "\n")
            .filter { $0.hasPrefix("beredskap_http_requests_total{method=\"GET\",route=\"/v1/surge\"") }
            .compactMap { $0.split(separator: " ").last.flatMap { Int($0) } }.reduce(0, +)
    }
}

/// `beredskap top` on a real pseudo-terminal: the full screen is drawn, follows an arrival, a
/// resize and a daemon that goes away and comes back, and `q` leaves the terminal as it was found.
@Suite struct DashboardTerminalTests {
    @Test func theScreenFollowsEventsAndResizesAndQRestoresTheTerminal() throws {
        let daemon = try DaemonProcess()
        #expect(try daemon.cli(CapacityCLITests.add("refstad", capacity: 200)).code == 0)
        let terminal = try DashboardTerminal(["top"], in: daemon.directory, columns: 100, rows: 30)
        defer { terminal.kill() }
        let before = terminal.settings()

        #expect(terminal.read { $0.contains("\u{1B}[?1049h") && $0.contains("CAPACITY") && $0.contains("0/200") }, "\(terminal.shown)")
        #expect(try daemon.cli(["arrival", "record", "refstad", "5", "--category", "adult"]).code == 0)
        #expect(terminal.read { $0.contains("5/200") && $0.contains("arrival.recorded") }, "\(terminal.shown)")

        terminal.resize(columns: 40, rows: 10)
        #expect(terminal.read { $0.contains("\u{1B}[10;1H") }, "a frame of ten rows after the resize")
        #expect(!terminal.shown.contains("\u{1B}[11;1H\u{1B}[K"), "no row drawn below the new bottom")

        let drawn = terminal.shown.count
        daemon.kill9()
        #expect(terminal.read { $0.dropFirst(drawn).contains("reconnecting…") }, "\(terminal.shown.dropFirst(drawn))")
        try daemon.killAndRestart()
        #expect(try daemon.cli(["arrival", "record", "refstad", "7", "--category", "adult"]).code == 0)
        #expect(terminal.read { $0.dropFirst(drawn).contains("12/200") }, "resumed: \(terminal.shown.suffix(800))")
        let lastFrame = terminal.shown.components(separatedBy: "\u{1B}[1;1H").last ?? ""
        #expect(lastFrame.contains("surge: NORMAL") && !lastFrame.contains("reconnecting"), "back: \(lastFrame)")
        #expect(lastFrame.contains("\u{1B}[32m"), "coloured on a terminal")

        terminal.type("q")
        #expect(terminal.read { $0.hasSuffix("\u{1B}[?25h\u{1B}[?1049l\r\n") }, "cursor shown, main screen back")
        #expect(terminal.waitForExit() == 0)
        #expect(terminal.settings() == before, "echo and line editing as before")
    }

    @Test func noColorIsRespectedAndCtrlCQuitsWithZero() throws {
        let daemon = try DaemonProcess()
        let terminal = try DashboardTerminal(["top", "--lang", "nb"], in: daemon.directory, columns: 80, rows: 24, environment: ["NO_COLOR=1"])
        defer { terminal.kill() }
        #expect(terminal.read { $0.contains("SISTE HENDELSER") }, "\(terminal.shown)")
        let styled = terminal.shown.range(of: "\u{1B}\\[[0-9;]*m", options: .regularExpression)
        #expect(styled == nil, "no colour, not even bold: \(terminal.shown.debugDescription)")
        terminal.type("\u{03}")
        #expect(terminal.read { $0.hasSuffix("\u{1B}[?1049l\r\n") })
        #expect(terminal.waitForExit() == 0)
    }
}

/// A program on a pseudo-terminal the test reads and types into.
final class DashboardTerminal {
    let pid: pid_t
    private let master: Int32
    /// Kept open so the terminal's settings can be read after the program ends.
    private let slave: Int32
    private(set) var shown = ""

    init(_ arguments: [String], in directory: String, columns: Int, rows: Int, environment: [String] = []) throws {
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0, PTY.grant(master) == 0, PTY.unlock(master) == 0, let name = PTY.name(master) else {
            throw POSIXError(.ENOTTY)
        }
        slave = open(String(cString: name), O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard slave >= 0 else { throw POSIXError(.ENOTTY) }
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for target in Int32(0)...2 { posix_spawn_file_actions_adddup2(&actions, slave, target) }
        var pid: pid_t = 0
        let spawned = PTY.spawnCLI(
            arguments, in: directory, environment: ["PATH=/usr/bin:/bin", "LANG=C.UTF-8", "TERM=xterm"] + environment,
            actions: &actions, pid: &pid)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        self.pid = pid
    }

    deinit {
        close(master)
        close(slave)
    }

    /// Reads what the program draws until `condition` holds for all of it (true), or
    /// `timeout` seconds pass.
    @discardableResult
    func read(timeout: Double = 20, until condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !condition(shown) {
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { return false }
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(left * 1000) + 1) > 0 else { continue }
            let count = Glibc.read(master, &buffer, buffer.count)
            guard count > 0 else { return condition(shown) }
            bytes += buffer[0..<count]
            shown = String(decoding: bytes, as: UTF8.self)
        }
        return true
    }

    private var bytes: [UInt8] = []

    func type(_ text: String) { _ = text.withCString { write(master, $0, strlen($0)) } }

    /// A new window size, told as a terminal emulator tells it (SIGWINCH).
    func resize(columns: Int, rows: Int) {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        Glibc.kill(pid, SIGWINCH)
    }

    /// The local modes (echo, line editing, signals) of the terminal.
    func settings() -> tcflag_t {
        var modes = termios()
        _ = tcgetattr(slave, &modes)
        return modes.c_lflag
    }

    func waitForExit() -> Int32? {
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f) }
            guard result == 0 else { return nil }
            // Whatever it still writes is read meanwhile, so it never waits on a full terminal.
            read(timeout: 0.1) { _ in false }
        }
        return nil
    }

    func kill() {
        Glibc.kill(pid, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(pid, &status, WNOHANG)
    }
}
