/// Which status a person can move to from the one they have: the order of a case.
///
/// Why rules at all: a status set by a slip (an asylum seeker marked `settled`) makes every
/// count per district and every deadline that starts at settlement wrong without anyone
/// noticing. A change outside these steps is refused unless the caseworker says it corrects a
/// mistake (`force`), so the mistake is visible in the event log as a correction.
extension PersonStatus {
    /// The statuses a person with this one can be given next.
    public var next: [PersonStatus] {
        switch self {
        case .asylumSeeker: [.residenceGranted, .refused, .departed]
        // A residence permit is followed by settlement, or by leaving.
        case .residenceGranted: [.settled, .departed]
        // A refusal can be reversed on appeal.
        case .refused: [.residenceGranted, .departed]
        case .settled: [.departed]
        // Someone who left may come back and apply again.
        case .departed: [.asylumSeeker]
        }
    }

    /// Whether a change from this status to `other` follows the order of a case (no change
    /// always does).
    public func canChange(to other: PersonStatus) -> Bool {
        other == self || next.contains(other)
    }
}
