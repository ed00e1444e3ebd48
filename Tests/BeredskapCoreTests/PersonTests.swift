import BeredskapJSON
import Testing

@testable import BeredskapCore

/// A person's fields as the rules check them, what an erasure leaves, and the facts the
/// deadline rules read — without I/O.
@Suite struct PersonTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 22) ?? CalendarDate(daysSinceEpoch: 0)

    static func draft(_ change: (inout PersonDraft) -> Void = { _ in }) -> PersonDraft {
        var draft = PersonDraft(
            duf: DUFNumber(parsing: "201612345678") ?? DUFNumber(parsing: "201600000000")!,
            givenName: "  Hawa ", familyName: "Yusuf", birth: .date(CalendarDate(year: 2012, month: 5, day: 1)!), sex: .female,
            nationality: "SO", languages: ["so"], category: .resettlement, arrivedNorway: CalendarDate(year: 2026, month: 11, day: 1),
            unaccompanied: false, vulnerabilities: [.trauma, .disability, .trauma])
        change(&draft)
        return draft
    }

    static func problem(_ draft: PersonDraft) -> String? {
        if case .failure(let problem) = draft.checked(today: today) { return problem.field }
        return nil
    }

    @Test func aGoodDraftIsTrimmedAndAPersonKeepsItsFlagsSortedOnce() throws {
        let checked = try Self.draft().checked(today: Self.today).get()
        #expect(checked.givenName == "Hawa")
        let person = Person(id: 3, draft: checked)
        #expect(person.status == .asylumSeeker)
        #expect(person.arrivalYear == 2026)
        #expect(person.details?.vulnerabilities == [.disability, .trauma])
        #expect(person.draft?.givenName == "Hawa")
    }

    @Test func eachBadFieldIsNamed() {
        #expect(Self.problem(Self.draft { $0.givenName = "" }) == "given_name")
        #expect(Self.problem(Self.draft { $0.familyName = String(repeating: "å", count: 101) }) == "family_name")
        #expect(Self.problem(Self.draft { $0.familyName = "Yu\nsuf" }) == "family_name")
        #expect(Self.problem(Self.draft { $0.birth = .date(CalendarDate(year: 2026, month: 11, day: 23)!) }) == "birth.date")
        #expect(Self.problem(Self.draft { $0.birth = .estimatedYear(1900) }) == "birth.year")
        #expect(Self.problem(Self.draft { $0.birth = .estimatedYear(1906) }) == nil, "120 years")
        #expect(Self.problem(Self.draft { $0.nationality = "so" }) == "nationality")
        #expect(Self.problem(Self.draft { $0.languages = ["so", "SOM"] }) == "languages[1]")
        #expect(Self.problem(Self.draft { $0.household = "-x" }) == "household")
        #expect(Self.problem(Self.draft { $0.arrivedNorway = CalendarDate(year: 2026, month: 11, day: 23) }) == "arrived_norway")
        #expect(Self.problem(Self.draft { $0.arrivedCity = CalendarDate(year: 2026, month: 10, day: 31) }) == "arrived_city")
        #expect(Self.problem(Self.draft { $0.arrivedCity = CalendarDate(year: 2026, month: 11, day: 1) }) == nil, "the same day")
    }

    @Test func theArrivalDatesCountAsMilestonesUnlessRecordedAndAnErasedPersonHasNoFacts() throws {
        var person = Person(id: 1, draft: Self.draft { $0.arrivedCity = CalendarDate(year: 2026, month: 11, day: 5) })
        let recorded = CalendarDate(year: 2026, month: 11, day: 2)!
        let facts = try #require(person.facts(milestones: [.arrivedNorway: recorded]))
        #expect(facts.milestones[.arrivedNorway]?.date == recorded, "the recorded milestone wins")
        #expect(facts.milestones[.arrivedMunicipality]?.date == CalendarDate(year: 2026, month: 11, day: 5))
        #expect(facts.disability)
        #expect(!facts.unaccompanied)
        person.details = nil
        #expect(person.facts(milestones: [.arrivedNorway: recorded]) == nil)
        #expect(person.draft == nil)
    }

    @Test func aBirthIsADateOrAnEstimatedYearOnTheWire() throws {
        let encoder = JSONValueEncoder()
        let decoder = JSONValueDecoder()
        #expect(try encoder.encode(PersonBirth.estimatedYear(2010)) == ["year": 2010, "estimated": true])
        #expect(try decoder.decode(PersonBirth.self, from: ["year": 2010]) == .estimatedYear(2010))
        #expect(try decoder.decode(PersonBirth.self, from: ["date": "2010-02-03", "estimated": false])
            == .date(CalendarDate(year: 2010, month: 2, day: 3)!))
        #expect(throws: JSONFieldError.self) { try decoder.decode(PersonBirth.self, from: ["year": 2010, "estimated": false]) }
        #expect(throws: JSONFieldError.self) { try decoder.decode(PersonBirth.self, from: ["date": "2010-02-03", "year": 2010]) }
        #expect(throws: JSONFieldError.self) { try decoder.decode(PersonBirth.self, from: [:]) }
    }
}
