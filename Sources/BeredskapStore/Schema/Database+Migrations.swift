import BeredskapSQLite

extension Migrator {
    /// The migrator for beredskap's schema: every migration in `Migrations.all`.
    public init() { self.init(migrations: Migrations.all) }
}

extension Database {
    /// Opens the database for writing with beredskap's schema (see `openForWriting(migrator:now:)`).
    public func openForWriting(now: Int64) throws -> SQLiteConnection {
        try openForWriting(migrator: Migrator(), now: now)
    }
}
