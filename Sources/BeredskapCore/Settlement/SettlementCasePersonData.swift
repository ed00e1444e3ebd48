/// What people wrote about a settlement case: IMDi's reference, names and notes, why the
/// district declined or the case was withdrawn.
///
/// Why apart from the case: it is person data. It is shown only to `cases`, each read of it is
/// recorded, it never goes into an event, and it lives in its own row so that it can be
/// erased while the case (district, dates, household size) keeps counting.
public struct SettlementCasePersonData: Sendable, Equatable, Codable {
    public static let maximumReferenceLength = 100
    public static let maximumTextLength = 2000

    /// IMDi's case reference.
    public var reference: String?
    /// Names and notes, as the caseworker wrote them.
    public var note: String?
    public var declineReason: String?
    public var withdrawReason: String?

    public init(reference: String? = nil, note: String? = nil, declineReason: String? = nil, withdrawReason: String? = nil) {
        self.reference = reference
        self.note = note
        self.declineReason = declineReason
        self.withdrawReason = withdrawReason
    }
}
