import Foundation

/// Creating or changing a facility: what is refused, when the cap needs an administrator's
/// override, and what a change means (the facility to store, its events, a new figure of
/// available places) — decided from plain values.
///
/// Why one rule for every path: the cap must hold for `PUT`, `PATCH`, the seed and a playbook's
/// step alike ("every path that can set a capacity"), so they all ask this, and the daemon only
/// reads what it needs (the facility, whether its district exists) and writes the outcome.
public enum FacilityChangeRule {
    public static let maximumOverrideReasonLength = 500

    /// What is asked for, and what it is checked against.
    public struct Request: Sendable, Equatable {
        public var id: String
        public var definition: FacilityDefinition
        /// The reason of an administrator's `cap_override`, when the request has one.
        public var overrideReason: String?
        /// The facility as stored; nil when it is created.
        public var existing: Facility?
        /// Whether the definition's district exists (true when it names none).
        public var districtExists: Bool
        /// The cap in force, in places per facility.
        public var cap: Int
        /// Who asks, and when: an override given now is recorded with them.
        public var by: String
        public var at: Timestamp

        public init(
            id: String, definition: FacilityDefinition, overrideReason: String?, existing: Facility?, districtExists: Bool,
            cap: Int, by: String, at: Timestamp
        ) {
            self.id = id
            self.definition = definition
            self.overrideReason = overrideReason
            self.existing = existing
            self.districtExists = districtExists
            self.cap = cap
            self.by = by
            self.at = at
        }
    }

    /// Why a change is refused.
    public enum Refusal: Error, Sendable, Equatable {
        /// A field is wrong: the definition's, an unknown district, or the override's reason.
        case invalid(FieldProblem)
        /// Capacity or expansion above the cap without an override.
        case capExceeded(field: String, requested: Int, cap: Int)
    }

    /// What the cap's override does with a change.
    public enum CapTransition: Sendable, Equatable {
        /// A new override is stored: the facility is (again, or differently) above the cap.
        case breached(CapOverride)
        /// The override is gone: the facility is within the cap again.
        case restored
    }

    /// A change to store.
    public struct Change: Sendable, Equatable {
        public var facility: Facility
        /// A new facility (`facility.created`) rather than a changed one (`facility.updated`).
        public var created: Bool
        /// The fields that differ from the stored facility, in the API's names (empty when created).
        public var changedFields: [String]
        public var cap: CapTransition?
        /// The places available differ from the stored facility's (or it is new), so the
        /// history notes them from today.
        public var availableChanged: Bool
    }

    public enum Decision: Sendable, Equatable {
        /// The request says what is stored already: nothing is written.
        case unchanged(Facility)
        case change(Change)
    }

    public static func decide(_ request: Request) throws(Refusal) -> Decision {
        let definition = request.definition.trimmed
        if let problem = definition.problems().first { throw .invalid(problem) }
        if let district = definition.district, !request.districtExists {
            throw .invalid(FieldProblem(
                "district",
                Text("unknown district '\(district)' (beredskap districts lists them; null for none)",
                     nb: "ukjent bydel «\(district)» (beredskap districts viser dem; null for ingen)")))
        }
        let existing = request.existing
        let capOverride = try self.capOverride(definition, request)
        if let existing, existing.definition == definition, existing.capOverride == capOverride {
            return .unchanged(existing)
        }
        let facility = Facility(
            id: request.id, definition: definition, occupied: existing?.occupied ?? 0, lastReportAt: existing?.lastReportAt,
            lastChangeAt: existing?.lastChangeAt, capOverride: capOverride, createdAt: existing?.createdAt ?? request.at,
            updatedAt: request.at)
        var cap: CapTransition?
        if let capOverride, capOverride != existing?.capOverride {
            cap = .breached(capOverride)
        } else if capOverride == nil, existing?.capOverride != nil {
            cap = .restored
        }
        return .change(Change(
            facility: facility, created: existing == nil, changedFields: existing.map { changedFields(from: $0, to: facility) } ?? [],
            cap: cap, availableChanged: existing?.available != facility.available))
    }

    /// The override to store: nil within the cap; above it, the one already stored when the
    /// excess is unchanged, else the request's override (whoever may give one has been checked).
    private static func capOverride(_ definition: FacilityDefinition, _ request: Request) throws(Refusal) -> CapOverride? {
        guard let excess = definition.capExcess(cap: request.cap) else { return nil }
        let existing = request.existing
        let previous = existing?.capOverride.flatMap { previous in
            previous.cap == request.cap && existing?.largestCapacity == definition.largestCapacity ? previous : nil
        }
        // A change that leaves an already overridden excess as it was (closing the facility,
        // say) does not need a new override.
        guard let requested = request.overrideReason else {
            if let previous { return previous }
            throw .capExceeded(field: excess.field, requested: excess.requested, cap: request.cap)
        }
        let reason = requested.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= maximumOverrideReasonLength else {
            throw .invalid(FieldProblem(
                "cap_override.reason",
                Text("must be 1 to \(maximumOverrideReasonLength) characters", nb: "må være 1 til \(maximumOverrideReasonLength) tegn")))
        }
        if let previous, previous.reason == reason { return previous }
        return CapOverride(reason: reason, by: request.by, at: request.at, cap: request.cap)
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
