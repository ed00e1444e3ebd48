import Testing
@testable import BeredskapCore

/// Oslo mottak (150 places, expandable to 180) with one change.
private func mottak(_ change: (inout FacilityDefinition) -> Void = { _ in }) -> FacilityDefinition {
    var definition = FacilityDefinition(
        name: "Oslo mottak", kind: .ordinary, status: .open, operatorName: "Oslo kommune", district: "sagene",
        authority: .municipality, capacity: 150, expansionCapacity: 180)
    change(&definition)
    return definition
}

@Suite struct FacilityDefinitionTests {
    static let cases: [(FacilityDefinition, [String])] = [
        (mottak(), []),
        (mottak { $0.capacity = -1 }, ["capacity"]),
        (mottak { $0.blocked = -1 }, ["blocked"]),
        (mottak { $0.expansionCapacity = -1 }, ["expansion_capacity"]),
        (mottak { $0.capacity = 100_001; $0.expansionCapacity = nil }, ["capacity"]),
        (mottak { $0.capacity = 100_000; $0.expansionCapacity = nil; $0.blocked = 100_000 }, []),
        (mottak { $0.expansionCapacity = 100_001 }, ["expansion_capacity"]),
        (mottak { $0.blocked = 151 }, ["blocked"]),
        (mottak { $0.blocked = 150 }, []),
        (mottak { $0.expansionCapacity = 149 }, ["expansion_capacity"]),
        (mottak { $0.expansionCapacity = 150 }, []),
        (mottak { $0.expansionCapacity = nil }, []),
        (mottak { $0.name = "" }, ["name"]),
        (mottak { $0.operatorName = "" }, ["operator"]),
        (mottak { $0.note = "" }, []),
        (mottak { $0.name = String(repeating: "å", count: 200) }, []),
        (mottak { $0.name = String(repeating: "å", count: 201) }, ["name"]),
        (mottak { $0.note = String(repeating: "x", count: 2001) }, ["note"]),
        (mottak { $0.name = "Refstad\ntransitt" }, ["name"]),
        (mottak { $0.operatorName = "Hero\u{7F}" }, ["operator"]),
        (mottak { $0.note = "C1 \u{85} control" }, ["note"]),
        (mottak { $0.note = "tab\tseparated" }, ["note"]),
        (mottak { $0.name = "Ila\u{A0}mottak, Grünerløkka" }, []),
        (mottak { $0.name = ""; $0.capacity = -5; $0.blocked = -1 }, ["name", "capacity", "blocked"]),
    ]

    @Test("Each broken rule is reported under its field, and only once", arguments: cases)
    func problems(definition: FacilityDefinition, fields: [String]) {
        #expect(definition.problems().map(\.field) == fields)
    }

    static let messages: [(FacilityDefinition, String)] = [
        (mottak { $0.blocked = 151 }, "must not exceed capacity (150)"),
        (mottak { $0.expansionCapacity = 149 }, "must be at least capacity (150)"),
        (mottak { $0.capacity = -1 }, "expected an integer between 0 and 100000"),
        (mottak { $0.name = "" }, "must not be empty"),
        (mottak { $0.name = String(repeating: "x", count: 201) }, "must be at most 200 characters"),
        (mottak { $0.note = "\u{1B}[31m" }, "must not contain control characters"),
    ]

    @Test("The problems explain the rule", arguments: messages)
    func problemMessages(definition: FacilityDefinition, message: String) {
        #expect(definition.problems().map(\.problem.en) == [message])
    }

    static let capCases: [(Int, Int?, String?, Int?)] = [
        (1000, nil, nil, nil),
        (1000, 1000, nil, nil),
        (150, 180, nil, nil),
        (1001, nil, "capacity", 1001),
        (900, 1001, "expansion_capacity", 1001),
        (1200, 1500, "expansion_capacity", 1500),
    ]

    @Test("The cap is checked against expansion first, then capacity; exactly at the cap is allowed", arguments: capCases)
    func capExcess(capacity: Int, expansion: Int?, field: String?, requested: Int?) {
        let excess = mottak { $0.capacity = capacity; $0.expansionCapacity = expansion }.capExcess(cap: 1000)
        #expect(excess?.field == field)
        #expect(excess?.requested == requested)
    }

    @Test("The cap is configuration: a lower cap catches Oslo mottak's expansion")
    func customCap() {
        #expect(mottak().capExcess(cap: 180) == nil)
        #expect(mottak().capExcess(cap: 179)?.field == "expansion_capacity")
        #expect(mottak().largestCapacity == 180)
        #expect(mottak { $0.expansionCapacity = nil }.largestCapacity == 150)
    }

    @Test("A definition read back from a facility has the facility's declared figures")
    func definitionOfFacility() {
        let refstad = facility(.transit, .closing, capacity: 250, occupied: 40, blocked: 5, expansion: 300, district: "bjerke")
        #expect(refstad.definition == FacilityDefinition(
            name: "Refstad", kind: .transit, status: .closing, operatorName: "Hero", district: "bjerke",
            authority: .udi, capacity: 250, expansionCapacity: 300, blocked: 5))
    }
}

@Suite struct FacilityStalenessTests {
    private static let hour = FixedDuration.seconds(3600)
    private static let now = instant(hour: 500_000)

    static let cases: [(FacilityStatus, Int64?, Bool)] = [
        (.open, nil, true),
        (.closing, nil, true),
        (.open, 0, false),
        (.open, 3_600_000, false),
        (.open, 3_600_001, true),
        (.closing, 86_400_000, true),
        (.planned, nil, false),
        (.standby, nil, false),
        (.closed, 86_400_000, false),
    ]

    @Test("An operating facility is stale without a head count for longer than staleAfter, or with none; others never are",
          arguments: cases)
    func isStale(status: FacilityStatus, reportAgo: Int64?, stale: Bool) {
        let report = reportAgo.map { Self.now.adding(milliseconds: -$0) }
        let facility = facility(.transit, status, capacity: 100, lastReportAt: report)
        #expect(facility.isStale(at: Self.now, staleAfter: Self.hour) == stale)
    }
}
