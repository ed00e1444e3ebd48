import Glibc

// Plain AF_UNIX sockets for tests that play systemd (notify, activation) or a raw client.
// All are close-on-exec: a descriptor meant for a child is dup'ed onto fd 3 there, which is
// inherited regardless.

/// A socket of `type` bound to `path`, or nil.
public func boundUnixSocket(at path: String, type: Int32) -> Int32? {
    unixSocket(type: type, path: path) { fd, address, length in bind(fd, address, length) }
}

/// A stream socket connected to `path` (reads time out after 10 s), or nil.
public func connectedUnixSocket(to path: String) -> Int32? {
    guard let fd = unixSocket(type: Int32(SOCK_STREAM.rawValue), path: path, { fd, address, length in connect(fd, address, length) })
    else { return nil }
    var timeout = timeval(tv_sec: 10, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    return fd
}

private func unixSocket(
    type: Int32, path: String, _ operation: (Int32, UnsafePointer<sockaddr>, socklen_t) -> Int32
) -> Int32? {
    let fd = socket(AF_UNIX, type | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard fd >= 0 else { return nil }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    withUnsafeMutableBytes(of: &address.sun_path) { raw in
        for (index, byte) in path.utf8.enumerated() where index < raw.count - 1 { raw[index] = byte }
    }
    let result = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { operation(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
    }
    guard result == 0 else {
        close(fd)
        return nil
    }
    return fd
}

public func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    var offset = 0
    while offset < bytes.count {
        let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent > 0 else { return false }
        offset += sent
    }
    return true
}

/// Reads byte by byte until `marker` (or the receive timeout): for checking exact heads.
public func readUntil(_ fd: Int32, _ marker: String) -> String {
    var bytes: [UInt8] = []
    var byte: UInt8 = 0
    while !String(decoding: bytes, as: UTF8.self).hasSuffix(marker), read(fd, &byte, 1) == 1 { bytes.append(byte) }
    return String(decoding: bytes, as: UTF8.self)
}
