import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import Testing

@testable import BeredskapStore

@Suite struct EventQueryTests {
    let ops = Principal(uid: 1000, user: "oslo-ops")
    let ullern = Principal(uid: 1001, user: "bydel-ullern")

    func seeded() throws -> (TemporaryDirectory, SQLiteConnection) {
        let directory = try TemporaryDirectory()
        let writer = Writer(connection: try directory.database.openForWriting(now: 0), clock: ManualWallClock())
        for (type, actor) in [("log.added", ops), ("facility.updated", ullern), ("log.added", ullern), ("log.addedx", ops)] {
            _ = writer.perform(appendCommand(type, actor: actor))
        }
        _ = writer.perform(WriteCommand(actor: .system) { transaction in
            try transaction.appendSystemEvent(testEventType("alert.fired"), TestPayload(), subject: "city")
            return CommandReply(status: 200, body: [])
        })
        writer.close()
        return (directory, try directory.database.openForReading())
    }

    @Test func pagesResumeAfterTheLastSeq() throws {
        let (directory, reader) = try seeded()
        defer { withExtendedLifetime(directory) {} }
        let first = try reader.events(after: 0, limit: 2)
        #expect(first.map(\.seq) == [1, 2])
        let second = try reader.events(after: 2, limit: 2)
        #expect(second.map(\.seq) == [3, 4])
        #expect(try reader.events(after: 5, limit: 2).isEmpty)
    }

    @Test func typePrefixMatchesOnlyThatPrefix() throws {
        let (directory, reader) = try seeded()
        defer { withExtendedLifetime(directory) {} }
        #expect(try reader.events(after: 0, limit: 10, typePrefix: "log.added").map(\.seq) == [1, 3, 4])
        #expect(try reader.events(after: 0, limit: 10, typePrefix: "log.").map(\.seq) == [1, 3, 4])
        #expect(try reader.events(after: 0, limit: 10, typePrefix: "facility").map(\.seq) == [2])
        #expect(try reader.events(after: 0, limit: 10, typePrefix: "l%").isEmpty)  // no LIKE wildcards
    }

    @Test func auditShowsPeopleNotTheSystemAndFiltersByActor() throws {
        let (directory, reader) = try seeded()
        defer { withExtendedLifetime(directory) {} }
        #expect(try reader.auditEvents(after: 0, since: nil, actor: nil, limit: 10).map(\.seq) == [1, 2, 3, 4])
        #expect(try reader.auditEvents(after: 0, since: nil, actor: "bydel-ullern", limit: 10).map(\.seq) == [2, 3])
        #expect(try reader.auditEvents(after: 0, since: nil, actor: "1000", limit: 10).map(\.seq) == [1, 4])
        #expect(try reader.auditEvents(after: 2, since: nil, actor: nil, limit: 1).map(\.seq) == [3])
    }
}

@Suite struct IncidentLogStoreTests {
    @Test func entriesAreWrittenWithTheirEventAndReadBackInEitherOrder() throws {
        let directory = try TemporaryDirectory()
        let clock = ManualWallClock(Timestamp(secondsSinceEpoch: 1_800_000_000))
        let writer = Writer(connection: try directory.database.openForWriting(now: 0), clock: clock)
        let person = Principal(uid: 1000, user: "oslo-ops")
        var created: [IncidentLogEntry] = []
        for (index, subject) in ["facility/refstad", nil, "facility/refstad"].enumerated() {
            clock.advance(seconds: 60)
            let outcome = writer.perform(WriteCommand(actor: person) { transaction in
                let entry = try transaction.addIncidentLogEntry(text: "entry \(index) — Østensjø", subject: subject)
                return CommandReply(status: 201, body: Array(String(entry.id).utf8))
            })
            guard case .committed(_, let events) = outcome else { Issue.record("not committed"); return }
            #expect(events.map(\.type) == ["log.added"])
            // The event names the entry; the text is only in the entry (it may be erased).
            #expect(events.first?.data == ["id": .integer(Int64(index) + 1), "source": "person"])
        }
        _ = writer.perform(WriteCommand(actor: person) { transaction in
            try transaction.addIncidentLogEntry(text: "alert fired", subject: "city", source: .system)
            return CommandReply(status: 201, body: [])
        })
        writer.close()
        let reader = try directory.database.openForReading()
        var query = IncidentLogQuery()
        created = try reader.incidentLog(query)
        #expect(created.map(\.text) == ["entry 0 — Østensjø", "entry 1 — Østensjø", "entry 2 — Østensjø", "alert fired"])
        #expect(created.last?.actor == .system)
        #expect(created.last?.source == .system)
        query.subject = "facility/refstad"
        #expect(try reader.incidentLog(query).map(\.id) == [1, 3])
        query = IncidentLogQuery()
        query.newestFirst = true
        query.limit = 2
        #expect(try reader.incidentLog(query).map(\.id) == [4, 3])
        query.cursor = 3
        #expect(try reader.incidentLog(query).map(\.id) == [2, 1])
        query = IncidentLogQuery()
        query.since = Timestamp(secondsSinceEpoch: 1_800_000_120)
        query.until = Timestamp(secondsSinceEpoch: 1_800_000_180)
        #expect(try reader.incidentLog(query).map(\.id) == [2])
    }
}
