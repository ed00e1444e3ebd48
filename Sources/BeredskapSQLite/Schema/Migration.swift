/// One versioned schema change. Versions are applied in order, each in its own
/// transaction, and recorded in `schema_migrations` as well as `PRAGMA user_version`.
///
/// Why never edit a released migration: databases in the field have already applied it.
/// A change is always a new migration appended to the list (beredskap's is `Migrations.all`
/// in BeredskapStore).
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}

/// Applies pending migrations and refuses databases written by a newer version.
///
/// The first migration must create `schema_migrations(version, name, applied_ms)`, where each
/// applied version is recorded.
public struct Migrator: Sendable {
    public let migrations: [Migration]

    public init(migrations: [Migration]) {
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    public var latestVersion: Int { migrations.last?.version ?? 0 }

    /// Applies what is missing and returns the versions applied now.
    @discardableResult
    public func migrate(_ connection: SQLiteConnection, now: Int64) throws -> [Int] {
        let current = Int(try connection.scalarInt("PRAGMA user_version") ?? 0)
        guard current <= latestVersion else {
            throw StoreOpenError.newerSchema(found: current, supported: latestVersion)
        }
        var applied: [Int] = []
        for migration in migrations where migration.version > current {
            try connection.transaction {
                try connection.execute(migration.sql)
                try connection.run(
                    "INSERT INTO schema_migrations(version, name, applied_ms) VALUES (?, ?, ?)",
                    migration.version, migration.name, now)
                // PRAGMA cannot take parameters; the version is our own integer.
                try connection.execute("PRAGMA user_version = \(migration.version)")
            }
            applied.append(migration.version)
        }
        return applied
    }
}
