/// The events of housing units (`housing.*`). The unit's note is in its row, never here;
/// assignments to cases are the cases' events (`case.housing_assigned`, `case.housing_released`).
public enum HousingEvents {
    public static let unitSet = EventType<UnitSet>(.housing, "unit_set")

    public static let all: [EventKind] = [unitSet.kind]

    /// `housing.unit_set`: a unit declared or changed (`PUT /v1/housing/{id}`).
    public struct UnitSet: EventPayload, Equatable {
        public var id: String
        public var district: String
        public var kind: HousingKind
        public var rooms: Int
        public var size: Double?
        public var accessible: Bool
        public var availableFrom: CalendarDate
        public var leaseEnd: CalendarDate?

        public static var identifiers: Set<String> { ["id", "district"] }

        public init(_ unit: HousingUnit) {
            id = unit.id
            district = unit.district
            kind = unit.kind
            rooms = unit.rooms
            size = unit.size
            accessible = unit.accessible
            availableFrom = unit.availableFrom
            leaseEnd = unit.leaseEnd
        }
    }
}
