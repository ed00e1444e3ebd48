import BeredskapCore
import BeredskapSQLite
import Testing

@testable import BeredskapStore

/// The grants in the store: v15 on a store of v14, what the forecast reads of each settled
/// person (the household's size, an application and its day), and what an erasure leaves.
@Suite struct GrantStoreTests {
    static func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: day) ?? CalendarDate(daysSinceEpoch: 0)
    }

    static func draft(_ duf: String, household: String?, disability: Bool = false) -> PersonDraft {
        var draft = PersonStoreTests.draft
        draft.duf = DUFNumber(parsing: duf) ?? draft.duf
        draft.household = household
        draft.vulnerabilities = disability ? [.disability] : []
        return draft
    }

    @Test func aStoreOfV14GetsTheGrantTables() throws {
        let directory = try TemporaryDirectory()
        let connection = try SQLiteConnection(path: directory.database.configuration.path, mode: .readWriteCreate)
        _ = try Migrator(migrations: Array(Migrations.all.prefix(14))).migrate(connection, now: 1)
        #expect(try Migrator().migrate(connection, now: 2) == Array(15...Migrations.all.count))
        #expect(try connection.grantApplicationsDue().isEmpty)
        #expect(try connection.grantPersons(settledThrough: Self.day(2026, 12, 31)).isEmpty)
    }

    @Test func theForecastReadsHouseholdsApplicationsAndErasedPersons() throws {
        let directory = try TemporaryDirectory()
        let writer = Writer(connection: try directory.database.openForWriting(now: 0), clock: ManualWallClock())
        defer { writer.close() }
        let ids = try PersonStoreTests().perform(writer) { transaction in
            var ids: [Int64] = []
            for draft in [
                Self.draft("202500000001", household: "h-1", disability: true), Self.draft("202500000002", household: "h-1"),
                Self.draft("202500000003", household: "h-2"), Self.draft("202500000004", household: nil),
            ] {
                let (person, event) = try transaction.registerPerson(draft)
                try transaction.recordPersonMilestone(person.id, PersonMilestone(milestone: .settled, date: Self.day(2026, 3, 1)), seq: event.seq)
                ids.append(person.id)
            }
            try transaction.recordPersonMilestone(ids[0], PersonMilestone(milestone: .disabilityGrantApplied, date: Self.day(2026, 5, 2)), seq: 1)
            try transaction.recordGrantApplication(ids[0], StoredGrantApplication(grant: .t2, amount: 400_000), seq: 1)
            try transaction.erasePerson(ids[3], on: Self.day(2026, 11, 22), reason: "art. 17", seq: 2)
            try transaction.setGrantApplicationsDue(district: "alna", to: 2)
            return ids
        }
        let reader = try directory.database.openForReading()
        let persons = try reader.grantPersons(settledThrough: Self.day(2026, 12, 31))
        #expect(persons.map(\.id) == ids)
        #expect(persons.map(\.alone) == [false, false, true, false], "alone in h-2; the erased person has no household left")
        #expect(persons[0].application == GrantPerson.Application(grant: .t2, applied: Self.day(2026, 5, 2), amount: 400_000))
        #expect(persons[0].disability && !persons[1].disability)
        #expect(persons[3].birth == nil && persons[3].district == "alna", "erased: counted, as an adult")
        #expect(try reader.grantPersons(settledThrough: Self.day(2026, 2, 28)).isEmpty)
        #expect(try reader.grantApplication(ids[0]) == StoredGrantApplication(grant: .t2, amount: 400_000))
        #expect(try reader.grantApplicationsDue() == ["alna": 2])
    }
}
