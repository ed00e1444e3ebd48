import CShims
import Glibc

/// Why a listening socket could not be set up. Each case says what to do about it.
public enum ListenerError: Error, Sendable, CustomStringConvertible {
    case alreadyRunning(socket: String, lock: String)
    case occupied(path: String, what: String)
    case pathTooLong(path: String)
    case activation(String)
    case system(path: String, error: SystemError)

    public var description: String {
        switch self {
        case .alreadyRunning(let socket, let lock):
            return "another beredskapd is already serving \(socket) (the lock \(lock) is held)"
        case .occupied(let path, let what):
            return "\(path) exists and is \(what); refusing to remove it. Move it away or choose another --socket"
        case .pathTooLong(let path):
            return "the socket path \(path) is too long for a Unix socket (at most 107 bytes); choose a shorter --socket"
        case .activation(let problem):
            return "systemd socket activation: \(problem)"
        case .system(let path, let error):
            return "\(path): \(error)"
        }
    }
}

/// A listening AF_UNIX socket, created safely or received from systemd.
///
/// Why so careful: the socket is the daemon's only door, and its path is in a directory other
/// programs may touch. We take a lock beside it (so two daemons never fight over it), look at
/// what is at the path without following links (`lstat`), remove only a *stale socket*, bind
/// under a restrictive umask (no window in which others could connect), and only then open it
/// to the configured mode and group.
public final class UnixSocketListener: Sendable {
    public struct Options: Sendable, Equatable {
        public var path: String
        public var mode: UInt32 = 0o660
        /// Group to own the socket; nil keeps the daemon's primary group.
        public var groupID: UInt32?
        public var backlog: Int32 = 128

        public init(path: String) { self.path = path }
    }

    /// The listening descriptor (non-blocking, close-on-exec). The HTTP server closes it.
    public let fileDescriptor: Int32
    /// The path we created, or nil when systemd handed us the socket.
    public let createdPath: String?
    private let lockDescriptor: Int32
    private let identity: (device: UInt64, inode: UInt64)?

    private init(fileDescriptor: Int32, createdPath: String?, lockDescriptor: Int32, identity: (UInt64, UInt64)?) {
        self.fileDescriptor = fileDescriptor
        self.createdPath = createdPath
        self.lockDescriptor = lockDescriptor
        self.identity = identity
    }

    public var isSocketActivated: Bool { createdPath == nil }

    /// Creates the socket at `options.path`.
    public static func bind(_ options: Options) throws(ListenerError) -> UnixSocketListener {
        let path = options.path
        guard path.utf8.count < 108 else { throw .pathTooLong(path: path) }
        let lockPath = path + ".lock"
        let lock = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard lock >= 0 else { throw .system(path: lockPath, error: SystemError("open")) }
        guard flock(lock, LOCK_EX | LOCK_NB) == 0 else {
            let error = errno
            Glibc.close(lock)
            if error == EWOULDBLOCK { throw .alreadyRunning(socket: path, lock: lockPath) }
            throw .system(path: lockPath, error: SystemError("flock", errno: error))
        }
        do {
            try removeStaleSocket(at: path)
            let fd = try bindAndListen(options)
            return UnixSocketListener(
                fileDescriptor: fd, createdPath: path, lockDescriptor: lock, identity: fileIdentity(path))
        } catch {
            Glibc.close(lock)
            throw error
        }
    }

    /// The socket systemd passed (LISTEN_FDS/LISTEN_PID), or nil when not socket-activated.
    /// Clears the variables so that programs we start do not think the socket is theirs.
    public static func fromSystemd(environment: [String: String]) throws(ListenerError) -> UnixSocketListener? {
        guard let pidText = environment["LISTEN_PID"], let countText = environment["LISTEN_FDS"] else { return nil }
        unsetenv("LISTEN_PID")
        unsetenv("LISTEN_FDS")
        unsetenv("LISTEN_FDNAMES")
        guard Int32(pidText) == getpid() else { return nil }
        guard let count = Int(countText), count >= 1 else {
            throw .activation("LISTEN_FDS=\(countText) does not name any descriptor")
        }
        guard count == 1 else { throw .activation("expected one socket, got LISTEN_FDS=\(count)") }
        let fd: Int32 = 3  // SD_LISTEN_FDS_START
        var type: Int32 = 0
        var accepting: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &length) == 0, type == Int32(SOCK_STREAM.rawValue) else {
            throw .activation("descriptor 3 is not a stream socket")
        }
        length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &accepting, &length) == 0, accepting == 1 else {
            throw .activation("descriptor 3 is not listening")
        }
        var address = sockaddr()
        var addressLength = socklen_t(MemoryLayout<sockaddr>.size)
        guard getsockname(fd, &address, &addressLength) == 0, address.sa_family == sa_family_t(AF_UNIX) else {
            throw .activation("descriptor 3 is not a Unix socket")
        }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        return UnixSocketListener(fileDescriptor: fd, createdPath: nil, lockDescriptor: -1, identity: nil)
    }

    /// Removes the socket file if it is still the one we created, and releases the lock.
    /// The lock file itself stays: removing it could let two daemons lock different files.
    public func removeSocketFile() {
        if let createdPath, let identity, let current = Self.fileIdentity(createdPath),
            current == identity
        {
            unlink(createdPath)
        }
        if lockDescriptor >= 0 { Glibc.close(lockDescriptor) }
    }

    private static func removeStaleSocket(at path: String) throws(ListenerError) {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            if errno == ENOENT { return }
            throw .system(path: path, error: SystemError("lstat"))
        }
        switch status.st_mode & S_IFMT {
        case S_IFSOCK:
            // We hold the lock, so no live beredskapd owns this socket: it is stale.
            guard unlink(path) == 0 else { throw .system(path: path, error: SystemError("unlink")) }
        case S_IFLNK:
            throw .occupied(path: path, what: "a symbolic link")
        case S_IFDIR:
            throw .occupied(path: path, what: "a directory")
        case S_IFREG:
            throw .occupied(path: path, what: "a regular file")
        default:
            throw .occupied(path: path, what: "not a socket")
        }
    }

    private static func bindAndListen(_ options: Options) throws(ListenerError) -> Int32 {
        let path = options.path
        // umask is per process: this runs during startup, before other threads create files.
        let previousMask = umask(0o177)
        let fd = bshim_unix_bind(path)
        let bindError = errno
        umask(previousMask)
        if fd == -2 { throw .pathTooLong(path: path) }
        guard fd >= 0 else { throw .system(path: path, error: SystemError("bind", errno: bindError)) }
        let failure: SystemError?
        if Glibc.listen(fd, options.backlog) != 0 {
            failure = SystemError("listen")
        } else if fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) != 0 {
            failure = SystemError("fcntl")
        } else if let group = options.groupID, lchown(path, UInt32.max, group) != 0 {
            failure = SystemError("chown to group \(group)")
        } else if fchmodat(AT_FDCWD, path, mode_t(options.mode), AT_SYMLINK_NOFOLLOW) != 0 {
            // NOFOLLOW: had the path been swapped for a symlink since bind, we fail instead
            // of changing the mode of whatever it points at.
            failure = SystemError("chmod")
        } else {
            failure = nil
        }
        guard let failure else { return fd }
        Glibc.close(fd)
        unlink(path)
        throw .system(path: path, error: failure)
    }

    private static func fileIdentity(_ path: String) -> (device: UInt64, inode: UInt64)? {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFSOCK else { return nil }
        return (UInt64(status.st_dev), UInt64(status.st_ino))
    }
}
