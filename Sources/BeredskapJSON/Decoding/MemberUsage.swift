/// Which members of one object a keyed container asked for.
///
/// Members present in the object are ticked off by position, so checking that all were
/// asked for costs no string comparisons; the names asked for (present or not) are kept
/// for the error message.
final class MemberUsage {
    let decoder: DecoderImpl
    private(set) var askedNames: [String] = []
    private let memberCount: Int
    private var unseenCount: Int
    /// Positions 0..<64, one bit each: enough for any object a type declares.
    private var seenLow: UInt64 = 0
    /// Positions from 64 on, allocated only for larger objects.
    private var seenHigh: [Bool] = []

    init(decoder: DecoderImpl, memberCount: Int) {
        self.decoder = decoder
        self.memberCount = memberCount
        self.unseenCount = memberCount
    }

    var isComplete: Bool { unseenCount == 0 }

    /// Records a request for `name`, which sits at `position` in the object (nil: absent).
    func markAsked(_ name: String, at position: Int?) {
        if askedNames.isEmpty {
            askedNames.reserveCapacity(8)
        }
        askedNames.append(name)
        if let position {
            tick(position)
        }
    }

    private func tick(_ position: Int) {
        if position < 64 {
            let bit: UInt64 = 1 << UInt64(position)
            guard seenLow & bit == 0 else {
                return
            }
            seenLow |= bit
        } else {
            if seenHigh.isEmpty {
                seenHigh = Array(repeating: false, count: memberCount - 64)
            }
            guard !seenHigh[position - 64] else {
                return
            }
            seenHigh[position - 64] = true
        }
        unseenCount -= 1
    }
}
