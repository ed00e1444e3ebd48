import BeredskapCore
import BeredskapJSON
import BeredskapTestSupport
import Foundation
import Testing

@testable import BeredskapDaemon

/// What the daemon writes for people as things happen: one incident-log entry per fact, filed
/// under what it is about, in the configured language; an alert's value and the surge's
/// reason as they are now, not as they were when the alert or level began.
@Suite(.serialized) struct SystemTextTests {
    /// A daemon with the shipped surge-elevated card and Torshov (900 places).
    static func surging(_ configure: @escaping (inout DaemonConfiguration) -> Void = { _ in }) throws -> (RestartableDaemon, String, Session) {
        let (daemon, directory) = try PlaybookRunAPITests.daemon(configure: configure)
        let shipped = FileManager.default.currentDirectoryPath + "/Playbooks/surge-elevated.json5"
        try FileManager.default.copyItem(atPath: shipped, toPath: directory + "/surge-elevated.json5")
        let ops = try daemon.session(as: People.operatorByGroup)
        #expect(try daemon.session().send("POST", "/v1/playbooks/reload").status == 200)
        #expect(try daemon.session().putFacility("torshov", ["name": "Torshov transittmottak", "capacity": 900]).status == 201)
        #expect(try ops.arrive("torshov", 45).status == 201)
        #expect(waitUntil { PlaybookRunAPITests.runs(ops).count == 1 })
        try ops.settle()
        return (daemon, directory, ops)
    }

    static func entries(_ session: Session, subject: String? = nil) throws -> [JSONValue] {
        try session.get("/v1/log?limit=1000" + (subject.map { "&subject=\($0)" } ?? ""))["entries"]?.arrayValue ?? []
    }

    static func texts(_ entries: [JSONValue], source: String = "system") -> [String] {
        entries.filter { $0["source"]?.stringValue == source }.compactMap { $0["text"]?.stringValue }
    }

    @Test func aSurgeCardsStartIsOneEntryUnderTheCityAndAPersonsSkipIsLoggedWithTheReason() throws {
        let (daemon, directory, ops) = try Self.surging()
        defer { daemon.stop(); try? FileManager.default.removeItem(atPath: directory) }
        let id = try #require(PlaybookRunAPITests.runs(ops).first?["id"]?.intValue)
        let city = Self.texts(try Self.entries(ops, subject: "city"))
        #expect(city == [
            "Ankomstnivået steg fra normal til forhøyet (45 ankomster siste døgn).",
            "Tiltakskortet «Forhøyet ankomstnivå» (kjøring #\(id)) er startet av ankomstnivå forhøyet.",
        ], "one entry per fact, nothing nested or repeated")
        #expect(Self.texts(try Self.entries(ops)).count == 2, "nothing filed elsewhere")

        #expect(try ops.post("/v1/runs/\(id)/steps/udi-status/skip", ["reason": "UDI har sendt status selv"]).status == 200)
        let skipped = Self.texts(try Self.entries(ops, subject: "city")).last
        #expect(skipped?.contains("er hoppet over av oslo-ops: UDI har sendt status selv") == true, "\(skipped ?? "")")
    }

    @Test func systemEntriesAreWrittenInTheConfiguredLanguage() throws {
        let (daemon, directory, ops) = try Self.surging { $0.notifications.language = .en }
        defer { daemon.stop(); try? FileManager.default.removeItem(atPath: directory) }
        let id = try #require(PlaybookRunAPITests.runs(ops).first?["id"]?.intValue)
        #expect(Self.texts(try Self.entries(ops, subject: "city")) == [
            "Surge level rose from normal to elevated (45 arrivals in 24 h).",
            "Action card \"Elevated arrivals\" (run #\(id)) started by surge level elevated.",
        ])
    }

    @Test func theSurgeReasonNamesTheFigureOfNowNotTheOneTheLevelWasEnteredAt() throws {
        let (daemon, directory, ops) = try Self.surging()
        defer { daemon.stop(); try? FileManager.default.removeItem(atPath: directory) }
        #expect(try ops.get("/v1/surge")["reason"]?.stringValue == "arrivals_24h 45 ≥ 40")
        #expect(try ops.arrive("torshov", 7).status == 201)
        try ops.settle()
        #expect(try ops.get("/v1/surge")["reason"]?.stringValue == "arrivals_24h 52 ≥ 40")
    }

    @Test func anAcknowledgementIsLoggedUnderWhatTheAlertIsAboutWithWhoAndTheComment() throws {
        let harness = try AlertAPITests.harness()
        let (ops, alert) = try AlertAPITests.overfull(harness)
        let id = try #require(alert["id"]?.intValue)
        #expect(try ops.post("/v1/alerts/\(id)/ack", ["comment": "Ringer Hero om flere plasser"]).status == 200)
        let logged = Self.texts(try Self.entries(ops, subject: "facility/refstad"))
        #expect(logged == ["Varsel #\(id) (Refstad transittmottak: høyt belegg) er kvittert av oslo-ops: Ringer Hero om flere plasser"])
    }

    @Test func anAlertShowsItsCurrentValueWhileItIsHeldOpenAfterTheConditionCleared() throws {
        let harness = try AlertAPITests.harness()
        let (ops, alert) = try AlertAPITests.overfull(harness)
        let id = try #require(alert["id"]?.intValue)
        #expect(alert["value"]?.doubleValue == 0.96)
        // Only this alert's notifications: others (the kind's, the city's) may still be landing.
        let queued = { (try? ops.events("notification.queued"))?.filter { $0["data"]?["alert"]?.intValue == id }.count ?? 0 }
        let told = queued()
        #expect(try ops.depart("refstad", 52).status == 201)
        try ops.settle()
        let now = try ops.get("/v1/alerts/\(id)")
        #expect(now["state"]?.stringValue == "firing", "keep_firing_for holds it open")
        #expect(now["value"]?.doubleValue == 0.7)
        #expect(queued() == told, "a new value is no new notification")
    }

    @Test func aStaleReportShowsTheHoursSinceTheLastHeadCountAsTheyGrow() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness)
        #expect(try ops.putFacility("refstad").status == 201)
        #expect(try ops.headCount("refstad", 100).status == 201)
        harness.advance(hours: 25)
        harness.daemon.services.scheduler.fireDue()
        var alert: JSONValue?
        #expect(waitUntil {
            alert = (try? ops.get("/v1/alerts?rule=stale_report"))?["alerts"]?.arrayValue?.first
            return alert?["state"]?.stringValue == "firing"
        })
        #expect(alert?["value"]?.doubleValue == 25)
        harness.advance(hours: 2)
        #expect(try ops.get("/v1/alerts?rule=stale_report")["alerts"]?.arrayValue?.first?["value"]?.doubleValue == 27,
                "the hours of now, not of when it fired")
    }
}
