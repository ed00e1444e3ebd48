import BeredskapCore
import BeredskapJSON
import Foundation
import Testing

@testable import BeredskapDaemon

/// The loaded action cards over the API, and a reload that is refused as a whole.
@Suite(.serialized) struct PlaybookAPITests {
    static let card = """
        { id: "drill", title: { nb: "Øvelse", en: "Drill" }, description: { nb: "Øv", en: "Practise" },
          trigger: { manual: true },
          steps: [ { id: "call", title: { nb: "Ring", en: "Call" }, owner: "beredskapsetaten", due: "PT1H",
                     action: { task: {} } } ] }
        """

    @Test func theShippedCardsAreListedAndABadReloadKeepsTheRunningSet() throws {
        let directory = "/tmp/bp-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Self.card.write(toFile: directory + "/drill.json5", atomically: true, encoding: .utf8)
        let harness = try DaemonHarness { $0.playbooks.directory = directory }
        let viewer = try Session(harness, as: People.viewer)
        let list = try viewer.get("/v1/playbooks")
        #expect(list["playbooks"]?.arrayValue?.map { $0["id"]?.stringValue } == ["drill"])
        #expect(list["playbooks"]?.arrayValue?.first?["steps"]?.intValue == 1)
        #expect(try viewer.get("/v1/playbooks/drill")["steps"]?.arrayValue?.first?["owner"]?.stringValue == "beredskapsetaten")
        expectError(try viewer.send("GET", "/v1/playbooks/nope"), 404, "not_found")
        expectError(try viewer.send("POST", "/v1/playbooks/reload"), 403, "forbidden")

        // A second card naming an unknown group: the reload is refused, naming file and field.
        try Self.card.replacingOccurrences(of: "\"drill\"", with: "\"broken\"")
            .replacingOccurrences(of: "beredskapsetaten", with: "nobody")
            .write(toFile: directory + "/broken.json5", atomically: true, encoding: .utf8)
        let admin = try Session(harness, as: People.admin)
        let refused = try admin.send("POST", "/v1/playbooks/reload")
        expectError(refused, 422, "invalid_definition")
        #expect(refused.json["error"]?["details"]?["file"]?.stringValue == "broken.json5")
        #expect(refused.json["error"]?["details"]?["field"]?.stringValue == "steps[0].owner")
        #expect(try viewer.get("/v1/playbooks")["playbooks"]?.arrayValue?.count == 1, "the running set stays")

        try FileManager.default.removeItem(atPath: directory + "/broken.json5")
        try Self.card.replacingOccurrences(of: "\"drill\"", with: "\"second\"")
            .write(toFile: directory + "/second.json5", atomically: true, encoding: .utf8)
        let reloaded = try admin.send("POST", "/v1/playbooks/reload")
        #expect(reloaded.status == 200)
        #expect(reloaded.json["loaded"]?.intValue == 2)
        #expect(try viewer.get("/v1/playbooks")["playbooks"]?.arrayValue?.map { $0["id"]?.stringValue } == ["drill", "second"])
        #expect(try admin.events("playbooks.reloaded").count == 1)
    }
}
