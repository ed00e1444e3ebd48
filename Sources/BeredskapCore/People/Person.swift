import BeredskapJSON

/// One person the office follows (issue 12): who they are, where they stand and where they
/// live, so that no legal deadline slips for them.
///
/// Why the personal fields are one optional value (`details`): they are what an erasure takes
/// away (GDPR), while the fields aggregates count — district, category, status, year of arrival
/// — stay in the row, so the counts per district and year stay right after it.
public struct Person: Sendable, Equatable {
    public var id: Int64
    public var category: PersonCategory
    public var status: PersonStatus
    /// The district the person is settled in or assigned to, once there is one.
    public var district: String?
    /// The year the person arrived in Norway: kept after an erasure, for counts per year.
    public var arrivalYear: Int?
    /// Everything that identifies the person; nil once erased.
    public var details: PersonDetails?
    /// The day the personal fields were erased.
    public var erasedOn: CalendarDate?

    public init(
        id: Int64, category: PersonCategory, status: PersonStatus, district: String?, arrivalYear: Int?,
        details: PersonDetails?, erasedOn: CalendarDate? = nil
    ) {
        self.id = id
        self.category = category
        self.status = status
        self.district = district
        self.arrivalYear = arrivalYear
        self.details = details
        self.erasedOn = erasedOn
    }

    /// A person registered or changed with `draft` (already checked with `PersonDraft.problem`).
    public init(id: Int64, draft: PersonDraft) {
        self.init(
            id: id, category: draft.category, status: draft.status ?? .asylumSeeker, district: draft.district,
            arrivalYear: draft.arrivedNorway?.year, details: PersonDetails(draft))
    }

    /// The fields a change can set, as they are now; nil once erased (nothing can be changed).
    public var draft: PersonDraft? {
        details.map { details in
            PersonDraft(
                duf: details.duf, givenName: details.givenName, familyName: details.familyName, birth: details.birth,
                sex: details.sex, nationality: details.nationality, languages: details.languages, household: details.household,
                category: category, status: status, arrivedNorway: details.arrivedNorway, arrivedCity: details.arrivedCity,
                facility: details.facility, unaccompanied: details.unaccompanied, vulnerabilities: details.vulnerabilities,
                district: district)
        }
    }

    /// What the deadline rules read: the person's facts with `milestones`. The arrival dates
    /// of the person count as the `arrived_norway` and `arrived_municipality` milestones unless
    /// those are recorded themselves. Nil once erased: an erased person has no deadlines.
    public func facts(milestones: [Milestone: CalendarDate]) -> PersonFacts? {
        guard let details else { return nil }
        var dates = milestones
        if dates[.arrivedNorway] == nil, let arrived = details.arrivedNorway { dates[.arrivedNorway] = arrived }
        if dates[.arrivedMunicipality] == nil, let arrived = details.arrivedCity { dates[.arrivedMunicipality] = arrived }
        return PersonFacts(
            birth: details.birth, unaccompanied: details.unaccompanied, disability: details.vulnerabilities.contains(.disability),
            milestones: MilestoneTimes(dates.mapValues { MilestoneTime(date: $0) }))
    }
}

/// What identifies a person and what an erasure removes.
public struct PersonDetails: Sendable, Equatable {
    public var duf: DUFNumber
    public var givenName: String
    public var familyName: String
    public var birth: PersonBirth
    public var sex: PersonSex
    /// ISO 3166-1 alpha-2 country code (`SY`), or nil when stateless or unknown.
    public var nationality: String?
    /// ISO 639 codes (`ar`, `ti`), in the order given.
    public var languages: [String]
    /// A household id: persons who share it are one household.
    public var household: String?
    public var arrivedNorway: CalendarDate?
    public var arrivedCity: CalendarDate?
    /// The facility the person lives in: a change of it is a flow in the head counts (`PersonMove`).
    public var facility: String?
    public var unaccompanied: Bool
    /// Sorted, each once.
    public var vulnerabilities: [Vulnerability]

    public init(_ draft: PersonDraft) {
        duf = draft.duf
        givenName = draft.givenName
        familyName = draft.familyName
        birth = draft.birth
        sex = draft.sex
        nationality = draft.nationality
        languages = draft.languages ?? []
        household = draft.household
        arrivedNorway = draft.arrivedNorway
        arrivedCity = draft.arrivedCity
        facility = draft.facility
        unaccompanied = draft.unaccompanied ?? false
        vulnerabilities = Vulnerability.allCases.filter { (draft.vulnerabilities ?? []).contains($0) }
    }
}

/// As UDI records it.
public enum PersonSex: String, JSONStringEnum {
    case female, male, unknown
}

/// How the person came to Norway.
public enum PersonCategory: String, JSONStringEnum {
    case asylumSeeker, resettlement, familyReunification, other
}

/// Where the person's case stands.
public enum PersonStatus: String, JSONStringEnum {
    case asylumSeeker, residenceGranted, refused, settled, departed
}

/// Needs the office must plan for (special-category data: shown to `cases` only).
public enum Vulnerability: String, JSONStringEnum {
    case health, disability, womenAtRisk, lgbt, trauma, other
}
