import BeredskapCore
import BeredskapJSON

extension DaemonConfiguration {
    /// `deadlines`: the compliance deadline rules the deadline engine evaluates for every
    /// person (DOMAIN.md, "Compliance deadlines").
    ///
    /// Why rules are merged by id: the defaults are the law and the office's agreements as
    /// written in DOMAIN.md; an office that changes one of them (a longer due-soon warning, a
    /// rule switched off) names that rule and what differs, and keeps the other nine as shipped
    /// — a list that replaced the defaults would drop rules nobody meant to drop. A new id adds
    /// a rule, and must then say when it starts, when it is due and what meets it.
    public struct Deadlines: Sendable, Equatable {
        /// A rule and whether it is evaluated.
        public struct Rule: Sendable, Equatable {
            public var rule: DeadlineRule
            public var enabled: Bool

            public init(_ rule: DeadlineRule, enabled: Bool = true) {
                self.rule = rule
                self.enabled = enabled
            }
        }

        public var rules = DeadlineRule.defaults.map { Rule($0) }

        public init() {}

        /// The rules the engine evaluates, in order.
        public var active: [DeadlineRule] { rules.filter(\.enabled).map(\.rule) }
    }
}

extension DaemonConfiguration.Deadlines: Decodable {
    private enum CodingKeys: String, CodingKey { case rules }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard container.contains(.rules) else { return }
        let entries = try container.decode([RuleEntry].self, forKey: .rules)
        var seen: Set<String> = []
        for (index, entry) in entries.enumerated() {
            let path = "rules[\(index)]"
            guard seen.insert(entry.id).inserted else {
                throw FieldProblem("\(path).id", Text("\(entry.id) is listed twice", nb: "\(entry.id) står to ganger"))
                    .decodingError(under: container.codingPath)
            }
            let position = rules.firstIndex { $0.rule.id == entry.id }
            switch entry.rule(over: position.map { rules[$0] }) {
            case .success(let rule):
                if let position { rules[position] = rule } else { rules.append(rule) }
            case .failure(let problem):
                throw problem.nested(in: path).decodingError(under: container.codingPath)
            }
        }
    }
}

/// One rule as the file gives it: an id and the fields that differ from the default of that id
/// (all of `start`, `due` and `met_by` for a new id).
private struct RuleEntry: Decodable {
    var id: String
    var enabled: Bool?
    var start: Milestone?
    var due: DueEntry?
    var conditions: ConditionsEntry?
    var metBy: Milestone?
    var dueSoonDays: Int?

    func rule(over base: DaemonConfiguration.Deadlines.Rule?) -> Result<DaemonConfiguration.Deadlines.Rule, FieldProblem> {
        guard Slug.isValid(id), !id.contains(".") else {
            return .failure(FieldProblem("id", Text(
                "expected an id: small letters, digits, - and _", nb: "forventet en id: små bokstaver, sifre, - og _")))
        }
        let required = Text("is required for a rule that is not a default", nb: "er påkrevd for en regel som ikke er en standardregel")
        guard let start = start ?? base?.rule.start else { return .failure(FieldProblem("start", required)) }
        guard let metBy = metBy ?? base?.rule.metBy else { return .failure(FieldProblem("met_by", required)) }
        guard metBy != start else {
            return .failure(FieldProblem("met_by", Text("must differ from start", nb: "må være en annen enn start")))
        }
        let due: DeadlineRule.Due
        if let entry = self.due {
            switch entry.due() {
            case .success(let value): due = value
            case .failure(let problem): return .failure(problem.nested(in: "due"))
            }
        } else if let base {
            due = base.rule.due
        } else {
            return .failure(FieldProblem("due", required))
        }
        let applies: [DeadlineRule.Condition]
        switch checkedConditions(base: base?.rule.conditions ?? []) {
        case .success(let value): applies = value
        case .failure(let problem): return .failure(problem.nested(in: "conditions"))
        }
        let dueSoonDays = dueSoonDays ?? base?.rule.dueSoonDays ?? 0
        guard (0...365).contains(dueSoonDays) else {
            return .failure(FieldProblem("due_soon_days", Text("expected 0 to 365 days", nb: "forventet 0 til 365 dager")))
        }
        return .success(DaemonConfiguration.Deadlines.Rule(
            DeadlineRule(id: id, start: start, due: due, conditions: applies, metBy: metBy, dueSoonDays: dueSoonDays),
            enabled: enabled ?? base?.enabled ?? true))
    }

    private func checkedConditions(base: [DeadlineRule.Condition]) -> Result<[DeadlineRule.Condition], FieldProblem> {
        guard let conditions else { return .success(base) }
        // In the order of the defaults, so that a rule written out as shipped equals its default.
        var result: [DeadlineRule.Condition] = []
        if conditions.unaccompanied == true { result.append(.unaccompanied) }
        if conditions.disability == true { result.append(.disability) }
        if let age = conditions.age {
            guard (0...130).contains(age.from) else {
                return .failure(FieldProblem("age.from", Text("expected 0 to 130 years", nb: "forventet 0 til 130 år")))
            }
            if let through = age.through, !(age.from...130).contains(through) {
                return .failure(FieldProblem("age.through", Text(
                    "expected \(age.from) (age.from) to 130 years", nb: "forventet \(age.from) (age.from) til 130 år")))
            }
            result.append(.age(from: age.from, through: age.through))
        }
        return .success(result)
    }
}

/// `due`: `{days: N}`, `{months: N}`, `{hours: N}`, `{before: MILESTONE, at_latest: {months: N}}`,
/// or `{at_age: N}` (on the birthday the person turns N).
private struct DueEntry: Decodable {
    var days: Int?
    var months: Int?
    var hours: Int?
    var before: Milestone?
    var atLatest: DurationEntry?
    var atAge: Int?

    func due() -> Result<DeadlineRule.Due, FieldProblem> {
        let duration = DurationEntry(days: days, months: months, hours: hours)
        if let atAge {
            guard duration.isEmpty, before == nil, atLatest == nil else {
                return .failure(FieldProblem("at_age", Text(
                    "goes alone: give at_age, or one of days, months, hours, before",
                    nb: "står alene: oppgi at_age, eller én av days, months, hours, before")))
            }
            guard (1...130).contains(atAge) else {
                return .failure(FieldProblem("at_age", Text("expected 1 to 130 years", nb: "forventet 1 til 130 år")))
            }
            return .success(.atAge(atAge))
        }
        guard let before else {
            if atLatest != nil {
                return .failure(FieldProblem("at_latest", Text("goes with before", nb: "hører sammen med before")))
            }
            return duration.duration().map(DeadlineRule.Due.after)
        }
        guard duration.isEmpty else {
            return .failure(FieldProblem("before", Text(
                "give either before with at_latest, or one of days, months, hours",
                nb: "oppgi enten before med at_latest, eller én av days, months, hours")))
        }
        guard let atLatest else {
            return .failure(FieldProblem("at_latest", Text("is required with before", nb: "er påkrevd med before")))
        }
        return atLatest.duration().map { .before(before, atLatest: $0) }.mapError { $0.nested(in: "at_latest") }
    }
}

/// A duration: exactly one of `days` (0–3650), `months` (1–120) or `hours` (1–8760).
private struct DurationEntry: Decodable {
    var days: Int?
    var months: Int?
    var hours: Int?

    var isEmpty: Bool { days == nil && months == nil && hours == nil }

    func duration() -> Result<DeadlineDuration, FieldProblem> {
        switch (days, months, hours) {
        case (let days?, nil, nil):
            guard (0...3650).contains(days) else { return .failure(Self.range("days", 0, 3650)) }
            return .success(.days(days))
        case (nil, let months?, nil):
            guard (1...120).contains(months) else { return .failure(Self.range("months", 1, 120)) }
            return .success(.months(months))
        case (nil, nil, let hours?):
            guard (1...8760).contains(hours) else { return .failure(Self.range("hours", 1, 8760)) }
            return .success(.hours(hours))
        default:
            return .failure(FieldProblem("days", Text(
                "give exactly one of days, months, hours", nb: "oppgi nøyaktig én av days, months, hours")))
        }
    }

    private static func range(_ field: String, _ low: Int, _ high: Int) -> FieldProblem {
        FieldProblem(field, Text("expected \(low) to \(high)", nb: "forventet \(low) til \(high)"))
    }
}

/// `conditions`: all given must hold on the start day. Replaces the default's conditions whole.
private struct ConditionsEntry: Decodable {
    struct Age: Decodable {
        var from: Int
        var through: Int?
    }

    var age: Age?
    var unaccompanied: Bool?
    var disability: Bool?
}
