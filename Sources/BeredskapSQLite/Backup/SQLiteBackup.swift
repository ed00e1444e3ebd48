import CSQLite
import Glibc

/// A copy of a database taken with SQLite's online backup API, written beside its target and
/// renamed into place only once it is complete, synced and verified.
///
/// Why the backup API and one step: `sqlite3_backup_step(-1)` copies every page inside one
/// read transaction of the source connection, so the copy is the database exactly as of one
/// commit, while the writer goes on committing into the WAL (readers never block it). Why a
/// temporary name: a crash half-way, or a copy that fails its check, never leaves a file at
/// the target path that looks like a backup.
public enum SQLiteBackup {
    /// What a backup (or a file offered for a restore) was found to hold.
    public struct Verified: Sendable, Equatable {
        public var bytes: Int64
        /// The result of `PRAGMA integrity_check`: "ok" for a sound file.
        public var integrity: String
        /// `PRAGMA user_version`: the schema version the migrator left.
        public var schemaVersion: Int
    }

    /// Copies `source`'s main database to `path` (which must not exist), syncs it, checks it,
    /// and renames it into place.
    public static func write(from source: SQLiteConnection, to path: String) throws -> Verified {
        let partial = path + ".partial-\(getpid())"
        unlink(partial)
        do {
            try copy(from: source.handle, to: partial)
            try syncFile(partial)
            let verified = try verify(partial)
            guard verified.integrity == "ok" else {
                throw SQLiteError(code: SQLITE_CORRUPT, message: verified.integrity, context: "checking the backup \(partial)")
            }
            // link() then unlink(): unlike rename(), it refuses to replace a file that appeared meanwhile.
            guard link(partial, path) == 0 else {
                throw SQLiteError(code: SQLITE_CANTOPEN, message: String(cString: strerror(errno)), context: "naming the backup \(path)")
            }
            unlink(partial)
            try syncDirectory(of: path)
            return verified
        } catch {
            unlink(partial)
            throw error
        }
    }

    /// Copies the database at `source` (a backup) to `target`, replacing it.
    public static func restore(_ source: String, to target: String) throws {
        let from = try SQLiteConnection(path: source, mode: .readOnly)
        let partial = target + ".partial-\(getpid())"
        unlink(partial)
        do {
            try copy(from: from.handle, to: partial)
            try syncFile(partial)
            guard rename(partial, target) == 0 else {
                throw SQLiteError(code: SQLITE_CANTOPEN, message: String(cString: strerror(errno)), context: "moving \(partial) to \(target)")
            }
            try syncDirectory(of: target)
        } catch {
            unlink(partial)
            throw error
        }
    }

    /// Opens `path` read-only and checks it: size, `integrity_check`, schema version.
    public static func verify(_ path: String) throws -> Verified {
        let connection = try SQLiteConnection(path: path, mode: .readOnly)
        let integrity = try connection.query("PRAGMA integrity_check") { $0.text(0) }.joined(separator: "; ")
        let version = try connection.scalarInt("PRAGMA user_version") ?? 0
        var status = stat()
        let bytes = stat(path, &status) == 0 ? Int64(status.st_size) : 0
        return Verified(bytes: bytes, integrity: integrity, schemaVersion: Int(version))
    }

    private static func copy(from source: OpaquePointer, to path: String) throws(SQLiteError) {
        let destination = try SQLiteConnection(path: path, mode: .readWriteCreate)
        guard let backup = sqlite3_backup_init(destination.handle, "main", source, "main") else {
            throw SQLiteError(
                code: sqlite3_errcode(destination.handle), message: String(cString: sqlite3_errmsg(destination.handle)),
                context: "starting the backup to \(path)")
        }
        let stepped = sqlite3_backup_step(backup, -1)
        let finished = sqlite3_backup_finish(backup)
        guard stepped == SQLITE_DONE, finished == SQLITE_OK else {
            throw SQLiteError(
                code: stepped == SQLITE_DONE ? finished : stepped, message: String(cString: sqlite3_errmsg(destination.handle)),
                context: "copying the database to \(path)")
        }
        // A backup of a WAL database is a WAL database: make the copy one file, complete without a -wal beside it.
        try destination.execute("PRAGMA journal_mode = DELETE")
    }

    private static func syncFile(_ path: String) throws(SQLiteError) {
        let fd = open(path, O_RDONLY)
        defer { if fd >= 0 { close(fd) } }
        guard fd >= 0, fsync(fd) == 0 else {
            throw SQLiteError(code: SQLITE_IOERR, message: String(cString: strerror(errno)), context: "syncing \(path)")
        }
    }

    private static func syncDirectory(of path: String) throws(SQLiteError) {
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) }.flatMap { $0.isEmpty ? "/" : $0 } ?? "."
        let fd = open(directory, O_RDONLY | O_DIRECTORY)
        defer { if fd >= 0 { close(fd) } }
        guard fd >= 0, fsync(fd) == 0 else {
            throw SQLiteError(code: SQLITE_IOERR, message: String(cString: strerror(errno)), context: "syncing \(directory)")
        }
    }
}
