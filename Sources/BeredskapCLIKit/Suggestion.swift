/// "Did you mean …?" for a mistyped command or option name, a value of a fixed set, or an id.
///
/// Operators type fast under pressure; pointing at the intended name is cheaper than making
/// them read the whole help. The distance is optimal string alignment (Levenshtein plus
/// adjacent transposition, so "lgo" is one edit from "log"), case-insensitive.
public enum Suggestion {
    /// The largest number of edits still worth suggesting.
    static let maximumDistance = 2

    /// The candidate closest to `typed`, if it is at most `maximumDistance` edits away and
    /// closer than the typed word's own length (so "xy" does not suggest "ls": that is a
    /// replacement, not a typo). Ties go to the earlier candidate, i.e. declaration order.
    public static func closest(to typed: String, among candidates: [String]) -> String? {
        let typedCharacters = Array(typed.lowercased())
        var best: String?
        var bestDistance = Int.max
        for candidate in candidates {
            let distance = editDistance(typedCharacters, Array(candidate.lowercased()))
            if distance <= maximumDistance, distance < typedCharacters.count, distance < bestDistance {
                best = candidate
                bestDistance = distance
            }
        }
        return best
    }

    /// For an id the daemon does not know: the closest candidate, or else the only one that
    /// starts with what was typed (`nordre` for `nordre-aker`), which a distance of two edits
    /// would not reach. Nil when the typed id is itself a candidate.
    public static func likelyID(for typed: String, among candidates: [String]) -> String? {
        guard !candidates.contains(typed) else { return nil }
        if let close = closest(to: typed, among: candidates) { return close }
        let lowered = typed.lowercased()
        let extensions = candidates.filter { $0.lowercased().hasPrefix(lowered) }
        return lowered.count >= 3 && extensions.count == 1 ? extensions[0] : nil
    }

    /// Optimal string alignment distance between two character sequences.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // d[i][j]: distance between the first i characters of a and the first j of b.
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, d[i - 2][j - 2] + 1)
                }
                d[i][j] = value
            }
        }
        return d[a.count][b.count]
    }
}
