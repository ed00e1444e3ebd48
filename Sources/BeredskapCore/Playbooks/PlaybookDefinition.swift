import BeredskapJSON

/// A text in a playbook file, written in both languages: `{ nb: "Kall inn …", en: "Convene …" }`.
///
/// Why both are required rather than one with a fallback: a tiltakskort is read under
/// pressure by Norwegian coordinators and by English-speaking operators and auditors; a
/// missing translation found during a surge is found too late, so the file is refused instead.
public struct PlaybookText: Sendable, Hashable, Codable {
    public var nb: String
    public var en: String

    public init(nb: String, en: String) {
        self.nb = nb
        self.en = en
    }

    /// As the core's `Text`, for rendering in the caller's language.
    public var text: Text { Text(en, nb: nb) }
}

/// One action card (tiltakskort), as written in `Playbooks/<id>.json5`: when it starts, and the
/// steps that follow, who owns each and by when.
///
/// Decoding is strict (unknown fields are errors with their path); the rules that need more
/// than one field or knowledge of the configuration (groups, rules, facilities, cycles) are in
/// `PlaybookValidation`, so a file is checked the same way at start and on reload.
public struct PlaybookDefinition: Sendable, Equatable, Codable {
    /// A slug, unique across the set: `surge-high`.
    public var id: String
    public var title: PlaybookText
    public var description: PlaybookText
    public var trigger: PlaybookTrigger
    /// Who hears about a step that is overdue, after its owner. nil: only the owner.
    public var escalationGroup: String?
    public var steps: [PlaybookStep]

    public init(id: String, title: PlaybookText, description: PlaybookText, trigger: PlaybookTrigger,
                escalationGroup: String? = nil, steps: [PlaybookStep]) {
        self.id = id
        self.title = title
        self.description = description
        self.trigger = trigger
        self.escalationGroup = escalationGroup
        self.steps = steps
    }

    /// The step with `id`, if any.
    public func step(_ id: String) -> PlaybookStep? { steps.first { $0.id == id } }
}

/// One step of a playbook.
public struct PlaybookStep: Sendable, Equatable, Codable {
    /// Unique within the playbook; `depends_on` names steps by it.
    public var id: String
    public var title: PlaybookText
    /// The notification group responsible: `admin-koordinering`, or `bydel:{district}` for the
    /// contact point of the district the triggering alert is about.
    public var owner: String
    /// How long after the step becomes ready it is due. Fixed lengths only: a due instant
    /// must be exact, and "one month" has no single length.
    public var due: FixedDuration
    /// Steps that must be done (or skipped) before this one is ready.
    public var dependsOn: [String]
    public var action: PlaybookAction

    public init(id: String, title: PlaybookText, owner: String, due: FixedDuration, dependsOn: [String] = [],
                action: PlaybookAction) {
        self.id = id
        self.title = title
        self.owner = owner
        self.due = due
        self.dependsOn = dependsOn
        self.action = action
    }

    private enum CodingKeys: String, CodingKey { case id, title, owner, due, dependsOn, action }

    /// `depends_on` may be left out: most first steps depend on nothing.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        title = try container.decode(PlaybookText.self, forKey: .title)
        owner = try container.decode(String.self, forKey: .owner)
        due = try container.decode(FixedDuration.self, forKey: .due)
        dependsOn = try container.decodeIfPresent([String].self, forKey: .dependsOn) ?? []
        action = try container.decode(PlaybookAction.self, forKey: .action)
    }
}

/// What starts a playbook. In JSON an object with exactly one member:
/// `{ alert: { rule, severity?, subject? } }`, `{ surge: { level } }` or `{ manual: true }`.
///
/// Every playbook can also be started by hand (`POST /v1/playbooks/{id}/runs`); `manual`
/// says that nothing else starts it.
public enum PlaybookTrigger: Sendable, Equatable {
    /// An alert of `rule` opening (or rising to `severity`) for a subject the pattern matches.
    public struct Alert: Sendable, Equatable, Codable {
        public var rule: String
        /// The minimum severity; nil: any.
        public var severity: AlertSeverity?
        /// A subject pattern as in silences and routes (`facility/*`, `city`); nil: any (`*`).
        public var subject: String?

        public init(rule: String, severity: AlertSeverity? = nil, subject: String? = nil) {
            self.rule = rule
            self.severity = severity
            self.subject = subject
        }

        public var subjectPattern: String { subject ?? AlertKeyPattern.any }

        public func matches(_ key: AlertKey, severity: AlertSeverity) -> Bool {
            AlertKeyPattern.matches(rule: rule, subject: subjectPattern, key) && self.severity.map { severity >= $0 } ?? true
        }
    }

    /// The assessed surge level rising to `level`.
    public struct Surge: Sendable, Equatable, Codable {
        public var level: SurgeLevel

        public init(level: SurgeLevel) { self.level = level }
    }

    case alert(Alert)
    case surge(Surge)
    case manual

    /// Whether an alert with this key and severity starts the playbook.
    public func matches(_ key: AlertKey, severity: AlertSeverity) -> Bool {
        guard case .alert(let alert) = self else { return false }
        return alert.matches(key, severity: severity)
    }

    /// Whether a run of a card with this trigger takes over the open steps of an active run of
    /// a card with trigger `other`: both follow the surge level, this one a higher level. A
    /// higher level's card covers what the lower one asks and more, so its start supersedes it.
    public func supersedes(_ other: PlaybookTrigger) -> Bool {
        guard case .surge(let new) = self, case .surge(let old) = other else { return false }
        return new.level > old.level
    }

    /// Whether a rise to `level` starts the playbook. Only the level reached counts: a jump
    /// from normal to crisis starts the crisis playbook, which therefore stands on its own.
    public func matches(surgeLevel level: SurgeLevel) -> Bool {
        guard case .surge(let surge) = self else { return false }
        return surge.level == level
    }
}

extension PlaybookTrigger: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable { case alert, surge, manual }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try PlaybookChoice.single(in: container, at: decoder) {
        case .alert: self = .alert(try container.decode(Alert.self, forKey: .alert))
        case .surge: self = .surge(try container.decode(Surge.self, forKey: .surge))
        case .manual:
            guard try container.decode(Bool.self, forKey: .manual) else {
                throw container.invalid("must be true (leave out the trigger's other forms instead)", forKey: .manual)
            }
            self = .manual
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .alert(let alert): try container.encode(alert, forKey: .alert)
        case .surge(let surge): try container.encode(surge, forKey: .surge)
        case .manual: try container.encode(true, forKey: .manual)
        }
    }
}

/// What a step does. In JSON an object with exactly one member, named after the action:
/// `{ task: {} }`, `{ notify: { groups, message } }`, `{ set_facility_status: { facility,
/// status } }`, `{ wait_for: … }`, `{ log: { text } }`.
///
/// Why one shape for every choice (here and in triggers): the name of the choice and its
/// settings stay together, and a strict decoder can name the exact field that is wrong.
public enum PlaybookAction: Sendable, Equatable {
    /// A message to groups. `message` may use the placeholders `PlaybookValidation` lists
    /// for the trigger (`{subject}`, `{level}`, …); `bydel:{district}` may be among `groups`.
    public struct Notify: Sendable, Equatable, Codable {
        public var groups: [String]
        public var message: PlaybookText

        public init(groups: [String], message: PlaybookText) {
            self.groups = groups
            self.message = message
        }
    }

    /// A facility status change made through the normal write path, so the 1000-place cap and
    /// every facility rule apply exactly as to a person's change.
    public struct SetFacilityStatus: Sendable, Equatable, Codable {
        public var facility: String
        public var status: FacilityStatus

        public init(facility: String, status: FacilityStatus) {
            self.facility = facility
            self.status = status
        }
    }

    /// An incident-log entry, written when the step runs.
    public struct Log: Sendable, Equatable, Codable {
        public var text: PlaybookText

        public init(text: PlaybookText) { self.text = text }
    }

    /// A person does it and marks it done.
    case task
    case notify(Notify)
    case setFacilityStatus(SetFacilityStatus)
    /// Done by itself when the condition holds.
    case waitFor(PlaybookWaitCondition)
    case log(Log)
}

extension PlaybookAction: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable { case task, notify, setFacilityStatus, waitFor, log }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try PlaybookChoice.single(in: container, at: decoder) {
        case .task:
            _ = try container.decode(PlaybookChoice.Empty.self, forKey: .task)
            self = .task
        case .notify: self = .notify(try container.decode(Notify.self, forKey: .notify))
        case .setFacilityStatus:
            self = .setFacilityStatus(try container.decode(SetFacilityStatus.self, forKey: .setFacilityStatus))
        case .waitFor: self = .waitFor(try container.decode(PlaybookWaitCondition.self, forKey: .waitFor))
        case .log: self = .log(try container.decode(Log.self, forKey: .log))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .task: try container.encode(PlaybookChoice.Empty(), forKey: .task)
        case .notify(let notify): try container.encode(notify, forKey: .notify)
        case .setFacilityStatus(let change): try container.encode(change, forKey: .setFacilityStatus)
        case .waitFor(let condition): try container.encode(condition, forKey: .waitFor)
        case .log(let log): try container.encode(log, forKey: .log)
        }
    }
}

/// What a `wait_for` step waits for: `{ alert_resolved: true }` (the alert that started the
/// run resolves) or `{ utilization_below: { subject, value } }` (the utilization of
/// `facility/<id>`, `kind/<kind>`, `city`, or `{subject}` — the triggering alert's subject —
/// falls below `value`, a fraction of the available places as in the alert rules: 0.8 = 80 %).
public enum PlaybookWaitCondition: Sendable, Equatable {
    public struct UtilizationBelow: Sendable, Equatable, Codable {
        public var subject: String
        public var value: Double

        public init(subject: String, value: Double) {
            self.subject = subject
            self.value = value
        }
    }

    /// Stands for the subject of the alert that started the run.
    public static let triggeringSubject = "{subject}"

    case alertResolved
    case utilizationBelow(UtilizationBelow)
}

extension PlaybookWaitCondition: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable { case alertResolved, utilizationBelow }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try PlaybookChoice.single(in: container, at: decoder) {
        case .alertResolved:
            guard try container.decode(Bool.self, forKey: .alertResolved) else {
                throw container.invalid("must be true", forKey: .alertResolved)
            }
            self = .alertResolved
        case .utilizationBelow:
            self = .utilizationBelow(try container.decode(UtilizationBelow.self, forKey: .utilizationBelow))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .alertResolved: try container.encode(true, forKey: .alertResolved)
        case .utilizationBelow(let below): try container.encode(below, forKey: .utilizationBelow)
        }
    }
}

/// Decoding of the one-member objects that playbooks use for every choice.
enum PlaybookChoice {
    /// The one member of `container` that names a choice. Zero or several is an error at the
    /// object, listing the choices in their JSON spelling.
    static func single<Key: CodingKey & CaseIterable>(
        in container: KeyedDecodingContainer<Key>, at decoder: any Decoder
    ) throws -> Key {
        let present = container.allKeys
        guard present.count == 1, let key = present.first else {
            let names = Key.allCases.map { JSONKeyStrategy.convertSnakeCase.jsonKey(for: $0.stringValue) }
            let found = present.isEmpty ? "none" : present.map { JSONKeyStrategy.convertSnakeCase.jsonKey(for: $0.stringValue) }
                .joined(separator: ", ")
            throw JSONFieldError.invalid(
                "expected exactly one of: \(names.joined(separator: ", ")) (found \(found))", at: decoder)
        }
        return key
    }

    /// `{}`: a choice with no settings (`task`). Decoded through a keyed container so the
    /// strict decoder still reports any member written into it.
    struct Empty: Codable {
        private struct NoKey: CodingKey {
            var stringValue: String { "" }
            var intValue: Int? { nil }
            init?(stringValue: String) { nil }
            init?(intValue: Int) { nil }
        }

        init() {}

        init(from decoder: any Decoder) throws { _ = try decoder.container(keyedBy: NoKey.self) }

        func encode(to encoder: any Encoder) throws { _ = encoder.container(keyedBy: NoKey.self) }
    }
}
