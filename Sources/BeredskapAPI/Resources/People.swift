import BeredskapCore
import BeredskapJSON

/// `PATCH /v1/persons/{id}`: any of `PersonDraft`'s fields, laid over the current ones
/// (`null` clears an optional field). Kept as JSON so that a field given as `null` and one
/// left out stay apart.
public struct PersonChange: Sendable, Codable, Equatable {
    public var fields: JSONObject

    public init(_ fields: JSONObject) { self.fields = fields }

    public init(from decoder: any Decoder) throws {
        guard case .object(let fields) = try JSONValue(from: decoder) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "expected a JSON object"))
        }
        self.fields = fields
    }

    public func encode(to encoder: any Encoder) throws { try JSONValue.object(fields).encode(to: encoder) }
}

/// `POST /v1/persons/{id}/milestones`.
public struct NewMilestone: Sendable, Codable, Equatable {
    public var milestone: Milestone
    /// Default today (the daemon's time zone).
    public var date: CalendarDate?
    public var note: String?

    public init(milestone: Milestone, date: CalendarDate? = nil, note: String? = nil) {
        self.milestone = milestone
        self.date = date
        self.note = note
    }
}

/// `POST /v1/persons/{id}/milestones/{milestone}/correct`: the right date, and why.
public struct MilestoneCorrection: Sendable, Codable, Equatable {
    public var date: CalendarDate
    public var reason: String

    public init(date: CalendarDate, reason: String) {
        self.date = date
        self.reason = reason
    }
}

/// `DELETE /v1/persons/{id}`: why the person's data is erased.
public struct PersonErasure: Sendable, Codable, Equatable {
    public var reason: String

    public init(reason: String) { self.reason = reason }
}

/// One rule's deadline for a person today.
public struct PersonDeadline: Sendable, Codable, Equatable {
    public var rule: String
    public var state: DeadlineState
    @NullEncoded public var dueDate: CalendarDate?
    public var late: Bool

    public init(rule: String, state: DeadlineState, dueDate: CalendarDate?, late: Bool) {
        self.rule = rule
        self.state = state
        self.dueDate = dueDate
        self.late = late
    }
}

/// A person as the API shows it: the fields (flat, those of `PersonDraft`, absent once
/// erased), `erased`, and in a single person's answers its milestones and deadlines.
public struct PersonResource: Sendable, Codable, Equatable {
    public var id: Int64
    public var category: PersonCategory
    public var status: PersonStatus
    @NullEncoded public var district: String?
    @NullEncoded public var arrivalYear: Int?
    public var erased: Bool
    public var erasedOn: CalendarDate?
    /// The personal fields; nil once erased.
    public var details: PersonDraft?
    public var milestones: [PersonMilestone]?
    public var deadlines: [PersonDeadline]?

    public init(_ person: Person, milestones: [PersonMilestone]? = nil, deadlines: [PersonDeadline]? = nil) {
        id = person.id
        category = person.category
        status = person.status
        district = person.district
        arrivalYear = person.arrivalYear
        erased = person.details == nil
        erasedOn = person.erasedOn
        details = person.draft
        self.milestones = milestones
        self.deadlines = deadlines
    }

    private enum CodingKeys: String, CodingKey {
        case id, category, status, district, arrivalYear, erased, erasedOn, milestones, deadlines
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int64.self, forKey: .id)
        category = try container.decode(PersonCategory.self, forKey: .category)
        status = try container.decode(PersonStatus.self, forKey: .status)
        district = try container.decodeIfPresent(String.self, forKey: .district)
        arrivalYear = try container.decodeIfPresent(Int.self, forKey: .arrivalYear)
        erased = try container.decode(Bool.self, forKey: .erased)
        erasedOn = try container.decodeIfPresent(CalendarDate.self, forKey: .erasedOn)
        details = erased ? nil : try PersonDraft(from: decoder)
        milestones = try container.decodeIfPresent([PersonMilestone].self, forKey: .milestones)
        deadlines = try container.decodeIfPresent([PersonDeadline].self, forKey: .deadlines)
    }

    /// `id`, `category` and `status` first, so that every answer about a person begins
    /// `{"id":N,"category":` — how an erasure finds the stored replies that held the person
    /// (`WriteTransaction.erasePerson`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(category, forKey: .category)
        try container.encode(status, forKey: .status)
        try details?.encode(to: encoder)
        try container.encode(_district, forKey: .district)
        try container.encode(_arrivalYear, forKey: .arrivalYear)
        try container.encode(erased, forKey: .erased)
        try container.encodeIfPresent(erasedOn, forKey: .erasedOn)
        try container.encodeIfPresent(milestones, forKey: .milestones)
        try container.encodeIfPresent(deadlines, forKey: .deadlines)
    }
}

/// `GET /v1/persons`: persons by id, without milestones.
public struct PersonList: Sendable, Codable, Equatable {
    public var persons: [PersonResource]

    public init(persons: [PersonResource]) { self.persons = persons }
}

/// One recorded read of a person: who, when, through which route.
public struct PersonRead: Sendable, Codable, Equatable {
    public var at: Timestamp
    public var user: String
    public var uid: UInt32?
    public var route: String

    public init(at: Timestamp, user: String, uid: UInt32?, route: String) {
        self.at = at
        self.user = user
        self.uid = uid
        self.route = route
    }
}

/// `GET /v1/persons/{id}/export` (GDPR access): everything held on the person — the fields,
/// milestones with their corrections, deadlines, the disability-grant application — and
/// every recorded read of them, this one included.
public struct PersonExport: Sendable, Codable, Equatable {
    public var person: PersonResource
    @NullEncoded public var grantApplication: GrantApplicationResource?
    public var reads: [PersonRead]
    /// An unaccompanied minor's placements (with notes), representative and choice at 18.
    public var minor: MinorCase?
    /// The person's introduction programme with its notes; null when none was started.
    @NullEncoded public var intro: IntroResource?

    public init(
        person: PersonResource, reads: [PersonRead], minor: MinorCase? = nil, grantApplication: GrantApplicationResource? = nil,
        intro: IntroResource? = nil
    ) {
        self.person = person
        self.grantApplication = grantApplication
        self.reads = reads
        self.minor = minor
        self.intro = intro
    }
}

/// `POST /v1/imports/persons`: rows as for `POST /v1/persons`, all or nothing.
public struct PersonImport: Sendable, Codable, Equatable {
    public var rows: [PersonDraft]

    public init(rows: [PersonDraft]) { self.rows = rows }
}
