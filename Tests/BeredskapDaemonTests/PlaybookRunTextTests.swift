import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapTestSupport
import Foundation
import Testing

@testable import BeredskapDaemon

/// What people read from runs: every placeholder filled with names, or the start refused —
/// never a `{subject}` in a message, a title or the log.
@Suite(.serialized) struct PlaybookRunTextTests {
    /// Names the alert's severity as well as the subject, in its title too.
    static let severe = """
        { id: "severe", title: { nb: "Alvorlig: {subject}", en: "Severe: {subject}" },
          description: { nb: "Beskrivelse", en: "Description" },
          trigger: { alert: { rule: "facility_utilization", subject: "facility/*" } },
          steps: [
            { id: "tell", title: { nb: "Varsle {district}", en: "Tell {district}" }, owner: "bydel:{district}", due: "PT1H",
              action: { notify: { groups: ["bydel:{district}"], message: { nb: "{subject} er {severity}", en: "{subject} is {severity}" } } } },
          ] }
        """

    static func daemon() throws -> (RestartableDaemon, String) {
        let (daemon, directory) = try PlaybookRunAPITests.daemon()
        try severe.write(toFile: directory + "/severe.json5", atomically: true, encoding: .utf8)
        #expect(try daemon.session().send("POST", "/v1/playbooks/reload").status == 200)
        return (daemon, directory)
    }

    /// The subject line and text of every notification the runs queued, and every log entry.
    static func texts(_ daemon: RestartableDaemon, _ session: Session) throws -> [String] {
        let store = try SQLiteConnection(path: daemon.harness.directory + "/restarted/state.db", mode: .readOnly)
        let sent = try store.query("SELECT subject_line, body FROM notifications WHERE run_id IS NOT NULL", []) {
            [$0.text(0), $0.text(1)]
        }
        let logged = try session.get("/v1/log?limit=1000")["entries"]?.arrayValue?.compactMap { $0["text"]?.stringValue } ?? []
        return sent.flatMap { $0 } + logged
    }

    @Test func aCardAboutASubjectStartedByHandNeedsAnAlertOrASubjectThatExists() throws {
        let (daemon, directory) = try Self.daemon()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let ops = try daemon.session(as: People.operatorByGroup)
        let bare = try ops.post("/v1/playbooks/near-full/runs", ["reason": "Sjekk"])
        expectError(bare, 400, "invalid_field", field: "subject")
        #expect(bare.details?["placeholders"] == ["district", "subject"])
        let unknown = try ops.post("/v1/playbooks/near-full/runs", ["reason": "Sjekk", "subject": "facility/refstd"])
        expectError(unknown, 400, "invalid_field", field: "subject")
        #expect(unknown.details?["known"]?.arrayValue?.contains("facility/refstad") == true)
        expectError(try ops.post("/v1/playbooks/near-full/runs", ["reason": "Sjekk", "subject": "city"]), 400, "invalid_field", field: "subject")
        expectError(try ops.post("/v1/playbooks/near-full/runs", ["reason": "Sjekk", "subject": "facility/refstad", "alert": 1]),
                    400, "invalid_field", field: "subject")
        let severity = try ops.post("/v1/playbooks/severe/runs", ["reason": "Sjekk", "subject": "facility/refstad"])
        expectError(severity, 400, "invalid_field", field: "alert")
        #expect(severity.details?["placeholders"] == ["severity"])
        #expect(PlaybookRunAPITests.runs(ops).isEmpty, "nothing refused was started")

        let started = try ops.post("/v1/playbooks/near-full/runs", ["reason": "Sjekk", "subject": "facility/refstad"])
        #expect(started.status == 201, "\(started.text)")
        #expect(started.json["trigger"]?["subject"]?.stringValue == "facility/refstad")
        #expect(PlaybookRunAPITests.step(started.json, "find-places")?["owner"]?.stringValue == "bydel:bjerke")
        try ops.settle()
        let texts = try Self.texts(daemon, ops)
        #expect(texts.contains { $0.contains("Refstad transittmottak er nesten fullt") }, "\(texts)")
        #expect(!texts.contains { $0.contains("{") }, "\(texts.filter { $0.contains("{") })")
    }

    @Test func anAlertFillsItsCardsTitlesMessagesAndOwnersWithNames() throws {
        let (daemon, directory) = try Self.daemon()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let ops = try daemon.session(as: People.operatorByGroup)
        #expect(try ops.arrive("refstad", 86).status == 201)
        #expect(waitUntil { PlaybookRunAPITests.runs(ops).count == 2 })
        let severe = try #require(PlaybookRunAPITests.runs(ops).first { $0["playbook"]?.stringValue == "severe" })
        #expect(severe["title"] == ["nb": "Alvorlig: Refstad transittmottak", "en": "Severe: Refstad transittmottak"])
        #expect(PlaybookRunAPITests.step(severe, "tell")?["title"]?["nb"]?.stringValue == "Varsle Bjerke")
        #expect(PlaybookRunAPITests.step(severe, "tell")?["owner"]?.stringValue == "bydel:bjerke")
        try ops.settle()
        let texts = try Self.texts(daemon, ops)
        #expect(texts.contains { $0.contains("Refstad transittmottak er advarsel") }, "\(texts)")
        #expect(texts.contains { $0.contains("Nå: Refstad transittmottak: 86 av 100 plasser, 14 ledige.") }, "the figures of now")
        #expect(!texts.contains { $0.contains("{") }, "\(texts.filter { $0.contains("{") })")
    }
}
