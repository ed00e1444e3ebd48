/// Why the daemon refuses to start on a database. Each message tells the operator what to do.
public enum StoreOpenError: Error, Sendable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case corrupt(path: String, details: String)
    case newerSchema(found: Int, supported: Int)
    case walUnavailable(path: String, mode: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "cannot open the database \(path): \(reason)"
        case .corrupt(let path, let details):
            return "the database \(path) failed its integrity check (\(details)); refusing to run on a corrupt "
                + "file. Stop here, keep the file for analysis, and restore the latest backup into the state directory."
        case .newerSchema(let found, let supported):
            return "the database has schema version \(found), but this beredskapd understands up to \(supported); "
                + "run the newer beredskapd that wrote it (downgrades are not supported)"
        case .walUnavailable(let path, let mode):
            return "could not switch \(path) to WAL journaling (got '\(mode)'); is the state directory on a "
                + "file system that supports shared memory (not NFS)?"
        }
    }
}
