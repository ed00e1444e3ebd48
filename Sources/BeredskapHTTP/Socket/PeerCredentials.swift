import CShims

/// The kernel's account of who is on the other end of a Unix-socket connection.
///
/// Why trust only this: a client can claim anything in a request; SO_PEERCRED is filled in by
/// the kernel at connect time and cannot be forged by an unprivileged process.
public struct PeerCredentials: Sendable, Hashable, CustomStringConvertible {
    public var pid: Int32
    public var uid: UInt32
    public var gid: UInt32

    public init(pid: Int32, uid: UInt32, gid: UInt32) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
    }

    /// Reads SO_PEERCRED; nil when the socket is not a connected AF_UNIX socket.
    public static func of(fileDescriptor: Int32) -> PeerCredentials? {
        var raw = bshim_peer_credentials()
        guard bshim_peer_credentials_of(fileDescriptor, &raw) == 0 else { return nil }
        return PeerCredentials(pid: raw.pid, uid: raw.uid, gid: raw.gid)
    }

    public var description: String { "uid \(uid) gid \(gid) pid \(pid)" }
}
