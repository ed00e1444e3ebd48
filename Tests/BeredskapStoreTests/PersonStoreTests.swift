import BeredskapCore
import BeredskapSQLite
import Synchronization
import Testing

@testable import BeredskapStore

/// Persons in the store: v10 on a store of v9, the rows a registration, a correction and an
/// erasure leave.
@Suite struct PersonStoreTests {
    static let draft = PersonDraft(
        duf: DUFNumber(parsing: "202500004711") ?? DUFNumber(parsing: "202500000000")!, givenName: "Åse", familyName: "Ødegård",
        birth: .estimatedYear(1990), sex: .female, household: "h-1", category: .resettlement, status: .residenceGranted,
        arrivedNorway: CalendarDate(year: 2025, month: 10, day: 6), district: "alna")

    func perform<T: Sendable>(_ writer: Writer, _ body: @escaping @Sendable (inout WriteTransaction) throws -> T) throws -> T {
        let result = Mutex<T?>(nil)
        let outcome = writer.perform(WriteCommand(actor: Principal(uid: 2003, user: "nav-alna")) { transaction in
            let value = try body(&transaction)
            result.withLock { $0 = value }
            return CommandReply(status: 200, body: [])
        })
        guard case .committed = outcome, let value = result.withLock({ $0 }) else { throw StoreDataError(table: "test", row: "\(outcome)") }
        return value
    }

    @Test func aStoreOfV9GetsThePersonTables() throws {
        let directory = try TemporaryDirectory()
        let connection = try SQLiteConnection(path: directory.database.configuration.path, mode: .readWriteCreate)
        _ = try Migrator(migrations: Array(Migrations.all.prefix(9))).migrate(connection, now: 1)
        #expect(try Migrator().migrate(connection, now: 2) == Array(10...Migrations.all.count))
        #expect(try connection.persons(PersonQuery()).isEmpty)
    }

    @Test func v12IndexesTheListsThatShowedAPersonAlreadyRecorded() throws {
        let directory = try TemporaryDirectory()
        let connection = try SQLiteConnection(path: directory.database.configuration.path, mode: .readWriteCreate)
        _ = try Migrator(migrations: Array(Migrations.all.prefix(11))).migrate(connection, now: 1)
        try connection.execute("""
            INSERT INTO events(time_ms, actor_user, type, subject, data) VALUES
                (1, 'nav-alna', 'access.read', 'person/1', '{"route":"GET /v1/persons/{id}"}'),
                (2, 'nav-alna', 'access.read', NULL, '{"route":"GET /v1/persons","subjects":["person/1","person/2"]}'),
                (3, 'nav-alna', 'access.read', NULL, '{"route":"GET /v1/persons","subjects":["person/2"]}'),
                (4, 'nav-alna', 'person.changed', 'person/1', '{"person":1,"fields":["status"]}');
            """)
        #expect(try Migrator().migrate(connection, now: 2) == Array(12...Migrations.all.count))
        #expect(try connection.personReads(1).map(\.seq) == [1, 2], "the show and the first list")
        #expect(try connection.personReads(2).map(\.seq) == [2, 3])
        #expect(try connection.personReads(3).isEmpty)
    }

    @Test func anErasureLeavesWhatCountsAndNothingPersonal() throws {
        let directory = try TemporaryDirectory()
        let writer = Writer(connection: try directory.database.openForWriting(now: 0), clock: ManualWallClock())
        defer { writer.close() }
        let id = try perform(writer) { transaction in
            let (person, event) = try transaction.registerPerson(Self.draft)
            let day = CalendarDate(year: 2025, month: 10, day: 15) ?? CalendarDate(daysSinceEpoch: 0)
            try transaction.recordPersonMilestone(person.id, PersonMilestone(milestone: .tbScreening, date: day, note: "Ullevål"), seq: event.seq)
            try transaction.correctPersonMilestone(
                person.id, .tbScreening, id: try transaction.nextMilestoneCorrectionID(),
                PersonMilestone.Correction(from: day, to: day.adding(days: -1), reason: "Feil dato", at: transaction.now), seq: event.seq)
            try transaction.connection.run(
                "INSERT INTO idempotency_keys(actor_uid, key, request_hash, status, response, created_ms) VALUES (2003, 'k', 'h', 201, ?, 0)",
                Array("{\"id\":\(person.id),\"category\":\"resettlement\",\"given_name\":\"Åse\"}".utf8))
            return person.id
        }
        let reader = try directory.database.openForReading()
        #expect(try reader.personID(duf: Self.draft.duf) == id)
        #expect(try reader.persons(PersonQuery(household: "h-1")).map(\.id) == [id])
        #expect(try reader.personMilestones(id).first?.corrections.first?.reason == "Feil dato")

        try perform(writer) { transaction in
            try transaction.erasePerson(id, on: CalendarDate(year: 2026, month: 11, day: 22) ?? CalendarDate(daysSinceEpoch: 0), reason: "art. 17", seq: 9)
        }
        let erased = try #require(try reader.person(id))
        #expect(erased.details == nil)
        #expect(erased.district == "alna" && erased.category == .resettlement && erased.status == .residenceGranted)
        #expect(erased.arrivalYear == 2025)
        #expect(try reader.personID(duf: Self.draft.duf) == nil)
        #expect(try reader.persons(PersonQuery(household: "h-1")).isEmpty)
        let milestone = try #require(try reader.personMilestones(id).first)
        #expect(milestone.note == nil && milestone.corrections.first?.reason == nil)
        #expect(milestone.date == CalendarDate(year: 2025, month: 10, day: 14))
        #expect(try reader.scalarInt("SELECT count(*) FROM idempotency_keys") == 0)
    }
}
