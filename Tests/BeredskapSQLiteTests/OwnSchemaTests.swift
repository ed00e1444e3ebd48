import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import Foundation
import Testing

/// The generic layer stands on its own: the migration runner, the writer and the read pool work on
/// a schema of the caller's, with no feature's tables. What the writer needs is below and no more.
@Suite final class OwnSchemaTests {
    /// The caller's own kind of event: the writer knows no catalogue.
    struct Note: EventPayload, Equatable { var n: Int }
    static let noteAdded = EventType<Note>(EventTopic(rawValue: "note"), "added")

    /// The bookkeeping tables the migration runner and the writer use, and one table of the caller's.
    static let migrations = [
        Migration(
            version: 1, name: "bookkeeping",
            sql: """
                CREATE TABLE schema_migrations(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_ms INTEGER NOT NULL);
                CREATE TABLE events(
                    seq INTEGER PRIMARY KEY AUTOINCREMENT, time_ms INTEGER NOT NULL, actor_uid INTEGER,
                    actor_user TEXT NOT NULL, type TEXT NOT NULL, subject TEXT, data TEXT NOT NULL,
                    exercise INTEGER NOT NULL);
                CREATE TABLE idempotency_keys(
                    actor_uid INTEGER NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, status INTEGER NOT NULL,
                    response BLOB NOT NULL, created_ms INTEGER NOT NULL, PRIMARY KEY(actor_uid, key));
                """),
        Migration(version: 2, name: "notes", sql: "CREATE TABLE notes(seq INTEGER NOT NULL, text TEXT NOT NULL);"),
    ]

    let directory = NSTemporaryDirectory() + "beredskap-sqlite-\(UUID().uuidString.prefix(8))"
    var database: Database { Database(configuration: Database.Configuration(directory: directory)) }

    init() throws { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    @Test func theRunnerAppliesTheCallersMigrationsAndRecordsThem() throws {
        let migrator = Migrator(migrations: Self.migrations)
        let connection = try database.openForWriting(migrator: migrator, now: 5)
        #expect(try connection.scalarInt("PRAGMA user_version") == 2)
        let recorded = try connection.query("SELECT version, name, applied_ms FROM schema_migrations ORDER BY version") {
            "\($0.int(0)) \($0.text(1)) \($0.int(2))"
        }
        #expect(recorded == ["1 bookkeeping 5", "2 notes 5"])
        #expect(try migrator.migrate(connection, now: 6).isEmpty)
    }

    @Test func theWriterCommitsTheCallersRowsWithTheirEventAndReadersSeeThem() throws {
        let clock = ManualWallClock(Timestamp(millisecondsSinceEpoch: 1_000))
        let writer = Writer(
            connection: try database.openForWriting(migrator: Migrator(migrations: Self.migrations), now: 0), clock: clock)
        let command = WriteCommand(
            actor: Principal(uid: 1000, user: "oslo-ops"),
            idempotency: IdempotencyClaim(key: "k1", requestHash: "h1")
        ) { transaction in
            let event = try transaction.appendEvent(Self.noteAdded, Self.Note(n: 1), subject: "note/1")
            try transaction.connection.run("INSERT INTO notes(seq, text) VALUES (?, ?)", event.seq, "first")
            return CommandReply(status: 201, body: Array("ok".utf8))
        }
        guard case .committed(let reply, let events) = writer.perform(command) else {
            Issue.record("not committed"); writer.close(); return
        }
        #expect(reply == CommandReply(status: 201, body: Array("ok".utf8)))
        #expect(events.map(\.type) == ["note.added"])
        guard case .replayed(let replayed) = writer.perform(command) else {
            Issue.record("the same key and request should replay"); writer.close(); return
        }
        #expect(replayed == reply)
        writer.close()

        let pool = ReadPool(database: database)
        let notes = try pool.read { connection in
            try connection.query("SELECT notes.text, events.type FROM notes JOIN events USING (seq)") {
                "\($0.text(0)) \($0.text(1))"
            }
        }
        #expect(notes == ["first note.added"])
        pool.drain()
    }
}
