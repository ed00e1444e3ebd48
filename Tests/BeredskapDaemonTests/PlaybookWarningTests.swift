import BeredskapCore
import BeredskapJSON
import Foundation
import Testing

@testable import BeredskapDaemon

/// A daemon without action cards says so, so nobody learns it during a surge.
@Suite struct PlaybookWarningTests {
    @Test func theListSaysWhenNoPlaybooksAreLoadedAndWhy() throws {
        let missing = try DaemonHarness()
        let warning = try Session(missing).get("/v1/playbooks")["warning"]?.stringValue
        #expect(warning == "no playbooks loaded from \(missing.directory)/playbooks (no such directory); surge and alert cards will not start")

        let directory = "/tmp/bp-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let empty = try DaemonHarness { $0.playbooks.directory = directory }
        let session = try Session(empty)
        #expect(try session.get("/v1/playbooks")["warning"]?.stringValue?.contains("(the directory holds none)") == true)
        let norwegian = try session.client.request("GET", "/v1/playbooks", headers: [("Accept-Language", "nb")]).json
        #expect(norwegian["warning"]?.stringValue?.hasPrefix("ingen tiltakskort lastet fra \(directory)") == true)

        try PlaybookAPITests.card.write(toFile: directory + "/drill.json5", atomically: true, encoding: .utf8)
        let loaded = try DaemonHarness { $0.playbooks.directory = directory }
        #expect(try Session(loaded).get("/v1/playbooks")["warning"] == .null)
    }
}
