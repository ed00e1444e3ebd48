/// What a scenario may name: the live facilities and districts, the playbooks with their
/// steps, the alert rules, and the calendar its local times are read in. The daemon builds
/// it from its state, configuration and playbook set; tests build it by hand.
public struct ExerciseValidationContext: Sendable, Equatable {
    /// Facility ids of the state the exercise copies; nil when unknown (then facilities that
    /// the scenario does not define itself are not checked).
    public var facilities: Set<String>?
    /// District ids; nil: not checked.
    public var districts: Set<String>?
    /// Playbook id → its step ids.
    public var playbooks: [String: Set<String>]
    /// Alert rule ids (`facility_utilization`, …), as `PlaybookValidationContext.rules`.
    public var rules: Set<String>
    public var calendar: LocalCalendar

    public init(facilities: Set<String>?, districts: Set<String>?, playbooks: [String: Set<String>], rules: Set<String>,
                calendar: LocalCalendar) {
        self.facilities = facilities
        self.districts = districts
        self.playbooks = playbooks
        self.rules = rules
        self.calendar = calendar
    }

    /// With the playbooks of a loaded set.
    public init(facilities: Set<String>?, districts: Set<String>?, playbooks: PlaybookSet, rules: Set<String>,
                calendar: LocalCalendar) {
        let steps = Dictionary(playbooks.playbooks.map { ($0.id, Set($0.steps.map(\.id))) }, uniquingKeysWith: { first, _ in first })
        self.init(facilities: facilities, districts: districts, playbooks: steps, rules: rules, calendar: calendar)
    }
}

/// The rules a scenario must follow beyond its JSON shape, so that a run never stops halfway
/// on an inject that could not have worked: every facility named exists by then (live, set
/// up, or created by an earlier inject), every playbook, step and rule exists, injects are in
/// time order and none falls inside a pause, and counts and durations make sense.
///
/// Why time order is required rather than sorted: a scenario is read as a timeline, and an
/// inject out of order is almost always a typo (`P30D` for `P3D`) that sorting would hide.
/// Everything is reported at once, with paths relative to the file (`injects[3].facility`).
public enum ExerciseValidation {
    public static let maximumInjects = 20_000
    public static let maximumFacilities = 200
    public static let maximumExpectations = 200
    public static let maximumTitleLength = 200
    public static let maximumTextLength = 4000
    public static let maximumOperatorLength = 64

    /// Every problem with `scenario`, in the order of its fields.
    public static func problems(of scenario: ExerciseScenario, context: ExerciseValidationContext) -> [FieldProblem] {
        var checker = ExerciseChecker(context: context)
        var problems: [FieldProblem] = []
        if !Slug.isValid(scenario.id) {
            problems.append(FieldProblem("id", Text(
                "expected a slug such as quick-drill (lowercase letters, digits, -, _ and .)",
                nb: "forventet en slug som quick-drill (små bokstaver, sifre, -, _ og .)")))
        }
        problems += text(scenario.title, field: "title", limit: maximumTitleLength)
        problems += text(scenario.description, field: "description", limit: maximumTextLength)
        if case .offset = scenario.start {
            problems.append(FieldProblem("start", Text(
                "expected a date and time such as 2015-08-03T08:00 (local) or 2015-08-03T06:00:00Z, not an offset",
                nb: "forventet dato og klokkeslett som 2015-08-03T08:00 (lokal tid) eller 2015-08-03T06:00:00Z, ikke en forskyvning")))
        }
        if case .factor(let factor) = scenario.speed, !(factor >= 1 && factor <= ExerciseSpeed.maximumFactor) {
            problems.append(FieldProblem("speed", Text(
                "expected a number from 1 (real time) to 1000000, or \"max\"",
                nb: "forventet et tall fra 1 (sanntid) til 1000000, eller \"max\"")))
        }
        problems += checker.setup(scenario.facilities)
        problems += checker.injects(scenario.injects, start: scenario.start)
        problems += checker.expectations(scenario.expectations)
        return problems
    }

    /// A text in both languages, not empty and within `limit`.
    static func text(_ text: PlaybookText, field: String, limit: Int) -> [FieldProblem] {
        [("nb", text.nb), ("en", text.en)].compactMap { language, value in
            if value.allSatisfy(\.isWhitespace) {
                return FieldProblem("\(field).\(language)", Text("must not be empty", nb: "kan ikke være tom"))
            }
            guard value.count > limit else { return nil }
            return FieldProblem("\(field).\(language)", Text("must be at most \(limit) characters", nb: "kan være høyst \(limit) tegn"))
        }
    }
}

/// The checks of one scenario, carrying which facilities exist as the timeline goes on.
private struct ExerciseChecker {
    let context: ExerciseValidationContext
    /// Facilities the scenario defines itself (setup, then injects up to the current one).
    private var defined: Set<String> = []

    init(context: ExerciseValidationContext) { self.context = context }

    private func exists(_ id: String) -> Bool { defined.contains(id) || context.facilities?.contains(id) ?? true }

    private static let places = 0...FacilityDefinition.maximumPlaces

    mutating func setup(_ facilities: [ExerciseFacility]) -> [FieldProblem] {
        if facilities.count > ExerciseValidation.maximumFacilities {
            let limit = ExerciseValidation.maximumFacilities
            return [FieldProblem("facilities", Text("must have at most \(limit) facilities", nb: "kan ha høyst \(limit) mottak"))]
        }
        var seen: [String: Int] = [:]
        return facilities.enumerated().flatMap { position, facility -> [FieldProblem] in
            var problems: [FieldProblem] = []
            if let first = seen[facility.id] {
                problems.append(FieldProblem("id", Text(
                    "\(facility.id) is already set up by facilities[\(first)]", nb: "\(facility.id) er allerede satt opp av facilities[\(first)]")))
            } else {
                seen[facility.id] = position
            }
            problems += self.facility(facility)
            if let occupied = facility.occupied, !Self.places.contains(occupied) {
                problems.append(FieldProblem("occupied", Self.placesProblem))
            }
            return problems.map { $0.nested(in: "facilities[\(position)]") }
        }
    }

    /// A definition or a change: a slug id, a change only of a facility that exists, the
    /// facility rules that need no state, a known district.
    private mutating func facility(_ facility: ExerciseFacility) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        guard Slug.isValid(facility.id) else {
            return [FieldProblem("id", Text("expected a slug such as ovelse-transitt", nb: "forventet en slug som ovelse-transitt"))]
        }
        if let definition = facility.definition {
            problems += definition.problems()
            defined.insert(facility.id)
        } else {
            if !exists(facility.id) {
                let missing = facility.missingForDefinition.joined(separator: ", ")
                problems.append(FieldProblem("id", Text(
                    "unknown facility \(facility.id): a new facility needs \(missing)",
                    nb: "ukjent mottak \(facility.id): et nytt mottak trenger \(missing)")))
            }
            for (field, value) in [("capacity", facility.capacity), ("expansion_capacity", facility.expansionCapacity),
                                   ("blocked", facility.blocked)] {
                if let value, !Self.places.contains(value) { problems.append(FieldProblem(field, Self.placesProblem)) }
            }
            if let name = facility.name, name.allSatisfy(\.isWhitespace) {
                problems.append(FieldProblem("name", Text("must not be empty", nb: "kan ikke være tom")))
            }
        }
        if let district = facility.district, let districts = context.districts, !districts.contains(district) {
            problems.append(FieldProblem("district", Text("unknown district \(district)", nb: "ukjent bydel \(district)")))
        }
        return problems
    }

    private static let placesProblem = Text(
        "expected an integer between 0 and \(FacilityDefinition.maximumPlaces)",
        nb: "forventet et heltall mellom 0 og \(FacilityDefinition.maximumPlaces)")

    mutating func injects(_ injects: [ExerciseInject], start: ExerciseTime) -> [FieldProblem] {
        if injects.isEmpty {
            return [FieldProblem("injects", Text("must have at least one inject", nb: "må ha minst én hendelse"))]
        }
        if injects.count > ExerciseValidation.maximumInjects {
            let limit = ExerciseValidation.maximumInjects
            return [FieldProblem("injects", Text("must have at most \(limit) injects", nb: "kan ha høyst \(limit) hendelser"))]
        }
        let calendar = context.calendar
        let startInstant = start.instant(start: Timestamp(millisecondsSinceEpoch: 0), calendar: calendar)
        var previous: (position: Int, at: Timestamp)?
        var pause: (position: Int, until: Timestamp)?
        var problems: [FieldProblem] = []
        for (position, inject) in injects.enumerated() {
            let at = inject.at.instant(start: startInstant, calendar: calendar)
            var found: [FieldProblem] = []
            if at < startInstant {
                found.append(FieldProblem("at", Text(
                    "\(inject.at) is before the start (\(start))", nb: "\(inject.at) er før starten (\(start))")))
            } else if let previous, at < previous.at {
                found.append(FieldProblem("at", Text(
                    "\(inject.at) is earlier than injects[\(previous.position)]: injects must be in time order",
                    nb: "\(inject.at) er tidligere enn injects[\(previous.position)]: hendelsene må stå i tidsrekkefølge")))
            } else if let pause, at < pause.until {
                found.append(FieldProblem("at", Text(
                    "\(inject.at) falls in the pause of injects[\(pause.position)] (nothing is injected until it ends)",
                    nb: "\(inject.at) faller i pausen i injects[\(pause.position)] (ingenting skjer før den er over)")))
            }
            if previous.map({ at >= $0.at }) ?? true { previous = (position, at) }
            found += action(inject.action)
            if case .pause(let duration) = inject.action, duration.milliseconds > 0 {
                pause = (position, at.adding(milliseconds: duration.milliseconds))
            }
            problems += found.map { $0.nested(in: "injects[\(position)]") }
        }
        return problems
    }

    private mutating func action(_ action: ExerciseInject.Action) -> [FieldProblem] {
        switch action {
        case .arrivals(let arrivals):
            return (known(arrivals.facility, field: "facility") + count(arrivals.count)).map { $0.nested(in: "arrivals") }
        case .departures(let departures):
            var problems = known(departures.facility, field: "facility") + count(departures.count)
            if let to = departures.to {
                if to == departures.facility {
                    problems.append(FieldProblem("to", Text(
                        "must be another facility than facility", nb: "må være et annet mottak enn facility")))
                } else {
                    problems += known(to, field: "to")
                }
                if departures.reason != .transferred {
                    problems.append(FieldProblem("reason", Text(
                        "must be transferred when to is given", nb: "må være transferred når to er oppgitt")))
                }
            }
            return problems.map { $0.nested(in: "departures") }
        case .headCount(let report):
            var problems = known(report.facility, field: "facility")
            if !Self.places.contains(report.occupied) { problems.append(FieldProblem("occupied", Self.placesProblem)) }
            return problems.map { $0.nested(in: "head_count") }
        case .facility(let change):
            var problems = facility(change)
            if change.occupied != nil {
                problems.append(FieldProblem("occupied", Text(
                    "a change sets no head count here: use a head_count inject",
                    nb: "en endring setter ikke belegget her: bruk en head_count-hendelse")))
            }
            return problems.map { $0.nested(in: "facility") }
        case .silence(let silence):
            var problems = AlertKeyPattern.problems(rule: silence.rule, subject: silence.subject, in: "")
            if silence.rule != AlertKeyPattern.any { problems += rule(silence.rule) }
            problems += facility(inSubject: silence.subject, field: "subject")
            if silence.duration.milliseconds <= 0 { problems.append(positive("duration")) }
            return problems.map { $0.nested(in: "silence") }
        case .acknowledge(let acknowledge):
            var problems = rule(acknowledge.rule)
            if Subject.isValid(acknowledge.subject) {
                problems += facility(inSubject: acknowledge.subject, field: "subject")
            } else {
                problems.append(FieldProblem("subject", Text(
                    "expected the alert's subject such as facility/refstad or city", nb: "forventet varselets subjekt, som facility/refstad eller city")))
            }
            problems += by(acknowledge.by)
            return problems.map { $0.nested(in: "acknowledge") }
        case .completeStep(let complete):
            var problems: [FieldProblem] = []
            if let steps = context.playbooks[complete.playbook] {
                if !steps.contains(complete.step) {
                    problems.append(FieldProblem("step", Text(
                        "unknown step \(complete.step) of \(complete.playbook)", nb: "ukjent steg \(complete.step) i \(complete.playbook)")))
                }
            } else {
                problems.append(unknownPlaybook(complete.playbook, field: "playbook"))
            }
            if let subject = complete.subject {
                problems += Subject.isValid(subject) ? facility(inSubject: subject, field: "subject")
                    : [FieldProblem("subject", Text("expected a subject such as facility/refstad", nb: "forventet et subjekt som facility/refstad"))]
            }
            problems += by(complete.by)
            return problems.map { $0.nested(in: "complete_step") }
        case .pause(let duration):
            return duration.milliseconds > 0 ? [] : [positive("pause")]
        }
    }

    func expectations(_ expectations: [ExerciseExpectation]) -> [FieldProblem] {
        if expectations.count > ExerciseValidation.maximumExpectations {
            let limit = ExerciseValidation.maximumExpectations
            return [FieldProblem("expectations", Text("must have at most \(limit) expectations", nb: "kan ha høyst \(limit) forventninger"))]
        }
        return expectations.enumerated().flatMap { position, expectation in
            self.expectation(expectation).map { $0.nested(in: "expectations[\(position)]") }
        }
    }

    private func expectation(_ expectation: ExerciseExpectation) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        switch expectation.kind {
        case .surgeLevel(let level):
            if level == .normal {
                problems.append(FieldProblem("surge_level", Text(
                    "normal is where every exercise starts; expected elevated, high or crisis",
                    nb: "normal er der hver øvelse starter; forventet elevated, high eller crisis")))
            }
        case .runStarted(let playbook):
            if context.playbooks[playbook] == nil { problems.append(unknownPlaybook(playbook, field: "run_started")) }
        case .alertFired(let match):
            problems += alertMatch(match).map { $0.nested(in: "alert_fired") }
        case .noAlert(let match):
            problems += alertMatch(match).map { $0.nested(in: "no_alert") }
            if expectation.within != nil {
                problems.append(FieldProblem("within", Text(
                    "no_alert holds for the whole exercise: leave out within",
                    nb: "no_alert gjelder hele øvelsen: utelat within")))
            }
            return problems
        }
        if let within = expectation.within {
            if within.milliseconds <= 0 { problems.append(positive("within")) }
        } else {
            problems.append(FieldProblem("within", Text(
                "is required: how long after the first inject, e.g. PT6H", nb: "må oppgis: hvor lenge etter første hendelse, f.eks. PT6H")))
        }
        return problems
    }

    private func alertMatch(_ match: ExerciseAlertMatch) -> [FieldProblem] {
        let problems = AlertKeyPattern.problems(rule: match.rule, subject: match.subject, in: "")
        return problems + (match.rule == AlertKeyPattern.any ? [] : rule(match.rule))
            + facility(inSubject: match.subject, field: "subject")
    }

    private func known(_ facility: String, field: String) -> [FieldProblem] {
        guard !exists(facility) else { return [] }
        return [FieldProblem(field, Text(
            "unknown facility \(facility) (not live, not set up, not created by an earlier inject)",
            nb: "ukjent mottak \(facility) (finnes ikke, er ikke satt opp og ikke opprettet av en tidligere hendelse)"))]
    }

    /// An unknown facility in a concrete `facility/<id>` subject; patterns and other kinds pass.
    private func facility(inSubject subject: String, field: String) -> [FieldProblem] {
        guard subject.hasPrefix("facility/"), !subject.hasSuffix("/*") else { return [] }
        return known(String(subject.dropFirst("facility/".count)), field: field)
    }

    private func rule(_ rule: String) -> [FieldProblem] {
        guard !context.rules.contains(rule) else { return [] }
        let known = context.rules.sorted().joined(separator: ", ")
        return [FieldProblem("rule", Text("unknown rule \(rule) (known: \(known))", nb: "ukjent regel \(rule) (kjente: \(known))"))]
    }

    private func unknownPlaybook(_ playbook: String, field: String) -> FieldProblem {
        FieldProblem(field, Text("unknown playbook \(playbook)", nb: "ukjent tiltakskort \(playbook)"))
    }

    private func count(_ count: Int) -> [FieldProblem] {
        guard !(1...FacilityDefinition.maximumPlaces).contains(count) else { return [] }
        return [FieldProblem("count", Text(
            "expected an integer between 1 and \(FacilityDefinition.maximumPlaces)",
            nb: "forventet et heltall mellom 1 og \(FacilityDefinition.maximumPlaces)"))]
    }

    private func by(_ name: String) -> [FieldProblem] {
        guard name.allSatisfy(\.isWhitespace) || name.count > ExerciseValidation.maximumOperatorLength
            || name.unicodeScalars.contains(where: { $0.value < 0x20 })
        else { return [] }
        let limit = ExerciseValidation.maximumOperatorLength
        return [FieldProblem("by", Text(
            "expected a name for the simulated operator, at most \(limit) characters",
            nb: "forventet et navn på den simulerte operatøren, høyst \(limit) tegn"))]
    }

    private func positive(_ field: String) -> FieldProblem {
        FieldProblem(field, Text("must be longer than zero, e.g. PT1H", nb: "må være lengre enn null, f.eks. PT1H"))
    }
}
