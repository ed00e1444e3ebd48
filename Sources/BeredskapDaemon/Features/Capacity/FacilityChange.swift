import BeredskapAPI
import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapStore

/// Creating or changing a facility inside the writer's transaction: validation against the
/// current state (districts, the cap), the events, and the row.
///
/// Why every path goes through `apply`: the cap must hold for `PUT`, `PATCH` and the seed
/// alike ("every path that can set a capacity"), so there is exactly one place that checks it.
enum FacilityChange {
    static let maximumReasonLength = 500

    static func apply(
        id: String, definition: FacilityDefinition, override: CapOverrideRequest?, existing: Facility?,
        settings: DaemonConfiguration.Capacity, calendar: LocalCalendar, in transaction: inout WriteTransaction
    ) throws -> CommandReply {
        let definition = definition.trimmed
        if let problem = definition.problems().first { throw APIError.invalidField(problem.field, problem.problem) }
        if let district = definition.district, try transaction.connection.district(district) == nil {
            throw APIError.invalidField(
                "district",
                Text("unknown district '\(district)' (beredskap districts lists them; null for none)",
                     nb: "ukjent bydel «\(district)» (beredskap districts viser dem; null for ingen)"))
        }
        let capOverride = try self.capOverride(definition, override, existing: existing, cap: settings.cap, transaction)
        let now = transaction.now
        if let existing, existing.definition == definition, existing.capOverride == capOverride {
            let seq = try transaction.connection.facilityLastSeq(id) ?? 0
            return try reply(existing, created: false, changed: false, seq: seq, settings: settings, now: now)
        }
        let facility = Facility(
            id: id, definition: definition, occupied: existing?.occupied ?? 0, lastReportAt: existing?.lastReportAt,
            lastChangeAt: existing?.lastChangeAt, capOverride: capOverride, createdAt: existing?.createdAt ?? now,
            updatedAt: now)
        var data = JSONObject()
        if case .object(let fields) = try JSONValueEncoder().encode(FacilityBody(definition)) { data = fields }
        if let existing { data["changed"] = .array(changedFields(from: existing, to: facility).map(JSONValue.string)) }
        var event = try transaction.appendEvent(
            type: existing == nil ? FacilityEvents.created : FacilityEvents.updated, subject: facility.subject,
            data: .object(data))
        if let capOverride, capOverride != existing?.capOverride {
            event = try transaction.appendEvent(
                type: FacilityEvents.capBreached, subject: facility.subject,
                data: .object(JSONObject([
                    ("cap", .integer(Int64(settings.cap))), ("capacity", .integer(Int64(facility.capacity))),
                    ("expansion_capacity", facility.expansionCapacity.map { .integer(Int64($0)) } ?? .null),
                    ("reason", .string(capOverride.reason)),
                ])))
        } else if capOverride == nil, existing?.capOverride != nil {
            event = try transaction.appendEvent(
                type: FacilityEvents.capRestored, subject: facility.subject,
                data: .object(JSONObject([("cap", .integer(Int64(settings.cap))), ("capacity", .integer(Int64(facility.capacity)))])))
        }
        try transaction.saveFacility(facility, seq: event.seq)
        if existing == nil || existing?.available != facility.available {
            try transaction.noteAvailableDay(facility: id, day: calendar.date(of: now), available: facility.available)
        }
        return try reply(facility, created: existing == nil, changed: true, seq: event.seq, settings: settings, now: now)
    }

    /// The override to store: nil within the cap; above it, the one already stored when the
    /// excess is unchanged, else the request's override (the route has checked `admin`).
    private static func capOverride(
        _ definition: FacilityDefinition, _ request: CapOverrideRequest?, existing: Facility?, cap: Int,
        _ transaction: WriteTransaction
    ) throws -> CapOverride? {
        guard let excess = definition.capExcess(cap: cap) else { return nil }
        // A change that leaves an already overridden excess as it was (closing the facility,
        // say) does not need a new override.
        if request == nil, let previous = existing?.capOverride, previous.cap == cap,
            existing?.largestCapacity == definition.largestCapacity
        {
            return previous
        }
        guard let request else {
            var error = APIError(
                .capExceeded,
                Text(
                    "\(excess.field) \(excess.requested) is above the cap of \(cap) places per facility;"
                        + " an administrator may record it with cap_override and a reason",
                    nb: "\(excess.field) \(excess.requested) er over taket på \(cap) plasser per mottak;"
                        + " en administrator kan registrere det med cap_override og en begrunnelse"))
            error.details = JSONObject([
                ("cap", .integer(Int64(cap))), ("requested", .integer(Int64(excess.requested))), ("field", .string(excess.field)),
            ])
            throw error
        }
        let reason = request.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= maximumReasonLength else {
            throw APIError.invalidField(
                "cap_override.reason",
                Text("must be 1 to \(maximumReasonLength) characters", nb: "må være 1 til \(maximumReasonLength) tegn"))
        }
        if let previous = existing?.capOverride, previous.reason == reason, previous.cap == cap,
            existing?.largestCapacity == definition.largestCapacity
        {
            return previous
        }
        return CapOverride(reason: reason, by: transaction.actor.user, at: transaction.now, cap: cap)
    }

    private static func changedFields(from old: Facility, to new: Facility) -> [String] {
        var fields: [String] = []
        func note(_ name: String, _ changed: Bool) { if changed { fields.append(name) } }
        note("name", old.name != new.name)
        note("kind", old.kind != new.kind)
        note("status", old.status != new.status)
        note("operator", old.operatorName != new.operatorName)
        note("district", old.district != new.district)
        note("authority", old.authority != new.authority)
        note("capacity", old.capacity != new.capacity)
        note("expansion_capacity", old.expansionCapacity != new.expansionCapacity)
        note("blocked", old.blocked != new.blocked)
        note("note", old.note != new.note)
        note("cap_override", old.capOverride != new.capOverride)
        return fields
    }

    private static func reply(
        _ facility: Facility, created: Bool, changed: Bool, seq: Int64, settings: DaemonConfiguration.Capacity, now: Timestamp
    ) throws -> CommandReply {
        try CommandReply.json(
            status: created ? 201 : 200,
            FacilityChanged(
                facility: FacilityRoutes.resource(facility, settings, now: now), created: created, changed: changed,
                eventSeq: seq))
    }
}

extension FacilityDefinition {
    /// Names without surrounding white space, so that a name of white space only is empty
    /// (as the incident log and districts treat theirs).
    fileprivate var trimmed: FacilityDefinition {
        var copy = self
        copy.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        copy.operatorName = operatorName.trimmingCharacters(in: .whitespacesAndNewlines)
        return copy
    }
}
