import BeredskapCore
import BeredskapJSON

/// `POST /v1/arrivals`.
public struct ArrivalBody: Sendable, Codable, Equatable {
    public var facility: String
    public var count: Int
    public var category: ArrivalCategory
    /// When they arrived; default now.
    public var at: Timestamp?
    public var note: String?
    /// Record it although it looks like a mistake (more people than the facility has places,
    /// a time more than 90 days back): `Plausibility`. Without it such a record is a 409.
    public var force: Bool?

    public init(
        facility: String, count: Int, category: ArrivalCategory, at: Timestamp? = nil, note: String? = nil, force: Bool? = nil
    ) {
        self.facility = facility
        self.count = count
        self.category = category
        self.at = at
        self.note = note
        self.force = force
    }
}

/// `POST /v1/departures`. With `to` (and reason `transferred`), the same people are recorded
/// as an arrival at that facility in the same transaction, with `category` (default `other`).
public struct DepartureBody: Sendable, Codable, Equatable {
    public var facility: String
    public var count: Int
    public var reason: DepartureReason
    public var at: Timestamp?
    public var to: String?
    public var category: ArrivalCategory?
    public var note: String?
    public var force: Bool?

    public init(
        facility: String, count: Int, reason: DepartureReason, at: Timestamp? = nil, to: String? = nil,
        category: ArrivalCategory? = nil, note: String? = nil, force: Bool? = nil
    ) {
        self.facility = facility
        self.count = count
        self.reason = reason
        self.at = at
        self.to = to
        self.category = category
        self.note = note
        self.force = force
    }
}

/// `POST /v1/facilities/{id}/occupancy`: an absolute head count.
public struct OccupancyBody: Sendable, Codable, Equatable {
    public var occupied: Int
    public var at: Timestamp?
    public var note: String?
    public var force: Bool?

    public init(occupied: Int, at: Timestamp? = nil, note: String? = nil, force: Bool? = nil) {
        self.occupied = occupied
        self.at = at
        self.note = note
        self.force = force
    }
}

/// A recorded arrival.
public struct ArrivalRecorded: Sendable, Codable, Equatable {
    public var id: Int64
    public var facility: String
    public var count: Int
    public var category: ArrivalCategory
    public var at: Timestamp
    @NullEncoded public var transferFrom: String?
    /// The facility's head count afterwards.
    public var occupied: Int
    public var eventSeq: Int64

    public init(
        id: Int64, facility: String, count: Int, category: ArrivalCategory, at: Timestamp, transferFrom: String?,
        occupied: Int, eventSeq: Int64
    ) {
        self.id = id
        self.facility = facility
        self.count = count
        self.category = category
        self.at = at
        self.transferFrom = transferFrom
        self.occupied = occupied
        self.eventSeq = eventSeq
    }
}

/// A recorded departure (and the arrival at `to` for a transfer).
public struct DepartureRecorded: Sendable, Codable, Equatable {
    public var id: Int64
    public var facility: String
    public var count: Int
    public var reason: DepartureReason
    public var at: Timestamp
    @NullEncoded public var to: String?
    public var occupied: Int
    @NullEncoded public var arrival: ArrivalRecorded?
    public var eventSeq: Int64

    public init(
        id: Int64, facility: String, count: Int, reason: DepartureReason, at: Timestamp, to: String?, occupied: Int,
        arrival: ArrivalRecorded?, eventSeq: Int64
    ) {
        self.id = id
        self.facility = facility
        self.count = count
        self.reason = reason
        self.at = at
        self.to = to
        self.occupied = occupied
        self.arrival = arrival
        self.eventSeq = eventSeq
    }
}

/// A recorded head count: `id` is the head count's (for `occupancy void|amend`), `counted` the
/// number counted, `occupied` the facility's figure afterwards (the count plus records dated
/// after it).
public struct OccupancyRecorded: Sendable, Codable, Equatable {
    public var id: Int64
    public var facility: String
    public var counted: Int
    public var occupied: Int
    public var previous: Int
    public var at: Timestamp
    public var eventSeq: Int64

    public init(id: Int64, facility: String, counted: Int, occupied: Int, previous: Int, at: Timestamp, eventSeq: Int64) {
        self.id = id
        self.facility = facility
        self.counted = counted
        self.occupied = occupied
        self.previous = previous
        self.at = at
        self.eventSeq = eventSeq
    }
}

/// `POST /v1/imports/arrivals`: many arrivals, all or nothing in one transaction.
public struct ArrivalImport: Sendable, Codable, Equatable {
    public var rows: [ArrivalBody]
    /// Import rows that look like mistakes too (each row is checked as a record is).
    public var force: Bool?

    public init(rows: [ArrivalBody], force: Bool? = nil) {
        self.rows = rows
        self.force = force
    }
}

/// One row of `POST /v1/imports/occupancy`.
public struct OccupancyImportRow: Sendable, Codable, Equatable {
    public var facility: String
    public var occupied: Int
    public var at: Timestamp?

    public init(facility: String, occupied: Int, at: Timestamp? = nil) {
        self.facility = facility
        self.occupied = occupied
        self.at = at
    }
}

/// `POST /v1/imports/occupancy`: many head counts, all or nothing.
public struct OccupancyImport: Sendable, Codable, Equatable {
    public var rows: [OccupancyImportRow]
    public var force: Bool?

    public init(rows: [OccupancyImportRow], force: Bool? = nil) {
        self.rows = rows
        self.force = force
    }
}

/// The answer to an import. A rejected import is a 400 `invalid_field` whose
/// `details.problems` lists every bad row: `[{"row": 3, "field": "count", "message": "…"}]`
/// (rows counted from 1), and `details.field` names the first (`rows[2].count`).
public struct ImportResult: Sendable, Codable, Equatable {
    public var imported: Int
    /// People in the imported rows (arrivals) or the sum of head counts (occupancy).
    public var people: Int
    public var eventSeq: Int64

    public init(imported: Int, people: Int, eventSeq: Int64) {
        self.imported = imported
        self.people = people
        self.eventSeq = eventSeq
    }
}

/// The answer to an import with `?dry_run=true`: the rows passed every check a read can make
/// (fields, counts, notes, times, facility ids, closed facilities) and nothing was written.
/// A failing dry run is the same 400 `invalid_field` with `details.problems` as an import.
public struct ImportChecked: Sendable, Codable, Equatable {
    public var rows: Int
    /// People in the rows (arrivals) or the sum of head counts (occupancy).
    public var people: Int
    public var dryRun: Bool

    public init(rows: Int, people: Int) {
        self.rows = rows
        self.people = people
        dryRun = true
    }
}

// Hand-built JSON for the replies of the hottest writes (checked against `Encodable` in tests).

extension ArrivalRecorded: JSONRepresentable {
    public var jsonValue: JSONValue {
        .object(JSONObject([
            ("id", .integer(id)), ("facility", .string(facility)), ("count", .integer(Int64(count))),
            ("category", .string(category.rawValue)), ("at", .string(at.rfc3339)),
            ("transfer_from", transferFrom.map(JSONValue.string) ?? .null), ("occupied", .integer(Int64(occupied))),
            ("event_seq", .integer(eventSeq)),
        ]))
    }
}

extension DepartureRecorded: JSONRepresentable {
    public var jsonValue: JSONValue {
        .object(JSONObject([
            ("id", .integer(id)), ("facility", .string(facility)), ("count", .integer(Int64(count))),
            ("reason", .string(reason.rawValue)), ("at", .string(at.rfc3339)), ("to", to.map(JSONValue.string) ?? .null),
            ("occupied", .integer(Int64(occupied))), ("arrival", arrival?.jsonValue ?? .null), ("event_seq", .integer(eventSeq)),
        ]))
    }
}

extension OccupancyRecorded: JSONRepresentable {
    public var jsonValue: JSONValue {
        .object(JSONObject([
            ("id", .integer(id)), ("facility", .string(facility)), ("counted", .integer(Int64(counted))),
            ("occupied", .integer(Int64(occupied))), ("previous", .integer(Int64(previous))),
            ("at", .string(at.rfc3339)), ("event_seq", .integer(eventSeq)),
        ]))
    }
}
