import BeredskapCore
import BeredskapJSON
import Foundation

/// One entry of `notifications.channels` in the configuration.
///
/// Why one struct with a settings enum rather than a flat bag of optionals: each kind has its
/// own required fields, and an entry like `{kind: "exec", url: …}` must be refused ("unknown
/// field"), not silently ignored. Decoding reads only the fields of the entry's kind, so the
/// strict decoder reports anything else.
public struct ChannelConfiguration: Sendable, Equatable, Decodable {
    public enum Kind: String, JSONStringEnum { case webhook, exec, sendmail, file }

    /// An HTTP POST of the document.
    public struct Webhook: Sendable, Equatable {
        public var url: URL
        /// Extra request headers (for example `Authorization`); never written to `last_error`.
        public var headers: [String: String]
        public var timeout: FixedDuration

        public init(url: URL, headers: [String: String] = [:], timeout: FixedDuration = .seconds(10)) {
            self.url = url
            self.headers = headers
            self.timeout = timeout
        }
    }

    /// A program started without a shell; shared by `exec` and `sendmail`.
    public struct Program: Sendable, Equatable {
        /// An absolute path: no `PATH` lookup, so what runs does not depend on the environment.
        public var path: String
        public var arguments: [String]
        public var timeout: FixedDuration
        /// How many runs of this channel may be alive at once; more deliveries wait in line.
        public var maxConcurrent: Int

        public init(path: String, arguments: [String] = [], timeout: FixedDuration = .seconds(10), maxConcurrent: Int = 4) {
            self.path = path
            self.arguments = arguments
            self.timeout = timeout
            self.maxConcurrent = maxConcurrent
        }
    }

    /// An e-mail piped to a sendmail-compatible program (which reads recipients with `-t`).
    public struct Sendmail: Sendable, Equatable {
        public var program: Program
        /// `beredskap@example.org` or `Beredskap <beredskap@example.org>` (ASCII).
        public var from: String
        public var to: [String]

        public init(
            program: Program = Program(path: "/usr/sbin/sendmail", arguments: ["-t", "-oi"]), from: String, to: [String]
        ) {
            self.program = program
            self.from = from
            self.to = to
        }
    }

    public enum Settings: Sendable, Equatable {
        case webhook(Webhook)
        case exec(Program)
        case sendmail(Sendmail)
        /// Relative paths are relative to the state directory.
        case file(path: String)
    }

    public var settings: Settings
    /// Whether an exercise's notifications go to this channel (`exercise: true`; default
    /// false). Why opt-in: a drill must never page the duty officer through a channel set up
    /// for real alerts; a channel marked for exercises (a test webhook, a file) gets them, with
    /// the `[ØVELSE]` prefix, and the others get no row at all from an exercise.
    public var exercise: Bool

    public var kind: Kind {
        switch settings {
        case .webhook: .webhook
        case .exec: .exec
        case .sendmail: .sendmail
        case .file: .file
        }
    }

    public init(_ settings: Settings, exercise: Bool = false) {
        self.settings = settings
        self.exercise = exercise
    }

    private enum CodingKeys: String, CodingKey {
        case kind, url, headers, timeout, program, arguments, maxConcurrent, from, to, path, exercise
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        exercise = try container.value(.exercise, default: false)
        switch try container.decode(Kind.self, forKey: .kind) {
        case .webhook:
            let text = try container.decode(String.self, forKey: .url)
            guard let url = Self.httpURL(text) else {
                throw DecodingError.dataCorruptedError(forKey: .url, in: container, debugDescription: "expected an http or https URL")
            }
            let headers = try container.value(.headers, default: [String: String]())
            if let problem = headers.keys.sorted().lazy.compactMap({ Self.headerProblem(name: $0, value: headers[$0] ?? "") }).first {
                throw DecodingError.dataCorruptedError(forKey: .headers, in: container, debugDescription: problem)
            }
            settings = .webhook(Webhook(url: url, headers: headers, timeout: try Self.timeout(container)))
        case .exec:
            settings = .exec(try Self.program(container, default: nil))
        case .sendmail:
            let program = try Self.program(container, default: Sendmail(from: "", to: []).program)
            let from = try container.decode(String.self, forKey: .from)
            guard Self.isAddress(from) else {
                throw DecodingError.dataCorruptedError(forKey: .from, in: container, debugDescription: Self.addressExpectation)
            }
            let to = try container.decode([String].self, forKey: .to)
            guard !to.isEmpty, to.allSatisfy(Self.isAddress) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .to, in: container, debugDescription: "expected at least one address; each " + Self.addressExpectation)
            }
            settings = .sendmail(Sendmail(program: program, from: from, to: to))
        case .file:
            let path = try container.decode(String.self, forKey: .path)
            guard !path.isEmpty, !path.utf8.contains(0) else {
                throw DecodingError.dataCorruptedError(forKey: .path, in: container, debugDescription: "must not be empty")
            }
            settings = .file(path: path)
        }
    }

    private static func timeout(_ container: KeyedDecodingContainer<CodingKeys>) throws -> FixedDuration {
        try container.duration(.timeout, default: .seconds(10), atLeast: FixedDuration(milliseconds: 100))
    }

    /// `program`, `arguments`, `timeout`, `max_concurrent`; `program` is required when there
    /// is no default.
    private static func program(_ container: KeyedDecodingContainer<CodingKeys>, default fallback: Program?) throws -> Program {
        let path = try fallback.map { try container.value(.program, default: $0.path) } ?? container.decode(String.self, forKey: .program)
        guard path.hasPrefix("/"), !path.utf8.contains(0) else {
            throw DecodingError.dataCorruptedError(forKey: .program, in: container, debugDescription: "must be an absolute path")
        }
        let arguments = try container.value(.arguments, default: fallback?.arguments ?? [])
        if arguments.contains(where: { $0.utf8.contains(0) }) {
            throw DecodingError.dataCorruptedError(forKey: .arguments, in: container, debugDescription: "must not contain NUL characters")
        }
        let maxConcurrent = try container.integer(.maxConcurrent, default: 4, in: 1...64)
        return Program(path: path, arguments: arguments, timeout: try timeout(container), maxConcurrent: maxConcurrent)
    }

    static func httpURL(_ text: String) -> URL? {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty
        else { return nil }
        return url
    }

    /// Why refuse some names: the channel sets these itself, and a second `Idempotency-Key`
    /// would defeat de-duplication at the receiver.
    static let reservedHeaders: Set<String> = ["content-type", "content-length", "idempotency-key", "host"]

    static func headerProblem(name: String, value: String) -> String? {
        let tokenPunctuation = Set("!#$%&'*+-.^_`|~".utf8)
        let isToken = !name.isEmpty && name.utf8.allSatisfy { $0 < 0x80 && (isalnum(Int32($0)) != 0 || tokenPunctuation.contains($0)) }
        if !isToken { return "\(name): not a valid header name" }
        if reservedHeaders.contains(name.lowercased()) { return "\(name): is set by the channel" }
        if value.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7f }) {
            return "\(name): the value must not contain control characters"
        }
        return nil
    }

    static let addressExpectation = "expected an e-mail address such as beredskap@example.org or \"Name <beredskap@example.org>\" (ASCII)"

    /// A deliberately loose check: printable ASCII with an `@`. Its job is to keep header
    /// injection (CR, LF) and non-ASCII out of the message headers; the MTA judges the rest.
    static func isAddress(_ text: String) -> Bool {
        text.contains("@") && text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7f }
            && !text.hasPrefix(" ") && !text.hasSuffix(" ")
    }
}
