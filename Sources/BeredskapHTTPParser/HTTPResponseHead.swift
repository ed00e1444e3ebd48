/// A response's status and header fields.
///
/// The version is not part of it: the server always answers HTTP/1.1, and the client has no use
/// for the version beyond checking it while parsing.
public struct HTTPResponseHead: Sendable, Equatable {
    public var status: Int
    public var headers: HTTPHeaders

    public init(status: Int, headers: HTTPHeaders = [:]) {
        self.status = status
        self.headers = headers
    }

    /// The RFC 9110 reason phrase for the codes this API uses; "Unknown" otherwise. Clients must
    /// not depend on it (RFC 9112 §4), it only makes a raw exchange readable.
    public var reasonPhrase: String {
        switch status {
        case 100: return "Continue"
        case 200: return "OK"
        case 201: return "Created"
        case 202: return "Accepted"
        case 204: return "No Content"
        case 400: return "Bad Request"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 408: return "Request Timeout"
        case 409: return "Conflict"
        case 413: return "Content Too Large"
        case 415: return "Unsupported Media Type"
        case 417: return "Expectation Failed"
        case 422: return "Unprocessable Content"
        case 431: return "Request Header Fields Too Large"
        case 500: return "Internal Server Error"
        case 501: return "Not Implemented"
        case 503: return "Service Unavailable"
        case 505: return "HTTP Version Not Supported"
        default: return "Unknown"
        }
    }

    /// 1xx, 204 and 304 never have a body, whatever their fields say (RFC 9112 §6.3).
    var statusForbidsBody: Bool {
        (100...199).contains(status) || status == 204 || status == 304
    }
}
