import BeredskapAPI
import BeredskapHTTP

/// Why a call to the daemon failed, split the way the CLI's exit codes are.
public enum ClientError: Error, Sendable, CustomStringConvertible {
    /// The daemon could not be reached or broke off (exit code 3).
    case connection(ClientConnectionError)
    /// The daemon answered with an error in the API's shape (exit code 1, or 4 for forbidden).
    case api(status: Int, body: APIErrorBody)
    /// The daemon answered something that is not the API's shape.
    case unexpected(status: Int, body: String)

    public var description: String {
        switch self {
        case .connection(let error): return error.description
        case .api(let status, let body): return "\(body.error.message) (\(body.error.code), HTTP \(status))"
        case .unexpected(let status, let body): return "unexpected answer (HTTP \(status)): \(body.prefix(200))"
        }
    }

    /// The API error code, when the daemon gave one.
    public var code: APIErrorCode? {
        if case .api(_, let body) = self { return body.knownCode }
        return nil
    }
}
