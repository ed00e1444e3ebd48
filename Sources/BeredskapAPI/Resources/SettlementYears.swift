import BeredskapCore
import BeredskapJSON

/// `PUT /v1/settlement/years/{year}`: the year's numbers; a field left out is unknown.
public struct SettlementYearBody: Sendable, Codable, Equatable {
    public var imdiRequest: Int?
    public var imdiRequestMinors: Int?
    public var councilDecision: Int?
    public var councilDecisionMinors: Int?
    /// The source or a qualification; kept with the year, not in its event.
    public var note: String?

    public init(
        imdiRequest: Int? = nil, imdiRequestMinors: Int? = nil, councilDecision: Int? = nil, councilDecisionMinors: Int? = nil,
        note: String? = nil
    ) {
        self.imdiRequest = imdiRequest
        self.imdiRequestMinors = imdiRequestMinors
        self.councilDecision = councilDecision
        self.councilDecisionMinors = councilDecisionMinors
        self.note = note
    }
}

/// A settlement year as the API shows it: its numbers and `difference` (decision − request).
public struct SettlementYearResource: Sendable, Codable, Equatable {
    public var year: Int
    public var imdiRequest: Int?
    public var imdiRequestMinors: Int?
    public var councilDecision: Int?
    public var councilDecisionMinors: Int?
    public var difference: Int?
    public var note: String?

    public init(_ year: SettlementYear) {
        self.year = year.year
        imdiRequest = year.imdiRequest
        imdiRequestMinors = year.imdiRequestMinors
        councilDecision = year.councilDecision
        councilDecisionMinors = year.councilDecisionMinors
        difference = year.difference
        note = year.note
    }
}

/// `GET /v1/settlement/years`, oldest first.
public struct SettlementYearList: Sendable, Codable, Equatable {
    public var years: [SettlementYearResource]

    public init(years: [SettlementYearResource]) { self.years = years }
}

/// A year after `PUT`: its fields, `changed` and `event_seq` (flat, as a district's).
public struct SettlementYearChanged: FlatChange, Equatable {
    public var year: SettlementYearResource
    public var changed: Bool
    public var eventSeq: Int64

    public init(year: SettlementYearResource, changed: Bool, eventSeq: Int64) {
        self.year = year
        self.changed = changed
        self.eventSeq = eventSeq
    }

    public init(resource: SettlementYearResource, changed: Bool, eventSeq: Int64) {
        self.init(year: resource, changed: changed, eventSeq: eventSeq)
    }

    public var resource: SettlementYearResource { year }
}
