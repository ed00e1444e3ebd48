import BeredskapAPI
import BeredskapCore
import BeredskapJSON

/// An error answered to a client: a stable code, a message in English and bokmål, and
/// details that name what was wrong (`field`, `permission`, …).
public struct APIError: Error, Sendable {
    public var code: APIErrorCode
    public var message: Text
    public var details: JSONObject
    /// Extra response headers (e.g. `Allow` on a 405).
    public var headers: [(String, String)] = []

    public init(_ code: APIErrorCode, _ message: Text, details: JSONObject = JSONObject()) {
        self.code = code
        self.message = message
        self.details = details
    }

    public static func badRequest(_ message: Text) -> APIError { APIError(.badRequest, message) }

    /// A missing, unknown or out-of-range field; `field` is its path (`subject`, `roles[1]`).
    public static func invalidField(_ field: String, _ problem: Text) -> APIError {
        APIError(
            .invalidField, Text("\(field): \(problem.en)", nb: "\(field): \(problem.nb)"),
            details: JSONObject([("field", .string(field))]))
    }

    public static func forbidden(_ permission: Permission) -> APIError {
        APIError(
            .forbidden,
            Text(
                "this needs the '\(permission.rawValue)' permission, which you do not have",
                nb: "dette krever tillatelsen «\(permission.rawValue)», som du ikke har"),
            details: JSONObject([("permission", .string(permission.rawValue))]))
    }

    public static func notFound(_ message: Text) -> APIError { APIError(.notFound, message) }

    public static func conflict(_ message: Text) -> APIError { APIError(.conflict, message) }

    public static func unavailable(_ message: Text) -> APIError { APIError(.unavailable, message) }

    public static func `internal`(_ message: Text) -> APIError { APIError(.internal, message) }

    public func body(in language: Language) -> APIErrorBody {
        APIErrorBody(code: code, message: message(language), details: details)
    }
}

extension APIError {
    /// An error a command threw: ours as it is, a field problem as `invalid_field`; anything else is a bug, logged with where it
    /// happened and answered as `internal`.
    static func from(_ error: any Error, context: String) -> APIError {
        if let known = error as? APIError { return known }
        if let problem = error as? FieldProblem { return .invalidField(problem.field, problem.problem) }
        DaemonLog.error("unexpected error on \(context): \(error)")
        return .internal(
            Text(
                "unexpected error; the daemon log (journalctl -u beredskapd) has the details",
                nb: "uventet feil; daemon-loggen (journalctl -u beredskapd) har detaljene"))
    }

    /// A request body or query problem found by the JSON decoder, in both languages.
    init(decoding error: JSONFieldError) {
        if let syntax = error.syntax {
            self.init(
                .badRequest,
                Text("the body is not valid JSON: \(syntax)", nb: "innholdet er ikke gyldig JSON: \(syntax)"))
            return
        }
        let field = error.field.isEmpty ? "body" : error.field
        self = .invalidField(field, FieldProblemTranslation.translate(error.problem))
    }
}

/// Bokmål for the decoder's standard problem sentences; anything else stays as it is.
enum FieldProblemTranslation {
    private static let prefixes: [(String, String)] = [
        ("unknown field (expected one of: ", "ukjent felt (forventet ett av: "),
        ("expected one of: ", "forventet ett av: "),
        ("expected an integer between ", "forventet et heltall mellom "),
        ("expected an integer", "forventet et heltall"),
        ("expected a number", "forventet et tall"),
        ("expected a string", "forventet en tekst"),
        ("expected true or false", "forventet true eller false"),
        ("expected an object", "forventet et objekt"),
        ("expected a list", "forventet en liste"),
        ("expected a date", "forventet en dato"),
        ("expected an RFC 3339 time", "forventet et RFC 3339-tidspunkt"),
        ("expected an ISO 8601 duration", "forventet en ISO 8601-varighet"),
        ("is required", "mangler (påkrevd)"),
        ("must not be null", "kan ikke være null"),
        ("must not be empty", "kan ikke være tom"),
    ]

    static func translate(_ english: String) -> Text {
        for (prefix, bokmål) in prefixes where english.hasPrefix(prefix) {
            let rest = english.dropFirst(prefix.count).replacingOccurrences(of: " and ", with: " og ")
                .replacingOccurrences(of: " such as ", with: " som ")
            return Text(english, nb: bokmål + rest)
        }
        return Text(english, nb: english)
    }
}

extension Substring {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        String(self).split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
