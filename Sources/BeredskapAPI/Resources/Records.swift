import BeredskapCore
import BeredskapJSON

// Recorded arrivals, departures and head counts, and their corrections:
// `GET /v1/{arrivals,departures,occupancy}/records`, `POST /v1/{…}/{id}/void|amend`.

/// Where each kind of record lives: `/v1/arrivals`, `/v1/departures`, `/v1/occupancy`.
public enum RecordCollection: String, Sendable, CaseIterable {
    case arrivals, departures, occupancy
}

/// One arrival, departure or head count as recorded (amended figures when amended). Fields
/// that belong to one kind only are left out for the others: `category` and `transfer_from`
/// (arrivals), `reason` and `to` (departures), `transfer` (either half of a transfer: the id
/// of the other half, which a correction of this one corrects too).
public struct RecordResource: Sendable, Codable, Equatable {
    public enum State: String, JSONStringEnum {
        case recorded, amended, voided
    }

    public var id: Int64
    public var facility: String
    /// People who arrived, left, or were counted.
    public var count: Int
    public var category: ArrivalCategory?
    public var reason: DepartureReason?
    public var at: Timestamp
    public var transferFrom: String?
    public var to: String?
    public var transfer: Int64?
    public var note: String?
    public var state: State
    public var recordedAt: Timestamp
    public var recordedBy: String
    public var voided: RecordCorrection?
    /// The last amendment.
    public var amended: RecordCorrection?

    public init(
        id: Int64, facility: String, count: Int, category: ArrivalCategory? = nil, reason: DepartureReason? = nil, at: Timestamp,
        transferFrom: String? = nil, to: String? = nil, transfer: Int64? = nil, note: String? = nil, recordedAt: Timestamp,
        recordedBy: String, voided: RecordCorrection? = nil, amended: RecordCorrection? = nil
    ) {
        self.id = id
        self.facility = facility
        self.count = count
        self.category = category
        self.reason = reason
        self.at = at
        self.transferFrom = transferFrom
        self.to = to
        self.transfer = transfer
        self.note = note
        self.state = voided != nil ? .voided : amended != nil ? .amended : .recorded
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
        self.voided = voided
        self.amended = amended
    }
}

/// `GET /v1/arrivals/records?facility=&limit=&before=` (and departures, occupancy): newest
/// recorded first, voided ones included. Continue with `before=next`; `next` is null at the end.
public struct RecordList: Sendable, Codable, Equatable {
    public var records: [RecordResource]
    @NullEncoded public var next: Int64?

    public init(records: [RecordResource], next: Int64?) {
        self.records = records
        self.next = next
    }
}

/// `POST /v1/{arrivals,departures,occupancy}/{id}/void`: why the record is wrong.
public struct VoidBody: Sendable, Codable, Equatable {
    public var reason: String

    public init(reason: String) { self.reason = reason }
}

/// `POST /v1/arrivals/{id}/amend`: the fields to change and why (`reason`). `force` records
/// figures that look like mistakes, as for a new record.
public struct ArrivalAmendment: Sendable, Codable, Equatable {
    public var count: Int?
    public var at: Timestamp?
    public var category: ArrivalCategory?
    public var reason: String
    public var force: Bool?

    public init(count: Int? = nil, at: Timestamp? = nil, category: ArrivalCategory? = nil, reason: String, force: Bool? = nil) {
        self.count = count
        self.at = at
        self.category = category
        self.reason = reason
        self.force = force
    }
}

/// `POST /v1/departures/{id}/amend`. `departure_reason` is why they left; `reason` is why the
/// record is amended.
public struct DepartureAmendment: Sendable, Codable, Equatable {
    public var count: Int?
    public var at: Timestamp?
    public var departureReason: DepartureReason?
    public var reason: String
    public var force: Bool?

    public init(
        count: Int? = nil, at: Timestamp? = nil, departureReason: DepartureReason? = nil, reason: String, force: Bool? = nil
    ) {
        self.count = count
        self.at = at
        self.departureReason = departureReason
        self.reason = reason
        self.force = force
    }
}

/// `POST /v1/occupancy/{id}/amend`: a head count's figure (`occupied`, as when reported) or time.
public struct HeadCountAmendment: Sendable, Codable, Equatable {
    public var occupied: Int?
    public var at: Timestamp?
    public var reason: String
    public var force: Bool?

    public init(occupied: Int? = nil, at: Timestamp? = nil, reason: String, force: Bool? = nil) {
        self.occupied = occupied
        self.at = at
        self.reason = reason
        self.force = force
    }
}

/// A facility's occupancy before and after a correction.
public struct OccupancyChange: Sendable, Codable, Equatable {
    public var facility: String
    public var name: String
    public var occupied: Int
    public var previous: Int

    public init(facility: String, name: String, occupied: Int, previous: Int) {
        self.facility = facility
        self.name = name
        self.occupied = occupied
        self.previous = previous
    }
}

/// The answer to a void or an amendment: the record as it now is, the other half of a
/// transfer (corrected with it), and the occupancy of each facility concerned.
public struct RecordCorrected: Sendable, Codable, Equatable {
    public var record: RecordResource
    @NullEncoded public var transfer: RecordResource?
    public var occupancy: [OccupancyChange]
    public var eventSeq: Int64

    public init(record: RecordResource, transfer: RecordResource?, occupancy: [OccupancyChange], eventSeq: Int64) {
        self.record = record
        self.transfer = transfer
        self.occupancy = occupancy
        self.eventSeq = eventSeq
    }
}
