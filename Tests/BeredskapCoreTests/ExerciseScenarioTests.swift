import BeredskapJSON
import Foundation
import Testing
@testable import BeredskapCore

private let oslo = LocalCalendar(identifier: "Europe/Oslo")!

private let context = ExerciseValidationContext(
    facilities: ["refstad", "torshov"], districts: ["bjerke", "grorud"],
    playbooks: ["facility-near-full": ["head-count", "below-80"], "surge-high": ["convene-admin"]],
    rules: ["facility_utilization", "facility_cap", "kind_utilization", "surge_level"], calendar: oslo)

/// A scenario file around `injects` (and optionally setup and expectations), as JSON5.
private func source(start: String = "2026-03-02T08:00", speed: String = "600", facilities: String = "",
                    injects: [String], expectations: [String] = []) -> String {
    """
    {
      id: "drill", title: { nb: "Øvelse", en: "Drill" }, description: { nb: "Beskrivelse", en: "Description" },
      start: "\(start)", speed: \(speed),
      \(facilities.isEmpty ? "" : "facilities: [\(facilities)],")
      injects: [\(injects.joined(separator: ",\n"))],
      expectations: [\(expectations.joined(separator: ",\n"))],
    }
    """
}

private func make(_ text: String, file: String = "drill.json5") -> Result<ExerciseScenario, ExerciseScenarioFailure> {
    ExerciseScenarios.make(file: file, text: text, context: context)
}

/// The problems of a scenario, `file: field: problem` in English; [] when it is valid.
private func problems(_ text: String) -> [String] {
    guard case .failure(let failure) = make(text) else { return [] }
    return failure.problems.map(\.description)
}

private func scenario(_ text: String) throws -> ExerciseScenario {
    switch make(text) {
    case .success(let scenario): return scenario
    case .failure(let failure): throw failure
    }
}

private let arrival = #"{ at: "PT0S", arrivals: { facility: "refstad", count: 10, category: "adult" } }"#

@Suite struct ExerciseScenarioTests {
    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    // MARK: Parsing

    @Test("Every kind of inject is read with its fields and defaults")
    func everyInject() throws {
        let parsed = try scenario(source(
            facilities: #"{ id: "ny", name: "Ny", kind: "emergency", status: "standby", operator: "Øvelse", district: "grorud", authority: "UDI", capacity: 80, occupied: 5 }"#,
            injects: [
                arrival,
                #"{ at: "PT1H", departures: { facility: "refstad", count: 4, reason: "transferred", to: "ny" } }"#,
                #"{ at: "PT2H", head_count: { facility: "torshov", occupied: 77 } }"#,
                #"{ at: "PT3H", facility: { id: "ny", status: "open", capacity: 90 } }"#,
                #"{ at: "PT4H", silence: { rule: "kind_utilization", subject: "kind/emergency", duration: "PT8H" } }"#,
                #"{ at: "PT5H", acknowledge: { rule: "facility_utilization", subject: "facility/refstad", delay: "PT25M", by: "vakt" } }"#,
                #"{ at: "PT5H", acknowledge: { rule: "surge_level", subject: "city" } }"#,
                #"{ at: "PT6H", complete_step: { playbook: "facility-near-full", step: "head-count", subject: "facility/refstad", delay: "PT3H", by: "bydel" } }"#,
                #"{ at: "2026-03-02T15:00", complete_step: { playbook: "surge-high", step: "convene-admin" } }"#,
                #"{ at: "2026-03-02T15:00:00+01:00", pause: "P1DT2H" }"#,
            ]))
        let zero = FixedDuration(milliseconds: 0)
        #expect(parsed.start == .local(CalendarDate(year: 2026, month: 3, day: 2)!, secondsOfDay: 8 * 3600))
        #expect(parsed.speed == .factor(600))
        #expect(parsed.facilities[0].definition == FacilityDefinition(
            name: "Ny", kind: .emergency, status: .standby, operatorName: "Øvelse", district: "grorud", authority: .udi, capacity: 80))
        #expect(parsed.facilities[0].occupied == 5)
        let expected: [ExerciseInject.Action] = [
            .arrivals(ExerciseInject.Arrivals(facility: "refstad", count: 10, category: .adult)),
            .departures(ExerciseInject.Departures(facility: "refstad", count: 4, reason: .transferred, to: "ny")),
            .headCount(ExerciseInject.HeadCount(facility: "torshov", occupied: 77)),
            .facility(ExerciseFacility(id: "ny", status: .open, capacity: 90)),
            .silence(ExerciseInject.SilenceAlerts(rule: "kind_utilization", subject: "kind/emergency", duration: .seconds(8 * 3600))),
            .acknowledge(ExerciseInject.Acknowledge(rule: "facility_utilization", subject: "facility/refstad", delay: .seconds(25 * 60), by: "vakt")),
            .acknowledge(ExerciseInject.Acknowledge(rule: "surge_level", subject: "city", delay: zero, by: ExerciseInject.defaultOperator)),
            .completeStep(ExerciseInject.CompleteStep(
                playbook: "facility-near-full", step: "head-count", subject: "facility/refstad", delay: .seconds(3 * 3600), by: "bydel")),
            .completeStep(ExerciseInject.CompleteStep(playbook: "surge-high", step: "convene-admin")),
            .pause(.seconds(26 * 3600)),
        ]
        let actions = parsed.injects.map(\.action)
        #expect(actions == expected)
        #expect(parsed.injects[1].at == .offset(.seconds(3600)))
        #expect(parsed.injects[8].at == .local(CalendarDate(year: 2026, month: 3, day: 2)!, secondsOfDay: 15 * 3600))
        #expect(parsed.injects[9].at == .instant(Timestamp(rfc3339: "2026-03-02T14:00:00Z")!))
    }

    @Test("Every kind of expectation is read; subject and severity are optional")
    func everyExpectation() throws {
        let parsed = try scenario(source(injects: [arrival], expectations: [
            #"{ surge_level: "high", within: "PT6H" }"#,
            #"{ run_started: "surge-high", within: "PT6H" }"#,
            #"{ alert_fired: { rule: "facility_utilization", subject: "facility/*", severity: "warning" }, within: "PT2H" }"#,
            #"{ no_alert: { rule: "facility_cap" } }"#,
        ]))
        #expect(parsed.expectations == [
            ExerciseExpectation(.surgeLevel(.high), within: .seconds(6 * 3600)),
            ExerciseExpectation(.runStarted("surge-high"), within: .seconds(6 * 3600)),
            ExerciseExpectation(.alertFired(.init(rule: "facility_utilization", subject: "facility/*", severity: .warning)), within: .seconds(7200)),
            ExerciseExpectation(.noAlert(.init(rule: "facility_cap"))),
        ])
        let match = ExerciseAlertMatch(rule: "facility_utilization", subject: "facility/*", severity: .warning)
        #expect(match.matches(AlertKey(rule: "facility_utilization", subject: "facility/refstad"), severity: .critical))
        #expect(!match.matches(AlertKey(rule: "facility_utilization", subject: "facility/refstad"), severity: .info))
        #expect(!match.matches(AlertKey(rule: "facility_utilization", subject: "city"), severity: .critical))
    }

    @Test("The speed is a number or max; a round trip through JSON keeps every field")
    func speedAndRoundTrip() throws {
        let parsed = try scenario(source(speed: #""max""#, injects: [arrival, #"{ at: "PT1H", pause: "PT1H" }"#],
                                         expectations: [#"{ surge_level: "elevated", within: "PT1H" }"#]))
        #expect(parsed.speed == .maximum)
        #expect(ExerciseSpeed(parsing: "max") == .maximum && ExerciseSpeed(parsing: "1000") == .factor(1000))
        #expect(ExerciseSpeed(parsing: "fast") == nil)
        let again = try JSONValueDecoder().decode(ExerciseScenario.self, from: try JSONValueEncoder().encode(parsed))
        #expect(again == parsed)
    }

    @Test("Shape errors are reported at their field: unknown members, none or two kinds, bad times")
    func shapeErrors() {
        #expect(problems(source(injects: [#"{ at: "PT0S", arrivals: { facility: "refstad", count: 1, category: "adult", extra: 1 } }"#]))
            == ["drill.json5: injects[0].arrivals.extra: unknown field (expected one of: facility, count, category)"])
        #expect(problems(source(injects: [#"{ at: "PT0S" }"#])).first?.hasPrefix(
            "drill.json5: injects[0]: expected exactly one of: arrivals, departures, head_count, facility, silence, acknowledge, complete_step, pause (found none)") == true)
        #expect(problems(source(injects: [#"{ at: "PT0S", pause: "PT1H", head_count: { facility: "refstad", occupied: 1 } }"#]))
            .first?.contains("(found pause, head_count)") == true)
        #expect(problems(source(injects: [#"{ at: "P1M", pause: "PT1H" }"#])).first?.hasPrefix("drill.json5: injects[0].at: expected an offset") == true)
        #expect(problems(source(injects: [#"{ at: "PT0S", pause: "P1M" }"#])).first?.hasPrefix("drill.json5: injects[0].pause: expected a fixed") == true)
        #expect(problems(source(speed: #""fast""#, injects: [arrival])).first?.hasPrefix("drill.json5: speed: expected a number") == true)
        #expect(problems(source(injects: [arrival], expectations: [#"{ surge_level: "high", run_started: "surge-high", within: "PT1H" }"#]))
            .first?.contains("expectations[0]: expected exactly one of: surge_level, run_started, alert_fired, no_alert") == true)
        #expect(problems("{ id: ") .first?.hasPrefix("drill.json5: line 1") == true)
    }

    // MARK: Validation

    @Test("The scenario's own fields: id, texts, start, speed, file name")
    func scenarioFields() {
        let text = source(start: "PT1H", speed: "0.5", injects: [arrival])
            .replacingOccurrences(of: #"id: "drill""#, with: #"id: "Drill!""#)
            .replacingOccurrences(of: #"en: "Drill""#, with: #"en: " ""#)
        #expect(problems(text) == [
            "drill.json5: id: expected a slug such as quick-drill (lowercase letters, digits, -, _ and .)",
            "drill.json5: title.en: must not be empty",
            "drill.json5: start: expected a date and time such as 2015-08-03T08:00 (local) or 2015-08-03T06:00:00Z, not an offset",
            "drill.json5: speed: expected a number from 1 (real time) to 1000000, or \"max\"",
        ])
        guard case .failure(let failure) = make(source(injects: [arrival]), file: "other.json5") else {
            Issue.record("a scenario in a file of another name was accepted")
            return
        }
        #expect(failure.problems.map(\.description) == ["other.json5: id: must be the file's name without .json5 (other.json5)"])
        #expect(failure.problems[0].message(.nb) == "other.json5: id: må være filens navn uten .json5 (other.json5)")
    }

    @Test("Setup facilities: duplicates, a change of an unknown facility, the facility rules, districts, head counts")
    func setupProblems() {
        let facilities = [
            #"{ id: "ny", name: "Ny", kind: "transit", status: "open", operator: "X", authority: "UDI", capacity: 10, blocked: 20, district: "nowhere" }"#,
            #"{ id: "ny", status: "open" }"#,
            #"{ id: "ukjent", status: "open", capacity: -1 }"#,
            #"{ id: "refstad", occupied: 200000 }"#,
            #"{ id: "Bad Id" }"#,
        ].joined(separator: ",")
        #expect(problems(source(facilities: facilities, injects: [arrival])) == [
            "drill.json5: facilities[0].blocked: must not exceed capacity (10)",
            "drill.json5: facilities[0].district: unknown district nowhere",
            "drill.json5: facilities[1].id: ny is already set up by facilities[0]",
            "drill.json5: facilities[2].id: unknown facility ukjent: a new facility needs name, kind, operator, authority",
            "drill.json5: facilities[2].capacity: expected an integer between 0 and 100000",
            "drill.json5: facilities[3].occupied: expected an integer between 0 and 100000",
            "drill.json5: facilities[4].id: expected a slug such as ovelse-transitt",
        ])
    }

    @Test("Injects: order, the start, pauses, unknown facilities (also those created later), counts")
    func injectTimes() {
        #expect(problems(source(injects: [])) == ["drill.json5: injects: must have at least one inject"])
        let found = problems(source(injects: [
            #"{ at: "PT2H", arrivals: { facility: "refstad", count: 1, category: "adult" } }"#,
            #"{ at: "PT1H", arrivals: { facility: "refstad", count: 1, category: "adult" } }"#,
            #"{ at: "2026-03-01T08:00", arrivals: { facility: "refstad", count: 1, category: "adult" } }"#,
            #"{ at: "PT3H", pause: "PT2H" }"#,
            #"{ at: "PT4H", arrivals: { facility: "later", count: 0, category: "adult" } }"#,
            #"{ at: "PT5H", pause: "PT0S" }"#,
            #"{ at: "PT6H", facility: { id: "later", name: "L", kind: "emergency", status: "open", operator: "X", authority: "UDI", capacity: 5 } }"#,
            #"{ at: "PT7H", arrivals: { facility: "later", count: 2, category: "adult" } }"#,
        ]))
        #expect(found == [
            "drill.json5: injects[1].at: PT1H is earlier than injects[0]: injects must be in time order",
            "drill.json5: injects[2].at: 2026-03-01T08:00:00 is before the start (2026-03-02T08:00:00)",
            "drill.json5: injects[4].at: PT4H falls in the pause of injects[3] (nothing is injected until it ends)",
            "drill.json5: injects[4].arrivals.facility: unknown facility later (not live, not set up, not created by an earlier inject)",
            "drill.json5: injects[4].arrivals.count: expected an integer between 1 and 100000",
            "drill.json5: injects[5].pause: must be longer than zero, e.g. PT1H",
        ])
    }

    @Test("Each inject kind's own problems, at their paths")
    func injectFields() {
        let found = problems(source(injects: [
            #"{ at: "PT0S", departures: { facility: "refstad", count: 1, reason: "settled", to: "refstad" } }"#,
            #"{ at: "PT0S", departures: { facility: "refstad", count: 1, reason: "settled", to: "nowhere" } }"#,
            #"{ at: "PT0S", head_count: { facility: "torshov", occupied: -3 } }"#,
            #"{ at: "PT0S", facility: { id: "refstad", occupied: 3, name: " " } }"#,
            #"{ at: "PT0S", silence: { rule: "no_such_rule", subject: "facility/nowhere", duration: "PT0S" } }"#,
            #"{ at: "PT0S", silence: { rule: "*", subject: "Not A Subject", duration: "PT1H" } }"#,
            #"{ at: "PT0S", acknowledge: { rule: "facility_utilization", subject: "facility/*", by: " " } }"#,
            #"{ at: "PT0S", acknowledge: { rule: "facility_utilization", subject: "facility/nowhere" } }"#,
            #"{ at: "PT0S", complete_step: { playbook: "surge-high", step: "no-step" } }"#,
            #"{ at: "PT0S", complete_step: { playbook: "no-card", step: "x", subject: "facility/nowhere" } }"#,
        ]))
        #expect(found == [
            "drill.json5: injects[0].departures.to: must be another facility than facility",
            "drill.json5: injects[0].departures.reason: must be transferred when to is given",
            "drill.json5: injects[1].departures.to: unknown facility nowhere (not live, not set up, not created by an earlier inject)",
            "drill.json5: injects[1].departures.reason: must be transferred when to is given",
            "drill.json5: injects[2].head_count.occupied: expected an integer between 0 and 100000",
            "drill.json5: injects[3].facility.name: must not be empty",
            "drill.json5: injects[3].facility.occupied: a change sets no head count here: use a head_count inject",
            "drill.json5: injects[4].silence.rule: unknown rule no_such_rule (known: facility_cap, facility_utilization, kind_utilization, surge_level)",
            "drill.json5: injects[4].silence.subject: unknown facility nowhere (not live, not set up, not created by an earlier inject)",
            "drill.json5: injects[4].silence.duration: must be longer than zero, e.g. PT1H",
            "drill.json5: injects[5].silence.subject: expected a subject such as facility/refstad, a kind such as facility/*, or *",
            "drill.json5: injects[6].acknowledge.subject: expected the alert's subject such as facility/refstad or city",
            "drill.json5: injects[6].acknowledge.by: expected a name for the simulated operator, at most 64 characters",
            "drill.json5: injects[7].acknowledge.subject: unknown facility nowhere (not live, not set up, not created by an earlier inject)",
            "drill.json5: injects[8].complete_step.step: unknown step no-step of surge-high",
            "drill.json5: injects[9].complete_step.playbook: unknown playbook no-card",
            "drill.json5: injects[9].complete_step.subject: unknown facility nowhere (not live, not set up, not created by an earlier inject)",
        ])
    }

    @Test("Expectations: within required, positive, or refused for no_alert; levels, playbooks, rules, subjects")
    func expectationProblems() {
        let found = problems(source(injects: [arrival], expectations: [
            #"{ surge_level: "normal", within: "PT1H" }"#,
            #"{ surge_level: "high" }"#,
            #"{ run_started: "no-card", within: "PT0S" }"#,
            #"{ alert_fired: { rule: "nope", subject: "facility/nowhere" }, within: "PT1H" }"#,
            #"{ no_alert: { rule: "facility_cap", subject: "a b" }, within: "PT1H" }"#,
        ]))
        #expect(found == [
            "drill.json5: expectations[0].surge_level: normal is where every exercise starts; expected elevated, high or crisis",
            "drill.json5: expectations[1].within: is required: how long after the first inject, e.g. PT6H",
            "drill.json5: expectations[2].run_started: unknown playbook no-card",
            "drill.json5: expectations[2].within: must be longer than zero, e.g. PT1H",
            "drill.json5: expectations[3].alert_fired.rule: unknown rule nope (known: facility_cap, facility_utilization, kind_utilization, surge_level)",
            "drill.json5: expectations[3].alert_fired.subject: unknown facility nowhere (not live, not set up, not created by an earlier inject)",
            "drill.json5: expectations[4].no_alert.subject: expected a subject such as facility/refstad, a kind such as facility/*, or *",
            "drill.json5: expectations[4].within: no_alert holds for the whole exercise: leave out within",
        ])
    }

    @Test("Problems are given in bokmål too")
    func bokmal() {
        guard case .failure(let failure) = make(source(injects: [#"{ at: "PT0S", pause: "PT0S" }"#])) else {
            Issue.record("a zero pause was accepted")
            return
        }
        #expect(failure.problems.map { $0.message(.nb) } == ["drill.json5: injects[0].pause: må være lengre enn null, f.eks. PT1H"])
    }

    // MARK: Timeline

    @Test("The timeline: local times across summer time, the span to the last pause or deadline, injects in [from, to)")
    func timeline() throws {
        let parsed = try scenario(source(start: "2026-03-28T12:00", injects: [
            arrival,
            #"{ at: "2026-03-29T12:00", head_count: { facility: "refstad", occupied: 5 } }"#,   // 23 h later: summer time begins
            #"{ at: "P1DT1H", acknowledge: { rule: "surge_level", subject: "city", delay: "PT2H" } }"#,
            #"{ at: "P2D", pause: "PT6H" }"#,
        ], expectations: [#"{ surge_level: "high", within: "P3D" }"#]))
        let timeline = parsed.timeline(in: oslo)
        let start = Timestamp(rfc3339: "2026-03-28T11:00:00Z")!
        #expect(timeline.start == start)
        #expect(timeline.entries.map(\.at) == [0, 23, 25, 48].map { start.adding(milliseconds: Int64($0) * 3_600_000) })
        #expect(timeline.span == .seconds(3 * 86_400))   // the expectation's deadline, after the pause's end
        #expect(timeline.realMilliseconds(at: .factor(600)) == 432_000)
        #expect(timeline.realMilliseconds(at: .maximum) == nil)
        let hour = { (hours: Int64) in start.adding(milliseconds: hours * 3_600_000) }
        #expect(timeline.injects(between: hour(0), and: hour(23)).map(\.index) == [0])
        #expect(timeline.injects(between: hour(23), and: hour(48)).map(\.index) == [1, 2])
        #expect(timeline.injects(between: hour(48), and: hour(100)).map(\.index) == [3])
        #expect(timeline.injects(between: hour(10), and: hour(10)).isEmpty)
        let acknowledge = parsed.injects[2]
        #expect(acknowledge.responseTime(armedAt: hour(25), since: hour(20)) == hour(27))
        #expect(acknowledge.responseTime(armedAt: hour(25), since: hour(30)) == hour(32))
        #expect(parsed.injects[0].responseTime(armedAt: hour(0), since: hour(0)) == nil)
        #expect(parsed.expectations[0].deadline(firstInject: start) == hour(72))
    }

    // MARK: The shipped scenarios

    private static func shippedContext() throws -> ExerciseValidationContext {
        let text = try String(contentsOf: root.appendingPathComponent("Config/oslo/facilities.json5"), encoding: .utf8)
        let facilities = try JSONParser.parse(text, options: .json5)["facilities"]?.arrayValue ?? []
        let groups = ["beredskapsetaten", "admin-koordinering", "politisk-koordinering"]
            + District.oslo.map { NotificationRouting.contactPoint(of: $0.id) }
        let rules: Set<String> = [
            "facility_utilization", "kind_utilization", "city_utilization", "facility_cap", "surge_level", "stale_report",
            "notification_dead", "deadline_overdue", "settlement_lag",
        ]
        let playbooks = try PlaybookSet.load(
            directory: root.appendingPathComponent("Playbooks").path,
            context: PlaybookValidationContext(groups: Set(groups), rules: rules, facilities: nil)).get()
        return ExerciseValidationContext(
            facilities: Set(facilities.compactMap { $0["id"]?.stringValue }), districts: Set(District.oslo.map(\.id)),
            playbooks: playbooks, rules: rules, calendar: oslo)
    }

    private static func shipped() throws -> [String: ExerciseScenario] {
        let directory = root.appendingPathComponent("Playbooks/\(ExerciseScenarios.directoryName)").path
        var scenarios: [String: ExerciseScenario] = [:]
        for (file, result) in ExerciseScenarios.load(directory: directory, context: try shippedContext()) {
            switch result {
            case .success(let scenario): scenarios[file] = scenario
            case .failure(let failure): Issue.record("\(failure)")
            }
        }
        return scenarios
    }

    @Test("Both shipped scenarios parse and validate against the shipped playbooks, rules and Oslo facilities")
    func shippedValidate() throws {
        #expect(try Self.shipped().keys.sorted() == ["autumn-2015.json5", "quick-drill.json5"])
    }

    @Test("The shipped scenarios also validate on a fresh state, without the Oslo facilities")
    func shippedOnFreshState() throws {
        var fresh = try Self.shippedContext()
        fresh.facilities = []
        let directory = Self.root.appendingPathComponent("Playbooks/exercises").path
        for (file, result) in ExerciseScenarios.load(directory: directory, context: fresh) {
            if case .failure(let failure) = result { Issue.record("\(file): \(failure)") }
        }
    }

    @Test("quick-drill runs in under a minute of real time at its speed")
    func quickDrillSpan() throws {
        let drill = try #require(try Self.shipped()["quick-drill.json5"])
        let timeline = drill.timeline(in: oslo)
        let real = try #require(timeline.realMilliseconds(at: drill.speed))
        #expect(real < 60_000, "quick-drill takes \(real) ms")
        #expect(timeline.span.milliseconds >= 6 * 3_600_000)
    }

    @Test("autumn-2015 spans about four months, from a normal week to the fall in 2016")
    func autumnSpan() throws {
        let autumn = try #require(try Self.shipped()["autumn-2015.json5"])
        let timeline = autumn.timeline(in: oslo)
        let days = Double(timeline.span.milliseconds) / 86_400_000
        #expect(days > 110 && days < 140, "autumn-2015 spans \(days) days")
        #expect(oslo.date(of: timeline.start) == CalendarDate(year: 2015, month: 9, day: 7))
        #expect(oslo.date(of: timeline.end).year == 2016)
        let arrivals = autumn.injects.reduce(0) { total, inject in
            if case .arrivals(let arrivals) = inject.action { return total + arrivals.count }
            return total
        }
        #expect(arrivals == 14_656)
    }

    @Test("The playbook loader does not read the exercises folder: the shipped set still loads, six cards")
    func playbooksIgnoreExercises() throws {
        let directory = Self.root.appendingPathComponent("Playbooks")
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("exercises").path, isDirectory: &isDirectory))
        #expect(isDirectory.boolValue)
        let context = try Self.shippedContext()
        let groups = ["beredskapsetaten", "admin-koordinering", "politisk-koordinering"]
            + District.oslo.map { NotificationRouting.contactPoint(of: $0.id) }
        let set = try PlaybookSet.load(directory: directory.path, context: PlaybookValidationContext(
            groups: Set(groups), rules: context.rules, facilities: context.facilities)).get()
        #expect(set.playbooks.count == 7)
        #expect(!set.files.values.contains { $0.contains("exercises") })
    }
}
