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

/// Event types of arrivals, departures and head counts, and how the surge monitor reads
/// them back.
///
/// Why the monitor reads events rather than being told by the command: events are what was
/// committed. A command that rolls back never reaches `observe`, so the in-memory window can
/// never count an arrival that the store does not have.
enum FlowEvents {
    static let arrival = "arrival.recorded"
    static let departure = "departure.recorded"
    static let occupancy = "occupancy.reported"

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

    /// The flow an arrival or departure event describes.
    static func flow(of event: Event) -> FlowRecord? {
        let data = event.data
        guard let facility = data["facility"]?.stringValue, let kind = data["kind"]?.stringValue.flatMap(FacilityKind.init(rawValue:)),
            let count = data["count"]?.intValue, let at = data["at"]?.stringValue.flatMap(Timestamp.init(rfc3339:))
        else { return nil }
        let arrival = event.type == arrival
        return FlowRecord(
            direction: arrival ? .arrival : .departure, facility: facility, kind: kind, count: Int(count),
            label: (arrival ? data["category"] : data["reason"])?.stringValue ?? "",
            at: at, isTransfer: arrival && data["transfer_from"] != nil)
    }
}
