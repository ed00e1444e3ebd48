import Testing

@testable import BeredskapCore

/// The rules of an unaccompanied minor's placements, under fixed dates.
@Suite struct PlacementTimelineTests {
    static func placement(_ from: String, _ type: PlacementType = .fosterHome, cost: Int64 = 365_000, id: Int64 = 1) throws -> Placement {
        let day = try date(from)
        return Placement(id: id, type: type, from: day, to: day, annualCost: cost, service: .childWelfare, district: "alna")
    }

    /// Born 10 May 2009 (18 on 10 May 2027, 25 on 10 May 2034), arrived 1 September 2024.
    static func timeline(born: String = "2009-05-10", aftercare: Aftercare? = nil) throws -> PlacementTimeline {
        PlacementTimeline(birth: .date(try date(born)), arrival: try date("2024-09-01"), placements: [], aftercare: aftercare)
    }

    static func placed(_ timeline: PlacementTimeline, _ placement: Placement) throws -> PlacementTimeline {
        try timeline.placing(placement).get()
    }

    /// With no arrival date known, nothing starts before the birth (an estimated year: before
    /// its 1 January).
    @Test func withoutAnArrivalNothingStartsBeforeTheBirth() throws {
        let known = PlacementTimeline(birth: .date(try date("2009-05-10")), arrival: nil, placements: [], aftercare: nil)
        #expect(throws: (any Error).self) { try known.placing(try Self.placement("2009-05-09")).get() }
        #expect(try known.placing(try Self.placement("2009-05-10")).get().placements.count == 1)
        let estimated = PlacementTimeline(birth: .estimatedYear(2009), arrival: nil, placements: [], aftercare: nil)
        #expect(throws: (any Error).self) { try estimated.placing(try Self.placement("2008-12-31")).get() }
        #expect(try estimated.placing(try Self.placement("2009-01-01")).get().placements.count == 1)
    }

    @Test func aNewPlacementEndsTheCurrentOneTheDayBefore() throws {
        var timeline = try Self.placed(try Self.timeline(), try Self.placement("2024-10-01"))
        #expect(timeline.placements[0].to == (try date("2027-05-09")))  // no choice yet: until the 18th birthday
        timeline = try Self.placed(timeline, try Self.placement("2025-08-15", .bedsitFollowUp, id: 2))
        #expect(timeline.placements.map(\.to) == [try date("2025-08-14"), try date("2027-05-09")])
        #expect(timeline.current(on: try date("2025-08-14"))?.id == 1)
        #expect(timeline.current(on: try date("2025-08-15"))?.id == 2)
        #expect(timeline.current(on: try date("2024-09-30")) == nil)
    }

    @Test("Refused: overlapping, before arrival, from the 25th birthday", arguments: [
        ("2024-10-01", "from"), ("2024-09-30", "from"), ("2024-08-31", "from"),
    ])
    func refusedDays(_ from: String, _ field: String) throws {
        let timeline = try Self.placed(try Self.timeline(), try Self.placement("2024-10-01"))
        guard case .failure(.field(let problem)) = timeline.placing(try Self.placement(from, id: 2)) else {
            Issue.record("\(from) was accepted")
            return
        }
        #expect(problem.field == field)
    }

    @Test func noPlacementOnOrAfterThe25thBirthday() throws {
        let timeline = try Self.timeline(aftercare: Aftercare(choice: .stay, date: try date("2027-04-01")))
        #expect(timeline.lastFollowUpDay == (try date("2034-05-09")))
        #expect((try? timeline.placing(try Self.placement("2034-05-09")).get()) != nil)
        guard case .failure(.field(let problem)) = timeline.placing(try Self.placement("2034-05-10")) else {
            Issue.record("accepted on the 25th birthday")
            return
        }
        #expect(problem.field == "from")
    }

    @Test func from18OnlyAfterTheChoiceToStay() throws {
        let none = try Self.timeline()
        #expect(none.placing(try Self.placement("2027-05-10")) == .failure(.conflict(state: "no_aftercare_choice", Text(
            "starts on or after the 18th birthday (2027-05-10): record the young person's choice to stay first",
            nb: "starter på eller etter 18-årsdagen (2027-05-10): registrer først at ungdommen velger å bli"))))
        #expect((try? none.placing(try Self.placement("2027-05-09")).get()) != nil)
        let movedOn = try Self.timeline(aftercare: Aftercare(choice: .moveOn, date: try date("2027-04-01")))
        guard case .failure(.conflict(let state, _)) = movedOn.placing(try Self.placement("2027-06-01")) else {
            Issue.record("placed after moving on")
            return
        }
        #expect(state == "moved_on")
        let stays = try Self.timeline(aftercare: Aftercare(choice: .stay, date: try date("2027-04-01"), followUpUntil: try date("2029-12-31")))
        let placed = try Self.placed(stays, try Self.placement("2027-06-01"))
        #expect(placed.placements[0].to == (try date("2029-12-31")))
        guard case .failure(.field(let problem)) = stays.placing(try Self.placement("2030-01-01")) else {
            Issue.record("placed after the follow-up")
            return
        }
        #expect(problem.field == "from")
    }

    @Test func theChoiceSetsWhereTheLastPlacementEnds() throws {
        let placed = try Self.placed(try Self.timeline(), try Self.placement("2024-10-01"))
        let stay = try placed.choosing(Aftercare(choice: .stay, date: try date("2027-03-01"))).get()
        #expect(stay.placements[0].to == (try date("2034-05-09")))
        // Moving on: the day before the 18th birthday, or before the choice when it came later.
        let early = try placed.choosing(Aftercare(choice: .moveOn, date: try date("2027-03-01"))).get()
        #expect(early.placements[0].to == (try date("2027-05-09")))
        let late = try placed.choosing(Aftercare(choice: .moveOn, date: try date("2027-08-01"))).get()
        #expect(late.placements[0].to == (try date("2027-07-31")))
    }

    @Test func theChoiceIsMadeOnceAndFollowUpEndsBeforeThe25thBirthday() throws {
        let timeline = try Self.timeline()
        let chosen = try timeline.choosing(Aftercare(choice: .moveOn, date: try date("2027-05-10"))).get()
        guard case .failure(.conflict(let state, _)) = chosen.choosing(Aftercare(choice: .stay, date: try date("2027-06-01"))) else {
            Issue.record("chosen twice")
            return
        }
        #expect(state == "chosen")
        let lastDay = Aftercare(choice: .moveOn, date: try date("2027-05-10"), followUpUntil: try date("2034-05-09"))
        #expect((try? timeline.choosing(lastDay).get()) != nil)
        for until in ["2034-05-10", "2027-05-09"] {
            let refused = Aftercare(choice: .moveOn, date: try date("2027-05-10"), followUpUntil: try date(until))
            guard case .failure(.field(let problem)) = timeline.choosing(refused) else {
                Issue.record("follow-up until \(until) accepted")
                continue
            }
            #expect(problem.field == "follow_up_until")
        }
    }

    @Test func aLeapDayBirthTurns18And25OnFirstMarch() throws {
        let timeline = try Self.timeline(born: "2008-02-29")
        #expect(timeline.turns18 == (try date("2026-03-01")))
        #expect(timeline.lastFollowUpDay == (try date("2033-02-28")))
        #expect((try? timeline.placing(try Self.placement("2026-02-28")).get()) != nil)
        guard case .failure(.conflict) = timeline.placing(try Self.placement("2026-03-01")) else {
            Issue.record("placed on the 18th birthday without a choice")
            return
        }
    }

    @Test func theCostIsTheGivenOneOrTheConfiguredOne() throws {
        let configured: [PlacementType: Int64] = [.folkHighSchool: 200_000]
        #expect(Placement.annualCost(given: 90_000, type: .folkHighSchool, configured: configured) == .success(90_000))
        #expect(Placement.annualCost(given: nil, type: .folkHighSchool, configured: configured) == .success(200_000))
        for refused in [Placement.annualCost(given: nil, type: .fosterHome, configured: configured),
                        Placement.annualCost(given: -1, type: .fosterHome, configured: configured)] {
            guard case .failure(let problem) = refused else {
                Issue.record("accepted")
                continue
            }
            #expect(problem.field == "annual_cost")
        }
    }

    @Test func theCostOfAYearIsProratedByDays() throws {
        var placement = try Self.placement("2027-07-01", cost: 365_000)
        placement.to = try date("2028-06-30")
        #expect(placement.daysIn(2027) == 184)
        #expect(placement.cost(in: 2027) == 184_000)
        // 2028 is a leap year: 182 of 366 days.
        #expect(placement.daysIn(2028) == 182)
        #expect(placement.cost(in: 2028) == 181_503)
        #expect(placement.cost(in: 2026) == 0)
        #expect(placement.cost(in: 2029) == 0)
        var whole = try Self.placement("2028-01-01", cost: 1_300_000)
        whole.to = try date("2028-12-31")
        #expect(whole.cost(in: 2028) == 1_300_000)
        var oneDay = try Self.placement("2028-02-29", cost: 366_000)
        oneDay.to = oneDay.from
        #expect(oneDay.cost(in: 2028) == 1_000)
    }

    @Test func costRowsSumPerDistrictAndType() throws {
        func running(_ from: String, _ to: String, _ type: PlacementType, _ district: String?, _ cost: Int64) throws -> Placement {
            var placement = try Self.placement(from, type, cost: cost)
            placement.to = try date(to)
            placement.district = district
            return placement
        }
        let rows = PlacementCostRow.rows([
            try running("2026-01-01", "2026-12-31", .fosterHome, "sagene", 365_000),
            try running("2026-07-02", "2027-12-31", .fosterHome, "sagene", 365_000),
            try running("2026-01-01", "2026-06-30", .folkHighSchool, "alna", 200_000),
            try running("2025-01-01", "2025-12-31", .fosterHome, "alna", 365_000),
            try running("2026-03-01", "2026-03-31", .bedsitFollowUp, nil, 365_000),
        ], year: 2026)
        #expect(rows == [
            PlacementCostRow(district: "alna", type: .folkHighSchool, placements: 1, cost: 99_178),
            PlacementCostRow(district: "sagene", type: .fosterHome, placements: 2, cost: 365_000 + 183_000),
            PlacementCostRow(district: nil, type: .bedsitFollowUp, placements: 1, cost: 31_000),
        ])
    }
}
