import Testing
@testable import BeredskapCore

private func forecast(_ net: [FacilityKind: Double], _ facilities: [Facility]) -> [FacilityKind: InflowForecast.Entry] {
    InflowForecast(netPerDay: net, facilities: facilities).byKind
}

@Suite struct InflowForecastTests {
    @Test("Days to full are the free places over the net inflow per day, rounded to a tenth",
          arguments: [(200, 30.0, 6.7), (100, 3, 33.3), (100, 6, 16.7), (140, 20, 7)])
    func daysToFull(free: Int, net: Double, days: Double) {
        let entry = forecast([.transit: net], [facility(.transit, capacity: 500, occupied: 500 - free)])[.transit]
        #expect(entry == .init(netPerDay: net, free: free, daysToFull: days))
    }

    @Test("The net inflow is reported to a hundredth")
    func netRounded() {
        let entry = forecast([.arrival: 10.0 / 3], [facility(.arrival, capacity: 100)])[.arrival]
        #expect(entry == .init(netPerDay: 3.33, free: 100, daysToFull: 30))
    }

    @Test("A kind that is already full, or over-full, and still filling is full in 0 days", arguments: [500, 520])
    func alreadyFull(occupied: Int) {
        let entry = forecast([.transit: 5], [facility(.transit, capacity: 500, occupied: occupied)])[.transit]
        #expect(entry == .init(netPerDay: 5, free: 0, daysToFull: 0))
    }

    @Test("A kind that is not filling has no days to full", arguments: [0.0, -2.5])
    func notFilling(net: Double) {
        let entry = forecast([.ordinary: net], [facility(.ordinary, capacity: 150, occupied: 100)])[.ordinary]
        #expect(entry == .init(netPerDay: net, free: 50, daysToFull: nil))
    }

    @Test("Only open and closing facilities give room; planned, standby and closed ones do not")
    func onlyOperatingFacilities() {
        let entry = forecast([.transit: 20], [
            facility(.transit, .open, capacity: 100, occupied: 60),
            facility(.transit, .closing, capacity: 50, occupied: 40),
            facility(.transit, .planned, capacity: 200),
            facility(.transit, .standby, capacity: 300),
            facility(.transit, .closed, capacity: 100),
        ])[.transit]
        #expect(entry == .init(netPerDay: 20, free: 50, daysToFull: 2.5))
    }

    @Test("Over-full facilities eat into the room of the others of their kind, and blocked places are no room")
    func overFullEatsRoom() {
        let entry = forecast([.transit: 10], [
            facility(.transit, capacity: 100, occupied: 130),
            facility(.transit, capacity: 100, occupied: 50, blocked: 10),
        ])[.transit]
        #expect(entry == .init(netPerDay: 10, free: 10, daysToFull: 1))
    }

    @Test("Kinds do not share room; a kind with no inflow figure is left out, one with no facilities has no room")
    func kindsAreSeparate() {
        let entries = forecast([.careCentre: 1], [facility(.ordinary, capacity: 1000), facility(.transit, capacity: 500)])
        #expect(entries == [.careCentre: .init(netPerDay: 1, free: 0, daysToFull: 0)])
    }
}
