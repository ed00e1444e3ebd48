import BeredskapAPI
import BeredskapCore
import BeredskapSQLite
import BeredskapStore
import Glibc

/// `POST /v1/backup` (admin): an online backup of the state to a file on the daemon's host.
///
/// It runs on a read worker (`.slowRead`): the copy is taken in one read transaction of a
/// pooled connection, so the writer keeps committing while it runs and the copy is the state
/// as of one commit. The file is written beside its target, synced, checked with
/// `integrity_check` and only then given its name (`SQLiteBackup`); the answer names the newest
/// event in it, and `service.backup_written` records it.
struct BackupRoute {
    let reads: StoreReads
    let clock: any WallClock

    var route: Route {
        Route(Endpoints.Service.backup) { context throws(APIError) in
            let path = try Self.checked(try context.decodeBody(BackupRequest.self).path)
            return .slowRead { () throws(APIError) in
                let started = clock.now()
                let verified: SQLiteBackup.Verified
                do {
                    verified = try reads.pool.read { connection in try SQLiteBackup.write(from: connection, to: path) }
                } catch {
                    throw .unavailable(Text(
                        "the backup to \(path) failed: \(error)", nb: "sikkerhetskopien til \(path) mislyktes: \(error)"))
                }
                let lastSeq: Int64
                do {
                    lastSeq = try SQLiteConnection(path: path, mode: .readOnly).lastEventSeq()
                } catch {
                    throw .internal(Text("the backup \(path) could not be read back: \(error)", nb: "sikkerhetskopien \(path) kunne ikke leses: \(error)"))
                }
                let finished = clock.now()
                return .mutation { transaction in
                    let event = try transaction.appendEvent(
                        ServiceEvents.backupWritten, ServiceEvents.BackupWritten(path: path, bytes: verified.bytes, lastSeq: lastSeq),
                        subject: nil)
                    return try CommandReply.json(status: 201, BackupResult(
                        path: path, bytes: verified.bytes, integrity: verified.integrity, schemaVersion: verified.schemaVersion,
                        lastEventSeq: lastSeq, startedAt: started, finishedAt: finished, eventSeq: event.seq))
                }
            }
        }
    }

    /// An absolute path, not there yet, in a directory the daemon may write.
    static func checked(_ path: String) throws(APIError) -> String {
        guard path.hasPrefix("/"), !path.hasSuffix("/"), !path.contains("\0") else {
            throw .invalidField("path", Text(
                "must be an absolute path to a file on the daemon's host", nb: "må være en absolutt sti til en fil på tjenestens maskin"))
        }
        guard access(path, F_OK) != 0 else {
            var error = APIError.conflict(Text(
                "\(path) exists already: choose a new name (a backup never replaces a file)",
                nb: "\(path) finnes allerede: velg et nytt navn (en sikkerhetskopi erstatter aldri en fil)"))
            error.details["field"] = "path"
            throw error
        }
        let directory = path.lastIndex(of: "/").map { path[..<$0] }.map { $0.isEmpty ? "/" : String($0) } ?? "/"
        guard access(directory, W_OK | X_OK) == 0 else {
            let reason = String(cString: strerror(errno))
            throw .invalidField("path", Text(
                "the daemon cannot write in \(directory): \(reason)", nb: "tjenesten kan ikke skrive i \(directory): \(reason)"))
        }
        return path
    }
}
