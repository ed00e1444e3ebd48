import BeredskapCore
import Testing

@testable import BeredskapDaemon

@Suite struct DeadlineConfigurationTests {
    func parse(_ text: String) throws(ConfigurationError) -> DaemonConfiguration { try ConfigurationTests().parse(text) }
    func problem(_ text: String) -> String { ConfigurationTests().problem(text) }

    @Test func theShippedFileWritesOutTheDefaultRules() throws {
        let embedded = try ConfigurationLoader.loadEmbedded()
        #expect(embedded.deadlines.active == DeadlineRule.defaults)
        #expect(embedded.deadlines.rules.allSatisfy { $0.enabled })
    }

    @Test func aRuleNamedByIdChangesOnlyWhatItGives() throws {
        let configuration = try parse(#"""
            { deadlines: { rules: [
              { id: "health_exam", due_soon_days: 21 },
              { id: "tb_screening", enabled: false },
              { id: "dental_check", start: "arrived_norway", due: { months: 6 }, met_by: "health_exam",
                conditions: { age: { from: 0, through: 17 } } },
            ] } }
            """#)
        let rules = configuration.deadlines.active
        #expect(rules.map(\.id) == [
            "arrival_centre_stay", "health_exam", "school_offer", "representative", "minor_settled", "adult_settled",
            "intro_start", "skills_mapping", "disability_grant", "minor_turns_18", "dental_check",
        ])
        let health = try #require(rules.first { $0.id == "health_exam" })
        #expect(health.dueSoonDays == 21)
        #expect(health.due == .after(.months(3)))
        let dental = try #require(rules.last)
        #expect(dental.conditions == [.age(from: 0, through: 17)])
        #expect(dental.dueSoonDays == 0)
    }

    @Test func aRuleCanFallDueOnABirthday() throws {
        let configuration = try parse(#"""
            { deadlines: { rules: [
              { id: "minor_turns_18", due: { at_age: 19 } },
              { id: "turns_67", start: "settled", due: { at_age: 67 }, met_by: "intro_ended" },
            ] } }
            """#)
        let rules = configuration.deadlines.active
        #expect(rules.first { $0.id == "minor_turns_18" }?.due == .atAge(19))
        #expect(rules.last?.due == .atAge(67))
        #expect(rules.last?.conditions == [])
    }

    @Test func problemsNameTheFieldPath() {
        #expect(problem(#"{ deadlines: { rules: [{ id: "tb_screening" }, { id: "x", start: "arrived_norway", due: { months: 0 }, met_by: "settled" }] } }"#)
            == "test.json5: deadlines.rules[1].due.months: expected 1 to 120")
        #expect(problem(#"{ deadlines: { rules: [{ id: "health_exam", due: { days: 3, months: 1 } }] } }"#)
            == "test.json5: deadlines.rules[0].due.days: give exactly one of days, months, hours")
        #expect(problem(#"{ deadlines: { rules: [{ id: "new_rule", start: "arrived_norway", met_by: "settled" }] } }"#)
            == "test.json5: deadlines.rules[0].due: is required for a rule that is not a default")
        #expect(problem(#"{ deadlines: { rules: [{ id: "health_exam" }, { id: "health_exam" }] } }"#)
            == "test.json5: deadlines.rules[1].id: health_exam is listed twice")
        #expect(problem(#"{ deadlines: { rules: [{ id: "school_offer", conditions: { age: { from: 16, through: 6 } } }] } }"#)
            == "test.json5: deadlines.rules[0].conditions.age.through: expected 16 (age.from) to 130 years")
        #expect(problem(#"{ deadlines: { rules: [{ id: "health_exam", due_soon_days: -1 }] } }"#)
            == "test.json5: deadlines.rules[0].due_soon_days: expected 0 to 365 days")
        #expect(problem(#"{ deadlines: { rules: [{ id: "health_exam", met_by: "arrived_norway" }] } }"#)
            == "test.json5: deadlines.rules[0].met_by: must differ from start")
        #expect(problem(#"{ deadlines: { rules: [{ id: "skills_mapping", due: { before: "intro_started" } }] } }"#)
            == "test.json5: deadlines.rules[0].due.at_latest: is required with before")
        #expect(problem(#"{ deadlines: { rules: [{ id: "minor_turns_18", due: { at_age: 0 } }] } }"#)
            == "test.json5: deadlines.rules[0].due.at_age: expected 1 to 130 years")
        #expect(problem(#"{ deadlines: { rules: [{ id: "minor_turns_18", due: { at_age: 18, months: 1 } }] } }"#)
            == "test.json5: deadlines.rules[0].due.at_age: goes alone: give at_age, or one of days, months, hours, before")
        #expect(problem(#"{ deadlines: { rules: [{ id: "health_exam", start: "arrived" }] } }"#).hasPrefix(
            "test.json5: deadlines.rules[0].start: expected one of: arrived_norway"))
        #expect(problem(#"{ deadlines: { rules: [{ id: "health_exam", colour: "red" }] } }"#).hasPrefix(
            "test.json5: deadlines.rules[0].colour: unknown field"))
    }
}
