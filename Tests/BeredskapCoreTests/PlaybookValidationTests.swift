import Foundation
import Testing
@testable import BeredskapCore

private let context = PlaybookValidationContext(
    groups: ["beredskapsetaten", "admin-koordinering", "bydel:bjerke"],
    rules: ["facility_utilization", "facility_cap", "city_utilization"],
    facilities: ["refstad", "torshov"])

/// The problems of a playbook built from the shared sources, rendered `field: problem`.
private func problems(
    trigger: String = #"{ alert: { rule: "facility_utilization", subject: "facility/*" } }"#, extra: String = "",
    steps: String
) throws -> [String] {
    let playbook = try decodePlaybook(playbookSource(trigger: trigger, extra: extra, steps: steps))
    return PlaybookValidation.problems(of: playbook, context: context).map(\.description)
}

@Suite struct PlaybookValidationTests {
    @Test("A well-formed playbook has no problems")
    func valid() throws {
        let steps = stepSource("a", owner: "bydel:{district}") + stepSource("b", dependsOn: ["a"])
            + stepSource("c", dependsOn: ["a", "b"], action: "{ wait_for: { utilization_below: { subject: \"{subject}\", value: 0.8 } } }")
        #expect(try problems(extra: #"escalation_group: "admin-koordinering","#, steps: steps) == [])
    }

    @Test("Duplicate step ids, unknown, repeated and self dependencies are named at their field")
    func dependencies() throws {
        let found = try problems(steps: stepSource("a") + stepSource("a") + stepSource("b", dependsOn: ["b", "x", "a", "a"]))
        #expect(found == [
            "steps[1].id: duplicate step id a (first used by steps[0])",
            "steps[2].depends_on[0]: a step cannot depend on itself",
            "steps[2].depends_on[1]: unknown step x",
            "steps[2].depends_on[3]: a is listed twice",
        ])
    }

    @Test("A two-step and a three-step cycle are each reported once, with the path")
    func cycles() throws {
        let two = try problems(steps: stepSource("a", dependsOn: ["b"]) + stepSource("b", dependsOn: ["a"]))
        #expect(two == ["steps[1].depends_on[0]: dependency cycle a → b → a: none of these steps can ever become ready"])

        let three = try problems(steps: stepSource("start") + stepSource("a", dependsOn: ["start", "c"])
            + stepSource("b", dependsOn: ["a"]) + stepSource("c", dependsOn: ["b"]))
        #expect(three == ["steps[2].depends_on[0]: dependency cycle a → c → b → a: none of these steps can ever become ready"])
    }

    @Test("A diamond of dependencies is not a cycle")
    func diamond() throws {
        let steps = stepSource("a") + stepSource("b", dependsOn: ["a"]) + stepSource("c", dependsOn: ["a"])
            + stepSource("d", dependsOn: ["b", "c"])
        #expect(try problems(steps: steps) == [])
    }

    @Test("Unknown groups, rules and facilities are named, and a bad subject pattern")
    func unknownNames() throws {
        let steps = stepSource("a", owner: "bydel:frogner")
            + stepSource("b", action: #"{ notify: { groups: ["beredskapsetaten", "politikk"], message: { nb: "x", en: "x" } } }"#)
            + stepSource("c", action: #"{ set_facility_status: { facility: "tøyen", status: "open" } }"#)
        let found = try problems(
            trigger: #"{ alert: { rule: "facility_full", subject: "facility/refstad" } }"#,
            extra: #"escalation_group: "vakt","#, steps: steps)
        #expect(found == [
            "trigger.alert.rule: unknown rule facility_full (known: city_utilization, facility_cap, facility_utilization)",
            "escalation_group: unknown group vakt",
            "steps[0].owner: unknown group bydel:frogner",
            "steps[1].action.notify.groups[1]: unknown group politikk",
            "steps[2].action.set_facility_status.facility: unknown facility tøyen",
        ])
        let subject = try problems(trigger: #"{ alert: { rule: "facility_cap", subject: "facility/nowhere" } }"#, steps: stepSource("a"))
        #expect(subject == ["trigger.alert.subject: unknown facility nowhere"])
        let pattern = try problems(trigger: #"{ alert: { rule: "facility_cap", subject: "Facility" } }"#, steps: stepSource("a"))
        #expect(pattern.first?.hasPrefix("trigger.alert.subject: expected a subject") == true)
    }

    @Test("bydel:{district} and alert-only conditions need an alert trigger whose subject lies in a district")
    func triggerDependentNames() throws {
        let steps = stepSource("a", owner: "bydel:{district}") + stepSource("b", action: "{ wait_for: { alert_resolved: true } }")
            + stepSource("c", action: "{ wait_for: { utilization_below: { subject: \"{subject}\", value: 0.5 } } }")
        let found = try problems(trigger: #"{ surge: { level: "high" } }"#, steps: steps)
        #expect(found == [
            "steps[0].owner: bydel:{district} needs a trigger whose subject lies in a district: an alert on facility/… or district/…",
            "steps[1].action.wait_for.alert_resolved: needs an alert trigger: there is no alert to resolve",
            "steps[2].action.wait_for.utilization_below.subject: {subject} needs an alert trigger",
        ])
        let city = try problems(trigger: #"{ alert: { rule: "city_utilization", subject: "city" } }"#, steps: stepSource("a", owner: "bydel:{district}"))
        #expect(city.count == 1)
    }

    @Test("Zero due, empty titles, surge level normal, bad utilization values and unknown placeholders")
    func values() throws {
        let steps = stepSource("a", due: "PT0S")
            + #"{ id: "b", title: { nb: " ", en: "B" }, owner: "beredskapsetaten", due: "PT1H", action: { task: {} } },"#
            + stepSource("c", action: #"{ wait_for: { utilization_below: { subject: "kind/transit", value: 1.5 } } }"#)
            + stepSource("d", action: #"{ wait_for: { utilization_below: { subject: "district/bjerke", value: 0.5 } } }"#)
            + stepSource("e", action: #"{ log: { text: { nb: "Nivå {level}", en: "Level {level}" } } }"#)
        let found = try problems(trigger: #"{ surge: { level: "normal" } }"#, steps: steps)
        #expect(found == [
            "trigger.surge.level: normal is where a surge ends; expected elevated, high or crisis",
            "steps[0].due: must be longer than zero, e.g. PT2H",
            "steps[1].title.nb: must not be empty",
            "steps[2].action.wait_for.utilization_below.value: expected a fraction above 0 and at most 1 (0.8 = 80 %)",
            "steps[3].action.wait_for.utilization_below.subject: expected facility/<id>, kind/<kind>, city or {subject}",
        ])
        let alertLog = try problems(steps: stepSource("e", action: #"{ log: { text: { nb: "{subject} {level}", en: "{subject}" } } }"#))
        #expect(alertLog == [
            "steps[0].action.log.text.nb: unknown placeholder {level} (this trigger offers {playbook}, {rule}, {subject}, {severity}, {district})",
        ])
    }

    @Test("A playbook without steps or with a bad id is refused")
    func emptyAndIds() throws {
        let playbook = try decodePlaybook(playbookSource(id: "Surge High", steps: ""))
        #expect(PlaybookValidation.problems(of: playbook, context: context).map(\.field) == ["id", "steps"])
    }
}

@Suite struct PlaybookValidationSetTests {
    private func directory(_ files: [String: String]) throws -> String {
        let path = NSTemporaryDirectory() + "playbooks-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(toFile: (path as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return path
    }

    private func failure(_ files: [String: String]) throws -> [String] {
        let path = try directory(files)
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard case .failure(let failure) = PlaybookSet.load(directory: path, context: context) else { return [] }
        return failure.problems.map(\.description)
    }

    @Test("A directory loads its *.json5 files in name order and ignores others")
    func loads() throws {
        let path = try directory([
            "b.json5": playbookSource(id: "second", steps: stepSource("a")),
            "a.json5": playbookSource(id: "first", trigger: #"{ surge: { level: "crisis" } }"#, steps: stepSource("a")),
            "README.md": "not a playbook",
            ".#a.json5": "{ editor backup",
        ])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let set = try PlaybookSet.load(directory: path, context: context).get()
        #expect(set.playbooks.map(\.id) == ["first", "second"])
        #expect(set.files == ["first": "a.json5", "second": "b.json5"])
        #expect(set["second"]?.steps.count == 1)
        #expect(set.started(bySurgeLevel: .crisis).map(\.id) == ["first"])
        #expect(set.started(by: AlertKey(rule: "facility_utilization", subject: "facility/refstad"), severity: .warning).map(\.id)
            == ["second"])
    }

    @Test("Syntax errors give file: line, column; decoding and validation errors give file: field; all at once")
    func refusedAsAWhole() throws {
        let found = try failure([
            "good.json5": playbookSource(id: "good", steps: stepSource("a")),
            "syntax.json5": "{\n  id: \"x\",\n  title: {,\n}",
            "strict.json5": playbookSource(id: "strict", extra: "colour: \"red\",", steps: stepSource("a")),
            "invalid.json5": playbookSource(id: "invalid", steps: stepSource("a", dependsOn: ["z"])),
        ])
        #expect(found.count == 3)
        #expect(found[0] == "invalid.json5: steps[0].depends_on[0]: unknown step z")
        #expect(found[1].hasPrefix("strict.json5: colour: unknown field"))
        #expect(found[2].hasPrefix("syntax.json5: line 3, column 11: "), "\(found[2])")
    }

    @Test("The same playbook id in two files is refused at the later file")
    func duplicateIds() throws {
        let found = try failure([
            "a.json5": playbookSource(id: "same", steps: stepSource("a")),
            "b.json5": playbookSource(id: "same", steps: stepSource("a")),
        ])
        #expect(found == ["b.json5: id: playbook id same is already used by a.json5"])
    }

    @Test("Problems render in bokmål too, and a missing directory is one problem")
    func languagesAndMissingDirectory() throws {
        let path = try directory(["a.json5": "{ id: ]"])
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard case .failure(let failure) = PlaybookSet.load(directory: path, context: context) else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.problems.first?.message(.nb).hasPrefix("a.json5: linje 1, kolonne 7: ") == true)
        guard case .failure(let missing) = PlaybookSet.load(directory: path + "/none", context: context) else {
            Issue.record("expected a failure")
            return
        }
        #expect(missing.problems.map(\.field) == [""])
    }
}
