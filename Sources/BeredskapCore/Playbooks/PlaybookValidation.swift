/// What a playbook may name: the configured notification groups, the alert rules that exist,
/// the facilities registered. The daemon builds it from its configuration and state; tests
/// build it by hand.
public struct PlaybookValidationContext: Sendable, Equatable {
    /// Group names as configured (`beredskapsetaten`, `bydel:ullern`, …). The placeholder
    /// `bydel:{district}` is not listed here: whether it may be used depends on the trigger.
    public var groups: Set<String>
    /// Alert rule ids (`facility_utilization`, `surge_level`, …).
    public var rules: Set<String>
    /// Facility ids (`refstad`, …); nil when they cannot be known (checking files without
    /// the store), and then facility ids are not checked.
    public var facilities: Set<String>?

    public init(groups: Set<String>, rules: Set<String>, facilities: Set<String>?) {
        self.groups = groups
        self.rules = rules
        self.facilities = facilities
    }
}

/// The rules a playbook must follow beyond its JSON shape, checked at start and on every
/// reload so a running set is only ever replaced by one that can be run to its end.
///
/// Why everything is reported at once rather than the first problem: playbooks are edited
/// between meetings and reloaded during a surge; one round of fixes should be enough. Fields
/// are relative to the file (`steps[2].depends_on[0]`); `PlaybookSet` adds the file name.
public enum PlaybookValidation {
    public static let maximumSteps = 100
    public static let maximumTitleLength = 200
    public static let maximumTextLength = 4000

    /// Every problem with `playbook`, in the order of its fields.
    public static func problems(of playbook: PlaybookDefinition, context: PlaybookValidationContext) -> [FieldProblem] {
        let checker = Checker(playbook: playbook, context: context)
        var problems: [FieldProblem] = []
        if !Slug.isValid(playbook.id) {
            problems.append(FieldProblem("id", Text(
                "expected a slug such as surge-high (lowercase letters, digits, -, _ and .)",
                nb: "forventet en slug som surge-high (små bokstaver, sifre, -, _ og .)")))
        }
        problems += checker.text(playbook.title, field: "title", limit: maximumTitleLength)
        problems += checker.text(playbook.description, field: "description", limit: maximumTextLength)
        problems += checker.trigger()
        if let group = playbook.escalationGroup {
            problems += checker.group(group, field: "escalation_group")
        }
        problems += checker.steps()
        problems += dependencyCycles(in: playbook.steps)
        return problems
    }

    /// The placeholders a message may use with `trigger`: `{playbook}` always; `{rule}`,
    /// `{subject}`, `{severity}` with an alert, and `{district}` when its subject names one;
    /// `{level}` with a surge level.
    public static func placeholders(for trigger: PlaybookTrigger) -> [String] {
        var names = ["playbook"]
        switch trigger {
        case .alert(let alert):
            names += ["rule", "subject", "severity"]
            if namesDistrict(alert) { names.append("district") }
        case .surge: names.append("level")
        case .manual: break
        }
        return names
    }

    /// Whether every subject the trigger's pattern matches lies in one district, so
    /// `bydel:{district}` resolves: `facility/…` (the host district), `district/…` or
    /// `deadline/…` (a deadline rule's count in a district).
    public static func namesDistrict(_ alert: PlaybookTrigger.Alert) -> Bool {
        let kind = alert.subjectPattern.split(separator: "/", maxSplits: 1).first
        return alert.subjectPattern.contains("/") && (kind == "facility" || kind == "district" || kind == "deadline")
    }

    /// Cycles among `depends_on`, each reported once at the dependency that closes it, with
    /// the path (`a → c → b → a`: a depends on c, c on b, b on a). Self-dependencies and
    /// unknown ids are left to the per-step checks.
    public static func dependencyCycles(in steps: [PlaybookStep]) -> [FieldProblem] {
        var index: [String: Int] = [:]
        for (position, step) in steps.enumerated() where index[step.id] == nil { index[step.id] = position }
        enum Mark { case new, onPath, done }
        var marks = Array(repeating: Mark.new, count: steps.count)
        var path: [Int] = []
        var problems: [FieldProblem] = []
        func visit(_ current: Int) {
            marks[current] = .onPath
            path.append(current)
            for (position, dependency) in steps[current].dependsOn.enumerated() {
                guard dependency != steps[current].id, let next = index[dependency] else { continue }
                switch marks[next] {
                case .new: visit(next)
                case .done: break
                case .onPath:
                    let cycle = path.drop { $0 != next }.map { steps[$0].id } + [dependency]
                    let shown = cycle.joined(separator: " → ")
                    problems.append(FieldProblem(
                        "steps[\(current)].depends_on[\(position)]",
                        Text("dependency cycle \(shown): none of these steps can ever become ready",
                             nb: "avhengighetssløyfe \(shown): ingen av disse stegene kan noen gang bli klare")))
                }
            }
            path.removeLast()
            marks[current] = .done
        }
        for start in steps.indices where marks[start] == .new { visit(start) }
        return problems
    }
}

/// The checks of one playbook, sharing what they need to know about it.
private struct Checker {
    let playbook: PlaybookDefinition
    let context: PlaybookValidationContext

    private var alertTrigger: PlaybookTrigger.Alert? {
        if case .alert(let alert) = playbook.trigger { return alert }
        return nil
    }

    /// A text in both languages: not empty, within `limit`, and only the placeholders the
    /// trigger offers (titles and descriptions are filled in as messages are).
    func text(_ text: PlaybookText, field: String, limit: Int) -> [FieldProblem] {
        let placeholders = PlaybookValidation.placeholders(for: playbook.trigger)
        return [("nb", text.nb), ("en", text.en)].flatMap { language, value -> [FieldProblem] in
            let path = "\(field).\(language)"
            if value.allSatisfy(\.isWhitespace) {
                return [FieldProblem(path, Text("must not be empty", nb: "kan ikke være tom"))]
            }
            if value.count > limit {
                return [FieldProblem(path, Text("must be at most \(limit) characters", nb: "kan være høyst \(limit) tegn"))]
            }
            let available = placeholders.map { "{\($0)}" }.joined(separator: ", ")
            return PlaybookText.placeholders(in: value).filter { !placeholders.contains($0) }.map { name in
                FieldProblem(path, Text("unknown placeholder {\(name)} (this trigger offers \(available))",
                                        nb: "ukjent plassholder {\(name)} (denne utløseren gir \(available))"))
            }
        }
    }

    func group(_ group: String, field: String) -> [FieldProblem] {
        if group == NotificationRouting.districtPlaceholder {
            guard let alert = alertTrigger, PlaybookValidation.namesDistrict(alert) else {
                return [FieldProblem(field, Text(
                    "\(group) needs a trigger whose subject lies in a district: an alert on facility/… or district/…",
                    nb: "\(group) krever en utløser med et subjekt i en bydel: et varsel om facility/… eller district/…"))]
            }
            return []
        }
        guard !context.groups.contains(group) else { return [] }
        return [FieldProblem(field, Text("unknown group \(group)", nb: "ukjent gruppe \(group)"))]
    }

    func trigger() -> [FieldProblem] {
        switch playbook.trigger {
        case .manual:
            return []
        case .surge(let surge):
            guard surge.level == .normal else { return [] }
            return [FieldProblem("trigger.surge.level", Text(
                "normal is where a surge ends; expected elevated, high or crisis",
                nb: "normal er der en økning slutter; forventet elevated, high eller crisis"))]
        case .alert(let alert):
            var problems: [FieldProblem] = []
            if !context.rules.contains(alert.rule) {
                let known = context.rules.sorted().joined(separator: ", ")
                problems.append(FieldProblem("trigger.alert.rule", Text(
                    "unknown rule \(alert.rule) (known: \(known))", nb: "ukjent regel \(alert.rule) (kjente: \(known))")))
            }
            // With rule `*` only the subject is checked; the rule was checked above.
            let patternProblems = AlertKeyPattern.problems(rule: AlertKeyPattern.any, subject: alert.subjectPattern, in: "trigger.alert")
            problems += patternProblems.isEmpty ? facility(inSubject: alert.subjectPattern, field: "trigger.alert.subject") : patternProblems
            return problems
        }
    }

    func steps() -> [FieldProblem] {
        if playbook.steps.isEmpty {
            return [FieldProblem("steps", Text("must have at least one step", nb: "må ha minst ett steg"))]
        }
        if playbook.steps.count > PlaybookValidation.maximumSteps {
            let limit = PlaybookValidation.maximumSteps
            return [FieldProblem("steps", Text("must have at most \(limit) steps", nb: "kan ha høyst \(limit) steg"))]
        }
        var firstPosition: [String: Int] = [:]
        for (position, step) in playbook.steps.enumerated() where firstPosition[step.id] == nil {
            firstPosition[step.id] = position
        }
        return playbook.steps.enumerated().flatMap { position, step in
            self.step(step, at: position, firstPosition: firstPosition).map { $0.nested(in: "steps[\(position)]") }
        }
    }

    private func step(_ step: PlaybookStep, at position: Int, firstPosition: [String: Int]) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if !Slug.isValid(step.id) {
            problems.append(FieldProblem("id", Text(
                "expected a slug such as convene-group", nb: "forventet en slug som convene-group")))
        } else if let first = firstPosition[step.id], first != position {
            problems.append(FieldProblem("id", Text(
                "duplicate step id \(step.id) (first used by steps[\(first)])",
                nb: "steg-id \(step.id) finnes allerede (brukt av steps[\(first)])")))
        }
        problems += text(step.title, field: "title", limit: PlaybookValidation.maximumTitleLength)
        problems += group(step.owner, field: "owner")
        if step.due.milliseconds <= 0 {
            problems.append(FieldProblem("due", Text(
                "must be longer than zero, e.g. PT2H", nb: "må være lengre enn null, f.eks. PT2H")))
        }
        var seen: Set<String> = []
        for (index, dependency) in step.dependsOn.enumerated() {
            let field = "depends_on[\(index)]"
            if dependency == step.id {
                problems.append(FieldProblem(field, Text("a step cannot depend on itself", nb: "et steg kan ikke avhenge av seg selv")))
            } else if firstPosition[dependency] == nil {
                problems.append(FieldProblem(field, Text("unknown step \(dependency)", nb: "ukjent steg \(dependency)")))
            } else if !seen.insert(dependency).inserted {
                problems.append(FieldProblem(field, Text("\(dependency) is listed twice", nb: "\(dependency) står to ganger")))
            }
        }
        problems += action(step.action).map { $0.nested(in: "action") }
        return problems
    }

    private func action(_ action: PlaybookAction) -> [FieldProblem] {
        switch action {
        case .task:
            return []
        case .notify(let notify):
            var problems: [FieldProblem] = []
            if notify.groups.isEmpty {
                problems.append(FieldProblem("notify.groups", Text("must name at least one group", nb: "må nevne minst én gruppe")))
            }
            for (index, name) in notify.groups.enumerated() {
                problems += group(name, field: "notify.groups[\(index)]")
            }
            return problems + text(notify.message, field: "notify.message", limit: PlaybookValidation.maximumTextLength)
        case .setFacilityStatus(let change):
            return facility(change.facility, field: "set_facility_status.facility")
        case .log(let log):
            return text(log.text, field: "log.text", limit: PlaybookValidation.maximumTextLength)
        case .waitFor(.alertResolved):
            guard alertTrigger == nil else { return [] }
            return [FieldProblem("wait_for.alert_resolved", Text(
                "needs an alert trigger: there is no alert to resolve", nb: "krever en varselutløser: det er ikke noe varsel som kan løses"))]
        case .waitFor(.utilizationBelow(let below)):
            return utilization(below).map { $0.nested(in: "wait_for.utilization_below") }
        }
    }

    private func utilization(_ below: PlaybookWaitCondition.UtilizationBelow) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if !(below.value > 0 && below.value <= 1) {
            problems.append(FieldProblem("value", Text(
                "expected a fraction above 0 and at most 1 (0.8 = 80 %)", nb: "forventet en andel over 0 og høyst 1 (0,8 = 80 %)")))
        }
        let subject = below.subject
        if subject == PlaybookWaitCondition.triggeringSubject {
            if alertTrigger == nil {
                problems.append(FieldProblem("subject", Text(
                    "{subject} needs an alert trigger", nb: "{subject} krever en varselutløser")))
            }
        } else if subject == "city" || (subject.hasPrefix("kind/") && Subject.isValid(subject)) {
            // The city and each kind of facility have a utilization of their own.
        } else if subject.hasPrefix("facility/") && Subject.isValid(subject) {
            problems += facility(inSubject: subject, field: "subject")
        } else {
            problems.append(FieldProblem("subject", Text(
                "expected facility/<id>, kind/<kind>, city or {subject}", nb: "forventet facility/<id>, kind/<type>, city eller {subject}")))
        }
        return problems
    }

    /// An unknown facility in a concrete `facility/<id>` subject; patterns and other kinds pass.
    private func facility(inSubject subject: String, field: String) -> [FieldProblem] {
        guard subject.hasPrefix("facility/"), !subject.hasSuffix("/*") else { return [] }
        return facility(String(subject.dropFirst("facility/".count)), field: field)
    }

    private func facility(_ id: String, field: String) -> [FieldProblem] {
        guard let facilities = context.facilities, !facilities.contains(id) else { return [] }
        return [FieldProblem(field, Text("unknown facility \(id)", nb: "ukjent mottak \(id)"))]
    }
}
