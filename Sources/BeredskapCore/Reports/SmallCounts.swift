import BeredskapJSON

/// The rule for counts of people that may be published: a count from 1 to `minimum − 1` is
/// not shown, since one or two people would be the whole figure and could be recognised.
///
/// Why one rule: the intro results (`IntroShare`) and the public situation report apply it
/// alike, so "under 5" means the same everywhere. Zero is published: "nobody" is not a secret.
public enum SmallCounts {
    /// The minimum both use unless configured otherwise (`intro.minimum_participants`,
    /// `reports.public_minimum_count`).
    public static let defaultMinimum = 5

    /// True when a count of `participants` people is too small to publish (zero included;
    /// callers that publish "nobody" check for zero first).
    public static func belowMinimum(_ participants: Int, minimum: Int) -> Bool {
        participants < max(minimum, 1)
    }

    /// True when `count` people must be suppressed: from 1 to `minimum − 1`.
    public static func suppresses(_ count: Int, minimum: Int) -> Bool {
        count > 0 && belowMinimum(count, minimum: minimum)
    }
}

extension SmallCounts {
    /// The indexes of `counts` to suppress when they are shown beside their total: the small
    /// ones, and then as many of the smallest others as it takes for the suppressed to add up
    /// to zero or at least `minimum` — otherwise the total less the counts shown would give a
    /// small one away (Sagene's 3 as Oslo's 754 less Bjerke's 751).
    ///
    /// Why the smallest: they hide the least while covering; the total itself is suppressed by
    /// the caller when it is small.
    public static func suppressedIndexes(_ counts: [Int], minimum: Int) -> [Int: Suppression] {
        var hidden: [Int: Suppression] = [:]
        for index in counts.indices where suppresses(counts[index], minimum: minimum) { hidden[index] = .small }
        var sum = hidden.keys.reduce(0) { $0 + counts[$1] }
        let others = counts.indices.filter { hidden[$0] == nil && counts[$0] > 0 }.sorted { (counts[$0], $0) < (counts[$1], $1) }
        for index in others where suppresses(sum, minimum: minimum) {
            hidden[index] = .cover
            sum += counts[index]
        }
        return hidden
    }

    /// Why a count is not shown: it is small, or it covers a small one beside a total.
    public enum Suppression: String, JSONStringEnum {
        case small, cover
    }
}
