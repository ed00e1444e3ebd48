import BeredskapJSON

/// The stable error codes of the API contract. Scripts branch on these; never rename one.
public enum APIErrorCode: String, Sendable, CaseIterable, JSONStringEnum {
    case badRequest = "bad_request"
    case invalidField = "invalid_field"
    case forbidden
    case notFound = "not_found"
    case methodNotAllowed = "method_not_allowed"
    case requestTimeout = "request_timeout"
    case conflict
    case capExceeded = "cap_exceeded"
    case idempotencyConflict = "idempotency_conflict"
    case payloadTooLarge = "payload_too_large"
    case unsupportedMediaType = "unsupported_media_type"
    case invalidDefinition = "invalid_definition"
    case headersTooLarge = "headers_too_large"
    case unavailable
    case `internal`

    /// The HTTP status that goes with the code (the contract's table).
    public var status: Int {
        switch self {
        case .badRequest, .invalidField: return 400
        case .forbidden: return 403
        case .notFound: return 404
        case .methodNotAllowed: return 405
        case .requestTimeout: return 408
        case .conflict, .capExceeded, .idempotencyConflict: return 409
        case .payloadTooLarge: return 413
        case .unsupportedMediaType: return 415
        case .invalidDefinition: return 422
        case .headersTooLarge: return 431
        case .unavailable: return 503
        case .internal: return 500
        }
    }
}
