import BeredskapCore
import BeredskapJSON
import BeredskapTestSupport
import Foundation
import Testing

@testable import BeredskapDaemon

/// Silences and the channel test through the API (API.md, "Alerts, silences, notifications"),
/// against a real in-process daemon whose engine reacts to them.
@Suite(.serialized) struct SilenceAPITests {
    static let refstad: JSONValue = ["rule": "facility_utilization", "subject": "facility/refstad"]

    static func silence(_ matchers: JSONValue = refstad, _ changes: JSONValue = [:]) -> JSONValue {
        Fixture.merged(["matchers": matchers, "duration": "PT2H", "comment": "Refstad tømmes planmessig"], changes)
    }

    /// A daemon with the facility `refstad`, which the silences are about.
    static func harness() throws -> DaemonHarness {
        let harness = try DaemonHarness()
        #expect(try Session(harness).putFacility("refstad").status == 201)
        return harness
    }

    @Test func anOperatorCreatesListsAndExpiresASilence() throws {
        let harness = try Self.harness()
        let ops = try Session(harness, as: People.operatorByGroup)
        let created = try ops.post("/v1/silences", Self.silence())
        #expect(created.status == 201, "\(created.text)")
        let silence = created.json["silence"] ?? .null
        #expect(silence["id"]?.stringValue == "s-1")
        #expect(silence["author"]?.stringValue == "oslo-ops")
        #expect(silence["state"]?.stringValue == "active")
        #expect(silence["created_at"]?.stringValue == harness.clock.now().rfc3339)
        #expect(silence["starts_at"]?.stringValue == harness.clock.now().rfc3339)
        #expect(silence["ends_at"] == harness.time(minutes: 120))
        #expect(silence["matchers"] == ["rule": "facility_utilization", "subject": "facility/refstad", "severity": nil, "match_all": false])
        #expect(silence["expired_at"]?.isNull == true)
        let event = try #require(try ops.events("silence.created").last)
        #expect(event["seq"]?.intValue == created.json["event_seq"]?.intValue)
        #expect(event["subject"]?.stringValue == "silence/s-1")
        #expect(event["actor"]?["user"]?.stringValue == "oslo-ops")

        let later = try ops.post(
            "/v1/silences",
            Self.silence(["subject": "city", "severity": "warning"], ["starts_at": harness.time(minutes: 60), "duration": nil,
                                                                     "ends_at": harness.time(minutes: 180)]))
        #expect(later.status == 201, "\(later.text)")
        #expect(later.json["silence"]?["id"]?.stringValue == "s-2")
        #expect(later.json["silence"]?["state"]?.stringValue == "pending")
        let ids = { (state: String) in
            (try? ops.get("/v1/silences?state=\(state)"))?["silences"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? ["?"]
        }
        #expect(try ops.get("/v1/silences")["silences"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["s-2", "s-1"])
        #expect(ids("active") == ["s-1"])
        #expect(ids("pending") == ["s-2"])
        #expect(ids("ended") == [])

        let expired = try ops.send("DELETE", "/v1/silences/s-1")
        #expect(expired.status == 200, "\(expired.text)")
        #expect(expired.json["silence"]?["state"]?.stringValue == "expired")
        #expect(expired.json["silence"]?["expired_at"]?.stringValue == harness.clock.now().rfc3339)
        #expect(try ops.events("silence.expired").last?["seq"]?.intValue == expired.json["event_seq"]?.intValue)
        #expect(ids("ended") == ["s-1"])
        #expect(ids("active") == [])

        let again = try ops.send("DELETE", "/v1/silences/s-1")
        expectError(again, 409, "conflict")
        #expect(again.details?["state"]?.stringValue == "expired")
        expectError(try ops.send("DELETE", "/v1/silences/s-99"), 404, "not_found")
        expectError(try ops.send("GET", "/v1/silences?state=over"), 400, "invalid_field", field: "state")
    }

    @Test(arguments: [
        (silence(refstad, ["duration": nil]), "ends_at"),
        (silence(refstad, ["ends_at": "2026-11-22T12:00:00Z"]), "duration"),
        (silence(refstad, ["duration": nil, "ends_at": "2026-11-22T08:00:00Z"]), "ends_at"),
        (silence(refstad, ["duration": "PT1000H"]), "duration"),
        (silence(refstad, ["duration": "P1M"]), "duration"),
        (silence(refstad, ["starts_at": "2026-11-22T13:00:00Z", "duration": nil, "ends_at": "2026-11-22T12:00:00Z"]), "ends_at"),
        (silence(refstad, ["comment": "   "]), "comment"),
        (silence(refstad, ["comment": nil]), "comment"),
        (silence([:]), "matchers"),
        (silence(["rule": "facility_utilization", "match_all": true]), "matchers.match_all"),
        (silence(["rule": "Ikke en regel"]), "matchers.rule"),
        (silence(["subject": "facility/refstad/fløy-b"]), "matchers.subject"),
        (silence(["subject": "facility/refstad", "severity": "fatal"]), "matchers.severity"),
        (silence(refstad, ["colour": "red"]), "colour"),
    ] as [(JSONValue, String)])
    func aBadSilenceNamesTheField(_ body: JSONValue, _ field: String) throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        expectError(try ops.post("/v1/silences", body), 400, "invalid_field", field: field)
        #expect(try ops.events("silence.").isEmpty)
    }

    @Test(arguments: [
        (["rule": "facility_utilisation"], "matchers.rule", "facility_utilization"),
        (["rule": "deadline_overdue", "subject": "deadline/health_exam/ulern"], "matchers.subject", "deadline/health_exam/ullern"),
        (["rule": "deadline_overdue", "subject": "district/alna"], "matchers.subject", "deadline/*"),
        (["subject": "facility/refstd"], "matchers.subject", "facility/refstad"),
        (["rule": "facility_utilization", "subject": "district/bjerke"], "matchers.subject", "facility/*"),
        (["rule": "surge_level", "subject": "facility/refstad"], "matchers.subject", "city"),
        (["rule": "kind_utilization", "subject": "kind/transitt"], "matchers.subject", "kind/transit"),
        (["subject": "facilities/*"], "matchers.subject", "facility/*"),
    ] as [(JSONValue, String, String)])
    func aSilenceThatCanMatchNothingIsRefusedWithTheValuesThatWould(_ matchers: JSONValue, _ field: String, _ known: String) throws {
        let harness = try Self.harness()
        let ops = try Session(harness, as: People.operatorByGroup)
        let refused = try ops.post("/v1/silences", Self.silence(matchers))
        expectError(refused, 400, "invalid_field", field: field)
        #expect(refused.details?["known"]?.arrayValue?.contains(.string(known)) == true, "\(refused.text)")
        #expect(refused.details?["value"]?.stringValue == matchers[field.replacingOccurrences(of: "matchers.", with: "")]?.stringValue)
        #expect(refused.message?.contains(known) == true, "the message lists them too: \(refused.text)")
        #expect(try ops.events("silence.").isEmpty)
    }

    @Test func aSilenceOnWhatAlertsAreAboutIsAccepted() throws {
        let harness = try Self.harness()
        let ops = try Session(harness, as: People.operatorByGroup)
        for matchers: JSONValue in [
            ["subject": "facility/*"], ["rule": "kind_utilization", "subject": "kind/transit"],
            ["rule": "city_utilization", "subject": "city"], ["rule": "notification_dead", "subject": "notification/*"],
            ["rule": "stale_report"], ["severity": "critical"],
        ] {
            let created = try ops.post("/v1/silences", Self.silence(matchers))
            #expect(created.status == 201, "\(matchers): \(created.text)")
        }
    }

    @Test func everythingMayBeSilencedOnlyOnPurpose() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        let all = try ops.post("/v1/silences", Self.silence(["match_all": true]))
        #expect(all.status == 201, "\(all.text)")
        #expect(all.json["silence"]?["matchers"]?["rule"]?.stringValue == "*")
        #expect(all.json["silence"]?["matchers"]?["match_all"]?.boolValue == true)
    }

    @Test func aViewerMayNotTouchSilences() throws {
        let harness = try Self.harness()
        let ops = try Session(harness, as: People.operatorByGroup)
        #expect(try ops.post("/v1/silences", Self.silence()).status == 201)
        let viewer = try Session(harness, as: People.viewer)
        expectError(try viewer.post("/v1/silences", Self.silence()), 403, "forbidden")
        expectError(try viewer.send("GET", "/v1/silences"), 403, "forbidden")
        expectError(try viewer.send("DELETE", "/v1/silences/s-1"), 403, "forbidden")
        #expect(try ops.get("/v1/silences?state=active")["silences"]?.arrayValue?.count == 1)
    }

    /// The engine's side: a silenced alert fires quietly, and is told when the silence goes.
    @Test func aSilencedAlertSendsNothingUntilItsSilenceIsExpired() throws {
        let harness = try AlertAPITests.harness()
        let ops = try Session(harness, as: People.operatorByGroup)
        let created = try ops.post("/v1/silences", Self.silence(["subject": "facility/*"]))
        #expect(created.status == 201, "\(created.text)")

        let (_, alert) = try AlertAPITests.overfull(harness)
        let id = try #require(alert["id"]?.intValue)
        #expect(alert["silenced"]?.boolValue == true)
        let queued = {
            ((try? ops.events("notification.queued")) ?? []).filter { $0["data"]?["alert"]?.intValue == id }
        }
        try ops.settle()
        #expect(queued().isEmpty, "a silenced alert queues nothing")

        #expect(try ops.send("DELETE", "/v1/silences/s-1").status == 200)
        #expect(waitUntil(timeout: 10) { !queued().isEmpty })
        #expect(queued().allSatisfy { $0["data"]?["kind"]?.stringValue == "firing" })
        #expect(try ops.get("/v1/alerts/\(id)")["silenced"]?.boolValue == false)
        #expect(try ops.events("alert.unsilenced").contains { $0["subject"]?.stringValue == "alert/\(id)" })
    }

    // MARK: POST /v1/notifications/test

    @Test func anAdminTestsAFileChannelAndOneLineIsAppended() throws {
        let harness = try DaemonHarness()
        let admin = try Session(harness, as: People.admin)
        let answer = try admin.post("/v1/notifications/test", ["channel": "logg"])
        #expect(answer.status == 200, "\(answer.text)")
        #expect(answer.json == ["channel": "logg", "delivered": true, "error": nil])

        let file = harness.directory + "/notifications.ndjson"
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1)
        let document = try JSONParser.parse(Array((lines.first ?? "").utf8))
        #expect(document["type"]?.stringValue == "test")
        #expect(document["channel"]?.stringValue == "logg")
        #expect(document["idempotency_key"]?.stringValue == "test-\(harness.clock.now().millisecondsSinceEpoch)")
        #expect(document["text"]?.stringValue?.contains("Testmelding") == true, "the configured language is nb")
        #expect(try admin.get("/v1/notifications")["notifications"]?.arrayValue?.isEmpty == true, "not through the outbox")

        for person in [People.viewer, People.operatorByGroup] {
            let refused = try Session(harness, as: person).post("/v1/notifications/test", ["channel": "logg"])
            expectError(refused, 403, "forbidden")
        }
        #expect(try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").count == 1)
        let unknown = try admin.post("/v1/notifications/test", ["channel": "brevdue"])
        expectError(unknown, 404, "not_found", field: "channel")
    }

    @Test func aFailingChannelIsReportedInA200() throws {
        let harness = try DaemonHarness { configuration in
            configuration.notifications.channels["borte"] = ChannelConfiguration(.file(path: "/nonexistent-beredskap/x.ndjson"))
        }
        let admin = try Session(harness, as: People.admin)
        let answer = try admin.post("/v1/notifications/test", ["channel": "borte"])
        #expect(answer.status == 200, "\(answer.text)")
        #expect(answer.json["delivered"]?.boolValue == false)
        #expect(answer.json["error"]?.stringValue?.contains("the directory must exist") == true, "\(answer.text)")
    }
}
