import BeredskapCore
import BeredskapSQLite
import Testing

@testable import BeredskapStore

/// The programme as stored: read back as written, the outcomes the results count, and what an
/// erasure takes (the programme, the notes) and leaves (district, year, reason, status).
@Suite struct IntroStoreTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(parsing: text) ?? CalendarDate(daysSinceEpoch: 0) }

    @Test func aProgrammeIsReadBackAndItsOutcomeSurvivesAnErasure() throws {
        let directory = try TemporaryDirectory()
        let writer = Writer(connection: try directory.database.openForWriting(now: 0), clock: ManualWallClock())
        defer { writer.close() }
        let template = IntroProgramme(
            person: 0, district: "alna", started: Self.day("2025-01-06"), goal: .upperSecondary, months: 36, voluntary: false,
            settlementMode: .ordinary, interruptions: [.init(from: Self.day("2025-03-01"), to: Self.day("2025-03-15"))],
            extensionMonths: 6, ending: .init(date: Self.day("2025-12-19"), reason: .upperSecondary),
            followUp: .init(date: Self.day("2026-12-19"), status: .education))
        let programme = try PersonStoreTests().perform(writer) { transaction in
            let (person, event) = try transaction.registerPerson(PersonStoreTests.draft)
            var programme = template
            programme.person = person.id
            try transaction.saveIntroProgramme(programme, seq: event.seq)
            try transaction.recordIntroNote(person.id, IntroNote(action: .end, note: "Bestått Vg1", seq: event.seq))
            return programme
        }
        let id = programme.person
        let reader = try directory.database.openForReading()
        #expect(try reader.introProgramme(id) == programme)
        #expect(try reader.introNotes(id) == [IntroNote(action: .end, note: "Bestått Vg1", seq: 1)])
        let outcome = IntroOutcome(district: "alna", endYear: 2025, reason: .upperSecondary, status: .education)
        #expect(try reader.introOutcomes(endedIn: 2025) == [outcome])
        #expect(try reader.introOutcomes(endedIn: 2024) == [])

        _ = try PersonStoreTests().perform(writer) { transaction in
            try transaction.erasePerson(id, on: Self.day("2027-01-01"), reason: "art. 17", seq: 1)
        }
        #expect(try reader.introProgramme(id) == nil)
        #expect(try reader.introNotes(id) == [])
        #expect(try reader.introOutcomes(endedIn: 2025) == [outcome], "the count stays")
    }
}
