import BeredskapCore
import BeredskapSQLite
import Testing

@testable import BeredskapStore

/// What the deadline engine reads and writes: every person's facts in one query, equal to what
/// a person's own answer reads (`Person.facts`), and the committed overdue counts.
@Suite struct DeadlineStoreTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(parsing: text) ?? CalendarDate(daysSinceEpoch: 0) }

    @Test func theFactsQueryReadsWhatAPersonsAnswerReads() throws {
        let directory = try TemporaryDirectory()
        let writer = Writer(connection: try directory.database.openForWriting(now: 0), clock: ManualWallClock())
        defer { writer.close() }
        var child = PersonStoreTests.draft
        child.duf = DUFNumber(parsing: "202500004712") ?? child.duf
        child.birth = .date(Self.day("2015-02-28"))
        child.unaccompanied = true
        child.vulnerabilities = [.trauma, .disability]
        child.arrivedCity = Self.day("2025-10-20")
        child.district = nil
        let store = PersonStoreTests()
        let minorDraft = child
        let ids = try store.perform(writer) { transaction in
            let (adult, event) = try transaction.registerPerson(PersonStoreTests.draft)
            let (minor, _) = try transaction.registerPerson(minorDraft)
            try transaction.recordPersonMilestone(
                adult.id, PersonMilestone(milestone: .tbScreening, date: Self.day("2025-10-15"), note: "Ullevål"), seq: event.seq)
            try transaction.recordPersonMilestone(
                minor.id, PersonMilestone(milestone: .arrivedNorway, date: Self.day("2025-10-01")), seq: event.seq)
            try transaction.recordPersonMilestone(
                minor.id, PersonMilestone(milestone: .healthExam, date: Self.day("2025-10-21")), seq: event.seq)
            let (erased, _) = try transaction.registerPerson({
                var draft = PersonStoreTests.draft
                draft.duf = DUFNumber(parsing: "202500004713") ?? draft.duf
                return draft
            }())
            try transaction.erasePerson(erased.id, on: Self.day("2025-11-01"), reason: "art. 17", seq: event.seq)
            return [adult.id, minor.id]
        }
        let reader = try directory.database.openForReading()
        var read: [PersonDeadlineFacts] = []
        try reader.forEachPersonDeadlineFacts { read.append($0) }
        #expect(read.map(\.person) == ids, "the erased person has no facts")
        for facts in read {
            let person = try #require(try reader.person(facts.person))
            let milestones = Dictionary(try reader.personMilestones(facts.person).map { ($0.milestone, $0.date) }, uniquingKeysWith: { $1 })
            #expect(facts.facts == person.facts(milestones: milestones))
            #expect(facts.district == person.district)
        }
        #expect(read[1].facts.disability && read[1].facts.unaccompanied)
        #expect(read[1].facts.milestones[.arrivedNorway]?.date == Self.day("2025-10-01"), "recorded beats the arrival field")
        var one: [Int64] = []
        try reader.forEachPersonDeadlineFacts(persons: [ids[1], 999]) { one.append($0.person) }
        #expect(one == [ids[1]])
    }

    @Test func anOverdueCountIsCommittedOnlyWhenItChanges() throws {
        let directory = try TemporaryDirectory()
        let writer = Writer(connection: try directory.database.openForWriting(now: 0), clock: ManualWallClock())
        defer { writer.close() }
        let key = DeadlineCountKey(rule: "health_exam", district: "alna")
        let changes = try PersonStoreTests().perform(writer) { transaction in
            [try transaction.setDeadlineOverdue(key, to: 3), try transaction.setDeadlineOverdue(key, to: 3),
             try transaction.setDeadlineOverdue(key, to: 0), try transaction.setDeadlineOverdue(key, to: 0)]
        }
        #expect(changes == [true, false, true, false])
        let reader = try directory.database.openForReading()
        #expect(try reader.deadlineOverdueCounts().isEmpty)
        let events = try reader.query("SELECT type, subject, data FROM events ORDER BY seq") { [$0.text(0), $0.text(1), $0.text(2)] }
        #expect(events.map { $0[1] } == ["deadline/health_exam/alna", "deadline/health_exam/alna"])
        #expect(events.last?[2] == #"{"rule":"health_exam","district":"alna","overdue":0}"#)
    }
}
