import BeredskapCore
import BeredskapJSON
import BeredskapTestSupport
import Testing

@testable import BeredskapDaemon

/// Alerts, rules and the outbox through the API (API.md, "Alerts, silences, notifications"),
/// against a real in-process daemon whose engine evaluates the arrivals.
@Suite(.serialized) struct AlertAPITests {
    /// `facility_utilization` fires at once (`for` zero) and stays firing ten minutes after it
    /// clears, so a test can see both clocks without waiting.
    static func harness() throws -> DaemonHarness {
        try DaemonHarness { configuration in
            configuration.alerts.facilityUtilization.forDuration = .seconds(0)
            configuration.alerts.facilityUtilization.keepFiringFor = .seconds(600)
        }
    }

    /// Refstad (200 places) with 192 people: 96 %, above the critical 95 %.
    static func overfull(_ harness: DaemonHarness) throws -> (Session, JSONValue) {
        let ops = try Session(harness, as: People.operatorByGroup)
        #expect(try ops.putFacility("refstad").status == 201)
        #expect(try ops.arrive("refstad", 192).status == 201)
        var alert: JSONValue?
        #expect(waitUntil {
            alert = (try? ops.get("/v1/alerts?rule=facility_utilization"))?["alerts"]?.arrayValue?.first
            return alert?["state"]?.stringValue == "firing"
        })
        return (ops, alert ?? .null)
    }

    @Test func anArrivalOverTheCriticalThresholdOpensAFiringCriticalAlertWithOutboxRows() throws {
        let harness = try Self.harness()
        let (ops, alert) = try Self.overfull(harness)
        #expect(alert["subject"]?.stringValue == "facility/refstad")
        #expect(alert["severity"]?.stringValue == "critical")
        #expect(alert["value"]?.doubleValue == 0.96)
        #expect(alert["threshold"]?.doubleValue == 0.95)
        #expect(alert["district"]?.stringValue == "bjerke")
        #expect(alert["acknowledged"]?.boolValue == false)
        #expect(alert["acked_by"]?.isNull == true, "contract fields are present as null")
        #expect(alert["fired_at"]?.stringValue == alert["started_at"]?.stringValue)
        #expect(alert["history"] == nil, "lists leave the history out")
        let id = try #require(alert["id"]?.intValue)

        let rows = try ops.get("/v1/notifications")["notifications"]?.arrayValue ?? []
        let mine = rows.filter { $0["alert"]?.intValue == id }
        #expect(!mine.isEmpty)
        #expect(mine.allSatisfy { $0["kind"]?.stringValue == "firing" && $0["idempotency_key"]?.stringValue?.isEmpty == false })

        let detail = try ops.get("/v1/alerts/\(id)")
        #expect(detail["history"]?.arrayValue?.last?["state"]?.stringValue == "firing")
        #expect(detail["notifications"]?.arrayValue?.count == mine.count)
        expectError(try ops.send("GET", "/v1/alerts/99999"), 404, "not_found")
        expectError(try ops.send("GET", "/v1/alerts/abc"), 400, "invalid_field", field: "id")

        let status = try ops.get("/v1/status")
        #expect((status["alerts"]?["firing"]?.intValue ?? 0) >= 1)
        #expect(status["alerts"]?["unacknowledged"]?.intValue == status["alerts"]?["firing"]?.intValue)
        // The default file channel delivers the rows: the outbox drains, and status agrees.
        #expect(waitUntil { (try? ops.get("/v1/status"))?["notifications"]?["pending"]?.intValue == 0 })
        #expect((try ops.get("/v1/notifications?state=pending")["notifications"]?.arrayValue ?? [nil]).isEmpty)
        let delivered = try ops.get("/v1/notifications?state=delivered")["notifications"]?.arrayValue ?? []
        #expect(delivered.filter { $0["alert"]?.intValue == id }.count == mine.count)
    }

    @Test func anOperatorAcknowledgesAViewerMayNot() throws {
        let harness = try Self.harness()
        let (ops, alert) = try Self.overfull(harness)
        let id = try #require(alert["id"]?.intValue)
        let viewer = try Session(harness, as: People.viewer)
        #expect(try viewer.get("/v1/alerts/\(id)")["id"]?.intValue == id, "a viewer may read")
        let refused = try viewer.post("/v1/alerts/\(id)/ack", ["comment": "Ser på det"])
        expectError(refused, 403, "forbidden")

        expectError(try ops.post("/v1/alerts/\(id)/ack", ["comment": "   "]), 400, "invalid_field", field: "comment")
        expectError(
            try ops.post("/v1/alerts/\(id)/ack", ["comment": .string(String(repeating: "x", count: 501))]), 400,
            "invalid_field", field: "comment")
        expectError(
            try ops.post("/v1/alerts/\(id)/ack", ["comment": "Ok", "expires_at": harness.time(minutes: -5)]), 400,
            "invalid_field", field: "expires_at")
        expectError(try ops.post("/v1/alerts/99999/ack", ["comment": "Ok"]), 404, "not_found")

        let expires = harness.time(minutes: 120)
        let acked = try ops.post("/v1/alerts/\(id)/ack", ["comment": "Ringer Hero om flere plasser", "expires_at": expires])
        #expect(acked.status == 200, "\(acked.text)")
        let body = acked.json
        #expect(body["alert"]?["acknowledged"]?.boolValue == true)
        #expect(body["alert"]?["acked_by"]?.stringValue == "oslo-ops")
        #expect(body["alert"]?["ack_comment"]?.stringValue == "Ringer Hero om flere plasser")
        #expect(body["alert"]?["ack_expires_at"] == expires)
        #expect(body["alert"]?["acked_at"]?.stringValue == harness.clock.now().rfc3339)
        let event = try #require(try ops.events("alert.acknowledged").last)
        #expect(event["seq"]?.intValue == body["event_seq"]?.intValue)
        #expect(event["subject"]?.stringValue == "alert/\(id)")
        #expect(event["actor"]?["user"]?.stringValue == "oslo-ops")
        #expect(try ops.get("/v1/alerts/\(id)")["acknowledged"]?.boolValue == true)
        let status = try ops.get("/v1/status")
        #expect(status["alerts"]?["unacknowledged"]?.intValue == (status["alerts"]?["firing"]?.intValue ?? 0) - 1)
    }

    @Test func aHeadCountUnderTheClearThresholdResolvesAfterKeepFiringForAndAResolvedAlertCannotBeAcknowledged() throws {
        let harness = try Self.harness()
        let (ops, alert) = try Self.overfull(harness)
        let id = try #require(alert["id"]?.intValue)
        #expect(try ops.headCount("refstad", 100).status == 201)
        try ops.settle()
        #expect(try ops.get("/v1/alerts/\(id)")["state"]?.stringValue == "firing", "keep_firing_for holds it open")

        harness.clock.advance(seconds: 601)
        harness.daemon.services.scheduler.fireDue()
        #expect(waitUntil { (try? ops.get("/v1/alerts/\(id)"))?["state"]?.stringValue == "resolved" })
        let resolved = try ops.get("/v1/alerts/\(id)")
        #expect(resolved["resolved_at"]?.isNull == false)
        #expect(resolved["history"]?.arrayValue?.map { $0["state"]?.stringValue ?? "" } == ["pending", "firing", "resolved"])
        #expect(try ops.get("/v1/alerts?rule=facility_utilization")["alerts"]?.arrayValue?.isEmpty == true, "open by default")
        #expect(try ops.get("/v1/alerts?state=resolved&rule=facility_utilization")["alerts"]?.arrayValue?.count == 1)

        let refused = try ops.post("/v1/alerts/\(id)/ack", ["comment": "For sent"])
        expectError(refused, 409, "conflict")
        #expect(refused.details?["state"]?.stringValue == "resolved")
        #expect(try ops.events("alert.acknowledged").isEmpty)
    }

    @Test func rulesShowTheConfigurationAndTheirOpenAlerts() throws {
        let harness = try Self.harness()
        let (ops, _) = try Self.overfull(harness)
        let rules = try ops.get("/v1/rules")["rules"]?.arrayValue ?? []
        #expect(rules.compactMap { $0["id"]?.stringValue } == [
            "facility_utilization", "kind_utilization", "city_utilization", "facility_cap", "stale_report", "surge_level",
            "notification_dead", "settlement_lag", "deadline_overdue", "grant_application_due",
        ])
        let facility = try #require(rules.first)
        #expect(facility["thresholds"]?["critical"]?.doubleValue == 0.95)
        #expect(facility["timing"]?["for"]?.stringValue == "PT0S")
        #expect(facility["timing"]?["keep_firing_for"]?.stringValue == "PT10M")
        #expect(facility["open"]?.intValue == 1)
        #expect(facility["firing"]?.intValue == 1)
        #expect(rules.first { $0["id"]?.stringValue == "facility_cap" }?["severity"]?.stringValue == "critical")
        let lag = rules.first { $0["id"]?.stringValue == "settlement_lag" }?["lag"]
        #expect(lag?["min_lag"]?.doubleValue == 10 && lag?["min_lag_share"]?.doubleValue == 0.25, "\(String(describing: lag))")
        #expect(facility["lag"] == .null, "only the settlement rule has lag thresholds")
    }

    @Test func onlyADeadNotificationCanBeRetried() throws {
        let harness = try Self.harness()
        let (ops, _) = try Self.overfull(harness)
        // The file channel delivers the row; a delivered row cannot be retried.
        var row: JSONValue?
        #expect(waitUntil {
            row = (try? ops.get("/v1/notifications?limit=1"))?["notifications"]?.arrayValue?.first
            return row?["state"]?.stringValue == "delivered"
        })
        let id = try #require(row?["id"]?.intValue)
        let viewer = try Session(harness, as: People.viewer)
        expectError(try viewer.send("POST", "/v1/notifications/\(id)/retry"), 403, "forbidden")
        let refused = try ops.send("POST", "/v1/notifications/\(id)/retry")
        expectError(refused, 409, "conflict")
        #expect(refused.details?["state"]?.stringValue == "delivered")
        expectError(try ops.send("POST", "/v1/notifications/99999/retry"), 404, "not_found")
        #expect(try ops.events("notification.requeued").isEmpty)
    }

    @Test(arguments: [
        ("/v1/alerts?state=closed", "state"), ("/v1/alerts?severity=fatal", "severity"), ("/v1/alerts?rule=nope", "rule"),
        ("/v1/alerts?limit=0", "limit"), ("/v1/alerts?colour=red", "colour"), ("/v1/notifications?state=lost", "state"),
        ("/v1/notifications?limit=5000", "limit"),
    ])
    func badQueryValuesNameTheParameter(_ target: String, _ parameter: String) throws {
        let harness = try DaemonHarness()
        let viewer = try Session(harness, as: People.viewer)
        expectError(try viewer.send("GET", target), 400, "invalid_field", field: parameter)
    }
}
