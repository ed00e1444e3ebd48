import Dispatch
import Glibc

/// Appends each document as one JSON line, for audit trails and for tools that tail a file.
///
/// Why one `write` with `O_APPEND`: the kernel positions and writes an `O_APPEND` write as a
/// unit, so lines from this channel, from another channel on the same file, or from another
/// process never interleave. Why `fsync` before reporting delivered: the outbox row is then
/// marked delivered and will not be retried, so the line must survive a crash first.
/// A missing directory is a failed delivery, not created: a typo in the path should show up
/// in `last_error`, not as a stray directory tree.
final class FileChannel: NotificationChannel {
    let name: String
    let path: String
    /// Serial, so lines land in the order deliveries were handed over.
    private let queue: DispatchQueue

    init(name: String, path: String) {
        self.name = name
        self.path = path
        queue = DispatchQueue(label: "beredskap.channel.file.\(name)")
    }

    func deliver(_ delivery: Delivery, completion: @escaping @Sendable (DeliveryResult) -> Void) {
        let line = delivery.document.serialized() + [UInt8(ascii: "\n")]
        queue.async { [path] in completion(Self.append(line, to: path)) }
    }

    static func append(_ line: [UInt8], to path: String) -> DeliveryResult {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o640)
        guard fd >= 0 else {
            let code = errno
            let hint = code == ENOENT ? " (the directory must exist)" : ""
            return .failed("cannot open \(path): \(errnoText(code))\(hint)")
        }
        defer { close(fd) }
        var written = -1
        repeat { written = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } } while written < 0 && errno == EINTR
        if written < 0 { return .failed("cannot write \(path): \(errnoText(errno))") }
        if written != line.count { return .failed("short write to \(path) (\(written) of \(line.count) bytes; disk full?)") }
        guard fsync(fd) == 0 else { return .failed("cannot fsync \(path): \(errnoText(errno))") }
        return .delivered
    }
}
