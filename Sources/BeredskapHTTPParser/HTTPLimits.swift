/// The size limits a request must stay within.
///
/// Every limit is checked *before* the corresponding work is done (the approach of Firecracker's
/// micro-http): a line is rejected as soon as its buffered bytes exceed the limit, without waiting
/// for its end, and a declared body length is rejected before any body byte is read. That keeps a
/// connection's memory bounded by these numbers whatever a peer sends. The defaults are the ones in
/// the API contract (API.md, "Limits").
public struct HTTPLimits: Sendable, Equatable {
    /// The request line without its line terminator. Empty lines before it count too, so a stream
    /// of CRLFs cannot keep the parser busy forever.
    public var maxRequestLineBytes: Int
    /// Each header (or trailer) field line, without its line terminator.
    public var maxHeaderLineBytes: Int
    /// All header field lines of one message together, without line terminators.
    public var maxHeaderBytes: Int
    /// Number of header field lines in one message.
    public var maxHeaderCount: Int
    /// The decoded body, whether framed by Content-Length or chunked.
    public var maxBodyBytes: Int

    public static let defaultMaxRequestLineBytes = 8 * 1024
    public static let defaultMaxHeaderLineBytes = 8 * 1024
    public static let defaultMaxHeaderBytes = 64 * 1024
    public static let defaultMaxHeaderCount = 100
    public static let defaultMaxBodyBytes = 1024 * 1024

    public init() {
        self.init(maxRequestLineBytes: Self.defaultMaxRequestLineBytes)
    }

    /// Negative values are treated as zero, so a misconfiguration fails closed instead of trapping.
    public init(
        maxRequestLineBytes: Int = HTTPLimits.defaultMaxRequestLineBytes,
        maxHeaderLineBytes: Int = HTTPLimits.defaultMaxHeaderLineBytes,
        maxHeaderBytes: Int = HTTPLimits.defaultMaxHeaderBytes,
        maxHeaderCount: Int = HTTPLimits.defaultMaxHeaderCount,
        maxBodyBytes: Int = HTTPLimits.defaultMaxBodyBytes
    ) {
        self.maxRequestLineBytes = max(0, maxRequestLineBytes)
        self.maxHeaderLineBytes = max(0, maxHeaderLineBytes)
        self.maxHeaderBytes = max(0, maxHeaderBytes)
        self.maxHeaderCount = max(0, maxHeaderCount)
        self.maxBodyBytes = max(0, maxBodyBytes)
    }
}
