import BeredskapCore
import BeredskapJSON
import BeredskapTestSupport
import Foundation
import Testing

@testable import BeredskapDaemon

/// Events carry ids, never what people wrote (issue 10, item 1): every free text a person can
/// type is kept in a row that can be erased, the event names the row, and readers find the
/// text there.
@Suite(.serialized) struct EventPrivacyTests {
    @Test func nothingAPersonWritesEndsUpInTheEventLog() throws {
        let (daemon, directory) = try PlaybookRunAPITests.daemon()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let ops = try daemon.session(as: People.operatorByGroup)
        let admin = try daemon.session(as: People.admin)

        #expect(try ops.post("/v1/log", ["text": "PRIVATE log"]).status == 201)
        let arrival = try ops.arrive("refstad", 90, ["note": "PRIVATE arrival"])
        let arrivalID = try #require(arrival.json["id"]?.intValue)
        let departure = try ops.depart("refstad", 2, ["note": "PRIVATE departure"])
        let departureID = try #require(departure.json["id"]?.intValue)
        #expect(try ops.post("/v1/facilities/refstad/occupancy", ["occupied": 89, "note": "PRIVATE head count"]).status == 201)
        #expect(try ops.void("departures", departureID, reason: "PRIVATE void").status == 200)
        #expect(try ops.post("/v1/arrivals/\(arrivalID)/amend", ["count": 88, "reason": "PRIVATE amend"]).status == 200)
        #expect(try admin.putFacility("big", ["capacity": 1200, "note": "PRIVATE facility", "cap_override": ["reason": "PRIVATE cap"]])
            .status == 201)

        // The alert of a nearly full Refstad, and the card it started.
        #expect(waitUntil { PlaybookRunAPITests.runs(ops).count == 1 })
        let alert = try #require(try ops.get("/v1/alerts?rule=facility_utilization")["alerts"]?.arrayValue?.first?["id"]?.intValue)
        #expect(try ops.post("/v1/alerts/\(alert)/ack", ["comment": "PRIVATE ack"]).status == 200)
        let automatic = try #require(PlaybookRunAPITests.runs(ops).first?["id"]?.intValue)
        #expect(try ops.post("/v1/runs/\(automatic)/steps/find-places/skip", ["reason": "PRIVATE skip"]).status == 200)
        #expect(try ops.post("/v1/silences", SilenceAPITests.silence(SilenceAPITests.refstad, ["comment": "PRIVATE silence"])).status == 201)
        let drill = try #require(try ops.post("/v1/playbooks/drill/runs", ["reason": "PRIVATE start"]).json["id"]?.intValue)
        #expect(try ops.post("/v1/runs/\(drill)/steps/call/complete", ["note": "PRIVATE note"]).status == 200)
        #expect(try ops.post("/v1/runs/\(automatic)/abort", ["reason": "PRIVATE abort"]).status == 200)
        try ops.settle()

        let root = try daemon.session()
        let log = try root.get("/v1/events?limit=1000")
        let events = log["events"]?.arrayValue ?? []
        #expect(events.count > 40)
        let leaked = events.filter { $0["data"]?.serializedString().contains("PRIVATE") == true }
        #expect(leaked.isEmpty, "\(leaked.map { $0.serializedString() })")

        // Each text is in its row, where the resources find it.
        let texts = try [
            root.get("/v1/log?limit=1000").serializedString(), root.get("/v1/arrivals/records").serializedString(),
            root.get("/v1/departures/records").serializedString(), root.get("/v1/occupancy/records").serializedString(),
            root.get("/v1/facilities/big").serializedString(), root.get("/v1/alerts/\(alert)").serializedString(),
            root.get("/v1/silences").serializedString(), root.get("/v1/runs/\(automatic)").serializedString(),
            root.get("/v1/runs/\(drill)").serializedString(),
        ].joined()
        for text in [
            "PRIVATE log", "PRIVATE arrival", "PRIVATE departure", "PRIVATE head count", "PRIVATE void", "PRIVATE amend",
            "PRIVATE facility", "PRIVATE cap", "PRIVATE ack", "PRIVATE skip", "PRIVATE silence", "PRIVATE start",
            "PRIVATE note", "PRIVATE abort",
        ] {
            #expect(texts.contains(text), "\(text) is kept")
        }
        // And the events name the rows.
        let byType = { (type: String) in events.filter { $0["type"]?.stringValue == type } }
        #expect(byType("arrival.recorded").first?["data"]?["id"]?.intValue == arrivalID)
        #expect(byType("departure.recorded").first?["data"]?["id"]?.intValue == departureID)
        #expect(byType("occupancy.reported").first?["data"]?["id"]?.intValue == 1)
        #expect(byType("departure.voided").first?["data"]?["correction"]?.intValue == 1)
        #expect(byType("arrival.amended").first?["data"]?["correction"]?.intValue == 2)
        #expect(byType("facility.cap_breached").first?["data"]?["override"]?.intValue == 1)
        #expect(byType("log.added").first?["data"]?["id"]?.intValue == 1)
    }
}
