import Foundation
import Testing

/// The shipped systemd units and install script: `systemd-analyze verify` finds nothing,
/// `systemd-analyze security` rates the service OK, and the script creates the groups the
/// default roles name.
@Suite struct SystemdUnitTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let units = repository.appendingPathComponent("Config/systemd")
    static let analyze = "/usr/bin/systemd-analyze"

    /// The units in a temporary directory, with ExecStart pointing at the built daemon.
    func unitsHere() throws -> String {
        let directory = DaemonProcess.makeDirectory()
        for name in ["beredskapd.service", "beredskapd.socket"] {
            let text = try String(contentsOf: Self.units.appendingPathComponent(name), encoding: .utf8)
                .replacingOccurrences(of: "/usr/local/bin/beredskapd", with: Binaries.daemon)
            try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
        }
        return directory
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: analyze)))
    func theUnitsVerifyAndTheServiceIsRatedOK() throws {
        let directory = try unitsHere()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let verify = try ChildProcess(
            Self.analyze, ["verify", "--man=no", "./beredskapd.service", "./beredskapd.socket"], directory: directory)
        #expect(verify.waitForExit(timeout: 60) == 0, "\(verify.standardError)")
        #expect(verify.standardError.isEmpty, "\(verify.standardError)")
        let security = try ChildProcess(Self.analyze, ["security", "--offline=true", "./beredskapd.service"], directory: directory)
        _ = security.waitForExit(timeout: 60)
        let overall = security.standardOutput.split(separator: "\n").first { $0.contains("Overall exposure level") }
        let score = overall.flatMap { line in line.split(separator: " ").compactMap { Double($0) }.first }
        #expect(score.map { $0 <= 2.0 } == true, "\(overall ?? "no rating"): \(security.standardError)")
        let service = try String(contentsOf: Self.units.appendingPathComponent("beredskapd.service"), encoding: .utf8)
        for setting in [
            "ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes", "NoNewPrivileges=yes",
            "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6", "SystemCallFilter=@system-service",
            "ReadWritePaths=/var/lib/beredskap", "User=beredskap", "WatchdogSec=",
        ] {
            #expect(service.contains(setting), "\(setting)")
        }
    }

    @Test func theInstallScriptCreatesTheGroupsOfTheDefaultRoles() throws {
        let directory = DaemonProcess.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let script = Self.units.appendingPathComponent("install.sh").path
        let binaries = (Binaries.daemon as NSString).deletingLastPathComponent
        let dry = try ChildProcess("/bin/sh", [script, "--dry-run", binaries], directory: directory)
        #expect(dry.waitForExit(timeout: 30) == 0, "\(dry.standardError)")
        let config = try String(contentsOf: Self.repository.appendingPathComponent("Config/beredskap.json5"), encoding: .utf8)
        for group in ["beredskap-les", "beredskap-saksbehandler", "beredskap-admin"] {
            #expect(config.contains("\"\(group)\""), "the default roles name \(group)")
            #expect(dry.standardOutput.contains("groupadd --system \(group)"), "\(dry.standardOutput)")
        }
        #expect(dry.standardOutput.contains("useradd --system --user-group"), "the operator group beredskap is the user's own")
        #expect(dry.standardOutput.contains("systemctl enable --now beredskapd.socket beredskapd.service"))
        let role = try ChildProcess("/bin/sh", [script, "--dry-run", "add-user", "kari", "caseworker"], directory: directory)
        #expect(role.waitForExit(timeout: 30) == 0)
        #expect(role.standardOutput.contains("usermod --append --groups beredskap-brukere,beredskap-saksbehandler kari"))
        let wrong = try ChildProcess("/bin/sh", [script, "--dry-run", "add-user", "kari", "boss"], directory: directory)
        #expect(wrong.waitForExit(timeout: 30) == 2)
        let socket = try String(contentsOf: Self.units.appendingPathComponent("beredskapd.socket"), encoding: .utf8)
        #expect(socket.contains("SocketGroup=beredskap-brukere"), "the group the script creates")
    }
}
