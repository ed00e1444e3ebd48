/// A milestone as recorded for one person: its day (after corrections), the note it came
/// with, and every correction, so that a changed date is never silent.
public struct PersonMilestone: Sendable, Equatable, Codable {
    /// A date changed after it was recorded, and why (the reason is personal data: erased
    /// with the person, while the dates stay for the deadline counts).
    public struct Correction: Sendable, Equatable, Codable {
        public var from: CalendarDate
        public var to: CalendarDate
        public var reason: String?
        public var at: Timestamp

        public init(from: CalendarDate, to: CalendarDate, reason: String?, at: Timestamp) {
            self.from = from
            self.to = to
            self.reason = reason
            self.at = at
        }
    }

    public static let maximumTextLength = 2000

    public var milestone: Milestone
    public var date: CalendarDate
    public var note: String?
    public var corrections: [Correction]

    public init(milestone: Milestone, date: CalendarDate, note: String? = nil, corrections: [Correction] = []) {
        self.milestone = milestone
        self.date = date
        self.note = note
        self.corrections = corrections
    }
}
