import Foundation

/// How many rounds a fault test runs: the test's default (sized for CI's budget) unless
/// `BEREDSKAP_FAULT_ROUNDS` asks for more, and from which seed (`BEREDSKAP_FAULT_SEED` adds
/// to the test's own), so a failing round reproduces with the same kill points.
public enum FaultBudget {
    public static func rounds(default count: Int) -> Int {
        guard let asked = ProcessInfo.processInfo.environment["BEREDSKAP_FAULT_ROUNDS"].flatMap(Int.init), asked > 0 else { return count }
        return asked
    }

    public static func seed(_ base: UInt64) -> UInt64 {
        base &+ (ProcessInfo.processInfo.environment["BEREDSKAP_FAULT_SEED"].flatMap(UInt64.init) ?? 0)
    }
}
