import BeredskapAPI
import BeredskapHTTPParser

/// A request to the local API: method, path, query and optional JSON body.
public struct APIRequest: Sendable {
    public var method: String
    public var path: String
    public var query: [(String, String)]
    public var body: [UInt8]
    public var idempotencyKey: String?
    /// Further headers (a precondition such as `If-None-Match: *`).
    public var headers: [(String, String)]

    public init(
        _ method: String, _ path: String, query: [(String, String?)] = [], body: [UInt8] = [], idempotencyKey: String? = nil,
        headers: [(String, String)] = []
    ) {
        self.method = method
        self.path = path
        self.query = query.compactMap { name, value in value.map { (name, $0) } }
        self.body = body
        self.idempotencyKey = idempotencyKey
        self.headers = headers
    }

    /// Path plus percent-encoded query.
    public var target: String {
        guard !query.isEmpty else { return path }
        return path + "?" + query.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
    }

    /// A repeat is harmless for reads and for mutations that carry an idempotency key.
    var isSafeToRetry: Bool { method == "GET" || idempotencyKey != nil }

    /// Percent-encodes everything outside RFC 3986's unreserved set.
    static func encode(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                encoded.append(Character(UnicodeScalar(byte)))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return encoded
    }
}

/// A complete response.
public struct APIResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public var wasReplayed: Bool { headers[APIContract.Header.idempotentReplayed] == "true" }
}
