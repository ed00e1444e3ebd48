import BeredskapCore
import Foundation
import Testing

@testable import BeredskapStore

@Suite struct MigrationTests {
    @Test func freshDatabaseGetsEveryMigrationOnce() throws {
        let directory = try TemporaryDirectory()
        let connection = try directory.database.openForWriting(now: 1)
        #expect(try connection.scalarInt("PRAGMA user_version") == Int64(Migrator().latestVersion))
        let recorded = try connection.query("SELECT version, name FROM schema_migrations ORDER BY version") { ($0.int(0), $0.text(1)) }
        #expect(recorded.map(\.0) == Migrations.all.map(\.version))
        #expect(recorded.first?.1 == "foundation")
        // Re-opening applies nothing new.
        let reopened = try directory.database.openForWriting(now: 2)
        #expect(try Migrator().migrate(reopened, now: 3).isEmpty)
    }

    @Test func walAndFullSynchronousAreOn() throws {
        let directory = try TemporaryDirectory()
        let connection = try directory.database.openForWriting(now: 1)
        #expect(try connection.scalarText("PRAGMA journal_mode") == "wal")
        #expect(try connection.scalarInt("PRAGMA synchronous") == 2)  // FULL
        #expect(try connection.scalarInt("PRAGMA foreign_keys") == 1)
    }

    @Test func pendingMigrationsApplyInOrderAndRecord() throws {
        let directory = try TemporaryDirectory()
        let connection = try SQLiteConnection(path: directory.database.configuration.path, mode: .readWriteCreate)
        let migrator = Migrator(migrations: Migrations.all + [
            Migration(version: 99, name: "later", sql: "CREATE TABLE later(x INTEGER);"),
            Migration(version: 50, name: "middle", sql: "CREATE TABLE middle(x INTEGER);"),
        ])
        #expect(try migrator.migrate(connection, now: 7) == Migrations.all.map(\.version) + [50, 99])
        #expect(try connection.scalarInt("PRAGMA user_version") == 99)
        #expect(try connection.scalarInt("SELECT count(*) FROM sqlite_master WHERE name IN ('later', 'middle')") == 2)
    }

    @Test func anUpgradedStoreStartsReadingTriggersAtThePresentNotAtAlertsOfThePast() throws {
        let directory = try TemporaryDirectory()
        let connection = try SQLiteConnection(path: directory.database.configuration.path, mode: .readWriteCreate)
        let beforePlaybooks = Migrator(migrations: Migrations.all.filter { $0.version < 4 })
        _ = try beforePlaybooks.migrate(connection, now: 1)
        for seq in 1...3 {
            try connection.run(
                "INSERT INTO events(time_ms, actor_user, type, subject) VALUES (?, 'system', 'alert.firing', ?)", seq, "alert/\(seq)")
        }
        #expect(try Migrator().migrate(connection, now: 2) == [4])
        #expect(try connection.eventCursor("playbooks") == 3)
        #expect(try connection.events(after: 3, types: ["alert.firing"], limit: 10).isEmpty)
    }

    @Test func failingMigrationLeavesTheVersionUnchanged() throws {
        let directory = try TemporaryDirectory()
        let connection = try SQLiteConnection(path: directory.database.configuration.path, mode: .readWriteCreate)
        try Migrator().migrate(connection, now: 1)
        let latest = Migrator().latestVersion
        let broken = Migrator(migrations: Migrations.all + [
            Migration(version: latest + 1, name: "broken", sql: "CREATE TABLE ok(x INTEGER); THIS IS NOT SQL;")
        ])
        #expect(throws: SQLiteError.self) { try broken.migrate(connection, now: 2) }
        #expect(try connection.scalarInt("PRAGMA user_version") == Int64(latest))
        #expect(try connection.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'ok'") == 0)
    }

    @Test func refusesADatabaseFromANewerVersion() throws {
        let directory = try TemporaryDirectory()
        do {
            let connection = try directory.database.openForWriting(now: 1)
            try connection.execute("PRAGMA user_version = 4242")
        }
        do {
            _ = try directory.database.openForWriting(now: 2)
            Issue.record("expected a refusal")
        } catch let error as StoreOpenError {
            guard case .newerSchema(let found, let supported) = error else { throw error }
            #expect(found == 4242)
            #expect(supported == Migrator().latestVersion)
            #expect(error.description.contains("downgrades are not supported"))
        }
    }

    @Test func refusesACorruptFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.database.configuration.path
        do {
            let connection = try directory.database.openForWriting(now: 1)
            for index in 0..<2000 { try connection.run("INSERT INTO schema_migrations(version, name, applied_ms) VALUES (?, 'x', 0)", 1000 + index) }
            try connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        }
        // Overwrite the middle of the file (b-tree pages) with garbage.
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seek(toOffset: 8192)
        handle.write(Data(repeating: 0xA5, count: 16384))
        try handle.close()
        do {
            _ = try directory.database.openForWriting(now: 2)
            Issue.record("expected a refusal")
        } catch let error as StoreOpenError {
            guard case .corrupt = error else { throw error }
            #expect(error.description.contains("refusing to run on a corrupt file"))
        }
    }

    @Test func refusesAFileThatIsNotADatabase() throws {
        let directory = try TemporaryDirectory()
        try Data("this is not sqlite at all, just text that is long enough to have a header".utf8)
            .write(to: URL(fileURLWithPath: directory.database.configuration.path))
        do {
            _ = try directory.database.openForWriting(now: 1)
            Issue.record("expected a refusal")
        } catch let error as StoreOpenError {
            guard case .corrupt = error else { throw error }
        }
    }
}
