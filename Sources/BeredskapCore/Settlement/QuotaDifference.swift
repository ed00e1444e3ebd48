/// A proposed split (an allocation preview during the year) against the quotas in force: what
/// would change for each district, so a re-allocation can be explained before it is adopted.
public struct QuotaDifference: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var district: String
        /// nil when the district has no adopted quota.
        public var adopted: Int?
        /// nil when the proposal leaves the district out.
        public var proposed: Int?
        /// proposed − adopted, counting a missing side as 0.
        public var change: Int

        public init(district: String, adopted: Int?, proposed: Int?, change: Int) {
            self.district = district
            self.adopted = adopted
            self.proposed = proposed
            self.change = change
        }
    }

    /// One row per district in either set, in the order of `districts` (ids), then any others by id.
    public var rows: [Row]
    public var adoptedTotal: Int
    public var proposedTotal: Int
    public var change: Int { proposedTotal - adoptedTotal }

    public init(adopted: [String: Int], proposed: [String: Int], districts: [String]) {
        let known = Set(districts)
        let others = Set(adopted.keys).union(proposed.keys).subtracting(known).sorted()
        rows = (districts + others).compactMap { district in
            let old = adopted[district], new = proposed[district]
            guard old != nil || new != nil else { return nil }
            return Row(district: district, adopted: old, proposed: new, change: (new ?? 0) - (old ?? 0))
        }
        adoptedTotal = adopted.values.reduce(0, +)
        proposedTotal = proposed.values.reduce(0, +)
    }

    /// The districts whose quota would change.
    public var changed: [Row] { rows.filter { $0.change != 0 } }
}
