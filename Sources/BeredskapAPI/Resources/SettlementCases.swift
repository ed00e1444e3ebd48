import BeredskapCore

/// `POST /v1/settlement/cases`: a household IMDi asks a district to settle.
public struct NewSettlementCase: Sendable, Codable, Equatable {
    public var district: String
    public var mode: SettlementMode
    public var householdSize: Int
    public var unaccompaniedMinors: Int?
    /// The day IMDi asked; default today (the daemon's time zone).
    public var requestedOn: CalendarDate?
    /// The settlement year it counts towards; default the request date's year.
    public var year: Int?
    /// IMDi's reference (person data).
    public var reference: String?
    /// Names and notes (person data).
    public var note: String?

    public init(
        district: String, mode: SettlementMode, householdSize: Int, unaccompaniedMinors: Int? = nil,
        requestedOn: CalendarDate? = nil, year: Int? = nil, reference: String? = nil, note: String? = nil
    ) {
        self.district = district
        self.mode = mode
        self.householdSize = householdSize
        self.unaccompaniedMinors = unaccompaniedMinors
        self.requestedOn = requestedOn
        self.year = year
        self.reference = reference
        self.note = note
    }
}

/// `POST /v1/settlement/cases/{id}/{consent|decline|decide|settle|withdraw}`: when it happened
/// (default today), the planned date (`decide` only, required there) and the reason (`decline`
/// and `withdraw` only, required there; person data).
public struct SettlementCaseStep: Sendable, Codable, Equatable {
    public var date: CalendarDate?
    public var planned: CalendarDate?
    public var reason: String?

    public init(date: CalendarDate? = nil, planned: CalendarDate? = nil, reason: String? = nil) {
        self.date = date
        self.planned = planned
        self.reason = reason
    }
}

/// A case as the API shows it: its fields (flat), what may be done next, and `person` only in
/// `GET /v1/settlement/cases/{id}` (a recorded read).
public struct SettlementCaseResource: Sendable, Codable, Equatable {
    public var settlementCase: SettlementCase
    /// What may be done next (`consent`, `decline`, …).
    public var allowed: [SettlementCaseAction]
    public var person: SettlementCasePersonData?

    public init(_ settlementCase: SettlementCase, person: SettlementCasePersonData? = nil) {
        self.settlementCase = settlementCase
        allowed = settlementCase.state.allowedActions
        self.person = person
    }

    private enum CodingKeys: String, CodingKey { case allowed, person }

    public init(from decoder: any Decoder) throws {
        settlementCase = try SettlementCase(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        allowed = try container.decode([SettlementCaseAction].self, forKey: .allowed)
        person = try container.decodeIfPresent(SettlementCasePersonData.self, forKey: .person)
    }

    public func encode(to encoder: any Encoder) throws {
        try settlementCase.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(allowed, forKey: .allowed)
        try container.encodeIfPresent(person, forKey: .person)
    }
}

/// `GET /v1/settlement/cases`: the cases without their person data, by id.
public struct SettlementCaseList: Sendable, Codable, Equatable {
    public var cases: [SettlementCaseResource]

    public init(cases: [SettlementCaseResource]) { self.cases = cases }
}

/// `GET /v1/settlement/case-summary`: how many cases, and people in them, per district and
/// state — no persons, for `read`.
public struct SettlementCaseSummary: Sendable, Codable, Equatable {
    public struct Row: Sendable, Codable, Equatable {
        /// A district id, or `city` for the total.
        public var district: String
        /// Cases by state (every state present).
        public var cases: [String: Int]
        /// People (household sizes summed) by state.
        public var persons: [String: Int]

        public init(district: String, cases: [String: Int], persons: [String: Int]) {
            self.district = district
            self.cases = cases
            self.persons = persons
        }
    }

    public var year: Int?
    public var districts: [Row]
    public var total: Row

    public init(year: Int?, districts: [Row], total: Row) {
        self.year = year
        self.districts = districts
        self.total = total
    }
}
