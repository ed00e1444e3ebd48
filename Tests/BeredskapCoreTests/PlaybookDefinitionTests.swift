import BeredskapJSON
import Testing
@testable import BeredskapCore

/// A playbook file around `steps` (JSON5 text of the array's members) with `trigger`; shared
/// by the playbook suites so each test shows only what it is about.
func playbookSource(
    id: String = "test", trigger: String = #"{ alert: { rule: "facility_utilization", subject: "facility/*" } }"#,
    extra: String = "", steps: String
) -> String {
    """
    {
      id: "\(id)",
      title: { nb: "Prøve", en: "Test" },
      description: { nb: "Beskrivelse", en: "Description" },
      trigger: \(trigger),
      \(extra)
      steps: [\(steps)],
    }
    """
}

/// A step as JSON5 text.
func stepSource(_ id: String, dependsOn: [String] = [], owner: String = "beredskapsetaten", due: String = "PT1H",
                action: String = "{ task: {} }") -> String {
    let dependencies = dependsOn.map { "\"\($0)\"" }.joined(separator: ", ")
    return """
        { id: "\(id)", title: { nb: "Steg \(id)", en: "Step \(id)" }, owner: "\(owner)", due: "\(due)",
          depends_on: [\(dependencies)], action: \(action) },
        """
}

func decodePlaybook(_ text: String) throws -> PlaybookDefinition {
    try JSONValueDecoder().decode(PlaybookDefinition.self, from: Array(text.utf8), options: .json5)
}

/// The decoding error for `text`, or nil when it decodes.
func decodingError(_ text: String) -> JSONFieldError? {
    do {
        _ = try JSONValueDecoder().decode(PlaybookDefinition.self, from: Array(text.utf8), options: .json5)
        return nil
    } catch {
        return error
    }
}

@Suite struct PlaybookDefinitionTests {
    @Test("Every trigger shape decodes, and a surge or manual trigger starts nothing on an alert")
    func triggers() throws {
        let alert = try decodePlaybook(playbookSource(
            trigger: #"{ alert: { rule: "facility_cap", severity: "critical", subject: "facility/refstad" } }"#,
            steps: stepSource("a")))
        #expect(alert.trigger == .alert(.init(rule: "facility_cap", severity: .critical, subject: "facility/refstad")))
        let key = AlertKey(rule: "facility_cap", subject: "facility/refstad")
        #expect(alert.trigger.matches(key, severity: .critical))
        #expect(!alert.trigger.matches(key, severity: .warning))

        let surge = try decodePlaybook(playbookSource(trigger: #"{ surge: { level: "high" } }"#, steps: stepSource("a")))
        #expect(surge.trigger == .surge(.init(level: .high)))
        #expect(surge.trigger.matches(surgeLevel: .high))
        #expect(!surge.trigger.matches(surgeLevel: .crisis))
        #expect(!surge.trigger.matches(key, severity: .critical))

        let manual = try decodePlaybook(playbookSource(trigger: "{ manual: true }", steps: stepSource("a")))
        #expect(manual.trigger == .manual)
        #expect(!manual.trigger.matches(surgeLevel: .crisis))
    }

    @Test("An alert trigger without subject or severity matches every subject and severity of its rule")
    func alertTriggerDefaults() throws {
        let playbook = try decodePlaybook(playbookSource(trigger: #"{ alert: { rule: "stale_report" } }"#, steps: stepSource("a")))
        #expect(playbook.trigger.matches(AlertKey(rule: "stale_report", subject: "facility/torshov"), severity: .info))
        #expect(!playbook.trigger.matches(AlertKey(rule: "facility_cap", subject: "facility/torshov"), severity: .info))
    }

    static let actions: [(String, PlaybookAction)] = [
        ("{ task: {} }", .task),
        (#"{ notify: { groups: ["beredskapsetaten"], message: { nb: "Hei", en: "Hi" } } }"#,
         .notify(.init(groups: ["beredskapsetaten"], message: PlaybookText(nb: "Hei", en: "Hi")))),
        (#"{ set_facility_status: { facility: "refstad", status: "open" } }"#,
         .setFacilityStatus(.init(facility: "refstad", status: .open))),
        ("{ wait_for: { alert_resolved: true } }", .waitFor(.alertResolved)),
        (#"{ wait_for: { utilization_below: { subject: "city", value: 0.75 } } }"#,
         .waitFor(.utilizationBelow(.init(subject: "city", value: 0.75)))),
        (#"{ log: { text: { nb: "Notat", en: "Note" } } }"#, .log(.init(text: PlaybookText(nb: "Notat", en: "Note")))),
    ]

    @Test("Every action shape decodes and encodes back to the same value", arguments: actions)
    func actionShapes(source: String, expected: PlaybookAction) throws {
        let playbook = try decodePlaybook(playbookSource(steps: stepSource("a", action: source)))
        #expect(playbook.steps.first?.action == expected)
        let encoded = try JSONValueEncoder().encode(playbook)
        #expect(try JSONValueDecoder().decode(PlaybookDefinition.self, from: encoded) == playbook)
    }

    @Test("A step's depends_on defaults to empty, and due is an exact ISO 8601 duration")
    func stepDefaults() throws {
        let source = playbookSource(steps: #"{ id: "a", title: { nb: "A", en: "A" }, owner: "x", due: "P1DT2H", action: { task: {} } }"#)
        let step = try #require(try decodePlaybook(source).steps.first)
        #expect(step.dependsOn == [])
        #expect(step.due == FixedDuration(milliseconds: 26 * 3_600_000))
    }

    static let decodingErrors: [(String, String, String)] = [
        // (step action or field change, expected field, expected start of the problem)
        ("{ task: {}, log: { text: { nb: \"x\", en: \"x\" } } }", "steps[0].action",
         "expected exactly one of: task, notify, set_facility_status, wait_for, log (found task, log)"),
        ("{ tsak: {} }", "steps[0].action", "expected exactly one of: task, notify, set_facility_status, wait_for, log (found none)"),
        ("{ task: { note: \"x\" } }", "steps[0].action.task.note", "unknown field"),
        ("{ set_facility_status: { facility: \"refstad\", status: \"opened\" } }", "steps[0].action.set_facility_status.status",
         "expected one of: planned, standby, open, closing, closed"),
        ("{ wait_for: { alert_resolved: false } }", "steps[0].action.wait_for.alert_resolved", "must be true"),
    ]

    @Test("Decoding errors name the field: several or no choices, unknown fields, bad status values",
          arguments: decodingErrors)
    func actionErrors(action: String, field: String, problem: String) throws {
        let error = try #require(decodingError(playbookSource(steps: stepSource("a", action: action))))
        #expect(error.field == field)
        #expect(error.problem.hasPrefix(problem), "\(error.problem)")
    }

    @Test("Calendar durations, a missing due, a false manual trigger and unknown top-level fields are refused")
    func fieldErrors() throws {
        let month = try #require(decodingError(playbookSource(steps: stepSource("a", due: "P1M"))))
        #expect(month.field == "steps[0].due")
        #expect(month.problem.contains("no years or months"))

        let missingDue = try #require(decodingError(playbookSource(
            steps: #"{ id: "a", title: { nb: "A", en: "A" }, owner: "x", action: { task: {} } }"#)))
        #expect(missingDue.description == "steps[0].due: is required")

        let manual = try #require(decodingError(playbookSource(trigger: "{ manual: false }", steps: stepSource("a"))))
        #expect(manual.field == "trigger.manual")

        let unknown = try #require(decodingError(playbookSource(extra: "owner: \"x\",", steps: stepSource("a"))))
        #expect(unknown.field == "owner")
        #expect(unknown.problem.hasPrefix("unknown field"))

        let oneLanguage = try #require(decodingError(playbookSource(
            steps: #"{ id: "a", title: { nb: "A" }, owner: "x", due: "PT1H", action: { task: {} } }"#)))
        #expect(oneLanguage.description == "steps[0].title.en: is required")
    }
}
