/// The subjects that exist now — facilities, districts, kinds of facility, the city — and
/// which kind of subject each alert rule is about, for checking what a person names.
///
/// Why check against what exists: a silence on `facility/refstd` or a rule that never fires
/// for its subject is accepted without a word and silences nothing, and the alert it was
/// meant for goes on paging everyone. A pattern is refused when it can match nothing, with
/// the values that would (the CLI offers the closest as "did you mean").
public struct KnownSubjects: Sendable, Equatable {
    /// Facility ids.
    public var facilities: [String]
    /// District ids.
    public var districts: [String]
    /// Rule id → the kind of subject its alerts are about (`facility`, `kind`, `city`,
    /// `notification`).
    public var ruleSubjects: [String: String]

    public init(facilities: [String], districts: [String], ruleSubjects: [String: String]) {
        self.facilities = facilities.sorted()
        self.districts = districts.sorted()
        self.ruleSubjects = ruleSubjects
    }

    /// A value a person named that matches nothing: what is wrong, and the values that would do.
    public struct Problem: Sendable, Equatable {
        public var problem: Text
        public var known: [String]

        public init(_ problem: Text, known: [String]) {
            self.problem = problem
            self.known = known
        }
    }

    /// The rule ids alerts have.
    public var rules: [String] { ruleSubjects.keys.sorted() }

    /// Why a silence's rule can match no alert, if it cannot.
    public func problem(rule: String) -> Problem? {
        guard rule != AlertKeyPattern.any, ruleSubjects[rule] == nil else { return nil }
        let known = rules.joined(separator: ", ")
        return Problem(Text("unknown rule \(rule) (known: \(known))", nb: "ukjent regel \(rule) (kjente: \(known))"), known: rules)
    }

    /// Why a silence's subject pattern can match no alert (of `rule`, when it names one).
    /// Alerts are about facilities, kinds of facility, the city and notifications; a pattern
    /// such as `facility/*` matches every facility.
    public func problem(alertSubject pattern: String, rule: String) -> Problem? {
        let kinds = rule == AlertKeyPattern.any ? Set(ruleSubjects.values) : Set([ruleSubjects[rule]].compactMap { $0 })
        guard pattern != AlertKeyPattern.any, !kinds.isEmpty else { return nil }
        let kind = String(pattern.prefix { $0 != "/" })
        guard kinds.contains(kind), kind == "city" || pattern.contains("/") else {
            let known = kinds.sorted().map { $0 == "city" ? $0 : "\($0)/*" } + [AlertKeyPattern.any]
            let list = known.joined(separator: ", ")
            let text = rule == AlertKeyPattern.any
                ? Text("no alert is about \(pattern) (alerts are about \(list))", nb: "ingen varsler gjelder \(pattern) (varsler gjelder \(list))")
                : Text("\(rule) alerts are never about \(pattern) (they are about \(list))",
                       nb: "\(rule)-varsler gjelder aldri \(pattern) (de gjelder \(list))")
            return Problem(text, known: known)
        }
        return kind == "notification" ? nil : problem(existing: pattern, kind: kind)
    }

    /// Why a subject a run is to be about names nothing: it must be the city, a facility, a
    /// district or a kind of facility that exists.
    public func problem(runSubject subject: String) -> Problem? {
        let kind = String(subject.prefix { $0 != "/" })
        let kinds = ["city", "district", "facility", "kind"]
        guard kinds.contains(kind), kind == "city" || (subject.contains("/") && !subject.hasSuffix("/*")) else {
            let known = kinds.map { $0 == "city" ? $0 : "\($0)/<id>" }
            let list = known.joined(separator: ", ")
            return Problem(Text("expected \(list)", nb: "forventet \(list)"), known: known)
        }
        return problem(existing: subject, kind: kind)
    }

    /// `deadline/<rule>/<district>` or `deadline/<rule>/*` naming a district that exists (the
    /// rules are configuration, which a silence outlives: any rule id is taken).
    private func problem(deadline subject: String) -> Problem? {
        let known = ["deadline/<rule>/<district>", "deadline/<rule>/*"]
        if subject.hasSuffix("/*"), Subject.isValid(String(subject.dropLast(2)) + "/x") { return nil }
        guard let (_, district) = DeadlineSubject.parse(subject) else {
            return Problem(Text("expected \(known.joined(separator: " or "))", nb: "forventet \(known.joined(separator: " eller "))"), known: known)
        }
        guard !districts.contains(district) else { return nil }
        let subjects = districts.map { subject.replacingLastComponent(with: $0) }
        let shown = subjects.joined(separator: ", ")
        return Problem(
            Text("unknown district \(district) (known: \(shown))", nb: "ukjent bydel \(district) (kjente: \(shown))"), known: subjects)
    }

    /// `grants/disability/<district>` or `grants/disability/*` naming a district that exists.
    private func problem(grant subject: String) -> Problem? {
        if subject == GrantSubject.prefix + "*" { return nil }
        let subjects = districts.map(GrantSubject.subject(district:))
        if let district = GrantSubject.district(of: subject), districts.contains(district) { return nil }
        let shown = subjects.joined(separator: ", ")
        return Problem(Text("expected one of: \(shown)", nb: "forventet ett av: \(shown)"), known: subjects + [GrantSubject.prefix + "*"])
    }

    /// `city`, `facility/<id>`, `district/<id>` or `kind/<kind>` naming what exists; `<kind>/*`
    /// for any of them.
    private func problem(existing subject: String, kind: String) -> Problem? {
        if kind == "city" {
            return subject == "city" ? nil : Problem(Text("expected city", nb: "forventet city"), known: ["city"])
        }
        let id = String(subject.dropFirst(kind.count + 1))
        guard id != "*" else { return nil }
        if kind == DeadlineSubject.kind { return problem(deadline: subject) }
        if kind == GrantSubject.kind { return problem(grant: subject) }
        let ids: [String], what: Text
        switch kind {
        case "facility": (ids, what) = (facilities, Text("facility", nb: "mottak"))
        case "district": (ids, what) = (districts, Text("district", nb: "bydel"))
        default: (ids, what) = (FacilityKind.allCases.map(\.rawValue), Text("kind of facility", nb: "mottakstype"))
        }
        guard !ids.contains(id) else { return nil }
        let known = ids.map { "\(kind)/\($0)" }
        let shown = known.count > 20 ? known.prefix(20).joined(separator: ", ") + ", …" : known.joined(separator: ", ")
        return Problem(
            Text("unknown \(what.en) \(id) (known: \(shown))", nb: "ukjent \(what.nb) \(id) (kjente: \(shown))"), known: known)
    }
}

extension String {
    /// `deadline/health_exam/ulern` → `deadline/health_exam/ullern`.
    fileprivate func replacingLastComponent(with component: String) -> String {
        guard let slash = lastIndex(of: "/") else { return component }
        return self[...slash] + component
    }
}
