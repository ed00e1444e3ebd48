import Testing
@testable import BeredskapCore

private func totals(_ facilities: [Facility]) -> CapacityFigures {
    var figures = CapacityFigures()
    for facility in facilities { figures.add(facility) }
    return figures
}

/// Figures written out: (facilities, capacity, blocked, available, occupied, free, over capacity, standby).
private func figures(_ values: (Int, Int, Int, Int, Int, Int, Int, Int)) -> CapacityFigures {
    var figures = CapacityFigures()
    (figures.facilities, figures.capacity, figures.blocked, figures.available) = (values.0, values.1, values.2, values.3)
    (figures.occupied, figures.free, figures.overCapacity, figures.standbyCapacity) = (values.4, values.5, values.6, values.7)
    return figures
}

private func sum(_ parts: some Sequence<CapacityFigures>) -> CapacityFigures {
    parts.reduce(CapacityFigures()) { total, part in
        figures((total.facilities + part.facilities, total.capacity + part.capacity, total.blocked + part.blocked,
                 total.available + part.available, total.occupied + part.occupied, total.free + part.free,
                 total.overCapacity + part.overCapacity, total.standbyCapacity + part.standbyCapacity))
    }
}

@Suite struct CapacityFiguresTests {
    static let byStatus: [(FacilityStatus, CapacityFigures)] = [
        (.open, figures((1, 150, 10, 140, 120, 20, 0, 30))),
        (.closing, figures((1, 150, 10, 140, 120, 20, 0, 30))),
        (.planned, figures((1, 0, 0, 0, 120, 0, 120, 180))),
        (.standby, figures((1, 0, 0, 0, 120, 0, 120, 180))),
        (.closed, figures((1, 0, 0, 0, 120, 0, 120, 0))),
    ]

    @Test("Open and closing facilities count as capacity with their expansion headroom as standby; planned and standby ones count as standby at their expansion; anyone present counts",
          arguments: byStatus)
    func countsByStatus(status: FacilityStatus, expected: CapacityFigures) {
        let mottak = facility(.ordinary, status, capacity: 150, occupied: 120, blocked: 10, expansion: 180)
        #expect(totals([mottak]) == expected)
    }

    @Test("A planned facility without expansion capacity counts its capacity as standby")
    func plannedWithoutExpansion() {
        #expect(totals([facility(.careCentre, .planned, capacity: 6)]).standbyCapacity == 6)
        #expect(totals([facility(.careCentre, .standby, capacity: 6, expansion: 6)]).standbyCapacity == 6)
    }

    @Test("Free places are summed per facility, so a full one does not borrow from a half-empty one")
    func freePerFacility() {
        let city = totals([facility(capacity: 100, occupied: 130), facility(capacity: 100, occupied: 50)])
        #expect(city == figures((2, 200, 0, 200, 180, 50, 30, 0)))
        #expect(city.utilization == 0.9)
    }

    @Test("Utilization is nil when nothing is available, and blocked places count only up to the capacity")
    func utilization() {
        #expect(totals([facility(.transit, .planned, capacity: 500)]).utilization == nil)
        let allBlocked = totals([facility(capacity: 10, occupied: 3, blocked: 15)])
        #expect(allBlocked == figures((1, 10, 10, 0, 3, 0, 3, 0)))
        #expect(allBlocked.utilization == nil)
        #expect(CapacityFigures().utilization == nil)
    }

    static let oslo = [
        facility(.transit, capacity: 250, occupied: 200, district: "sagene"),
        facility(.transit, capacity: 250, occupied: 260, district: "bjerke"),
        facility(.ordinary, capacity: 150, occupied: 100, expansion: 180, district: "sagene"),
        facility(.careCentre, .planned, capacity: 6),
    ]

    @Test("The picture splits the city by kind and by district, facilities without one under unassigned")
    func pictureSplits() {
        let picture = CapacityPicture(facilities: Self.oslo)
        #expect(picture.total == figures((4, 650, 0, 650, 560, 100, 10, 36)))
        #expect(picture.byKind == [
            .transit: figures((2, 500, 0, 500, 460, 50, 10, 0)),
            .ordinary: figures((1, 150, 0, 150, 100, 50, 0, 30)),
            .careCentre: figures((1, 0, 0, 0, 0, 0, 0, 6)),
        ])
        #expect(picture.byDistrict == [
            "sagene": figures((2, 400, 0, 400, 300, 100, 0, 30)),
            "bjerke": figures((1, 250, 0, 250, 260, 0, 10, 0)),
            CapacityPicture.noDistrict: figures((1, 0, 0, 0, 0, 0, 0, 6)),
        ])
        #expect(CapacityPicture.noDistrict == "unassigned")
    }

    @Test("A facility that is not operating has no available or free places, and anyone there is over capacity",
          arguments: [FacilityStatus.closed, .planned, .standby])
    func notOperatingHasNoPlaces(status: FacilityStatus) {
        let closed = facility(.ordinary, status, capacity: 150, occupied: 140)
        #expect(closed.available == 0)
        #expect(closed.free == 0)
        #expect(closed.utilization == nil)
        #expect(closed.isOverCapacity)
        #expect(!facility(.ordinary, status, capacity: 150).isOverCapacity)
    }

    @Test("The figures add up: available less occupied is free less over capacity, for every group")
    func figuresAddUp() {
        let city = Self.oslo + [
            facility(.emergency, .closed, capacity: 40, occupied: 4), facility(.transit, .closing, capacity: 30, occupied: 31, blocked: 5),
        ]
        let picture = CapacityPicture(facilities: city)
        for figures in [picture.total] + Array(picture.byKind.values) + Array(picture.byDistrict.values) {
            #expect(figures.available - figures.occupied == figures.free - figures.overCapacity, "\(figures)")
        }
    }

    @Test("The city total is the sum of its kinds and of its districts")
    func totalIsTheSum() {
        let picture = CapacityPicture(facilities: Self.oslo + [facility(.emergency, .closed, capacity: 40, occupied: 4)])
        #expect(sum(picture.byKind.values) == picture.total)
        #expect(sum(picture.byDistrict.values) == picture.total)
        #expect(CapacityPicture(facilities: []).total == CapacityFigures())
    }
}
