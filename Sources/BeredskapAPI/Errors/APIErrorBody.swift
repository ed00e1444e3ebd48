import BeredskapJSON

/// The one error shape: `{"error":{"code":"…","message":"…","details":{…}}}`.
public struct APIErrorBody: Sendable, Codable, Equatable {
    public struct Content: Sendable, Codable, Equatable {
        public var code: String
        public var message: String
        public var details: JSONValue

        public init(code: String, message: String, details: JSONValue) {
            self.code = code
            self.message = message
            self.details = details
        }
    }

    public var error: Content

    public init(code: APIErrorCode, message: String, details: JSONObject = JSONObject()) {
        error = Content(code: code.rawValue, message: message, details: .object(details))
    }

    /// The code as the enum, when it is one this version knows.
    public var knownCode: APIErrorCode? { APIErrorCode(rawValue: error.code) }
}
