/// What a run's placeholders stand for: each value as people read it, in both languages
/// (`subject` → "Refstad transittmottak", `level` → "forhøyet"/"elevated"), and the trigger for
/// what is resolved to ids (`bydel:{district}`, a `wait_for` on `{subject}`).
///
/// Why names rather than ids: a coordinator reads "Refstad transittmottak er nær fullt", not
/// "facility/refstad er nær fullt"; the daemon looks the names up once, when the run starts.
public struct PlaybookRunValues: Sendable, Equatable {
    /// Placeholder name (without braces) → its value for people. A name that is absent has no
    /// value in this run.
    public var texts: [String: Text]
    public var trigger: PlaybookRunTrigger
    /// Who owns `bydel:{district}` when the trigger lies in no district.
    public var fallbackGroup: String?

    public init(texts: [String: Text], trigger: PlaybookRunTrigger, fallbackGroup: String?) {
        self.texts = texts
        self.trigger = trigger
        self.fallbackGroup = fallbackGroup
    }
}

/// Placeholders a run could not fill: the card is refused at start rather than sending
/// `{subject}` to anyone.
public struct PlaybookResolutionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The names without braces, sorted.
    public var missing: [String]

    public init(missing: [String]) { self.missing = missing }

    public var text: Text {
        let names = missing.map { "{\($0)}" }.joined(separator: ", ")
        return Text("nothing in this run fills \(names)", nb: "ingenting i denne kjøringen fyller \(names)")
    }

    public var description: String { text.en }
}

extension PlaybookDefinition {
    /// The placeholders only an alert or a subject can fill. A card using any of them cannot be
    /// started by hand without saying what it is about.
    public static let subjectPlaceholders: Set<String> = ["subject", "rule", "severity", "district"]

    /// Every placeholder the card uses, in texts, owners, groups and `wait_for` subjects.
    public var placeholders: Set<String> {
        var names = Set(texts.flatMap { [$0.nb, $0.en] }.flatMap(PlaybookText.placeholders(in:)))
        if groups.contains(NotificationRouting.districtPlaceholder) { names.insert("district") }
        for step in steps {
            if case .waitFor(.utilizationBelow(let below)) = step.action, below.subject == PlaybookWaitCondition.triggeringSubject {
                names.insert("subject")
            }
        }
        return names
    }

    /// True when a start by hand must name an alert or a subject.
    public var needsSubject: Bool { !placeholders.isDisjoint(with: Self.subjectPlaceholders) }

    /// The card as this run carries it out: every placeholder in every text replaced by its
    /// value (in each language its own), `bydel:{district}` by the district's contact point (or
    /// the fallback), and a `wait_for` on `{subject}` by the trigger's subject. Anything left
    /// unfilled is an error, so no `{…}` ever reaches a message, the log or a title.
    public func resolved(with values: PlaybookRunValues) throws(PlaybookResolutionError) -> PlaybookDefinition {
        var missing: Set<String> = []
        func text(_ text: PlaybookText) -> PlaybookText {
            let used = PlaybookText.placeholders(in: text.nb) + PlaybookText.placeholders(in: text.en)
            missing.formUnion(used.filter { values.texts[$0] == nil })
            return text.rendered(with: values.texts)
        }
        func group(_ name: String) -> String {
            let resolved = values.trigger.resolveGroup(name, fallback: values.fallbackGroup)
            if !PlaybookText.placeholders(in: resolved).isEmpty { missing.insert("district") }
            return resolved
        }
        var card = self
        card.title = text(title)
        card.description = text(description)
        card.escalationGroup = escalationGroup.map(group)
        for index in card.steps.indices {
            var step = card.steps[index]
            step.title = text(step.title)
            step.owner = group(step.owner)
            switch step.action {
            case .task, .setFacilityStatus:
                break
            case .notify(var notify):
                var groups: [String] = []
                for name in notify.groups.map(group) where !groups.contains(name) { groups.append(name) }
                notify.groups = groups
                notify.message = text(notify.message)
                step.action = .notify(notify)
            case .log(var log):
                log.text = text(log.text)
                step.action = .log(log)
            case .waitFor(.alertResolved):
                break
            case .waitFor(.utilizationBelow(var below)):
                if below.subject == PlaybookWaitCondition.triggeringSubject {
                    if let subject = values.trigger.subject { below.subject = subject } else { missing.insert("subject") }
                }
                step.action = .waitFor(.utilizationBelow(below))
            }
            card.steps[index] = step
        }
        guard missing.isEmpty else { throw PlaybookResolutionError(missing: missing.sorted()) }
        return card
    }

    /// Every text of the card people read.
    private var texts: [PlaybookText] {
        [title, description] + steps.flatMap { step -> [PlaybookText] in
            switch step.action {
            case .notify(let notify): [step.title, notify.message]
            case .log(let log): [step.title, log.text]
            case .task, .setFacilityStatus, .waitFor: [step.title]
            }
        }
    }

    /// Every group the card names: owners, `notify` groups, the escalation group.
    private var groups: [String] {
        steps.map(\.owner) + steps.flatMap { step -> [String] in
            if case .notify(let notify) = step.action { return notify.groups }
            return []
        } + [escalationGroup].compactMap { $0 }
    }
}

extension PlaybookText {
    /// The text with each `{name}` whose name `values` has replaced by its value in the
    /// text's own language; other names stay as written (the caller reports them).
    public func rendered(with values: [String: Text]) -> PlaybookText {
        PlaybookText(nb: Self.render(nb, values, .nb), en: Self.render(en, values, .en))
    }

    /// The `{name}` placeholders in a text, in order: names of letters and `_` only, so
    /// JSON-like braces in prose (`{ x: 1 }`) are left alone.
    public static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            let name = after[..<close]
            if isName(name) { names.append(String(name)) }
            rest = after
        }
        return names
    }

    private static func isName(_ name: Substring) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isLetter || $0 == "_" }
    }

    /// One pass, so a value that itself contains `{…}` is never expanded again.
    private static func render(_ text: String, _ values: [String: Text], _ language: Language) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let value = values[String(after[..<close])] {
                result += value(language)
                rest = after[after.index(after: close)...]
            } else {
                result += "{"
                rest = after
            }
        }
        return result + rest
    }
}

extension PlaybookRunValues {
    /// What an unknown district reads as: a facility outside every district still gets its card.
    public static let noDistrict = Text("no district", nb: "ingen bydel")

    /// The values of a run of `playbook` about `trigger`: `{playbook}` is the card's id (what
    /// `beredskap playbook show` takes), `{rule}` the rule id, `{subject}` the subject's name,
    /// `{severity}` and `{level}` their names, `{district}` the district's name — or
    /// `noDistrict` when the run is about a subject that lies in none.
    public init(
        playbook: String, trigger: PlaybookRunTrigger, subjectName: Text?, districtName: Text?, fallbackGroup: String?
    ) {
        var texts = ["playbook": Text(playbook, nb: playbook)]
        texts["rule"] = trigger.rule.map { Text($0, nb: $0) }
        texts["subject"] = trigger.subject.map { subjectName ?? Text($0, nb: $0) }
        texts["severity"] = trigger.severity?.name
        texts["level"] = trigger.level?.name
        texts["district"] = districtName ?? (trigger.subject == nil ? nil : Self.noDistrict)
        self.init(texts: texts, trigger: trigger, fallbackGroup: fallbackGroup)
    }
}
