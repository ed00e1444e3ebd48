import Glibc

/// One try to connect to a socket path, and why it failed.
///
/// Why so precise: "cannot connect" is advice-free, and the advice differs: a missing socket
/// means start the daemon, a refused one that it stopped, a permission error that you must
/// join the socket's group (starting another daemon would not help at all).
public struct SocketAttempt: Sendable, Equatable, CustomStringConvertible {
    public enum Problem: Sendable, Equatable {
        /// Nothing at the path (or a directory on the way is missing).
        case missing
        /// Something at the path that is not a socket.
        case notASocket
        /// A socket nobody listens on: a daemon that stopped or crashed.
        case refused
        /// The caller may not open the socket (or a directory on the way); `group` is the
        /// group that may, when it can be read.
        case permissionDenied(group: String?)
        case pathTooLong
        case other(String)

        /// The stable name scripts see (`--json`).
        public var code: String {
            switch self {
            case .missing: return "missing"
            case .notASocket: return "not_a_socket"
            case .refused: return "refused"
            case .permissionDenied: return "permission_denied"
            case .pathTooLong: return "path_too_long"
            case .other: return "other"
            }
        }
    }

    public var path: String
    public var problem: Problem

    public init(path: String, problem: Problem) {
        self.path = path
        self.problem = problem
    }

    public var description: String {
        switch problem {
        case .missing: return "\(path): missing"
        case .notASocket: return "\(path): not a socket"
        case .refused: return "\(path): refused (nothing listens on it)"
        case .permissionDenied: return "\(path): permission denied"
        case .pathTooLong: return "\(path): the path is too long for a socket"
        case .other(let problem): return "\(path): \(problem)"
        }
    }

    /// What a failed `connect` to `path` with `error` (an errno) means, looking at the path
    /// where the error alone is ambiguous: Linux answers ECONNREFUSED both for a socket without
    /// a listener and for a regular file.
    static func classify(path: String, errno error: Int32) -> SocketAttempt {
        let problem: Problem
        switch error {
        case ENOENT, ENOTDIR: problem = .missing
        case EACCES, EPERM: problem = .permissionDenied(group: owningGroup(of: path))
        case ENAMETOOLONG: problem = .pathTooLong
        case ECONNREFUSED:
            var status = stat()
            if stat(path, &status) != 0 {
                problem = .missing
            } else {
                problem = status.st_mode & S_IFMT == S_IFSOCK ? .refused : .notASocket
            }
        default: problem = .other(String(cString: strerror(error)))
        }
        return SocketAttempt(path: path, problem: problem)
    }

    /// The group of the socket, or of the nearest directory above it that can be read (the
    /// one whose group decides access when the socket itself cannot even be looked at).
    private static func owningGroup(of path: String) -> String? {
        var candidate = path
        while !candidate.isEmpty {
            var status = stat()
            if stat(candidate, &status) == 0 { return groupName(status.st_gid) }
            guard let slash = candidate.lastIndex(of: "/") else { break }
            candidate = String(candidate[..<slash])
        }
        return nil
    }

    private static func groupName(_ gid: gid_t) -> String? {
        var entry = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getgrgid_r(gid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.gr_name else {
            return String(gid)
        }
        return String(cString: name)
    }
}
