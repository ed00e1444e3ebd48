import BeredskapJSON

/// The events of facilities, districts, and the arrivals, departures and head counts recorded
/// at facilities (with their corrections).
///
/// What people write with these — a facility's note, an arrival's note, a correction's or a
/// cap override's reason — is kept in the rows (`facilities`, `arrivals`, `record_corrections`,
/// `cap_overrides`, …), and the event names the row.
public enum CapacityEvents {
    public static let facilityCreated = EventType<FacilityDefined>(.facility, "created")
    public static let facilityUpdated = EventType<FacilityDefined>(.facility, "updated")
    /// Capacity or expansion stored above the cap with an administrator's override: the
    /// `facility_cap` rule fires on it until `capRestored`.
    public static let capBreached = EventType<CapBreached>(.facility, "cap_breached")
    public static let capRestored = EventType<CapRestored>(.facility, "cap_restored")
    public static let districtUpdated = EventType<DistrictDefined>(.district, "updated")

    public static let arrivalRecorded = EventType<ArrivalRecorded>(.arrival, "recorded")
    public static let departureRecorded = EventType<DepartureRecorded>(.departure, "recorded")
    public static let headCountReported = EventType<HeadCountReported>(.occupancy, "reported")

    public static let arrivalVoided = EventType<RecordCorrected>(.arrival, "voided")
    public static let departureVoided = EventType<RecordCorrected>(.departure, "voided")
    public static let headCountVoided = EventType<RecordCorrected>(.occupancy, "voided")
    public static let arrivalAmended = EventType<RecordCorrected>(.arrival, "amended")
    public static let departureAmended = EventType<RecordCorrected>(.departure, "amended")
    public static let headCountAmended = EventType<RecordCorrected>(.occupancy, "amended")

    public static let all: [EventKind] = [
        facilityCreated.kind, facilityUpdated.kind, capBreached.kind, capRestored.kind, districtUpdated.kind,
        arrivalRecorded.kind, departureRecorded.kind, headCountReported.kind,
    ] + corrections

    /// Voids and amendments: like the records, they change a facility's figures.
    public static let corrections: [EventKind] = [
        arrivalVoided.kind, departureVoided.kind, headCountVoided.kind, arrivalAmended.kind, departureAmended.kind,
        headCountAmended.kind,
    ]

    /// Every event that changes a facility's figures (its definition, occupancy or places).
    public static let changingFigures: Set<EventKind> = Set(
        [facilityCreated.kind, facilityUpdated.kind, capBreached.kind, capRestored.kind, arrivalRecorded.kind,
         departureRecorded.kind, headCountReported.kind] + corrections)

    /// A facility as declared: `facility.created`, and `facility.updated` with the fields that changed.
    public struct FacilityDefined: EventPayload, Equatable {
        public var name: String
        public var kind: FacilityKind
        public var status: FacilityStatus
        public var `operator`: String
        public var district: String?
        public var authority: Authority
        public var capacity: Int
        public var expansionCapacity: Int?
        public var blocked: Int
        /// The API's names of the fields an update changed; nil for a creation.
        public var changed: [String]?

        public init(_ definition: FacilityDefinition, changed: [String]?) {
            name = definition.name
            kind = definition.kind
            status = definition.status
            self.operator = definition.operatorName
            district = definition.district
            authority = definition.authority
            capacity = definition.capacity
            expansionCapacity = definition.expansionCapacity
            blocked = definition.blocked
            self.changed = changed
        }

        public static let identifiers: Set<String> = ["district", "changed"]
        public static let annotatedText = [
            "name": "a facility's name is reference data from the seed documents, not about a person",
            "operator": "the organisation that runs a facility: reference data",
        ]
    }

    /// The cap was exceeded with an override; its reason is the `cap_overrides` row `override`.
    public struct CapBreached: EventPayload, Equatable {
        public var cap: Int
        public var capacity: Int
        @NullEncoded public var expansionCapacity: Int?
        /// The override's row; nil in events written before overrides had rows (they carry the reason).
        public var `override`: Int64?

        public init(cap: Int, capacity: Int, expansionCapacity: Int?, override: Int64) {
            self.cap = cap
            self.capacity = capacity
            self.expansionCapacity = expansionCapacity
            self.override = `override`
        }
    }

    public struct CapRestored: EventPayload, Equatable {
        public var cap: Int
        public var capacity: Int

        public init(cap: Int, capacity: Int) {
            self.cap = cap
            self.capacity = capacity
        }
    }

    /// A district's figures; its contact point (a person's name, e-mail and phone) is in the
    /// `districts` row only.
    public struct DistrictDefined: EventPayload, Equatable {
        public var id: String
        public var number: Int
        public var name: String
        public var population: [String: Int]
        /// nil in events written before districts had settlement reference data, and when empty.
        public var immigrantShare: [String: Double]?
        public var refugeesPer1000: [String: Double]?
        public var minorsService: MinorsService?
        public var municipalHousingUnits: Int?

        public init(_ district: District) {
            id = district.id
            number = district.number
            name = district.name
            population = district.population
            immigrantShare = district.immigrantShare.isEmpty ? nil : district.immigrantShare
            refugeesPer1000 = district.refugeesPer1000.isEmpty ? nil : district.refugeesPer1000
            minorsService = district.minorsService
            municipalHousingUnits = district.municipalHousingUnits
        }

        public static let identifiers: Set<String> = ["id"]
        public static let annotatedText = ["name": "a district's official name: reference data"]
    }

    /// An arrival; its note is in the `arrivals` row `id`.
    public struct ArrivalRecorded: EventPayload, JSONRepresentable, Equatable {
        /// The record; nil in events written before records were named in their events.
        public var id: Int64?
        public var facility: String
        public var kind: FacilityKind
        public var count: Int
        public var category: ArrivalCategory
        public var at: Timestamp
        /// The facility's occupancy afterwards.
        public var occupied: Int
        /// The other half of a transfer: where these people came from.
        public var transferFrom: String?
        /// True when it is dated before the facility's last head count (which includes it).
        public var beforeLastReport: Bool?

        public init(
            id: Int64, facility: String, kind: FacilityKind, count: Int, category: ArrivalCategory, at: Timestamp,
            occupied: Int, transferFrom: String?, counted: Bool
        ) {
            self.id = id
            self.facility = facility
            self.kind = kind
            self.count = count
            self.category = category
            self.at = at
            self.occupied = occupied
            self.transferFrom = transferFrom
            beforeLastReport = counted ? nil : true
        }

        public static let identifiers: Set<String> = ["facility", "transfer_from"]

        /// Built by hand: this is appended by every `POST /v1/arrivals`, the hottest write.
        public var jsonValue: JSONValue {
            var members: [(String, JSONValue)] = []
            members.reserveCapacity(9)
            if let id { members.append(("id", .integer(id))) }
            members.append(("facility", .string(facility)))
            members.append(("kind", .string(kind.rawValue)))
            members.append(("count", .integer(Int64(count))))
            members.append(("category", .string(category.rawValue)))
            members.append(("at", .string(at.rfc3339)))
            members.append(("occupied", .integer(Int64(occupied))))
            if let transferFrom { members.append(("transfer_from", .string(transferFrom))) }
            if let beforeLastReport { members.append(("before_last_report", .bool(beforeLastReport))) }
            return .object(JSONObject(members))
        }
    }

    /// A departure; its note is in the `departures` row `id`.
    public struct DepartureRecorded: EventPayload, JSONRepresentable, Equatable {
        /// The record; nil in events written before records were named in their events.
        public var id: Int64?
        public var facility: String
        public var kind: FacilityKind
        public var count: Int
        public var reason: DepartureReason
        public var at: Timestamp
        public var occupied: Int
        /// A transfer: where these people went.
        public var to: String?
        public var beforeLastReport: Bool?

        public init(
            id: Int64, facility: String, kind: FacilityKind, count: Int, reason: DepartureReason, at: Timestamp,
            occupied: Int, to: String?, counted: Bool
        ) {
            self.id = id
            self.facility = facility
            self.kind = kind
            self.count = count
            self.reason = reason
            self.at = at
            self.occupied = occupied
            self.to = to
            beforeLastReport = counted ? nil : true
        }

        public static let identifiers: Set<String> = ["facility", "to"]

        public var jsonValue: JSONValue {
            var members: [(String, JSONValue)] = []
            members.reserveCapacity(9)
            if let id { members.append(("id", .integer(id))) }
            members.append(("facility", .string(facility)))
            members.append(("kind", .string(kind.rawValue)))
            members.append(("count", .integer(Int64(count))))
            members.append(("reason", .string(reason.rawValue)))
            members.append(("at", .string(at.rfc3339)))
            members.append(("occupied", .integer(Int64(occupied))))
            if let to { members.append(("to", .string(to))) }
            if let beforeLastReport { members.append(("before_last_report", .bool(beforeLastReport))) }
            return .object(JSONObject(members))
        }
    }

    /// A head count (`occupancy.reported`); its note is in the `head_counts` row `id`.
    public struct HeadCountReported: EventPayload, JSONRepresentable, Equatable {
        /// The record; nil in events written before head counts were named in their events.
        public var id: Int64?
        public var facility: String
        /// The occupancy the head-count rule gives with this count.
        public var occupied: Int
        public var counted: Int
        public var previous: Int
        public var at: Timestamp

        public init(id: Int64, facility: String, occupied: Int, counted: Int, previous: Int, at: Timestamp) {
            self.id = id
            self.facility = facility
            self.occupied = occupied
            self.counted = counted
            self.previous = previous
            self.at = at
        }

        public static let identifiers: Set<String> = ["facility"]

        public var jsonValue: JSONValue {
            var members: [(String, JSONValue)] = []
            members.reserveCapacity(8)
            if let id { members.append(("id", .integer(id))) }
            members.append(("facility", .string(facility)))
            members.append(("occupied", .integer(Int64(occupied))))
            members.append(("counted", .integer(Int64(counted))))
            members.append(("previous", .integer(Int64(previous))))
            members.append(("at", .string(at.rfc3339)))
            return .object(JSONObject(members))
        }
    }

    /// A void (the record's figures) or an amendment (`before` and `after`) of record `id`;
    /// the reason is the `record_corrections` row `correction`.
    public struct RecordCorrected: EventPayload, Equatable {
        /// What a record says: people and time, and an arrival's category or a departure's reason.
        public struct Figures: Codable, Sendable, Equatable {
            /// People who arrived or left.
            public var count: Int?
            /// People a head count found.
            public var counted: Int?
            public var category: ArrivalCategory?
            public var departureReason: DepartureReason?
            public var at: Timestamp?

            public init(
                count: Int? = nil, counted: Int? = nil, category: ArrivalCategory? = nil,
                departureReason: DepartureReason? = nil, at: Timestamp
            ) {
                self.count = count
                self.counted = counted
                self.category = category
                self.departureReason = departureReason
                self.at = at
            }
        }

        public var id: Int64
        public var facility: String
        public var kind: FacilityKind
        public var transferFrom: String?
        public var to: String?
        /// The other half of a transfer, corrected with it.
        public var transfer: Int64?
        // A void: the record's figures.
        public var count: Int?
        public var counted: Int?
        public var category: ArrivalCategory?
        public var departureReason: DepartureReason?
        public var at: Timestamp?
        // An amendment: the figures before and after.
        public var before: Figures?
        public var after: Figures?
        /// The correction's row; nil in events written before corrections had rows (they carry the reason).
        public var correction: Int64?
        /// The facility's occupancy afterwards.
        public var occupied: Int

        public init(
            id: Int64, facility: String, kind: FacilityKind, transferFrom: String?, to: String?, transfer: Int64?,
            voided: Figures?, before: Figures?, after: Figures?, correction: Int64, occupied: Int
        ) {
            self.id = id
            self.facility = facility
            self.kind = kind
            self.transferFrom = transferFrom
            self.to = to
            self.transfer = transfer
            count = voided?.count
            counted = voided?.counted
            category = voided?.category
            departureReason = voided?.departureReason
            at = voided?.at
            self.before = before
            self.after = after
            self.correction = correction
            self.occupied = occupied
        }

        public static let identifiers: Set<String> = ["facility", "transfer_from", "to"]
    }
}
