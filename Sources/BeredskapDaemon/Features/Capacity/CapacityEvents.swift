import BeredskapCore
import BeredskapJSON
import BeredskapStore

/// Event types of facilities and districts.
enum FacilityEvents {
    static let created = "facility.created"
    static let updated = "facility.updated"
    /// Capacity or expansion stored above the cap with an override: the `facility_cap`
    /// alert rule (alerting issue) fires on it until `capRestored`.
    static let capBreached = "facility.cap_breached"
    static let capRestored = "facility.cap_restored"
    static let districtUpdated = "district.updated"
}

/// Event types of arrivals, departures and head counts and their corrections, and how the
/// surge monitor reads them back.
///
/// Why the monitor reads events rather than being told by the command: events are what was
/// committed. A command that rolls back never reaches `observe`, so the in-memory window can
/// never count an arrival that the store does not have, nor forget one whose void rolled back.
enum FlowEvents {
    static let arrival = "arrival.recorded"
    static let departure = "departure.recorded"
    static let occupancy = "occupancy.reported"

    /// `arrival.voided`, `departure.voided`, `occupancy.voided`.
    static func voided(_ kind: StoredRecord.Kind) -> String { "\(prefix(kind)).voided" }
    /// `arrival.amended`, `departure.amended`, `occupancy.amended`.
    static func amended(_ kind: StoredRecord.Kind) -> String { "\(prefix(kind)).amended" }

    /// The corrections: like the records, they change a facility's figures.
    static let corrections = Set(StoredRecord.Kind.allCases.flatMap { [voided($0), amended($0)] })

    private static func prefix(_ kind: StoredRecord.Kind) -> String {
        switch kind {
        case .arrival: "arrival"
        case .departure: "departure"
        case .headCount: "occupancy"
        }
    }

    static func arrivalData(
        facility: FlowTarget, count: Int, category: ArrivalCategory, at: Timestamp, transferFrom: String?, note: String?,
        occupied: Int, counted: Bool
    ) -> JSONValue {
        var data = JSONObject([
            ("facility", .string(facility.id)), ("kind", .string(facility.kind.rawValue)), ("count", .integer(Int64(count))),
            ("category", .string(category.rawValue)), ("at", .string(at.rfc3339)), ("occupied", .integer(Int64(occupied))),
        ])
        if let transferFrom { data["transfer_from"] = .string(transferFrom) }
        if let note { data["note"] = .string(note) }
        if !counted { data["before_last_report"] = .bool(true) }
        return .object(data)
    }

    static func departureData(
        facility: FlowTarget, count: Int, reason: DepartureReason, at: Timestamp, to: String?, note: String?, occupied: Int,
        counted: Bool
    ) -> JSONValue {
        var data = JSONObject([
            ("facility", .string(facility.id)), ("kind", .string(facility.kind.rawValue)), ("count", .integer(Int64(count))),
            ("reason", .string(reason.rawValue)), ("at", .string(at.rfc3339)), ("occupied", .integer(Int64(occupied))),
        ])
        if let to { data["to"] = .string(to) }
        if let note { data["note"] = .string(note) }
        if !counted { data["before_last_report"] = .bool(true) }
        return .object(data)
    }

    /// A correction: the record's id and facility, its figures (`before` and `after` for an
    /// amendment), the correction's reason and the facility's occupancy afterwards. No note
    /// or other free text beyond the reason.
    static func correctionData(
        _ record: StoredRecord, amended: StoredRecord?, reason: String, occupied: Int
    ) -> JSONValue {
        var data = JSONObject([
            ("id", .integer(record.id)), ("facility", .string(record.facility)), ("kind", .string(record.facilityKind.rawValue)),
        ])
        switch record.kind {
        case .arrival: if let from = record.otherFacility { data["transfer_from"] = .string(from) }
        case .departure: if let to = record.otherFacility { data["to"] = .string(to) }
        case .headCount: break
        }
        if let pair = record.transferPair { data["transfer"] = .integer(pair) }
        if let amended {
            data["before"] = .object(JSONObject(figures(record)))
            data["after"] = .object(JSONObject(figures(amended)))
        } else {
            for (key, value) in figures(record) { data[key] = value }
        }
        data["reason"] = .string(reason)
        data["occupied"] = .integer(Int64(occupied))
        return .object(data)
    }

    private static func figures(_ record: StoredRecord) -> [(String, JSONValue)] {
        let people: (String, JSONValue) = (record.kind == .headCount ? "counted" : "count", .integer(Int64(record.count)))
        var fields = [people]
        switch record.kind {
        case .arrival: fields.append(("category", .string(record.label ?? "")))
        case .departure: fields.append(("departure_reason", .string(record.label ?? "")))
        case .headCount: break
        }
        fields.append(("at", .string(record.at.rfc3339)))
        return fields
    }

    /// What an event does to the surge window: flows to add (+1) or take back (−1). A record
    /// adds its flow; a void takes it back; an amendment takes back the old figures and adds
    /// the new. Head counts do not move the window.
    static func windowChanges(of event: Event) -> [(flow: FlowRecord, sign: Int)] {
        let data = event.data
        switch event.type {
        case arrival, departure:
            return flow(data, arrival: event.type == arrival).map { [($0, 1)] } ?? []
        case voided(.arrival), voided(.departure):
            return flow(data, arrival: event.type == voided(.arrival)).map { [($0, -1)] } ?? []
        case amended(.arrival), amended(.departure):
            let arrival = event.type == amended(.arrival)
            func merged(_ key: String) -> JSONValue {
                var object = data.objectValue ?? JSONObject()
                for (field, value) in data[key]?.objectValue ?? JSONObject() { object[field] = value }
                return .object(object)
            }
            guard let before = flow(merged("before"), arrival: arrival), let after = flow(merged("after"), arrival: arrival)
            else { return [] }
            return [(before, -1), (after, 1)]
        default:
            return []
        }
    }

    private static func flow(_ data: JSONValue, arrival: Bool) -> FlowRecord? {
        guard let facility = data["facility"]?.stringValue, let kind = data["kind"]?.stringValue.flatMap(FacilityKind.init(rawValue:)),
            let count = data["count"]?.intValue, let at = data["at"]?.stringValue.flatMap(Timestamp.init(rfc3339:))
        else { return nil }
        return FlowRecord(
            direction: arrival ? .arrival : .departure, facility: facility, kind: kind, count: Int(count),
            label: (arrival ? data["category"] : data["departure_reason"] ?? data["reason"])?.stringValue ?? "",
            at: at, isTransfer: arrival && data["transfer_from"] != nil)
    }
}
