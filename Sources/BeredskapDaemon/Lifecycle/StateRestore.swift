import BeredskapSQLite
import BeredskapStore
import Foundation
import Glibc

/// `beredskapd --restore BACKUP`: the state replaced by a backup, with the daemon stopped.
///
/// Why in the daemon's binary: it takes the same lock on the state directory as a running
/// daemon (so it refuses while one runs), reads the same configuration (the state directory),
/// and checks the file as the daemon would open it — integrity and a schema this build knows —
/// before anything is touched. The replaced state is kept, renamed, never deleted.
enum StateRestore {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Restores `file` into the configured state directory; returns what to tell the operator.
    static func restore(_ file: String, configuration: DaemonConfiguration) throws -> String {
        guard FileManager.default.fileExists(atPath: file) else { throw Failure(description: "no backup file \(file)") }
        let verified: SQLiteBackup.Verified
        do {
            verified = try SQLiteBackup.verify(file)
        } catch {
            throw Failure(description: "\(file) is not a database beredskapd can restore: \(error)")
        }
        guard verified.integrity == "ok" else {
            throw Failure(description: "\(file) failed its integrity check: \(verified.integrity)")
        }
        let known = Migrations.all.count
        guard (1...known).contains(verified.schemaVersion) else {
            throw Failure(description: "\(file) has schema version \(verified.schemaVersion); this beredskapd knows 1…\(known)")
        }
        let directory = configuration.state.directory
        try RunningDaemon.makeStateDirectory(directory)
        let lock = try RunningDaemon.lockStateDirectory(directory)
        defer { Glibc.close(lock) }
        let target = Database.Configuration(directory: directory).path
        let stamp = Self.stamp()
        var kept: [String] = []
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: target + suffix) {
            let aside = "\(target).before-restore-\(stamp)\(suffix)"
            guard rename(target + suffix, aside) == 0 else {
                throw Failure(description: "could not move \(target + suffix) aside: \(String(cString: strerror(errno)))")
            }
            kept.append(aside)
        }
        try SQLiteBackup.restore(file, to: target)
        let events = (try? SQLiteConnection(path: target, mode: .readOnly).lastEventSeq()) ?? 0
        var lines = ["restored \(file) into \(target) (schema v\(verified.schemaVersion), events up to #\(events), integrity ok)"]
        if !kept.isEmpty { lines.append("the state it replaced is kept as \(kept.joined(separator: ", "))") }
        lines.append("start the daemon as usual; it migrates the state to v\(known) if the backup is older")
        return lines.joined(separator: "\n")
    }

    /// `20261203T142501Z`.
    private static func stamp() -> String {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        return String(
            format: "%04d%02d%02dT%02d%02d%02dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
            Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }
}
