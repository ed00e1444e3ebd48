/// The rule and subject patterns shared by silences and notification routes.
///
/// A rule pattern is a rule id or `*`. A subject pattern is a subject (`facility/refstad`,
/// `city`), a kind followed by `/*` (`facility/*`: every facility, not `facility` itself), or
/// `*`. Why no general globbing: operators write these under pressure, and a pattern that
/// looks right but matches nothing silences or routes nothing without a word.
public enum AlertKeyPattern {
    public static let any = "*"

    /// Whether a rule pattern and a subject pattern both match `key`.
    public static func matches(rule: String, subject: String, _ key: AlertKey) -> Bool {
        matches(rule: rule, key.rule) && matches(subject: subject, key.subject)
    }

    public static func matches(rule pattern: String, _ rule: String) -> Bool {
        pattern == any || pattern == rule
    }

    public static func matches(subject pattern: String, _ subject: String) -> Bool {
        if pattern == any || pattern == subject { return true }
        guard pattern.hasSuffix("/*") else { return false }
        return subject.hasPrefix(pattern.dropLast())
    }

    /// Whether `rule` and `subject` are both `*`.
    public static func isAny(rule: String, subject: String) -> Bool { rule == any && subject == any }

    /// Problems with a pattern pair, under `parent` (`matchers`, `routes[2]`).
    public static func problems(rule: String, subject: String, in parent: String) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if rule != any && !Slug.isValid(rule) {
            problems.append(FieldProblem(
                "rule", Text("expected a rule id such as facility_utilization, or *",
                             nb: "forventet en regel-id som facility_utilization, eller *")))
        }
        if !isValid(subject: subject) {
            problems.append(FieldProblem(
                "subject", Text("expected a subject such as facility/refstad, a kind such as facility/*, or *",
                                nb: "forventet et subjekt som facility/refstad, en type som facility/*, eller *")))
        }
        return problems.map { $0.nested(in: parent) }
    }

    private static func isValid(subject pattern: String) -> Bool {
        if pattern == any || Subject.isValid(pattern) { return true }
        guard pattern.hasSuffix("/*") else { return false }
        let kind = pattern.dropLast(2)
        // `deadline/<rule>/*`: one deadline rule in every district.
        if kind.hasPrefix(DeadlineSubject.kind + "/") { return Slug.isValid(String(kind.dropFirst(DeadlineSubject.kind.count + 1))) }
        // `grants/disability/*`: the applications due in every district.
        if kind + "/" == GrantSubject.prefix { return true }
        return !kind.contains("/") && Subject.isValid(String(kind))
    }
}

/// A time-bound silence: alerts it matches still exist, open, resolve and show as
/// `silenced`, but send nothing while it is active. When it ends and a matched alert still
/// fires, the alert notifies then (the engine learns when from `SilenceSet.nextChange`).
///
/// Why a silence is data and not a flag on the alert: it is set up before a planned event
/// (a facility being emptied on purpose trips its utilization rules), it covers alerts that
/// do not exist yet, and the comment and author say who decided to hear nothing, and why.
public struct Silence: Sendable, Equatable, Codable {
    /// Which alerts a silence covers. All given matchers must match.
    public struct Matchers: Sendable, Equatable, Codable {
        /// A rule id or `*`.
        public var rule: String
        /// A subject, a kind pattern such as `facility/*`, or `*`.
        public var subject: String
        /// nil matches any severity; otherwise only that one (`critical` only critical).
        public var severity: AlertSeverity?
        /// Must be true for a silence that matches everything (rule and subject `*`, no
        /// severity): silencing the whole city is allowed, but never by accident.
        public var matchAll: Bool

        public init(rule: String = AlertKeyPattern.any, subject: String = AlertKeyPattern.any,
                    severity: AlertSeverity? = nil, matchAll: Bool = false) {
            self.rule = rule
            self.subject = subject
            self.severity = severity
            self.matchAll = matchAll
        }

        public func matches(_ key: AlertKey, severity: AlertSeverity) -> Bool {
            AlertKeyPattern.matches(rule: rule, subject: subject, key) && (self.severity == nil || self.severity == severity)
        }

        /// Whether these matchers cover every alert.
        public var matchesEverything: Bool { AlertKeyPattern.isAny(rule: rule, subject: subject) && severity == nil }
    }

    public static let maximumCommentLength = 1000

    public var id: String
    public var matchers: Matchers
    /// The first instant the silence is active (inclusive).
    public var startsAt: Timestamp
    /// The first instant it is no longer active (exclusive).
    public var endsAt: Timestamp
    /// Why: required, as the silence hides alerts from everyone else.
    public var comment: String
    public var author: String
    public var createdAt: Timestamp

    public init(id: String, matchers: Matchers, startsAt: Timestamp, endsAt: Timestamp, comment: String,
                author: String, createdAt: Timestamp) {
        self.id = id
        self.matchers = matchers
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.comment = comment
        self.author = author
        self.createdAt = createdAt
    }

    /// Active from `startsAt` (inclusive) to `endsAt` (exclusive), so a silence ending at 10:00
    /// and one starting at 10:00 never overlap and never leave a gap.
    public func isActive(at time: Timestamp) -> Bool { startsAt <= time && time < endsAt }

    public func matches(_ key: AlertKey, severity: AlertSeverity) -> Bool { matchers.matches(key, severity: severity) }

    /// Problems that need no other state: an end after the start, a comment and an author,
    /// valid patterns, and `match_all` exactly when the matchers cover everything. Whether the
    /// end is still in the future is checked by the caller, who knows the time.
    public func validate() -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if endsAt <= startsAt {
            problems.append(FieldProblem(
                "ends_at", Text("must be after starts_at (\(startsAt))", nb: "må være etter starts_at (\(startsAt))")))
        }
        for (field, value) in [("comment", comment), ("author", author)]
        where value.allSatisfy({ $0.isWhitespace }) {
            problems.append(FieldProblem(field, Text("must not be empty", nb: "kan ikke være tom")))
        }
        if comment.count > Self.maximumCommentLength {
            problems.append(FieldProblem(
                "comment", Text("must be at most \(Self.maximumCommentLength) characters",
                                nb: "kan være høyst \(Self.maximumCommentLength) tegn")))
        }
        problems += AlertKeyPattern.problems(rule: matchers.rule, subject: matchers.subject, in: "matchers")
        if matchers.matchesEverything && !matchers.matchAll {
            problems.append(FieldProblem(
                "matchers", Text("match every alert only with match_all: true; otherwise name a rule, subject or severity",
                                 nb: "treff alle varsler bare med match_all: true; ellers oppgi regel, subjekt eller alvorlighet")))
        } else if matchers.matchAll && !matchers.matchesEverything {
            problems.append(FieldProblem(
                "matchers.match_all", Text("must be false when a rule, subject or severity is given",
                                           nb: "må være false når regel, subjekt eller alvorlighet er oppgitt")))
        }
        return problems
    }
}

/// The silences the engine knows, with the two questions it asks of them.
public struct SilenceSet: Sendable, Equatable, Codable {
    public var silences: [Silence]

    public init(_ silences: [Silence] = []) { self.silences = silences }

    /// The active silence covering an alert at `time`, nil when none does. Of several, the
    /// one that ends last (ties: the smallest id), as that is how long the alert stays quiet.
    public func silencing(_ key: AlertKey, severity: AlertSeverity, at time: Timestamp) -> Silence? {
        silences
            .filter { $0.isActive(at: time) && $0.matches(key, severity: severity) }
            .min { ($1.endsAt, $0.id) < ($0.endsAt, $1.id) }
    }

    /// The first instant after `time` at which some silence starts or ends: the engine sets a
    /// timer for it and re-checks its firing alerts then, so an alert whose silence ended
    /// notifies at once rather than at its next evaluation. nil when nothing changes later.
    public func nextChange(after time: Timestamp) -> Timestamp? {
        silences.flatMap { [$0.startsAt, $0.endsAt] }.filter { $0 > time }.min()
    }

    /// Without the silences that have ended by `time` (for pruning; they keep no alert quiet).
    public func removingEnded(at time: Timestamp) -> SilenceSet {
        SilenceSet(silences.filter { $0.endsAt > time })
    }
}
