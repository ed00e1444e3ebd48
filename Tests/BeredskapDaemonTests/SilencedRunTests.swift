import BeredskapCore
import BeredskapJSON
import BeredskapTestSupport
import Foundation
import Testing

@testable import BeredskapDaemon

/// A silenced alert starts no card: the silence is planned work, and a run would page the
/// same people the silence keeps quiet. When the silence ends and the alert still fires, its
/// cards start then — once, whatever restarts come between.
@Suite(.serialized) struct SilencedRunTests {
    static let silence: JSONValue = [
        "matchers": ["rule": "facility_utilization", "subject": "facility/*"], "duration": "PT1H",
        "comment": "Refstad fylles planmessig",
    ]

    /// The `alert.firing` events of Refstad's utilization alert.
    static func refstadFiring(_ session: Session) -> [JSONValue] {
        ((try? session.events("alert.firing")) ?? []).filter { $0["data"]?["subject"]?.stringValue == "facility/refstad" }
    }

    /// The notifications of kind `firing` queued so far for Refstad's utilization alert.
    static func firingNotices(_ session: Session) throws -> [JSONValue] {
        let alert = refstadFiring(session).first?["subject"]?.stringValue.flatMap { Int64($0.dropFirst("alert/".count)) }
        return try session.events("notification.queued").filter {
            $0["data"]?["alert"]?.intValue == alert && $0["data"]?["kind"]?.stringValue == "firing"
        }
    }

    /// Silences Refstad's utilization for an hour, then fills it: the alert fires silenced,
    /// telling nobody and starting nothing.
    static func fireSilenced(_ daemon: RestartableDaemon) throws -> Session {
        let ops = try daemon.session(as: People.operatorByGroup)
        #expect(try ops.post("/v1/silences", silence).status == 201)
        #expect(try ops.arrive("refstad", 86).status == 201)
        #expect(waitUntil { refstadFiring(ops).count == 1 })
        #expect(refstadFiring(ops).first?["data"]?["silenced"]?.boolValue == true)
        try ops.settle()
        #expect(PlaybookRunAPITests.runs(ops).isEmpty, "a silenced alert starts no card")
        #expect(try firingNotices(ops).isEmpty)
        return ops
    }

    @Test func aSilencedAlertStartsNoRunUntilItsSilenceIsExpiredThenOneRunThatARestartDoesNotRepeat() throws {
        let (daemon, directory) = try PlaybookRunAPITests.daemon()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var ops = try Self.fireSilenced(daemon)

        #expect(try ops.send("DELETE", "/v1/silences/s-1").status == 200)
        #expect(waitUntil { PlaybookRunAPITests.runs(ops).count == 1 })
        let alert = try #require(Self.refstadFiring(ops).first?["subject"]?.stringValue)
        #expect(PlaybookRunAPITests.runs(ops).first?["trigger"]?["alert"]?.intValue == Int64(alert.dropFirst("alert/".count)))
        try daemon.restart()
        ops = try daemon.session(as: People.operatorByGroup)
        try ops.settle()
        #expect(PlaybookRunAPITests.runs(ops).count == 1)
    }

    @Test func aSilenceThatRunsOutWhileTheDaemonIsDownTellsTheGroupsAndStartsTheCardsAfterTheRestartOnce() throws {
        let (daemon, directory) = try PlaybookRunAPITests.daemon()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var ops = try Self.fireSilenced(daemon)

        daemon.stop()
        daemon.harness.clock.advance(seconds: 2 * 3600)
        try daemon.start()
        ops = try daemon.session(as: People.operatorByGroup)
        #expect(waitUntil { PlaybookRunAPITests.runs(ops).count == 1 })
        #expect(waitUntil { (try? Self.firingNotices(ops))?.isEmpty == false }, "told now, as it was not while silenced")
        let told = try Self.firingNotices(ops).count
        #expect(try ops.events("alert.unsilenced").filter { $0["data"]?["subject"]?.stringValue == "facility/refstad" }.count == 1)
        try daemon.restart()
        ops = try daemon.session(as: People.operatorByGroup)
        try ops.settle()
        #expect(PlaybookRunAPITests.runs(ops).count == 1)
        #expect(try Self.firingNotices(ops).count == told)
    }

    @Test func aSurgeCardIsNotHeldBackBySilencingTheSurgeLevelAlert() throws {
        let (daemon, directory) = try PlaybookRunAPITests.daemon()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let shipped = FileManager.default.currentDirectoryPath + "/Playbooks/surge-high.json5"
        try FileManager.default.copyItem(atPath: shipped, toPath: directory + "/surge-high.json5")
        let ops = try daemon.session()
        #expect(try ops.send("POST", "/v1/playbooks/reload").status == 200)
        #expect(try ops.post("/v1/silences", [
            "matchers": ["rule": "surge_level"], "duration": "PT1H", "comment": "Øvelse i ankomstsenteret",
        ]).status == 201)
        #expect(try ops.putFacility("torshov", ["name": "Torshov", "capacity": 400]).status == 201)
        #expect(try ops.arrive("torshov", 120).status == 201)
        #expect(waitUntil { PlaybookRunAPITests.runs(ops).contains { $0["playbook"]?.stringValue == "surge-high" } })
    }
}
