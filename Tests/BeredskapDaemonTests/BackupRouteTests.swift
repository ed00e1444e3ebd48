import BeredskapJSON
import Foundation
import BeredskapStore
import Testing

@testable import BeredskapDaemon

/// `POST /v1/backup`: admin only, every bad path refused before any work, the copy verified.
@Suite(.serialized) struct BackupRouteTests {
    @Test func aBackupIsWrittenVerifiedAndRecorded() throws {
        let harness = try DaemonHarness()
        let root = try Session(harness)
        #expect(try (200..<300).contains(root.putFacility("refstad").status))
        let path = harness.directory + "/backup-1.db"
        let written = try root.post("/v1/backup", ["path": .string(path)])
        #expect(written.status == 201, "\(written.text)")
        #expect(written.json["integrity"] == "ok")
        #expect(written.json["schema_version"]?.intValue == Int64(Migrations.all.count))
        #expect(written.json["last_event_seq"]?.intValue ?? 0 > 0)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"), "one file, complete")
        let event = try root.events("daemon.backup_written").last
        #expect(event?["data"]?["path"] == .string(path))
        #expect(event?["seq"] == written.json["event_seq"])
    }

    @Test func badPathsAndOtherUsersAreRefused() throws {
        let harness = try DaemonHarness()
        let root = try Session(harness)
        expectError(try root.post("/v1/backup", ["path": "relative.db"]), 400, "invalid_field", field: "path")
        expectError(try root.post("/v1/backup", ["path": .string("/nowhere-\(UUID().uuidString)/x.db")]), 400, "invalid_field", field: "path")
        expectError(try root.post("/v1/backup", [:]), 400, "invalid_field", field: "path")
        let existing = harness.directory + "/taken.db"
        _ = FileManager.default.createFile(atPath: existing, contents: Data())
        expectError(try root.post("/v1/backup", ["path": .string(existing)]), 409, "conflict", field: "path")
        let operatorSession = try Session(harness, as: People.operatorByGroup)
        expectError(try operatorSession.post("/v1/backup", ["path": .string(harness.directory + "/b.db")]), 403, "forbidden")
        #expect(!FileManager.default.fileExists(atPath: harness.directory + "/b.db"))
    }
}
