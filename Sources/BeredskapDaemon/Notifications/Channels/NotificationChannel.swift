import BeredskapCore
import BeredskapJSON
import Synchronization

/// One outbox row to deliver through one channel.
///
/// Why one row and one channel: the outbox keeps a row per (notification, channel), so a
/// channel that is down is retried on its own and never causes re-sends on the others.
public struct Delivery: Sendable {
    public var notificationID: Int64
    /// The outbox row's key; a retry of the same notification carries the same key, so a
    /// receiver can drop duplicates (webhook header, exec environment, e-mail header).
    public var idempotencyKey: String
    public var channel: String
    /// The JSON document (webhook body, exec stdin, file line).
    public var document: JSONValue
    /// For people (sendmail): subject line and plain-text body, already in the right language.
    public var subject: String
    public var text: String

    public init(
        notificationID: Int64, idempotencyKey: String, channel: String, document: JSONValue,
        subject: String = "", text: String = ""
    ) {
        self.notificationID = notificationID
        self.idempotencyKey = idempotencyKey
        self.channel = channel
        self.document = document
        self.subject = subject
        self.text = text
    }
}

/// The outcome of one attempt.
public enum DeliveryResult: Sendable, Equatable {
    case delivered
    /// Goes into the outbox row's `last_error`: short, one line, no secrets (never a
    /// configured header value or URL query).
    case failed(String)
    /// Failed, and the receiver said when to come back (`Retry-After` on a 429 or 503): the
    /// next attempt waits at least that long (`RetryPolicy.nextAttempt(retryAfter:)`).
    case throttled(String, retryAfter: FixedDuration)
}

/// A configured channel. `deliver` must never block the caller for longer than it takes to start
/// the work, must call `completion` exactly once (on any thread), and must enforce its timeout.
public protocol NotificationChannel: Sendable {
    var name: String { get }
    func deliver(_ delivery: Delivery, completion: @escaping @Sendable (DeliveryResult) -> Void)
}

/// Calls a completion at most once, whichever of several racing paths (the work finishing,
/// a timeout firing) gets there first.
final class CompleteOnce: Sendable {
    private let completion: Mutex<(@Sendable (DeliveryResult) -> Void)?>

    init(_ completion: @escaping @Sendable (DeliveryResult) -> Void) {
        self.completion = Mutex(completion)
    }

    /// Returns false when another path already completed.
    @discardableResult
    func callAsFunction(_ result: DeliveryResult) -> Bool {
        guard let completion = self.completion.withLock({ stored in
            defer { stored = nil }
            return stored
        }) else { return false }
        completion(result)
        return true
    }
}

/// Text from outside (a response body, a child's stderr) made fit for `last_error`: at most
/// `limit` bytes of valid UTF-8, control characters as spaces, runs of whitespace collapsed.
func errorSnippet(_ bytes: some Collection<UInt8>, limit: Int = 200) -> String {
    let text = String(decoding: bytes.prefix(limit), as: UTF8.self)
    var result = ""
    var lastWasSpace = true
    for scalar in text.unicodeScalars {
        let isSpace = scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
        if isSpace {
            if !lastWasSpace { result.append(" ") }
        } else {
            result.unicodeScalars.append(scalar)
        }
        lastWasSpace = isSpace
    }
    return result.hasSuffix(" ") ? String(result.dropLast()) : result
}

extension DeliveryResult {
    /// How long the receiver asked to be left alone, when it did.
    var retryAfter: FixedDuration? {
        if case .throttled(_, let wait) = self { return wait }
        return nil
    }
}
