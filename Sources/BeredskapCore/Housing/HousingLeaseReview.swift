/// Municipal leases that end soon: the list the office goes through so that no home is lost
/// because a lease ran out unnoticed.
public enum HousingLeaseReview {
    /// A unit whose lease ends within the window.
    public struct Entry: Sendable, Equatable, Codable {
        public var unit: HousingUnit
        public var leaseEnd: CalendarDate
        /// Days from the date to the lease end; 0 or less when it has ended.
        public var daysLeft: Int

        public init(unit: HousingUnit, leaseEnd: CalendarDate, daysLeft: Int) {
            self.unit = unit
            self.leaseEnd = leaseEnd
            self.daysLeft = daysLeft
        }
    }

    /// Municipal leases ending on or before `date` + `days` — including those already ended,
    /// which still need a decision — soonest first, then by unit id.
    public static func ending(within days: Int, of date: CalendarDate, units: [HousingUnit]) -> [Entry] {
        let last = date.adding(days: days)
        return units.compactMap { unit -> Entry? in
            guard unit.kind == .municipalLeased, let end = unit.leaseEnd, end <= last else { return nil }
            return Entry(unit: unit, leaseEnd: end, daysLeft: Int(end.daysSinceEpoch - date.daysSinceEpoch))
        }.sorted { ($0.leaseEnd, $0.unit.id) < ($1.leaseEnd, $1.unit.id) }
    }
}
