@testable import BeredskapDaemon
import BeredskapCore
import BeredskapTestSupport
import BeredskapJSON
import Foundation
import Testing

@Suite struct WebhookChannelTests {
    private func channel(_ url: String, timeout: FixedDuration = .seconds(10)) throws -> any NotificationChannel {
        let url = try #require(URL(string: url))
        let settings = ChannelConfiguration.Webhook(url: url, headers: ["Authorization": "Bearer s3cret"], timeout: timeout)
        return ChannelFactory.make(name: "hook", ChannelConfiguration(.webhook(settings)), stateDirectory: "/")
    }

    @Test func postsTheDocumentWithTheIdempotencyKey() throws {
        let server = try LoopbackHTTPServer(status: 204)
        defer { server.stop() }
        let delivery = sampleDelivery(key: "alert-7-firing-beredskapsetaten")
        #expect(deliverAndWait(try channel(server.url), delivery) == .delivered)
        let request = try #require(server.received.first)
        #expect(request.method == "POST")
        #expect(request.target == "/hooks/beredskap?x=1")
        #expect(request.headers["content-type"] == "application/json")
        #expect(request.headers["idempotency-key"] == "alert-7-firing-beredskapsetaten")
        #expect(request.headers["user-agent"] == "beredskapd")
        #expect(request.headers["expect"] == nil, "no 100-continue: the body goes with the head")
        #expect(request.headers["authorization"] == "Bearer s3cret")
        #expect(request.body == delivery.document.serialized())
    }

    @Test func serverErrorFailsWithStatusAndBodySnippet() throws {
        let server = try LoopbackHTTPServer(status: 500, body: "database\nunavailable" + String(repeating: "!", count: 500))
        defer { server.stop() }
        let result = deliverAndWait(try channel(server.url), sampleDelivery())
        let expected = "HTTP 500: database unavailable" + String(repeating: "!", count: 200 - "database\nunavailable".count)
        #expect(result == .failed(expected))
    }

    @Test func redirectIsNotFollowed() throws {
        let server = try LoopbackHTTPServer(status: 302)
        defer { server.stop() }
        let result = deliverAndWait(try channel(server.url), sampleDelivery())
        #expect(result == .failed("HTTP 302"), "\(String(describing: result))")
        #expect(server.received.count == 1)
    }

    @Test func closedPortFails() throws {
        let port = try LoopbackHTTPServer.closedPort()
        let result = deliverAndWait(try channel("http://127.0.0.1:\(port)/"), sampleDelivery())
        guard case .failed(let message) = result else {
            Issue.record("expected a failure, got \(String(describing: result))")
            return
        }
        #expect(!message.isEmpty && !message.contains("s3cret"))
    }

    @Test func silentServerTimesOut() throws {
        let server = try LoopbackHTTPServer(status: nil)
        defer { server.stop() }
        let started = Date()
        let result = deliverAndWait(try channel(server.url, timeout: FixedDuration(milliseconds: 500)), sampleDelivery(), timeout: 10)
        guard case .failed = result else {
            Issue.record("expected a failure, got \(String(describing: result))")
            return
        }
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func tooManyRequestsWithRetryAfterIsThrottledForThatLong() throws {
        for status in [429, 503] {
            let server = try LoopbackHTTPServer(script: [], then: .status(status, headers: ["Retry-After": " 120 "]))
            defer { server.stop() }
            #expect(deliverAndWait(try channel(server.url), sampleDelivery()) == .throttled("HTTP \(status)", retryAfter: .seconds(120)))
        }
    }

    @Test func retryAfterThatIsNotSecondsIsAPlainFailure() throws {
        for value in ["Wed, 21 Oct 2015 07:28:00 GMT", "-5", "soon"] {
            let server = try LoopbackHTTPServer(script: [], then: .status(429, headers: ["Retry-After": value]))
            defer { server.stop() }
            #expect(deliverAndWait(try channel(server.url), sampleDelivery()) == .failed("HTTP 429"), "Retry-After: \(value)")
        }
        #expect(WebhookChannel.retryAfter("9999999") == .seconds(86_400), "at most a day")
        let plain = try LoopbackHTTPServer(script: [], then: .status(500, headers: ["Retry-After": "30"]))
        defer { plain.stop() }
        #expect(deliverAndWait(try channel(plain.url), sampleDelivery()) == .failed("HTTP 500"), "only 429 and 503 ask for time")
    }

    @Test func aResetConnectionFails() throws {
        let server = try LoopbackHTTPServer(script: [], then: .reset)
        defer { server.stop() }
        guard case .failed(let message) = deliverAndWait(try channel(server.url), sampleDelivery()) else {
            Issue.record("a reset must fail the attempt")
            return
        }
        #expect(!message.isEmpty)
    }

    /// libcurl asks a receiver for `100 Continue` before a body over 1 KB and waits a second
    /// for it; a receiver that does not answer it must still get the alert at once.
    @Test func aLargeDocumentGoesWithoutWaitingForContinue() throws {
        let server = try LoopbackHTTPServer(status: 204)
        defer { server.stop() }
        var delivery = sampleDelivery()
        delivery.document = ["text": .string(String(repeating: "Kapasitet på Refstad. ", count: 200))]
        let started = Date()
        #expect(deliverAndWait(try channel(server.url), delivery) == .delivered)
        #expect(Date().timeIntervalSince(started) < 0.9)
        #expect(server.received.first?.headers["expect"] == nil)
        #expect(server.received.first?.body == delivery.document.serialized())
    }
}
