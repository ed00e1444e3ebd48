import Testing
@testable import BeredskapCore

private let now = Timestamp(millisecondsSinceEpoch: 1_795_000_000_000)
private let cap = 1000

private func definition(
    name: String = "Refstad", status: FacilityStatus = .open, district: String? = nil, capacity: Int = 300,
    expansion: Int? = nil, blocked: Int = 0
) -> FacilityDefinition {
    FacilityDefinition(
        name: name, kind: .transit, status: status, operatorName: "Hero", district: district, authority: .udi,
        capacity: capacity, expansionCapacity: expansion, blocked: blocked)
}

private func request(
    _ definition: FacilityDefinition, existing: Facility? = nil, reason: String? = nil, districtExists: Bool = true,
    cap: Int = cap
) -> FacilityChangeRule.Request {
    FacilityChangeRule.Request(
        id: "refstad", definition: definition, overrideReason: reason, existing: existing, districtExists: districtExists,
        cap: cap, by: "ola", at: now)
}

private struct NoChange: Error {}

private func change(_ request: FacilityChangeRule.Request) throws -> FacilityChangeRule.Change {
    guard case .change(let change) = try FacilityChangeRule.decide(request) else { throw NoChange() }
    return change
}

/// A stored facility created a day ago, with people and a head count.
private func stored(_ definition: FacilityDefinition, override: CapOverride? = nil) -> Facility {
    let created = now.adding(milliseconds: -86_400_000)
    return Facility(
        id: "refstad", definition: definition, occupied: 120, lastReportAt: created, lastChangeAt: created,
        capOverride: override, createdAt: created, updatedAt: created)
}

private let earlierOverride = CapOverride(
    reason: "UDI asks", by: "kari", at: now.adding(milliseconds: -3_600_000), cap: cap)

@Suite struct FacilityChangeRuleTests {
    @Test("A new facility within the cap is created with no override; its places are noted from today")
    func created() throws {
        let new = try change(request(definition()))
        #expect(new.created)
        #expect(new.changedFields.isEmpty)
        #expect(new.cap == nil)
        #expect(new.availableChanged)
        #expect(new.facility.capOverride == nil)
        #expect(new.facility.createdAt == now && new.facility.updatedAt == now)
        #expect(new.facility.occupied == 0 && new.facility.lastReportAt == nil)
    }

    @Test("Names are stored trimmed, and one of white space only is refused as empty")
    func trimmedNames() throws {
        #expect(try change(request(definition(name: "  Refstad \n"))).facility.name == "Refstad")
        #expect(throws: FacilityChangeRule.Refusal.invalid(FieldProblem("name", Text("must not be empty", nb: "kan ikke være tom")))) {
            try FacilityChangeRule.decide(request(definition(name: "   ")))
        }
    }

    @Test("The definition's first problem is refused before anything else is looked at")
    func definitionProblems() {
        #expect(throws: FacilityChangeRule.Refusal.invalid(definition(capacity: 10, blocked: 20).problems()[0])) {
            try FacilityChangeRule.decide(request(definition(district: "nowhere", capacity: 10, blocked: 20), districtExists: false))
        }
    }

    @Test("A district that does not exist is refused; without a district none is asked for")
    func districts() throws {
        #expect {
            try FacilityChangeRule.decide(request(definition(district: "nowhere"), districtExists: false))
        } throws: { error in
            guard case FacilityChangeRule.Refusal.invalid(let problem) = error else { return false }
            return problem.field == "district" && problem.problem.en.contains("nowhere")
        }
        _ = try change(request(definition(district: "grorud")))
        _ = try change(request(definition(district: nil), districtExists: false))
    }

    @Test("Above the cap without an override is refused, naming expansion before capacity")
    func capExceeded() {
        #expect(throws: FacilityChangeRule.Refusal.capExceeded(field: "capacity", requested: 1200, cap: cap)) {
            try FacilityChangeRule.decide(request(definition(capacity: 1200)))
        }
        #expect(throws: FacilityChangeRule.Refusal.capExceeded(field: "expansion_capacity", requested: 1500, cap: cap)) {
            try FacilityChangeRule.decide(request(definition(capacity: 1200, expansion: 1500)))
        }
        // At the cap is within it.
        #expect(throws: Never.self) { try FacilityChangeRule.decide(request(definition(capacity: cap))) }
    }

    @Test("An override above the cap is recorded with its trimmed reason, who gave it and when: the cap is breached")
    func overrideGiven() throws {
        let new = try change(request(definition(capacity: 1200), reason: "  State request \n"))
        let expected = CapOverride(reason: "State request", by: "ola", at: now, cap: cap)
        #expect(new.facility.capOverride == expected)
        #expect(new.cap == .breached(expected))
    }

    @Test("An override's reason must be 1 to 500 characters")
    func overrideReason() throws {
        for reason in ["", "  \n", String(repeating: "x", count: FacilityChangeRule.maximumOverrideReasonLength + 1)] {
            #expect {
                try FacilityChangeRule.decide(request(definition(capacity: 1200), reason: reason))
            } throws: { error in
                guard case FacilityChangeRule.Refusal.invalid(let problem) = error else { return false }
                return problem.field == "cap_override.reason"
            }
        }
        let longest = String(repeating: "x", count: FacilityChangeRule.maximumOverrideReasonLength)
        #expect(try change(request(definition(capacity: 1200), reason: longest)).facility.capOverride?.reason == longest)
        // Within the cap an override's reason is not looked at: there is nothing to override.
        #expect(try change(request(definition(), reason: "")).facility.capOverride == nil)
    }

    @Test("A change that leaves an overridden excess as it was keeps the override without a new one")
    func overrideKept() throws {
        let existing = stored(definition(capacity: 1200), override: earlierOverride)
        let closing = try change(request(definition(status: .closing, capacity: 1200), existing: existing))
        #expect(closing.facility.capOverride == earlierOverride)
        #expect(closing.cap == nil)
        #expect(closing.changedFields == ["status"])
        // The same reason again is the same override, not a new breach.
        let again = try change(request(definition(status: .closing, capacity: 1200), existing: existing, reason: "UDI asks"))
        #expect(again.facility.capOverride == earlierOverride)
        #expect(again.cap == nil)
    }

    @Test("A changed excess, or a cap that changed since, needs an override again")
    func overrideRenewed() throws {
        let existing = stored(definition(capacity: 1200), override: earlierOverride)
        #expect(throws: FacilityChangeRule.Refusal.capExceeded(field: "capacity", requested: 1300, cap: cap)) {
            try FacilityChangeRule.decide(request(definition(capacity: 1300), existing: existing))
        }
        #expect(throws: FacilityChangeRule.Refusal.capExceeded(field: "capacity", requested: 1200, cap: 900)) {
            try FacilityChangeRule.decide(request(definition(capacity: 1200), existing: existing, cap: 900))
        }
        let renewed = try change(request(definition(capacity: 1300), existing: existing, reason: "More buses"))
        let expected = CapOverride(reason: "More buses", by: "ola", at: now, cap: cap)
        #expect(renewed.cap == .breached(expected))
        #expect(renewed.changedFields == ["capacity", "cap_override"])
        // Another reason for the same excess is a new override too.
        let reworded = try change(request(definition(capacity: 1200), existing: existing, reason: "UDI asked again"))
        #expect(reworded.cap == .breached(CapOverride(reason: "UDI asked again", by: "ola", at: now, cap: cap)))
    }

    @Test("Back within the cap, the override goes and the cap is restored")
    func restored() throws {
        let existing = stored(definition(capacity: 1200), override: earlierOverride)
        let within = try change(request(definition(capacity: 900), existing: existing))
        #expect(within.facility.capOverride == nil)
        #expect(within.cap == .restored)
        #expect(within.changedFields == ["capacity", "cap_override"])
    }

    @Test("A request that says what is stored changes nothing")
    func unchanged() throws {
        let existing = stored(definition(name: "Refstad"))
        #expect(try FacilityChangeRule.decide(request(definition(name: " Refstad "), existing: existing)) == .unchanged(existing))
        let overridden = stored(definition(capacity: 1200), override: earlierOverride)
        #expect(try FacilityChangeRule.decide(request(definition(capacity: 1200), existing: overridden)) == .unchanged(overridden))
    }

    @Test("A change keeps the stored figures, names every changed field, and notes places only when they change")
    func changedFields() throws {
        let existing = stored(definition(district: "grorud"))
        let renamed = try change(request(definition(name: "Refstad mottak", district: "grorud"), existing: existing))
        #expect(!renamed.created)
        #expect(renamed.changedFields == ["name"])
        #expect(!renamed.availableChanged)
        #expect(renamed.facility.occupied == 120 && renamed.facility.lastReportAt == existing.lastReportAt)
        #expect(renamed.facility.lastChangeAt == existing.lastChangeAt)
        #expect(renamed.facility.createdAt == existing.createdAt && renamed.facility.updatedAt == now)

        var everything = definition(status: .closing, district: nil, capacity: 400, expansion: 450, blocked: 10)
        everything.name = "Other"
        everything.kind = .arrival
        everything.operatorName = "Norlandia"
        everything.authority = .municipality
        everything.note = "new"
        let all = try change(request(everything, existing: existing))
        #expect(all.changedFields == [
            "name", "kind", "status", "operator", "district", "authority", "capacity", "expansion_capacity", "blocked", "note",
        ])
        #expect(all.availableChanged)
        // Closing keeps the places in use; standby takes them all out of use.
        #expect(!(try change(request(definition(status: .closing, district: "grorud"), existing: existing)).availableChanged))
        #expect(try change(request(definition(status: .standby, district: "grorud"), existing: existing)).availableChanged)
    }
}
