import Testing

@testable import BeredskapCore

private func day(_ text: String) -> CalendarDate {
    CalendarDate(parsing: text) ?? CalendarDate(daysSinceEpoch: 0)
}

private func unit(
    _ id: String, _ district: String, kind: HousingKind = .municipalOwned, rooms: Int = 2, from: String = "2016-01-01",
    leaseEnd: String? = nil, assigned: Int64? = nil
) -> HousingUnit {
    HousingUnit(
        id: id, district: district, kind: kind, rooms: rooms, availableFrom: day(from), leaseEnd: leaseEnd.map(day),
        assignedCase: assigned)
}

private func waiting(_ id: Int64, _ district: String, _ state: SettlementCase.State, persons: Int = 3, housing: String? = nil)
    -> SettlementCase
{
    SettlementCase(
        id: id, year: 2016, district: district, mode: .ordinary, householdSize: persons, unaccompaniedMinors: 0,
        state: state, requestedOn: day("2016-02-01"), housing: housing)
}

@Suite struct HousingTests {
    static let leaseEnds: [(String, String)] = [
        ("2016-09-01", "2019-09-01"),
        // 29 February three years on is not a date: the lease ends on 28 February.
        ("2016-02-29", "2019-02-28"),
        ("2017-02-28", "2020-02-28"),
        ("2016-12-31", "2019-12-31"),
        ("2016-03-01", "2019-03-01"),
    ]

    @Test("A municipal lease ends three years after it starts unless told otherwise", arguments: leaseEnds)
    func leaseEndDefault(start: String, end: String) throws {
        #expect(HousingUnit.defaultLeaseEnd(from: day(start)) == day(end))
        let checked = try HousingUnit.checked(unit("u", "alna", kind: .municipalLeased, from: start)).get()
        #expect(checked.leaseEnd == day(end))
    }

    @Test func aGivenLeaseEndIsKeptAndOnlyAMunicipalLeaseHasOne() throws {
        let given = try HousingUnit.checked(unit("u", "alna", kind: .municipalLeased, leaseEnd: "2017-06-30")).get()
        #expect(given.leaseEnd == day("2017-06-30"))
        #expect(try HousingUnit.checked(unit("u", "alna", kind: .private)).get().leaseEnd == nil)

        let refused: [(HousingUnit, String)] = [
            (unit("u", "alna", kind: .municipalOwned, leaseEnd: "2018-01-01"), "lease_end"),
            (unit("u", "alna", kind: .municipalLeased, leaseEnd: "2016-01-01"), "lease_end"),
            (unit("u", "alna", rooms: 0), "rooms"),
            (unit("u", "alna", rooms: 21), "rooms"),
        ]
        for (candidate, field) in refused {
            guard case .failure(let problem) = HousingUnit.checked(candidate) else {
                Issue.record("\(candidate) was accepted")
                continue
            }
            #expect(problem.field == field)
        }
        var sized = unit("u", "alna")
        for size in [0.0, -3, 1001] {
            sized.size = size
            guard case .failure(let problem) = HousingUnit.checked(sized) else { Issue.record("size \(size)"); continue }
            #expect(problem.field == "size")
        }
        sized.size = 54.5
        sized.note = "  \n "
        #expect(try HousingUnit.checked(sized).get().note == nil)
    }

    @Test func aUnitIsFreeWhenUnassignedAvailableAndItsLeaseRuns() {
        let today = day("2016-09-01")
        #expect(unit("a", "alna").isFree(on: today))
        #expect(!unit("a", "alna", assigned: 3).isFree(on: today))
        #expect(!unit("a", "alna", from: "2016-09-02").isFree(on: today))
        #expect(unit("a", "alna", from: "2016-09-01").isFree(on: today))
        #expect(!unit("a", "alna", kind: .municipalLeased, leaseEnd: "2016-09-01").isFree(on: today))
    }

    @Test func theMismatchShowsFreeHomesBesideHouseholdsWaiting() {
        let units = [
            unit("vestre-1", "vestre-aker"), unit("vestre-2", "vestre-aker", rooms: 4),
            unit("alna-1", "alna", assigned: 2),  // reserved for case 2
            unit("ullern-1", "ullern", from: "2016-10-01"),  // coming
            unit("stovner-1", "stovner"),
        ]
        let cases = [
            waiting(1, "alna", .consented, persons: 5),
            waiting(2, "alna", .decided, housing: "alna-1"),  // has its home
            waiting(3, "alna", .decided, persons: 2),
            waiting(4, "ullern", .consented),
            waiting(5, "stovner", .requested),  // not consented yet: not waiting
            waiting(6, "stovner", .settled),
            waiting(7, "sagene", .consented, persons: 1),  // a district not listed
        ]
        let picture = HousingMismatch.on(
            day("2016-09-01"), districts: ["alna", "ullern", "vestre-aker", "stovner", "frogner"], units: units, cases: cases)
        #expect(picture.districts == [
            .init(district: "alna", waitingHouseholds: 2, waitingPersons: 7),
            .init(district: "ullern", comingUnits: 1, waitingHouseholds: 1, waitingPersons: 3),
            .init(district: "vestre-aker", freeUnits: 2, freeRooms: 6),
            .init(district: "stovner", freeUnits: 1, freeRooms: 2),
            .init(district: "frogner"),
            .init(district: "sagene", waitingHouseholds: 1, waitingPersons: 1),
        ])
        #expect(picture.homesWithoutHouseholds == ["vestre-aker", "stovner"])
        #expect(picture.householdsWithoutHomes == ["alna", "ullern", "sagene"])
    }

    @Test func leasesEndingWithinTheWindowComeSoonestFirstWithThoseAlreadyEnded() {
        let units = [
            unit("b", "alna", kind: .municipalLeased, leaseEnd: "2016-10-15"),
            unit("a", "alna", kind: .municipalLeased, leaseEnd: "2016-10-15"),
            unit("ended", "ullern", kind: .municipalLeased, leaseEnd: "2016-08-20"),
            unit("later", "alna", kind: .municipalLeased, leaseEnd: "2016-12-01"),
            unit("edge", "alna", kind: .municipalLeased, leaseEnd: "2016-11-30"),
            unit("owned", "alna"),
        ]
        let review = HousingLeaseReview.ending(within: 90, of: day("2016-09-01"), units: units)
        #expect(review.map(\.unit.id) == ["ended", "a", "b", "edge"])
        #expect(review.map(\.daysLeft) == [-12, 44, 44, 90])
    }
}
