import BeredskapHTTPParser
import BeredskapTestSupport
import BeredskapCore
import BeredskapHTTP
import BeredskapJSON
import Foundation
import Testing

@testable import BeredskapDaemon

@Suite(.serialized) struct APITests {
    @Test func healthIsOpenToEveryoneWhoCanConnect() throws {
        let harness = try DaemonHarness()
        let response = try harness.connect(as: People.stranger).request("GET", "/v1/health")
        #expect(response.status == 200)
        #expect(response.json["status"]?.stringValue == "ok")
        #expect(response.headers["Beredskap-Version"] == "0.1.0")
        #expect(response.headers["Content-Type"] == "application/json")
    }

    @Test func everyAnswerNamesTheConfiguredTimeZoneSoClientsShowTimesAsTheDaemonDoes() throws {
        let harness = try DaemonHarness { $0.timeZone = "America/New_York" }
        let client = try harness.connect(as: People.viewer)
        let version = try client.request("GET", "/v1")
        #expect(version.json["time_zone"]?.stringValue == "America/New_York")
        #expect(version.headers["Beredskap-Time-Zone"] == "America/New_York")
        // Errors and streams too: whatever a client sees first tells it the zone.
        #expect(try client.request("GET", "/v1/nowhere").headers["Beredskap-Time-Zone"] == "America/New_York")
        #expect(try harness.connect(as: People.stranger).request("GET", "/v1/status").headers["Beredskap-Time-Zone"] == "America/New_York")
    }

    @Test func versionAndStatusHaveTheContractFields() throws {
        let harness = try DaemonHarness()
        let client = try harness.connect(as: People.viewer)
        let version = try client.request("GET", "/v1").json
        #expect(version["api_version"]?.intValue == 1)
        #expect(version["server_version"]?.stringValue == "0.1.0")
        #expect(version["extensions"]?.arrayValue?.isEmpty == false)
        let status = try client.request("GET", "/v1/status").json
        for field in ["surge_level", "capacity", "alerts", "runs_active", "notifications", "deadlines_overdue", "last_event_seq", "uptime_s"] {
            #expect(status[field] != nil, "status.\(field)")
        }
        #expect(status["alerts"]?["unacknowledged"]?.intValue == 0)
        #expect(status["notifications"]?["dead"]?.intValue == 0)
        #expect(status["surge_level"]?.stringValue == "normal")
        #expect(status["last_event_seq"]?.intValue == 1)  // daemon.started
    }

    @Test func aDenialIs403NamingThePermissionAndIsLoggedWithTheActor() throws {
        let harness = try DaemonHarness()
        let viewer = try harness.connect(as: People.viewer)
        let denied = try viewer.request("POST", "/v1/log", json: #"{"text":"hei"}"#)
        #expect(denied.status == 403)
        #expect(denied.errorCode == "forbidden")
        #expect(denied.json["error"]?["details"]?["permission"]?.stringValue == "operate")
        let stranger = try harness.connect(as: People.stranger)
        #expect(try stranger.request("GET", "/v1/status").json["error"]?["details"]?["permission"]?.stringValue == "read")
        // The denials are in the event log, with who asked.
        let events = try harness.connect(as: People.root).request("GET", "/v1/events?type=access.denied").json
        let denials = events["events"]?.arrayValue ?? []
        #expect(denials.count == 2)
        #expect(denials.first?["actor"]?["user"]?.stringValue == "politisk")
        #expect(denials.first?["actor"]?["uid"]?.intValue == 2001)
        #expect(denials.first?["data"]?["path"]?.stringValue == "/v1/log")
        #expect(denials.first?["data"]?["permission"]?.stringValue == "operate")
    }

    @Test func browsersAreRefused() throws {
        let harness = try DaemonHarness()
        let client = try harness.connect()
        for header in ["Origin", "Referer"] {
            let response = try client.request("GET", "/v1/health", headers: [(header, "http://evil.example")])
            #expect(response.status == 403)
            #expect(response.json["error"]?["details"]?["reason"]?.stringValue == "browser")
        }
    }

    @Test func aLogEntryRoundTripsWithItsEventSeq() throws {
        let harness = try DaemonHarness()
        let client = try harness.connect(as: People.operatorByGroup)
        let created = try client.request("POST", "/v1/log", json: #"{"text":"  Refstad full, 40 sendt til Torshov  ","subject":"facility/refstad"}"#)
        #expect(created.status == 201)
        #expect(created.json["text"]?.stringValue == "Refstad full, 40 sendt til Torshov")
        #expect(created.json["actor"]?["user"]?.stringValue == "oslo-ops")
        #expect(created.json["source"]?.stringValue == "person")
        let seq = try #require(created.json["event_seq"]?.intValue)
        #expect(created.json["seq"]?.intValue == seq)
        let listed = try client.request("GET", "/v1/log?subject=facility%2Frefstad").json
        #expect(listed["entries"]?.arrayValue?.count == 1)
        #expect(listed["entries"]?.arrayValue?.first?["id"] == created.json["id"])
        let event = try client.request("GET", "/v1/events?since=\(seq - 1)&limit=1").json["events"]?.arrayValue?.first
        #expect(event?["type"]?.stringValue == "log.added")
        #expect(event?["subject"]?.stringValue == "facility/refstad")
        #expect(event?["exercise"]?.boolValue == false)
    }

    @Test(arguments: [
        (#"{"text":"x","subjcet":"city"}"#, "subjcet"),
        (#"{"subject":"city"}"#, "text"),
        (#"{"text":"   "}"#, "text"),
        (#"{"text":"x","subject":"Facility/Refstad"}"#, "subject"),
        (#"{"text":42}"#, "text"),
        (#"[]"#, "body"),
    ])
    func badBodiesNameTheField(_ body: String, _ field: String) throws {
        let harness = try DaemonHarness()
        let response = try harness.connect().request("POST", "/v1/log", json: body)
        #expect(response.status == 400)
        #expect(response.errorCode == "invalid_field")
        #expect(response.json["error"]?["details"]?["field"]?.stringValue == field)
    }

    @Test func malformedJSONAndNonJSONBodies() throws {
        let harness = try DaemonHarness()
        let client = try harness.connect()
        let broken = try client.request("POST", "/v1/log", json: #"{"text": "x",}"#)
        #expect(broken.status == 400)
        #expect(broken.errorCode == "bad_request")
        let duplicate = try client.request("POST", "/v1/log", json: #"{"text":"a","text":"b"}"#)
        #expect(duplicate.status == 400)
        let form = try client.request("POST", "/v1/log", headers: [("Content-Type", "application/x-www-form-urlencoded")])
        #expect(form.status == 400)  // empty body: the body is required
        try client.send(raw: "POST /v1/log HTTP/1.1\r\nHost: b\r\nContent-Type: text/plain\r\nContent-Length: 4\r\n\r\ntext")
        let plain = try client.readResponse()
        #expect(plain.status == 415)
        #expect(plain.errorCode == "unsupported_media_type")
    }

    @Test func unknownQueryParametersRoutesAndMethods() throws {
        let harness = try DaemonHarness()
        let client = try harness.connect()
        let typo = try client.request("GET", "/v1/events?sinse=3")
        #expect(typo.status == 400)
        #expect(typo.json["error"]?["details"]?["field"]?.stringValue == "sinse")
        let badSince = try client.request("GET", "/v1/events?since=-1")
        #expect(badSince.json["error"]?["details"]?["field"]?.stringValue == "since")
        let missing = try client.request("GET", "/v1/nothing")
        #expect(missing.status == 404)
        #expect(missing.errorCode == "not_found")
        let wrongVerb = try client.request("DELETE", "/v1/log")
        #expect(wrongVerb.status == 405)
        #expect(wrongVerb.errorCode == "method_not_allowed")
        #expect(wrongVerb.headers["Allow"] == "POST, GET")
    }

    @Test func idempotencyKeysReplayAndConflict() throws {
        let harness = try DaemonHarness()
        let client = try harness.connect(as: People.operatorByGroup)
        let key = [("Idempotency-Key", "run-17")]
        let first = try client.request("POST", "/v1/log", json: #"{"text":"once"}"#, headers: key)
        let second = try client.request("POST", "/v1/log", json: #"{"text":"once"}"#, headers: key)
        #expect(first.status == 201)
        #expect(second.status == 201)
        #expect(second.body == first.body)
        #expect(second.headers["Idempotent-Replayed"] == "true")
        #expect(first.headers["Idempotent-Replayed"] == nil)
        let conflict = try client.request("POST", "/v1/log", json: #"{"text":"twice"}"#, headers: key)
        #expect(conflict.status == 409)
        #expect(conflict.errorCode == "idempotency_conflict")
        let entries = try client.request("GET", "/v1/log").json["entries"]?.arrayValue ?? []
        #expect(entries.count == 1)
        let bad = try client.request("POST", "/v1/log", json: #"{"text":"x"}"#, headers: [("Idempotency-Key", "has space")])
        #expect(bad.json["error"]?["details"]?["field"]?.stringValue == "Idempotency-Key")
    }

    @Test func auditNeedsAdminAndShowsWhoDidWhat() throws {
        let harness = try DaemonHarness()
        _ = try harness.connect(as: People.operatorByGroup).request("POST", "/v1/log", json: #"{"text":"a"}"#)
        let refused = try harness.connect(as: People.operatorByGroup).request("GET", "/v1/audit")
        #expect(refused.status == 403)
        let audit = try harness.connect(as: People.admin).request("GET", "/v1/audit?actor=oslo-ops").json
        let entries = audit["entries"]?.arrayValue ?? []
        #expect(entries.map { $0["type"]?.stringValue } == ["log.added", "access.denied"])
        #expect(entries.allSatisfy { $0["actor"]?["user"]?.stringValue == "oslo-ops" })
    }

    @Test func metricsCountRequestsByRouteAndStatus() throws {
        let harness = try DaemonHarness()
        let client = try harness.connect()
        _ = try client.request("GET", "/v1/health")
        _ = try client.request("GET", "/v1/nothing")
        let metrics = try client.request("GET", "/v1/metrics")
        #expect(metrics.headers["Content-Type"]?.hasPrefix("text/plain; version=0.0.4") == true)
        let text = metrics.text
        #expect(text.contains(#"beredskap_http_requests_total{method="GET",route="/v1/health",status="200"} 1"#))
        #expect(text.contains(#"beredskap_http_requests_total{method="GET",route="unmatched",status="404"} 1"#))
        #expect(text.contains(#"beredskap_http_request_duration_seconds_bucket{le="+Inf",route="/v1/health"} 1"#))
        #expect(text.contains("beredskap_http_connections_open 1"))
        #expect(text.contains("beredskap_events_total 1"))
        #expect(text.contains("# TYPE beredskap_http_request_duration_seconds histogram"))
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        let harness = try DaemonHarness()
        let client = try harness.connect()
        let one = "POST /v1/log HTTP/1.1\r\nHost: b\r\nContent-Type: application/json\r\nContent-Length: 12\r\n\r\n{\"text\":\"1\"}"
        let two = "GET /v1/log HTTP/1.1\r\nHost: b\r\n\r\n"
        let three = "GET /v1/nothing HTTP/1.1\r\nHost: b\r\n\r\n"
        try client.send(raw: one + two + three)
        let first = try client.readResponse()
        let second = try client.readResponse()
        let third = try client.readResponse()
        #expect(first.status == 201)
        // The read after the write sees it: answers come in order, and only after the commit.
        #expect(second.json["entries"]?.arrayValue?.count == 1)
        #expect(third.status == 404)
    }

    @Test func protocolErrorsUseTheContractCodesAndClose() throws {
        let harness = try DaemonHarness { $0.http.maxBodyBytes = 1024 }
        let cases: [(String, Int, String)] = [
            ("GET /v1/health HTTP/1.1\r\nHost: b\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n", 400, "bad_request"),
            ("GET /v1/health HTTP/1.1\r\nHost: b\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx", 400, "bad_request"),
            ("POST /v1/log HTTP/1.1\r\nHost: b\r\nContent-Length: 5000\r\n\r\n", 413, "payload_too_large"),
            ("GET /v1/health HTTP/1.1\r\nHost: b\r\nX-Big: \(String(repeating: "a", count: 9000))\r\n\r\n", 431, "headers_too_large"),
            ("GET /\(String(repeating: "a", count: 9000)) HTTP/1.1\r\nHost: b\r\n\r\n", 431, "headers_too_large"),
            ("BROKEN\r\n\r\n", 400, "bad_request"),
        ]
        for (raw, status, code) in cases {
            let client = try harness.connect()
            try client.send(raw: raw)
            let response = try client.readResponse()
            #expect(response.status == status, "\(raw.prefix(40))")
            #expect(response.errorCode == code)
            #expect(response.headers["Connection"] == "close")
        }
        // The daemon is still fine.
        #expect(try harness.connect().request("GET", "/v1/health").status == 200)
    }

    @Test func aSlowRequestGets408() throws {
        let harness = try DaemonHarness { $0.http.requestTimeout = .seconds(1) }
        let client = try harness.connect()
        try client.send(raw: "GET /v1/health HTTP/1.1\r\nHo")
        let response = try client.readResponse()
        #expect(response.status == 408)
        #expect(response.errorCode == "request_timeout")
    }

    @Test func theConnectionLimitAnswers503() throws {
        let harness = try DaemonHarness { $0.http.maxConnections = 2 }
        let first = try harness.connect()
        let second = try harness.connect()
        #expect(try first.request("GET", "/v1/health").status == 200)
        #expect(try second.request("GET", "/v1/health").status == 200)
        let third = try harness.connect()
        let refused = try third.readResponse()
        #expect(refused.status == 503)
        #expect(refused.errorCode == "unavailable")
        #expect(try first.request("GET", "/v1/health").status == 200)
    }

    /// Slowloris: with every slot taken, a new connection takes the slot of the client that
    /// has waited longest on its request head (trickling it, or silent), which gets 408;
    /// clients that have been served keep theirs.
    @Test func aSlowClientGivesUpItsSlotToANewConnection() throws {
        // One loop, so that every connection that can give up its slot is on it.
        let harness = try DaemonHarness {
            $0.http.maxConnections = 3
            $0.http.eventLoops = 1
        }
        let served = try harness.connect()
        #expect(try served.request("GET", "/v1/health").status == 200)
        let trickling = try harness.connect()
        try trickling.send(raw: "GET /v1/health HTTP/1.1\r\nHo")
        let silent = try harness.connect()
        let first = try harness.connect()
        #expect(try first.request("GET", "/v1/health").status == 200, "in the place of one waiting")
        let second = try harness.connect()
        #expect(try second.request("GET", "/v1/health").status == 200, "in the place of the other")
        for slow in [trickling, silent] {
            let evicted = try slow.readResponse()
            #expect(evicted.status == 408)
            #expect(evicted.errorCode == "request_timeout")
        }
        // Now every slot is a client that has been served: the next is refused.
        let third = try harness.connect()
        #expect(try third.readResponse().status == 503)
        #expect(try served.request("GET", "/v1/health").status == 200, "the served client kept its slot")
    }

    @Test func norwegianMessagesOnRequest() throws {
        let harness = try DaemonHarness()
        let response = try harness.connect(as: People.viewer).request(
            "POST", "/v1/log", json: #"{"text":"x"}"#, headers: [("Accept-Language", "nb-NO, en;q=0.5")])
        #expect(response.json["error"]?["message"]?.stringValue?.contains("tillatelsen «operate»") == true)
        #expect(response.errorCode == "forbidden")
    }
}

@Suite(.serialized) struct AbuseTests {
    /// A client that pipelines without reading its answers gets a paused connection, not a
    /// daemon that buffers without bound; once it reads, every answer arrives in order.
    @Test func pipeliningWithoutReadingIsBounded() throws {
        let harness = try DaemonHarness()
        let greedy = try harness.connect()
        let sent = 4000
        let request = "GET /v1/metrics HTTP/1.1\r\nHost: b\r\n\r\n"
        try greedy.send(raw: String(repeating: request, count: sent))
        let observer = try harness.connect()
        func answered() throws -> Int {
            let text = try observer.request("GET", "/v1/metrics").text
            let line = text.split(separator: "\n").first { $0.hasPrefix(#"beredskap_http_requests_total{method="GET",route="/v1/metrics",status="200"}"#) }
            return line.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        }
        #expect(waitUntil { (try? answered()) ?? 0 >= 50 })
        // Observe for a while: the daemon must stop well short of all 4000 (1 MiB of answers).
        Thread.sleep(forTimeInterval: 0.5)
        let whileNotReading = try answered()
        #expect(whileNotReading < sent / 2, "\(whileNotReading) answered without the client reading")
        for _ in 0..<sent { #expect(try greedy.readResponse().status == 200) }
    }

    @Test func inventedMethodsShareOneMetricsLabel() throws {
        let harness = try DaemonHarness()
        let client = try harness.connect()
        for index in 0..<50 {
            try client.send(raw: "M\(index)XYZ /nope HTTP/1.1\r\nHost: b\r\n\r\n")
            #expect(try client.readResponse().status == 404)
        }
        let text = try client.request("GET", "/v1/metrics").text
        #expect(text.contains(#"beredskap_http_requests_total{method="other",route="unmatched",status="404"} 50"#))
        #expect(!text.contains("M1XYZ"))
    }

    @Test func repeatedQueryParametersAndControlCharactersAreRefused() throws {
        let harness = try DaemonHarness()
        let client = try harness.connect()
        let repeated = try client.request("GET", "/v1/events?type=a&type=b")
        #expect(repeated.status == 400)
        #expect(repeated.json["error"]?["details"]?["field"]?.stringValue == "type")
        let c1 = try client.request("POST", "/v1/log", json: #"{"text":"linje\u0085neste"}"#)
        #expect(c1.json["error"]?["details"]?["field"]?.stringValue == "text")
        let bell = try client.request("POST", "/v1/log", json: #"{"text":"pling\u0007"}"#)
        #expect(bell.status == 400)
        let fine = try client.request("POST", "/v1/log", json: #"{"text":"linje 1\nlinje 2\tslutt"}"#)
        #expect(fine.status == 201)
    }

    /// Every denial is answered; the first ones of a connection are logged one by one, the
    /// rest as one summary when it closes (a caller without permissions cannot flood the log).
    @Test func denialsAreLoggedWithinABudgetPerConnection() throws {
        let harness = try DaemonHarness()
        do {
            let stranger = try harness.connect(as: People.stranger)
            for _ in 0..<(DenialBudget.limit + 5) {
                #expect(try stranger.request("GET", "/v1/status").status == 403)
            }
            stranger.connection.close()
        }
        let root = try harness.connect()
        #expect(waitUntil {
            (try? root.request("GET", "/v1/events?type=access.denied_repeatedly").json["events"]?.arrayValue?.count) == 1
        })
        let individual = try root.request("GET", "/v1/events?type=access.denied&limit=1000").json["events"]?.arrayValue ?? []
        #expect(individual.filter { $0["type"]?.stringValue == "access.denied" }.count == DenialBudget.limit)
        let summary = try root.request("GET", "/v1/events?type=access.denied_repeatedly").json["events"]?.arrayValue?.first
        #expect(summary?["data"]?["not_logged_individually"]?.intValue == 5)
        #expect(summary?["actor"]?["user"]?.stringValue == "turist")
    }
}
