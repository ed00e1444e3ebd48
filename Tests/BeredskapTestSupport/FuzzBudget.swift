import Foundation

/// How many inputs a fuzz test runs, and from which seed: the test's default (sized for CI's
/// budget) unless `BEREDSKAP_FUZZ_INPUTS` asks for a longer run, where every count is scaled
/// by the same factor; `BEREDSKAP_FUZZ_SEED` adds to each test's seed, for a different but
/// still reproducible sequence.
public enum FuzzBudget {
    /// The reference count the factor is taken against: `BEREDSKAP_FUZZ_INPUTS=1000000` runs
    /// each fuzz test 1000000 / 30000 ≈ 33 times its default.
    public static let reference = 30_000

    public static func inputs(default count: Int) -> Int {
        guard let asked = ProcessInfo.processInfo.environment["BEREDSKAP_FUZZ_INPUTS"].flatMap(Int.init), asked > 0 else { return count }
        return max(1, Int((Double(count) * Double(asked) / Double(reference)).rounded()))
    }

    public static func seed(_ base: UInt64) -> UInt64 {
        base &+ (ProcessInfo.processInfo.environment["BEREDSKAP_FUZZ_SEED"].flatMap(UInt64.init) ?? 0)
    }
}
