import BeredskapAPI
import BeredskapCore
import BeredskapJSON
import Testing

/// The hand-built JSON of hot replies must be exactly what `Encodable` would write.
@Suite struct JSONRepresentableTests {
    static let at = Timestamp(millisecondsSinceEpoch: 1_795_000_000_123)

    func expectSame<T: Encodable & JSONRepresentable>(_ value: T) throws {
        let viaEncoder = try JSONParser.parse(JSONValueEncoder().encodeBytes(value))
        #expect(value.jsonValue.serializedString() == viaEncoder.serializedString())
    }

    static let arrival = ArrivalRecorded(
        id: 7, facility: "refstad", count: 3, category: .minorUnder15, at: at, transferFrom: nil, occupied: 40, eventSeq: 99)

    @Test func arrivalsWithAndWithoutATransfer() throws {
        try expectSame(Self.arrival)
        var transfer = Self.arrival
        transfer.transferFrom = "torshov"
        try expectSame(transfer)
    }

    @Test func departuresWithAndWithoutTheArrivalAtTheOtherEnd() throws {
        let departure = DepartureRecorded(
            id: 2, facility: "torshov", count: 3, reason: .transferred, at: Self.at, to: "refstad", occupied: 10,
            arrival: Self.arrival, eventSeq: 100)
        try expectSame(departure)
        var plain = departure
        plain.to = nil
        plain.arrival = nil
        plain.reason = .settled
        try expectSame(plain)
    }

    @Test func headCounts() throws {
        try expectSame(OccupancyRecorded(id: 4, facility: "refstad", counted: 3, occupied: 5, previous: 9, at: Self.at, eventSeq: 3))
    }

    @Test func theCapacityPicture() throws {
        let now = Self.at
        let facilities = [
            Facility(
                id: "a", name: "A", kind: .transit, status: .open, operatorName: "X", district: "bjerke", authority: .udi,
                capacity: 300, expansionCapacity: 350, blocked: 10, occupied: 333, createdAt: now, updatedAt: now),
            Facility(
                id: "b", name: "B", kind: .emergency, status: .standby, operatorName: "Y", district: nil, authority: .municipality,
                capacity: 0, createdAt: now, updatedAt: now),
        ]
        let picture = CapacityPicture(facilities: facilities)
        let response = CapacityResponse(
            total: CapacityTotals(picture.total),
            byKind: Dictionary(uniqueKeysWithValues: picture.byKind.map { ($0.key.rawValue, CapacityTotals($0.value)) }),
            byDistrict: picture.byDistrict.mapValues(CapacityTotals.init), cap: 1000, staleFacilities: ["a"],
            overCapacityFacilities: ["a"], overCapFacilities: [], at: now)
        #expect(response.byKind["emergency"]?.utilization == nil)
        try expectSame(response)
    }
}
