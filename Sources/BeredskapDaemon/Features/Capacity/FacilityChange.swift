import BeredskapAPI
import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapStore

/// Creating or changing a facility inside the writer's transaction: reads what the rule needs
/// (whether the district exists), asks `FacilityChangeRule`, and writes what it decided — the
/// events and the row.
///
/// Why every path goes through `apply`: the cap must hold for `PUT`, `PATCH`, the seed and a
/// playbook's step alike, so there is exactly one place that asks the rule.
enum FacilityChange {
    static func apply(
        id: String, definition: FacilityDefinition, override: CapOverrideRequest?, existing: Facility?,
        settings: DaemonConfiguration.Capacity, calendar: LocalCalendar, in transaction: inout WriteTransaction
    ) throws -> CommandReply {
        let districtExists = try definition.district.map { try transaction.connection.district($0) != nil } ?? true
        let now = transaction.now
        let decision: FacilityChangeRule.Decision
        do {
            decision = try FacilityChangeRule.decide(FacilityChangeRule.Request(
                id: id, definition: definition, overrideReason: override?.reason, existing: existing,
                districtExists: districtExists, cap: settings.cap, by: transaction.actor.user, at: now))
        } catch {
            throw refused(error)
        }
        let change: FacilityChangeRule.Change
        switch decision {
        case .unchanged(let stored):
            let seq = try transaction.connection.facilityLastSeq(id) ?? 0
            return try reply(stored, created: false, changed: false, seq: seq, settings: settings, now: now)
        case .change(let decided):
            change = decided
        }
        let facility = change.facility
        var event = try transaction.appendEvent(
            change.created ? CapacityEvents.facilityCreated : CapacityEvents.facilityUpdated,
            CapacityEvents.FacilityDefined(facility.definition, changed: change.created ? nil : change.changedFields),
            subject: facility.subject)
        switch change.cap {
        case .breached(let capOverride):
            // The reason is kept in its own row, which the event names.
            let id = try transaction.connection.nextCapOverrideID()
            event = try transaction.appendEvent(
                CapacityEvents.capBreached,
                CapacityEvents.CapBreached(
                    cap: settings.cap, capacity: facility.capacity, expansionCapacity: facility.expansionCapacity, override: id),
                subject: facility.subject)
            try transaction.insertCapOverride(id: id, seq: event.seq, facility: facility.id, reason: capOverride.reason)
        case .restored:
            event = try transaction.appendEvent(
                CapacityEvents.capRestored, CapacityEvents.CapRestored(cap: settings.cap, capacity: facility.capacity),
                subject: facility.subject)
        case nil:
            break
        }
        try transaction.saveFacility(facility, seq: event.seq)
        if change.availableChanged {
            try transaction.noteAvailableDay(facility: id, day: calendar.date(of: now), available: facility.available)
        }
        return try reply(facility, created: change.created, changed: true, seq: event.seq, settings: settings, now: now)
    }

    /// The API's answer to a refusal: the field that is wrong, or the cap with what was asked.
    private static func refused(_ refusal: FacilityChangeRule.Refusal) -> APIError {
        switch refusal {
        case .invalid(let problem):
            return APIError.invalidField(problem.field, problem.problem)
        case .capExceeded(let field, let requested, let cap):
            var error = APIError(
                .capExceeded,
                Text(
                    "\(field) \(requested) is above the cap of \(cap) places per facility;"
                        + " an administrator may record it with cap_override and a reason",
                    nb: "\(field) \(requested) er over taket på \(cap) plasser per mottak;"
                        + " en administrator kan registrere det med cap_override og en begrunnelse"))
            error.details = JSONObject([
                ("cap", .integer(Int64(cap))), ("requested", .integer(Int64(requested))), ("field", .string(field)),
            ])
            return error
        }
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
