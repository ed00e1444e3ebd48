/// The largest-remainder (Hamilton) method: whole seats that sum exactly to the total.
///
/// Each claimant first gets the whole part of its exact quota (share × total); the seats left
/// over go one each to the largest fractional remainders. Ties are broken deterministically:
/// on equal remainders the larger exact quota first, then the claimant that comes first in the
/// given order (the caller passes districts in number order, so the lower district number).
///
/// Why exact quotas are rounded to a billionth of a seat first: the shares come from floating
/// point sums, and two districts whose quotas are equal on paper could otherwise differ in the
/// last bit depending on the order weights were added or how they were scaled. Rounding makes
/// such districts tie exactly, so the documented tie rule — not rounding noise — decides, and
/// everything after it is integer arithmetic.
public enum LargestRemainder {
    /// Units of a seat the exact quotas are rounded to.
    public static let unitsPerSeat: Int64 = 1_000_000_000

    /// The largest total the method accepts: exact quotas in units stay far below 2^53.
    public static let maximumTotal = 1_000_000

    /// An exact quota rounded to `unitsPerSeat`, in units.
    public static func units(share: Double, total: Int) -> Int64 {
        Int64((share * Double(total) * Double(unitsPerSeat)).rounded())
    }

    /// Seats for each claimant, in the order given. `exactUnits` are the exact quotas in
    /// units (`units(share:total:)`); the result sums to `total` whenever there is a claimant.
    public static func apportion(total: Int, exactUnits: [Int64]) -> [Int] {
        guard !exactUnits.isEmpty else { return [] }
        var seats = exactUnits.map { Int(max(0, $0) / unitsPerSeat) }
        let remainders = exactUnits.map { max(0, $0) % unitsPerSeat }
        let order = exactUnits.indices.sorted { a, b in
            if remainders[a] != remainders[b] { return remainders[a] > remainders[b] }
            if exactUnits[a] != exactUnits[b] { return exactUnits[a] > exactUnits[b] }
            return a < b
        }
        // The whole parts never exceed the total (each is at most its exact quota, and the
        // exact quotas are rounded by less than a seat in all), and the seats left are fewer
        // than the claimants; walking the order round again would still keep the sum exact.
        var left = total - seats.reduce(0, +)
        var position = 0
        while left > 0 {
            seats[order[position % order.count]] += 1
            left -= 1
            position += 1
        }
        return seats
    }

    /// The tie rule in words, for answers and tables.
    public static let tieBreak = Text(
        "largest remainder first; on equal remainders the larger exact share, then the lower district number",
        nb: "største rest først; ved lik rest den største eksakte andelen, deretter laveste bydelsnummer")
}
