import BeredskapCore
import BeredskapSQLite
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
        #expect(try connection.scalarInt("PRAGMA secure_delete") == 1, "what is deleted is overwritten (erasures)")
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
        #expect(try Migrator(migrations: Migrations.all.filter { $0.version <= 4 }).migrate(connection, now: 2) == [4])
        #expect(try connection.eventCursor("playbooks") == 3)
        #expect(try connection.events(after: 3, types: ["alert.firing"], limit: 10).isEmpty)
    }

    /// v5 turns the head counts reported so far (events only) into rows, links the halves of
    /// transfers, and keeps the places available per day.
    @Test func anUpgradedStoreKeepsItsHeadCountsTransfersAndPlaces() throws {
        let directory = try TemporaryDirectory()
        let connection = try SQLiteConnection(path: directory.database.configuration.path, mode: .readWriteCreate)
        _ = try Migrator(migrations: Migrations.all.filter { $0.version < 5 }).migrate(connection, now: 1)
        try connection.execute(
            """
            INSERT INTO facilities(id, name, kind, status, operator, authority, capacity, created_ms, updated_ms, last_seq)
                VALUES ('refstad', 'Refstad', 'transit', 'open', 'Hero', 'UDI', 300, 0, 0, 0),
                       ('torshov', 'Torshov', 'transit', 'open', 'Hero', 'UDI', 200, 0, 0, 0);
            INSERT INTO events(time_ms, actor_user, type, subject, data) VALUES
                (1, 'ola', 'occupancy.reported', 'facility/refstad',
                 '{"facility":"refstad","occupied":45,"counted":40,"previous":0,"at":"2026-11-22T08:15:00.250Z","note":"Telt"}'),
                (2, 'ola', 'departure.recorded', 'facility/refstad', '{}'),
                (3, 'ola', 'arrival.recorded', 'facility/torshov', '{}'),
                (4, 'ola', 'arrival.recorded', 'facility/torshov', '{}');
            INSERT INTO departures(id, seq, facility, kind, count, reason, at_ms, to_facility) VALUES
                (1, 2, 'refstad', 'transit', 5, 'transferred', 10, 'torshov');
            INSERT INTO arrivals(id, seq, facility, kind, count, category, at_ms, transfer_from) VALUES
                (1, 3, 'torshov', 'transit', 5, 'other', 10, 'refstad'), (2, 4, 'torshov', 'transit', 2, 'adult', 11, NULL);
            INSERT INTO occupancy_days(facility, day, occupied, peak, available) VALUES ('refstad', '2026-11-22', 45, 45, 300);
            """)
        #expect(try Migrator(migrations: Migrations.all.filter { $0.version <= 5 }).migrate(connection, now: 2) == [5])
        let headCount = try connection.queryFirst("SELECT seq, facility, counted, at_ms, note FROM head_counts") { row in
            [String(row.int64(0)), row.text(1), String(row.int(2)), String(row.int64(3)), row.text(4)]
        }
        #expect(headCount == ["1", "refstad", "40", String(Timestamp(rfc3339: "2026-11-22T08:15:00.250Z")?.millisecondsSinceEpoch ?? 0), "Telt"])
        #expect(try connection.query("SELECT id, transfer_departure FROM arrivals ORDER BY id") { [$0.int64(0), $0.optionalInt64(1)] }
            == [[1, 1], [2, nil]])
        #expect(try connection.availableByDay(facility: "refstad", over: [try #require(CalendarDate(parsing: "2026-11-23"))]) == [300])
        #expect(try connection.ruleOccupancy(facility: "refstad").raw == 40)
    }

    /// v6 moves what people wrote about corrections and cap overrides out of the events: the
    /// reasons the events carried until then are copied into rows, which the records read.
    @Test func anUpgradedStoreKeepsTheReasonsItsEventsCarriedInRows() throws {
        let directory = try TemporaryDirectory()
        let connection = try SQLiteConnection(path: directory.database.configuration.path, mode: .readWriteCreate)
        _ = try Migrator(migrations: Migrations.all.filter { $0.version <= 5 }).migrate(connection, now: 1)
        try connection.execute(
            """
            INSERT INTO facilities(id, name, kind, status, operator, authority, capacity, created_ms, updated_ms, last_seq)
                VALUES ('refstad', 'Refstad', 'transit', 'open', 'Hero', 'UDI', 1200, 0, 0, 0);
            INSERT INTO events(time_ms, actor_user, type, subject, data) VALUES
                (1, 'ola', 'arrival.recorded', 'facility/refstad', '{}'),
                (2, 'kari', 'arrival.voided', 'facility/refstad', '{"id":1,"facility":"refstad","reason":"Feil mottak"}'),
                (3, 'ola', 'occupancy.reported', 'facility/refstad', '{}'),
                (4, 'kari', 'occupancy.amended', 'facility/refstad', '{"id":1,"facility":"refstad","reason":"Talt på nytt"}'),
                (5, 'root', 'facility.cap_breached', 'facility/refstad', '{"cap":1000,"capacity":1200,"reason":"Vedtak i bystyret"}');
            INSERT INTO arrivals(id, seq, facility, kind, count, category, at_ms, voided_seq) VALUES
                (1, 1, 'refstad', 'transit', 5, 'adult', 10, 2);
            INSERT INTO head_counts(id, seq, facility, counted, at_ms, amended_seq) VALUES (1, 3, 'refstad', 40, 10, 4);
            """)
        #expect(try Migrator().migrate(connection, now: 2) == Array(6...Migrations.all.count))
        #expect(try connection.query("SELECT seq, kind, record_id, reason FROM record_corrections ORDER BY id") {
            [String($0.int64(0)), $0.text(1), String($0.int64(2)), $0.text(3)]
        } == [["2", "arrival", "1", "Feil mottak"], ["4", "head_count", "1", "Talt på nytt"]])
        #expect(try connection.query("SELECT seq, facility, reason FROM cap_overrides") { [String($0.int64(0)), $0.text(1), $0.text(2)] }
            == [["5", "refstad", "Vedtak i bystyret"]])
        let arrival = try #require(try connection.record(.arrival, id: 1))
        #expect(arrival.voided == RecordCorrection(at: Timestamp(millisecondsSinceEpoch: 2), by: "kari", reason: "Feil mottak"))
        #expect(try connection.record(.headCount, id: 1)?.amended?.reason == "Talt på nytt")
    }

    /// From v6 an entry's text can be erased, and nothing else about it changed or removed.
    @Test func anIncidentLogEntrysTextCanBeErasedAndNothingElse() throws {
        let directory = try TemporaryDirectory()
        let writer = Writer(connection: try directory.database.openForWriting(now: 0), clock: ManualWallClock())
        _ = writer.perform(WriteCommand(actor: Principal(uid: 1000, user: "oslo-ops")) { transaction in
            try transaction.addIncidentLogEntry(text: "Familien Hansen flyttet til rom 12", subject: "facility/refstad")
            return CommandReply(status: 201, body: [])
        })
        func change(_ sql: String) -> WriteOutcome {
            writer.perform(WriteCommand(actor: .system) { transaction in
                try transaction.connection.run(sql)
                return CommandReply(status: 200, body: [])
            })
        }
        for refused in [
            "UPDATE incident_log SET text = 'Noe annet'", "UPDATE incident_log SET text = '', subject = 'city'",
            "UPDATE incident_log SET actor_user = 'noen'", "DELETE FROM incident_log",
        ] {
            guard case .rejected(let error as SQLiteError) = change(refused) else { Issue.record("\(refused) was allowed"); continue }
            #expect(error.message.contains("append-only"), "\(refused)")
        }
        guard case .committed = change("UPDATE incident_log SET text = ''") else { Issue.record("erasing was refused"); return }
        writer.close()
        let entries = try directory.database.openForReading().incidentLog(IncidentLogQuery())
        #expect(entries.map(\.text) == [""])
        #expect(entries.map(\.subject) == ["facility/refstad"])
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

    @Test func aCheckBesideTheStartFindsTheSameDamage() throws {
        let directory = try TemporaryDirectory()
        let path = directory.database.configuration.path
        do {
            let connection = try directory.database.openForWriting(now: 1)
            for index in 0..<2000 { try connection.run("INSERT INTO schema_migrations(version, name, applied_ms) VALUES (?, 'x', 0)", 1000 + index) }
            try connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        }
        // A sound file: the check beside passes.
        do {
            let (_, check) = try directory.database.openForWriting(migrator: Migrator(), now: 2, checkingBeside: true)
            try check.wait()
        }
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seek(toOffset: 8192)
        handle.write(Data(repeating: 0xA5, count: 16384))
        try handle.close()
        // The header is intact (the schema is current), so the check runs beside and is what refuses.
        let (_, check) = try directory.database.openForWriting(migrator: Migrator(), now: 3, checkingBeside: true)
        do {
            try check.wait()
            Issue.record("expected a refusal")
        } catch {
            guard case .corrupt = error else { throw error }
            #expect(error.description.contains("refusing to run on a corrupt file"))
        }
    }

    @Test func aSchemaToMigrateIsCheckedFirst() throws {
        let directory = try TemporaryDirectory()
        let older = Migrator(migrations: Array(Migrations.all.prefix(3)))
        _ = try directory.database.openForWriting(migrator: older, now: 1)
        let (connection, check) = try directory.database.openForWriting(migrator: Migrator(), now: 2, checkingBeside: true)
        try check.wait()
        #expect(try connection.scalarInt("PRAGMA user_version").map(Int.init) == Migrator().latestVersion, "migrated after the check")
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
