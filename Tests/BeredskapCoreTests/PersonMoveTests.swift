import BeredskapCore
import Testing

@Suite struct PersonMoveTests {
    static let today = date("2026-12-03")

    static func date(_ text: String) -> CalendarDate { CalendarDate(parsing: text) ?? CalendarDate(daysSinceEpoch: 0) }

    static func person(facility: String?, _ change: (inout PersonDraft) -> Void = { _ in }) throws -> PersonDraft {
        var draft = PersonDraft(
            duf: try #require(DUFNumber(parsing: "202600000001")), givenName: "A", familyName: "B",
            birth: .date(Self.date("1990-05-01")), sex: .female, category: .asylumSeeker, facility: facility)
        change(&draft)
        return draft
    }

    @Test func theFacilityChangeGivesTheFlow() throws {
        #expect(PersonMove.between(nil, try Self.person(facility: nil), on: Self.today) == nil)
        #expect(PersonMove.between(nil, try Self.person(facility: "refstad"), on: Self.today) == .arrival(facility: "refstad", category: .adult))
        #expect(PersonMove.between(try Self.person(facility: "refstad"), try Self.person(facility: "refstad"), on: Self.today) == nil)
        #expect(
            PersonMove.between(try Self.person(facility: "refstad"), try Self.person(facility: "ila"), on: Self.today)
                == .transfer(from: "refstad", to: "ila", category: .adult))
        let settled = try Self.person(facility: nil) { $0.status = .settled }
        #expect(PersonMove.between(try Self.person(facility: "ila"), settled, on: Self.today) == .departure(facility: "ila", reason: .settled))
        #expect(
            PersonMove.between(try Self.person(facility: "ila"), try Self.person(facility: nil), on: Self.today)
                == .departure(facility: "ila", reason: .other))
    }

    @Test func thePersonCountsUnderTheirArrivalCategory() throws {
        let resettled = try Self.person(facility: nil) { $0.category = .resettlement }
        #expect(ArrivalCategory(resettled, on: Self.today) == .resettlement)
        let family = try Self.person(facility: nil) { $0.household = "h-1" }
        #expect(ArrivalCategory(family, on: Self.today) == .family)
        let minor = try Self.person(facility: nil) {
            $0.unaccompanied = true
            $0.birth = .date(Self.date("2011-12-03"))
        }
        #expect(ArrivalCategory(minor, on: Self.today) == .minor15To17, "15 on the day")
        #expect(ArrivalCategory(minor, on: Self.date("2026-12-02")) == .minorUnder15, "14 the day before")
        let adult = try Self.person(facility: nil) {
            $0.unaccompanied = true
            $0.birth = .date(Self.date("2008-12-03"))
        }
        #expect(ArrivalCategory(adult, on: Self.today) == .adult, "18: no longer a minor")
    }

    @Test func statusesFollowTheOrderOfACase() {
        #expect(PersonStatus.asylumSeeker.canChange(to: .residenceGranted))
        #expect(PersonStatus.asylumSeeker.canChange(to: .asylumSeeker), "no change")
        #expect(!PersonStatus.asylumSeeker.canChange(to: .settled), "settlement needs a permit")
        #expect(PersonStatus.refused.canChange(to: .residenceGranted), "an appeal")
        #expect(!PersonStatus.settled.canChange(to: .asylumSeeker))
        #expect(PersonStatus.departed.canChange(to: .asylumSeeker), "came back")
        for status in PersonStatus.allCases { #expect(!status.next.contains(status)) }
    }
}

@Suite struct MilestoneTimesTests {
    @Test func everyMilestoneHasItsOwnSlot() {
        #expect(Milestone.allCases.enumerated().allSatisfy { $0.offset == $0.element.ordinal })
        var times = MilestoneTimes()
        let day = CalendarDate(daysSinceEpoch: 20_000)
        for milestone in Milestone.allCases { times[milestone] = MilestoneTime(date: day.adding(days: milestone.ordinal)) }
        #expect(Milestone.allCases.allSatisfy { times[$0]?.date == day.adding(days: $0.ordinal) })
        #expect(times.recorded.map(\.milestone) == Milestone.allCases)
        times[.settled] = nil
        #expect(times[.settled] == nil && times.recorded.count == Milestone.allCases.count - 1)
        #expect(MilestoneTimes([.tbScreening: MilestoneTime(date: day)]) == [.tbScreening: MilestoneTime(date: day)])
    }
}
