import BeredskapJSON
import Foundation
import Testing

@testable import BeredskapDaemon

/// A person's data under GDPR through the real daemon: the export with who read it, and an
/// erasure after which no byte of the erased fields is in the database file or its WAL.
@Suite(.serialized) struct PersonPrivacyTests {
    static let names = ["Zerihun", "Qwabenaxyz-Ødegård"]
    static let duf = "201987654321"
    /// Long enough to spill into an overflow page, which an erasure frees: without
    /// `secure_delete` the freed page would keep it.
    static let note = "Ringte Zerihun sin tante." + String(repeating: " Venter på svar fra helsestasjonen.", count: 40)
    static let reason = "Feil dato fra Qwabenaxyz-skjema"

    /// Where `needles` occur in the state directory's database files, as "file: needle".
    static func traces(of needles: [String], in directory: String) -> [String] {
        ["state.db", "state.db-wal", "state.db-shm"].flatMap { file -> [String] in
            guard let bytes = FileManager.default.contents(atPath: directory + "/" + file) else { return [] }
            return needles.filter { bytes.range(of: Data($0.utf8)) != nil }.map { "\(file): \($0)" }
        }
    }

    @Test func theExportHoldsEverythingAndWhoReadIt() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        let id = try PersonAPITests.register(caseworker)
        _ = try caseworker.post("/v1/persons/\(id)/milestones", ["milestone": "tb_screening", "date": "2026-11-20", "note": .string(Self.note)])
        _ = try caseworker.send("GET", "/v1/persons/\(id)")
        _ = try caseworker.send("GET", "/v1/persons?district=alna")
        _ = try caseworker.send("GET", "/v1/persons?district=bjerke")
        let export = try caseworker.send("GET", "/v1/persons/\(id)/export")
        #expect(export.status == 200, "\(export.text)")
        #expect(export.json["person"]?["family_name"] == "Tesfaye Ødegård")
        #expect(export.json["person"]?["milestones"]?.arrayValue?.first?["note"] == .string(Self.note))
        let reads = export.json["reads"]?.arrayValue ?? []
        #expect(reads.map(\.["route"]) == ["/v1/persons/{id}", "/v1/persons", "/v1/persons/{id}/export"],
                "a list that showed the person, not one that did not; this export included")
        #expect(reads.first?["user"] == "nav-alna")
        #expect(reads.first?["uid"] == 2003)
        #expect(reads.first?["at"] == "2026-11-22T09:00:00.000Z")
        expectError(try caseworker.send("GET", "/v1/persons/99/export"), 404, "not_found")
    }

    @Test func anErasureLeavesNoByteOfThePersonalFieldsAndTheCountsRight() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        let other = try PersonAPITests.register(caseworker)
        let body = PersonAPITests.body([
            "duf": .string(Self.duf), "given_name": .string(Self.names[0]), "family_name": .string(Self.names[1]),
            "category": "resettlement", "household": "h-zerihun",
        ])
        // With an idempotency key, as the CLI sends: the stored reply holds the names too.
        let client = try harness.connect(as: People.caseworker)
        let registered = try client.request("POST", "/v1/persons", json: body.serializedString(), headers: [("Idempotency-Key", "k-1")])
        #expect(registered.status == 201, "\(registered.text)")
        let id = try #require(registered.json["id"]?.intValue)
        _ = try caseworker.post("/v1/persons/\(id)/milestones", ["milestone": "tb_screening", "date": "2026-11-12", "note": .string(Self.note)])
        _ = try caseworker.post(
            "/v1/persons/\(id)/milestones/tb_screening/correct", ["date": "2026-11-13", "reason": .string(Self.reason)])
        #expect(try caseworker.send("GET", "/v1/persons/\(id)").status == 200)
        #expect(try caseworker.send("GET", "/v1/persons?district=alna").status == 200)
        // A new DUF number later: the first one is in the stored reply of the registration.
        let renumbered = try client.request(
            "PATCH", "/v1/persons/\(id)", json: #"{"duf":"201987654322"}"#, headers: [("Idempotency-Key", "k-2")])
        #expect(renumbered.status == 200, "\(renumbered.text)")
        let needles = Self.names + [Self.duf, "201987654322", String(Self.note.suffix(200)), Self.reason, "h-zerihun"]
        #expect(!Self.traces(of: needles, in: harness.directory).isEmpty, "the scan finds them before")

        // Another erasure first: its checkpoint moves the person's pages into state.db, where
        // only secure_delete overwrites what the next erasure frees. (Debian's SQLite has it
        // on by default, so there this passes without the pragma too; the daemon sets it for
        // builds that do not.)
        let admin = try Session(harness, as: People.admin)
        let moved = try PersonAPITests.register(caseworker, PersonAPITests.body(["duf": "202600000009", "district": "bjerke"]))
        #expect(try admin.send("DELETE", "/v1/persons/\(moved)", ["reason": "Registrert ved en feil"]).status == 200)
        #expect(Self.traces(of: needles, in: harness.directory).allSatisfy { $0.hasPrefix("state.db:") })
        expectError(try caseworker.send("DELETE", "/v1/persons/\(id)", ["reason": "Begjæring om sletting"]), 403, "forbidden")
        expectError(try admin.send("DELETE", "/v1/persons/\(id)", [:]), 400, "invalid_field", field: "reason")
        let erased = try admin.send("DELETE", "/v1/persons/\(id)", ["reason": "Begjæring om sletting, art. 17"])
        #expect(erased.status == 200, "\(erased.text)")
        #expect(erased.json["erased"] == true)
        #expect(erased.json["erased_on"] == "2026-11-22")
        #expect(erased.json["duf"] == nil && erased.json["given_name"] == nil)

        #expect(Self.traces(of: needles, in: harness.directory) == [])

        // What aggregates need stays.
        let shown = try caseworker.send("GET", "/v1/persons/\(id)")
        #expect(shown.status == 200, "\(shown.text)")
        #expect(shown.json["district"] == "alna")
        #expect(shown.json["category"] == "resettlement")
        #expect(shown.json["status"] == "asylumSeeker")
        #expect(shown.json["arrival_year"] == 2026)
        #expect(shown.json["deadlines"] == [], "an erased person has no deadlines")
        let milestone = shown.json["milestones"]?.arrayValue?.first
        #expect(milestone?["milestone"] == "tb_screening")
        #expect(milestone?["date"] == "2026-11-13")
        #expect(milestone?["note"] == nil)
        #expect(milestone?["corrections"]?.arrayValue?.first?["reason"] == nil)
        #expect(milestone?["corrections"]?.arrayValue?.first?["from"] == "2026-11-12")
        let alna = try caseworker.get("/v1/persons?district=alna")["persons"]?.arrayValue ?? []
        #expect(alna.map(\.["id"]) == [.integer(other), .integer(id)], "still counted in the district")
        #expect(try caseworker.get("/v1/persons?household=h-zerihun")["persons"] == [])

        // Nothing more can be recorded about them, and a replay gives nothing back.
        let change = try caseworker.patch("/v1/persons/\(id)", ["given_name": "Zerihun"])
        expectError(change, 409, "conflict")
        #expect(change.details?["state"] == "erased")
        expectError(try caseworker.post("/v1/persons/\(id)/milestones", ["milestone": "health_exam"]), 409, "conflict")
        expectError(try admin.send("DELETE", "/v1/persons/\(id)", ["reason": "igjen"]), 409, "conflict")
        let replay = try client.request("POST", "/v1/persons", json: body.serializedString(), headers: [("Idempotency-Key", "k-1")])
        #expect(replay.headers["Idempotent-Replayed"] == nil, "the stored reply is gone")
        #expect(replay.status == 201, "a new registration: the number is free again")
        #expect(try caseworker.events("person.erased").map(\.["data"]) == [["person": .integer(moved)], ["person": .integer(id)]])
    }
}
