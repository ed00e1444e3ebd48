import BeredskapCore
import BeredskapSQLite
import Testing

@testable import BeredskapStore

/// The minors' tables: a store of v14 gets them, the queries read back what was written, the
/// year's placements are those running on a day of it, and an erasure leaves only what costs need.
@Suite struct MinorStoreTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(parsing: text) ?? CalendarDate(daysSinceEpoch: 0) }

    static var minor: PersonDraft {
        var draft = PersonStoreTests.draft
        draft.birth = .date(day("2010-05-10"))
        draft.unaccompanied = true
        return draft
    }

    @Test func aStoreOfV14GetsTheMinorsTables() throws {
        let directory = try TemporaryDirectory()
        let connection = try SQLiteConnection(path: directory.database.configuration.path, mode: .readWriteCreate)
        _ = try Migrator(migrations: Array(Migrations.all.prefix(14))).migrate(connection, now: 1)
        #expect(try Migrator().migrate(connection, now: 2) == Array(15...Migrations.all.count))
        #expect(try connection.minorPlacements(1).isEmpty)
        #expect(try connection.minorPlacements(inYear: 2026).isEmpty)
    }

    @Test func theQueriesReadBackTheTimelineAndAnErasureKeepsOnlyWhatCostsNeed() throws {
        let directory = try TemporaryDirectory()
        let writer = Writer(connection: try directory.database.openForWriting(now: 0), clock: ManualWallClock())
        defer { writer.close() }
        let store = PersonStoreTests()
        let (id, timeline) = try store.perform(writer) { transaction -> (Int64, PlacementTimeline) in
            let (person, event) = try transaction.registerPerson(Self.minor)
            var timeline = PlacementTimeline(birth: Self.minor.birth, arrival: nil, placements: [], aftercare: nil)
            for (from, type) in [("2025-11-01", PlacementType.fosterHome), ("2026-08-15", .folkHighSchool)] {
                let placement = Placement(
                    id: try transaction.nextPlacementID(), type: type, from: Self.day(from), to: Self.day(from), annualCost: 365_000,
                    service: .childWelfare, district: "alna", note: "Notat \(from)")
                timeline = try timeline.placing(placement).get()
                try transaction.saveMinorTimeline(person.id, timeline, added: timeline.placements.last, seq: event.seq)
            }
            try transaction.setMinorRepresentative(person.id, Representative(name: "Kari", appointed: Self.day("2025-10-07")), seq: event.seq)
            try transaction.setMinorRepresentative(person.id, Representative(name: "Ola", appointed: Self.day("2025-12-01")), seq: event.seq)
            let aftercare = Aftercare(choice: .stay, date: Self.day("2028-04-01"), followUpUntil: Self.day("2030-12-31"))
            timeline = try timeline.choosing(aftercare).get()
            try transaction.recordMinorAftercare(person.id, aftercare, seq: event.seq)
            try transaction.saveMinorTimeline(person.id, timeline, added: nil, seq: event.seq)
            return (person.id, timeline)
        }
        let reader = try directory.database.openForReading()
        #expect(try reader.minorPlacements(id) == timeline.placements)
        #expect(timeline.placements.map(\.to) == [Self.day("2026-08-14"), Self.day("2030-12-31")])
        #expect(try reader.minorRepresentative(id) == Representative(name: "Ola", appointed: Self.day("2025-12-01")), "the new one replaces")
        #expect(try reader.minorAftercare(id)?.choice == .stay)
        #expect(try reader.minorPlacements(inYear: 2025).map(\.id) == [1])
        #expect(try reader.minorPlacements(inYear: 2026).map(\.id) == [1, 2])
        #expect(try reader.minorPlacements(inYear: 2026).allSatisfy { $0.note == nil }, "sums need no notes")
        #expect(try reader.minorPlacements(inYear: 2031).isEmpty)
        #expect(try reader.unaccompaniedPersons(district: "alna").map(\.id) == [id])
        #expect(try reader.unaccompaniedPersons(district: "bjerke").isEmpty)

        try store.perform(writer) { transaction in
            try transaction.erasePerson(id, on: Self.day("2026-11-22"), reason: "art. 17", seq: 1)
            try transaction.eraseMinorRecords(id)
        }
        #expect(try reader.minorPlacements(id).map(\.note) == [nil, nil])
        #expect(try reader.minorPlacements(id).map(\.to) == timeline.placements.map(\.to), "the days stay for the costs")
        #expect(try reader.minorRepresentative(id) == nil)
        #expect(try reader.minorAftercare(id) == nil)
        #expect(try reader.unaccompaniedPersons(district: nil).isEmpty)
    }
}
