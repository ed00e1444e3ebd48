/// One year of settlement numbers: what IMDi asked the city to settle and what the city council
/// decided, each with the unaccompanied minors' part of it. The council's decision is the
/// number the districts' quotas are split from.
public struct SettlementYear: Sendable, Equatable, Codable {
    public var year: Int
    public var imdiRequest: Int?
    public var imdiRequestMinors: Int?
    public var councilDecision: Int?
    public var councilDecisionMinors: Int?
    /// Where the figures come from, or what qualifies them ("IMDi's hint, autumn 2015"). Kept
    /// in the row, never in the event.
    public var note: String?

    public init(
        year: Int, imdiRequest: Int? = nil, imdiRequestMinors: Int? = nil, councilDecision: Int? = nil,
        councilDecisionMinors: Int? = nil, note: String? = nil
    ) {
        self.year = year
        self.imdiRequest = imdiRequest
        self.imdiRequestMinors = imdiRequestMinors
        self.councilDecision = councilDecision
        self.councilDecisionMinors = councilDecisionMinors
        self.note = note
    }

    /// Years the API accepts.
    public static let years = 1990...2200
    /// More than any Norwegian municipality has been asked to settle in a year, by far.
    public static let maximumCount = 100_000
    public static let maximumNoteLength = 500

    /// Decision less request, when both are known: negative when the council decided fewer.
    public var difference: Int? {
        guard let imdiRequest, let councilDecision else { return nil }
        return councilDecision - imdiRequest
    }

    /// The first thing wrong with the numbers, named by its field in `PUT …/years/{year}`.
    public func problem() -> FieldProblem? {
        guard Self.years.contains(year) else {
            return FieldProblem("year", Text(
                "expected a year between \(Self.years.lowerBound) and \(Self.years.upperBound)",
                nb: "forventet et år mellom \(Self.years.lowerBound) og \(Self.years.upperBound)"))
        }
        let counts: [(String, Int?)] = [
            ("imdi_request", imdiRequest), ("imdi_request_minors", imdiRequestMinors), ("council_decision", councilDecision),
            ("council_decision_minors", councilDecisionMinors),
        ]
        for (field, count) in counts {
            if let count, !(0...Self.maximumCount).contains(count) {
                return FieldProblem(field, Text(
                    "expected an integer between 0 and \(Self.maximumCount)", nb: "forventet et heltall mellom 0 og \(Self.maximumCount)"))
            }
        }
        for (field, minors, total) in [
            ("imdi_request_minors", imdiRequestMinors, imdiRequest), ("council_decision_minors", councilDecisionMinors, councilDecision),
        ] {
            if let minors, let total, minors > total {
                return FieldProblem(field, Text(
                    "the minors (\(minors)) cannot be more than the whole number (\(total))",
                    nb: "de enslige mindreårige (\(minors)) kan ikke være flere enn hele tallet (\(total))"))
            }
        }
        if let note, note.count > Self.maximumNoteLength {
            return FieldProblem("note", Text(
                "at most \(Self.maximumNoteLength) characters", nb: "høyst \(Self.maximumNoteLength) tegn"))
        }
        return nil
    }
}

/// The events of settlement years. What people write with a year (its note) is in the
/// `settlement_years` row; the event carries the numbers.
public enum SettlementYearEvents {
    public static let yearSet = EventType<YearSet>(.settlement, "year_set")

    public static let all: [EventKind] = [yearSet.kind]

    /// A year's numbers as stored; the note is in the row `year`.
    public struct YearSet: EventPayload, Equatable {
        public var year: Int
        public var imdiRequest: Int?
        public var imdiRequestMinors: Int?
        public var councilDecision: Int?
        public var councilDecisionMinors: Int?

        public init(_ year: SettlementYear) {
            self.year = year.year
            imdiRequest = year.imdiRequest
            imdiRequestMinors = year.imdiRequestMinors
            councilDecision = year.councilDecision
            councilDecisionMinors = year.councilDecisionMinors
        }
    }
}
