import Foundation

/// Where the state lives and how it is opened.
///
/// Opening order matters: the integrity check runs before any write (a migration must never
/// touch a damaged file), and WAL + `synchronous=FULL` are set on the writer connection so that
/// every COMMIT has reached the disk before any reply that depends on it is sent.
/// `secure_delete` is on for the writer, the one connection that frees space: what a change
/// or an erasure removes is overwritten with zeros instead of lingering in free pages, so an
/// erased person is gone from the file (GDPR). Readers never free space and need not set it.
/// Its cost: each delete or update writes the freed space too (more pages per commit).
public struct Database: Sendable {
    public struct Configuration: Sendable, Equatable {
        /// Directory holding `state.db` and its WAL.
        public var directory: String
        public var fileName: String = "state.db"
        public var busyTimeoutMilliseconds: Int32 = 5000

        public init(directory: String) { self.directory = directory }

        public var path: String { (directory as NSString).appendingPathComponent(fileName) }
    }

    public let configuration: Configuration

    public init(configuration: Configuration) { self.configuration = configuration }

    /// Opens (creating if needed) the database for writing: integrity check, WAL, durable
    /// commits, migrations. Returns the writer's connection.
    public func openForWriting(migrator: Migrator, now: Int64) throws -> SQLiteConnection {
        let (connection, check) = try openForWriting(migrator: migrator, now: now, checkingBeside: false)
        try check.wait()
        return connection
    }

    /// As `openForWriting(migrator:now:)`; with `checkingBeside`, when the schema is current
    /// (nothing to migrate), the integrity check runs on its own thread instead of first
    /// (`IntegrityCheck`): wait for it before serving anything read from the file.
    public func openForWriting(migrator: Migrator, now: Int64, checkingBeside: Bool) throws -> (SQLiteConnection, IntegrityCheck) {
        let path = configuration.path
        let connection: SQLiteConnection
        do {
            connection = try SQLiteConnection(
                path: path, mode: .readWriteCreate, busyTimeoutMilliseconds: configuration.busyTimeoutMilliseconds)
        } catch {
            throw StoreOpenError.cannotOpen(path: path, reason: error.message)
        }
        // The schema version is in the file's header, readable whatever the pages hold.
        let current = checkingBeside ? (try? connection.scalarInt("PRAGMA user_version")).flatMap { $0 } : nil
        let beside = current.map { $0 > 0 && Int($0) == migrator.latestVersion } ?? false
        if !beside { try Self.checkIntegrity(connection, path: path) }
        do {
            let mode = try connection.scalarText("PRAGMA journal_mode = WAL") ?? ""
            guard mode.lowercased() == "wal" else { throw StoreOpenError.walUnavailable(path: path, mode: mode) }
            try connection.execute("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;")
        } catch let error as SQLiteError where error.kind == .corrupt {
            throw StoreOpenError.corrupt(path: path, details: error.message)
        }
        guard beside else {
            try migrator.migrate(connection, now: now)
            return (connection, .passed)
        }
        return (connection, .beside(path: path, busyTimeoutMilliseconds: configuration.busyTimeoutMilliseconds))
    }

    /// A read-only connection; valid once `openForWriting` has created the file.
    public func openForReading() throws -> SQLiteConnection {
        let connection = try SQLiteConnection(
            path: configuration.path, mode: .readOnly, busyTimeoutMilliseconds: configuration.busyTimeoutMilliseconds)
        try connection.execute("PRAGMA query_only = ON")
        return connection
    }

    /// `PRAGMA quick_check`, translated into a refusal with the first problems found.
    static func checkIntegrity(_ connection: SQLiteConnection, path: String) throws {
        let results: [String]
        do {
            results = try connection.query("PRAGMA quick_check(5)") { $0.text(0) }
        } catch let error as SQLiteError {
            if error.kind == .corrupt { throw StoreOpenError.corrupt(path: path, details: error.message) }
            throw StoreOpenError.cannotOpen(path: path, reason: error.message)
        }
        guard results == ["ok"] else {
            throw StoreOpenError.corrupt(path: path, details: results.joined(separator: "; "))
        }
    }
}
