import BeredskapAPI
import BeredskapCore
import BeredskapHTTP
import BeredskapJSON

/// `POST /v1/notifications/test`: one test message through one channel, now.
///
/// Why not through the outbox: the question is "does this channel work right now?", and the
/// outbox would retry a failure for hours and record it against no alert. The message goes
/// straight to the channel and the answer waits for its result; a failed channel is still a
/// 200 (`delivered: false` with the error), since the request itself did what it asked.
///
/// Why answered asynchronously: a webhook may take its whole timeout, and the event loop that
/// read the request serves other connections meanwhile. Every refusal (bad body, unknown
/// channel) is thrown before the route returns `.answered`, so the status the handler records
/// for `.answered` (200) is the status sent; its latency is the hand-over, not the delivery.
struct NotificationTestRoute {
    let notifier: Notifier
    let settings: CurrentSettings
    let clock: any WallClock

    var routes: [Route] {
        [
            Route(Endpoints.Alerts.testChannel) { context throws(APIError) in
                let body = try context.decodeBody(NotificationTestBody.self)
                guard let channel = notifier.channel(named: body.channel) else {
                    var error = APIError.notFound(Text(
                        "no channel named \(body.channel) is configured", nb: "ingen kanal med navnet \(body.channel) er satt opp"))
                    error.details["field"] = .string("channel")
                    throw error
                }
                let exchange = context.exchange
                let name = body.channel
                let delivery = Self.testDelivery(
                    channel: name, now: clock.now(), calendar: settings.calendar,
                    language: settings.configuration.notifications.language, by: context.identity.principal.user)
                channel.deliver(delivery) { result in
                    let answer: NotificationTestResult
                    switch result {
                    case .delivered: answer = NotificationTestResult(channel: name, delivered: true)
                    case .failed(let message), .throttled(let message, _): answer = NotificationTestResult(channel: name, delivered: false, error: message)
                    }
                    exchange.onLoop { exchange.respond(Self.response(answer)) }
                }
                return .answered
            }
        ]
    }

    /// The test message: a JSON document of type `test` and a short text in the configured language.
    static func testDelivery(
        channel: String, now: Timestamp, calendar: LocalCalendar, language: Language, by user: String
    ) -> Delivery {
        let key = "test-\(now.millisecondsSinceEpoch)"
        let at = calendar.dateTimeText(now)
        let text = Text(
            "Test message from beredskapd through channel \(channel), sent by \(user) at \(at). No action needed.",
            nb: "Testmelding fra beredskapd gjennom kanalen \(channel), sendt av \(user) \(at). Ingen handling nødvendig.")(language)
        let subject = Text("[TEST] beredskap channel \(channel)", nb: "[TEST] beredskap-kanal \(channel)")(language)
        let document = JSONValue.object(JSONObject([
            ("type", .string("test")), ("channel", .string(channel)), ("text", .string(text)), ("idempotency_key", .string(key)),
        ]))
        return Delivery(notificationID: 0, idempotencyKey: key, channel: channel, document: document, subject: subject, text: text)
    }

    private static func response(_ answer: NotificationTestResult) -> HTTPResponse {
        do {
            return APIHandler.jsonResponse(try JSONValueEncoder().encodeBytes(answer), status: 200)
        } catch {
            return APIHandler.render(
                .internal(Text("could not encode the response: \(error)", nb: "kunne ikke kode svaret: \(error)")), language: .en)
        }
    }
}
