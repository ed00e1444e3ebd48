/// What placements cost in one year, per district and placement type: the sums the office
/// compares between districts (the strategy warns that a district specialising in costly
/// placement types carries more of the cost than others). Counts and money only.
public struct PlacementCostRow: Sendable, Equatable, Codable {
    /// The district that carried the placement; nil for one made before the person had one.
    public var district: String?
    public var type: PlacementType
    /// Placements that ran on at least one day of the year.
    public var placements: Int
    /// Whole NOK, each placement prorated by its days in the year.
    public var cost: Int64

    public init(district: String?, type: PlacementType, placements: Int, cost: Int64) {
        self.district = district
        self.type = type
        self.placements = placements
        self.cost = cost
    }

    /// The rows of `year` for `placements`, by district (none last) and then in the order of
    /// `PlacementType`; a district and type without a placement that year has no row.
    public static func rows(_ placements: [Placement], year: Int) -> [PlacementCostRow] {
        var rows: [PlacementCostRow] = []
        for placement in placements where placement.daysIn(year) > 0 {
            let cost = placement.cost(in: year)
            if let index = rows.firstIndex(where: { $0.district == placement.district && $0.type == placement.type }) {
                rows[index].placements += 1
                rows[index].cost += cost
            } else {
                rows.append(PlacementCostRow(district: placement.district, type: placement.type, placements: 1, cost: cost))
            }
        }
        let order = Dictionary(uniqueKeysWithValues: PlacementType.allCases.enumerated().map { ($1, $0) })
        return rows.sorted { lhs, rhs in
            if lhs.district != rhs.district { return (lhs.district ?? "~") < (rhs.district ?? "~") }
            return order[lhs.type, default: 0] < order[rhs.type, default: 0]
        }
    }
}
