import BeredskapCore
import Dispatch
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// POSTs the document as JSON with the outbox row's `Idempotency-Key` (API.md, "Alerts,
/// silences, notifications"). 2xx is delivered; anything else, including a redirect, failed.
final class WebhookChannel: NotificationChannel {
    let name: String
    private let settings: ChannelConfiguration.Webhook
    private let session: URLSession

    init(name: String, settings: ChannelConfiguration.Webhook) {
        self.name = name
        self.settings = settings
        // Ephemeral: no cookies, no cache, no credentials kept between deliveries.
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = settings.timeout.seconds
        configuration.timeoutIntervalForResource = settings.timeout.seconds
        configuration.httpCookieAcceptPolicy = .never
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        session = URLSession(configuration: configuration, delegate: RefuseRedirects(), delegateQueue: nil)
    }

    deinit { session.finishTasksAndInvalidate() }

    func deliver(_ delivery: Delivery, completion: @escaping @Sendable (DeliveryResult) -> Void) {
        var request = URLRequest(url: settings.url, cachePolicy: .reloadIgnoringLocalAndRemoteCacheData,
                                 timeoutInterval: settings.timeout.seconds)
        request.httpMethod = "POST"
        for (header, value) in settings.headers { request.setValue(value, forHTTPHeaderField: header) }
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(delivery.idempotencyKey, forHTTPHeaderField: "Idempotency-Key")
        request.setValue("beredskapd", forHTTPHeaderField: "User-Agent")
        request.httpBody = Data(delivery.document.serialized())

        let complete = CompleteOnce(completion)
        let task = session.dataTask(with: request) { body, response, error in
            complete(Self.result(body: body, response: response, error: error))
        }
        // Why our own deadline on top of URLSession's: its request timeout is an idle timeout
        // between packets, so a server trickling bytes could hold a delivery forever.
        let timeout = settings.timeout
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(Int(clamping: timeout.milliseconds))) {
            if complete(.failed("timed out after \(timeout)")) { task.cancel() }
        }
        task.resume()
    }

    static func result(body: Data?, response: URLResponse?, error: (any Error)?) -> DeliveryResult {
        if let error { return .failed(errorSnippet(Array(error.localizedDescription.utf8))) }
        guard let http = response as? HTTPURLResponse else { return .failed("no HTTP response") }
        if (200..<300).contains(http.statusCode) { return .delivered }
        let snippet = errorSnippet(body ?? Data())
        let message = snippet.isEmpty ? "HTTP \(http.statusCode)" : "HTTP \(http.statusCode): \(snippet)"
        if http.statusCode == 429 || http.statusCode == 503,
            let wait = retryAfter(http.value(forHTTPHeaderField: "Retry-After"))
        {
            return .throttled(message, retryAfter: wait)
        }
        return .failed(message)
    }

    /// `Retry-After` as delta-seconds (RFC 9110 §10.2.3), at most a day. The HTTP-date form is
    /// not read: receivers that throttle answer in seconds, and a date would need the
    /// receiver's clock to agree with ours; without a usable value the usual backoff applies.
    static func retryAfter(_ value: String?) -> FixedDuration? {
        guard let value, let seconds = Int64(value.trimmingCharacters(in: .whitespaces)), seconds >= 0 else { return nil }
        return .seconds(min(seconds, maximumRetryAfterSeconds))
    }

    static let maximumRetryAfterSeconds: Int64 = 86_400
}

/// Why refuse redirects: following one would send the alert (and any `Authorization` header)
/// somewhere the configuration does not name, and a POST turned into a GET is no delivery.
private final class RefuseRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
