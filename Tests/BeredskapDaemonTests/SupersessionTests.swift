import BeredskapCore
import BeredskapJSON
import BeredskapTestSupport
import Foundation
import Testing

@testable import BeredskapDaemon

/// A surge that climbs level by level leaves one surge card going, not three: each higher
/// card's start ends the lower one's open steps, and says so in the events and the log.
@Suite(.serialized) struct SupersessionTests {
    @Test func aHigherSurgeCardSupersedesTheLowerOnesOpenStepsWithoutTellingItsOwnersAgain() throws {
        let (daemon, directory) = try PlaybookRunAPITests.daemon()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let shipped = FileManager.default.currentDirectoryPath + "/Playbooks"
        for name in ["surge-elevated.json5", "surge-high.json5", "surge-crisis.json5"] {
            try FileManager.default.copyItem(atPath: shipped + "/" + name, toPath: directory + "/" + name)
        }
        let ops = try daemon.session()
        #expect(try ops.send("POST", "/v1/playbooks/reload").status == 200)
        #expect(try ops.putFacility("torshov", ["name": "Torshov", "capacity": 900]).status == 201)
        let run = { (playbook: String) in PlaybookRunAPITests.runs(ops).first { $0["playbook"]?.stringValue == playbook } }

        #expect(try ops.arrive("torshov", 45).status == 201)
        #expect(waitUntil { run("surge-elevated") != nil })
        let elevated = try #require(run("surge-elevated")?["id"]?.intValue)
        try ops.settle()
        let toldBefore = try PlaybookRunAPITests.queued(ops, run: elevated).count

        #expect(try ops.arrive("torshov", 60).status == 201)
        #expect(waitUntil { run("surge-high") != nil })
        try ops.settle()
        let high = try #require(run("surge-high")?["id"]?.intValue)
        let superseded = try ops.get("/v1/runs/\(elevated)")
        #expect(superseded["state"]?.stringValue == "finished")
        #expect(superseded["superseded_by"]?.intValue == high)
        let open = (superseded["steps"]?.arrayValue ?? []).filter { $0["completed_by"]?.isNull != false }
        #expect(!open.isEmpty)
        #expect(open.allSatisfy { $0["state"]?.stringValue == "skipped" && $0["skip_reason"]?.stringValue == "avløst av kjøring #\(high) surge-high" })
        #expect(try PlaybookRunAPITests.queued(ops, run: elevated).count == toldBefore, "its owners are not told again")
        let event = try #require(try ops.events("run.superseded").first)
        #expect(event["subject"]?.stringValue == "run/\(elevated)")
        #expect(event["data"]?["by"]?.intValue == high)
        let log = try ops.get("/v1/log?limit=1000")["entries"]?.arrayValue?.compactMap { $0["text"]?.stringValue } ?? []
        #expect(log.contains { $0.contains("(kjøring #\(elevated)) er avløst av kjøring #\(high)") }, "\(log)")
        #expect(PlaybookRunAPITests.runs(ops, "?state=active").map { $0["playbook"]?.stringValue } == ["surge-high"])

        // A card of the level below started by hand (a drill of it) supersedes nothing.
        let drill = try ops.post("/v1/playbooks/surge-elevated/runs", ["reason": "Gjennomgang"])
        #expect(drill.status == 201)
        #expect(try ops.get("/v1/runs/\(high)")["state"]?.stringValue == "active")
    }
}
