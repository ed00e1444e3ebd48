import BeredskapCore
import BeredskapSQLite

// Arrivals, departures and head counts as records people can find, void and amend.

/// An arrival, departure or head count as stored, with who recorded it and any correction.
///
/// Why one shape for the three: listing, voiding and amending treat them alike (an id, a
/// facility, a number of people, a time); only the label (category or reason) and the
/// transfer link differ.
public struct StoredRecord: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case arrival, departure, headCount = "head_count"

        /// The other half of a transfer: a departure's arrival, an arrival's departure.
        public var pairKind: Kind? {
            switch self {
            case .arrival: .departure
            case .departure: .arrival
            case .headCount: nil
            }
        }

        var table: String {
            switch self {
            case .arrival: "arrivals"
            case .departure: "departures"
            case .headCount: "head_counts"
            }
        }

        /// The columns every kind answers, in the order `record(from:)` reads them.
        var select: String {
            let corrections = """
                r.voided_seq, v.time_ms, v.actor_user, vc.reason, r.amended_seq, m.time_ms, m.actor_user, mc.reason
                """
            let joins = """
                JOIN events e ON e.seq = r.seq
                LEFT JOIN events v ON v.seq = r.voided_seq LEFT JOIN record_corrections vc ON vc.seq = r.voided_seq
                LEFT JOIN events m ON m.seq = r.amended_seq LEFT JOIN record_corrections mc ON mc.seq = r.amended_seq
                """
            switch self {
            case .arrival:
                return """
                    SELECT r.id, r.facility, r.kind, r.count, r.category, r.at_ms, r.transfer_from, r.transfer_departure, r.note,
                        e.time_ms, e.actor_user, \(corrections)
                    FROM arrivals r \(joins)
                    """
            case .departure:
                return """
                    SELECT r.id, r.facility, r.kind, r.count, r.reason, r.at_ms, r.to_facility,
                        (SELECT a.id FROM arrivals a WHERE a.transfer_departure = r.id), r.note,
                        e.time_ms, e.actor_user, \(corrections)
                    FROM departures r \(joins)
                    """
            case .headCount:
                return """
                    SELECT r.id, r.facility, f.kind, r.counted, NULL, r.at_ms, NULL, NULL, r.note,
                        e.time_ms, e.actor_user, \(corrections)
                    FROM head_counts r JOIN facilities f ON f.id = r.facility \(joins)
                    """
            }
        }
    }

    public var kind: Kind
    public var id: Int64
    public var facility: String
    /// The facility's kind when it was recorded (for a head count, the facility's kind now).
    public var facilityKind: FacilityKind
    /// People: arrived, left, or counted.
    public var count: Int
    /// Arrival category or departure reason (raw value); nil for a head count.
    public var label: String?
    public var at: Timestamp
    /// For a transfer: where an arrival came from, or where a departure went.
    public var otherFacility: String?
    /// For a transfer: the id of the other half (the departure of an arrival, and so on).
    public var transferPair: Int64?
    public var note: String?
    public var recordedAt: Timestamp
    public var recordedBy: String
    public var voided: RecordCorrection?
    /// The last amendment.
    public var amended: RecordCorrection?

    public var subject: String { "facility/\(facility)" }

    fileprivate static func record(_ kind: Kind, from row: SQLiteRow) throws -> StoredRecord {
        func correction(_ column: Int) -> RecordCorrection? {
            // The correcting event's seq marks the record; its time, author and reason follow.
            row.optionalInt64(column).map { _ in
                RecordCorrection(
                    at: Timestamp(millisecondsSinceEpoch: row.int64(column + 1)), by: row.text(column + 2),
                    reason: row.optionalText(column + 3) ?? "")
            }
        }
        guard let facilityKind = FacilityKind(rawValue: row.text(2)) else {
            throw StoreDataError(table: kind.table, row: String(row.int64(0)))
        }
        return StoredRecord(
            kind: kind, id: row.int64(0), facility: row.text(1), facilityKind: facilityKind, count: row.int(3),
            label: row.optionalText(4), at: Timestamp(millisecondsSinceEpoch: row.int64(5)), otherFacility: row.optionalText(6),
            transferPair: row.optionalInt64(7), note: row.optionalText(8),
            recordedAt: Timestamp(millisecondsSinceEpoch: row.int64(9)), recordedBy: row.text(10), voided: correction(11),
            amended: correction(15))
    }
}

/// Which records to list, newest first.
public struct RecordQuery: Sendable, Equatable {
    public var facility: String?
    /// Records with a smaller id than this (the next page).
    public var before: Int64?
    public var limit: Int

    public init(facility: String? = nil, before: Int64? = nil, limit: Int = 20) {
        self.facility = facility
        self.before = before
        self.limit = limit
    }
}

extension SQLiteConnection {
    /// The id the next record of `kind` gets (SQLite's own choice: one more than the largest),
    /// chosen before the record's event is appended so that the event can name it.
    public func nextRecordID(_ kind: StoredRecord.Kind) throws -> Int64 {
        try scalarInt("SELECT coalesce(max(id), 0) + 1 FROM \(kind.table)") ?? 1
    }

    /// The id the next correction gets.
    public func nextCorrectionID() throws -> Int64 {
        try scalarInt("SELECT coalesce(max(id), 0) + 1 FROM record_corrections") ?? 1
    }

    public func record(_ kind: StoredRecord.Kind, id: Int64) throws -> StoredRecord? {
        try queryFirst(kind.select + " WHERE r.id = ?", [id]) { try StoredRecord.record(kind, from: $0) }
    }

    /// Records of one kind, newest recorded first, voided ones included.
    public func records(_ kind: StoredRecord.Kind, _ request: RecordQuery) throws -> [StoredRecord] {
        var conditions: [String] = []
        var parameters: [any SQLiteBindable] = []
        if let facility = request.facility {
            conditions.append("r.facility = ?")
            parameters.append(facility)
        }
        if let before = request.before {
            conditions.append("r.id < ?")
            parameters.append(before)
        }
        parameters.append(request.limit)
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return try query(kind.select + filter + " ORDER BY r.id DESC LIMIT ?", parameters) {
            try StoredRecord.record(kind, from: $0)
        }
    }
}

extension WriteTransaction {
    /// Marks a record voided by the event `seq`; it then counts nowhere. (A correction marks
    /// it with 0 first, to compute the figures its event carries, then with the event's seq.)
    public func voidRecord(_ kind: StoredRecord.Kind, id: Int64, seq: Int64) throws {
        try connection.run("UPDATE \(kind.table) SET voided_seq = ? WHERE id = ?", seq, id)
    }

    /// Stores a record's amended figures (`label`: category or reason; ignored for head counts).
    public func amendRecord(_ kind: StoredRecord.Kind, id: Int64, count: Int, label: String?, at: Timestamp) throws {
        switch kind {
        case .arrival:
            try connection.run(
                "UPDATE arrivals SET count = ?, category = ?, at_ms = ? WHERE id = ?", count, label, at.millisecondsSinceEpoch, id)
        case .departure:
            try connection.run(
                "UPDATE departures SET count = ?, reason = ?, at_ms = ? WHERE id = ?", count, label, at.millisecondsSinceEpoch, id)
        case .headCount:
            try connection.run("UPDATE head_counts SET counted = ?, at_ms = ? WHERE id = ?", count, at.millisecondsSinceEpoch, id)
        }
    }

    /// Keeps correction `id`'s reason, which its event `seq` names (the text is not in the event).
    public func insertCorrection(id: Int64, seq: Int64, of kind: StoredRecord.Kind, record: Int64, reason: String) throws {
        try connection.run(
            "INSERT INTO record_corrections(id, seq, kind, record_id, reason) VALUES (?, ?, ?, ?, ?)",
            id, seq, kind.rawValue, record, reason)
    }

    /// Notes the event `seq` as a record's last amendment.
    public func noteAmendment(_ kind: StoredRecord.Kind, id: Int64, seq: Int64) throws {
        try connection.run("UPDATE \(kind.table) SET amended_seq = ? WHERE id = ?", seq, id)
    }
}
