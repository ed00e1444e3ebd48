/// Who is told about an alert: notification groups, the channels each one is reached on, the
/// routes that pick groups for an alert, and the escalation order for critical alerts nobody
/// acknowledges.
///
/// Why groups between routes and channels: the receivers are the coordination groups of the
/// domain (Beredskapsetaten, the administrative and the political coordination group, each
/// district's contact point), and a group changes its e-mail list or webhook without any route
/// changing. A district's contact point is the group `bydel:<district>`; a route names it with
/// the placeholder `bydel:{district}`, so one route sends every district alert to the right
/// district.
///
/// Routes are not first-match: every matching route adds its groups (in route order, each
/// group once), because an alert about Refstad concerns both Beredskapsetaten and the host
/// district, and first-match routing would make one of them a silent casualty of route order.
public struct NotificationRouting: Sendable, Equatable, Codable {
    /// Picks groups for the alerts its matchers cover (all must match).
    public struct Route: Sendable, Equatable, Codable {
        /// A rule id or `*`.
        public var rule: String
        /// A subject, a kind pattern such as `facility/*`, or `*` (as in silences).
        public var subject: String
        /// nil covers every severity; `warning` covers warning and critical.
        public var minimumSeverity: AlertSeverity?
        /// Group names; may contain `NotificationRouting.districtPlaceholder`.
        public var groups: [String]

        public init(rule: String = AlertKeyPattern.any, subject: String = AlertKeyPattern.any,
                    minimumSeverity: AlertSeverity? = nil, groups: [String]) {
            self.rule = rule
            self.subject = subject
            self.minimumSeverity = minimumSeverity
            self.groups = groups
        }

        public func matches(_ key: AlertKey, severity: AlertSeverity) -> Bool {
            AlertKeyPattern.matches(rule: rule, subject: subject, key) && minimumSeverity.map { severity >= $0 } ?? true
        }

        private enum CodingKeys: String, CodingKey { case rule, subject, minimumSeverity, groups }

        /// `rule` and `subject` default to `*`, as in the initializer: a route written in a
        /// configuration file names only what it narrows.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            rule = try container.decodeIfPresent(String.self, forKey: .rule) ?? AlertKeyPattern.any
            subject = try container.decodeIfPresent(String.self, forKey: .subject) ?? AlertKeyPattern.any
            minimumSeverity = try container.decodeIfPresent(AlertSeverity.self, forKey: .minimumSeverity)
            groups = try container.decode([String].self, forKey: .groups)
        }
    }

    /// Stands for the contact point of the alert's district in a route's groups.
    public static let districtPlaceholder = "bydel:{district}"

    /// The contact point group of a district: `bydel:ullern`.
    public static func contactPoint(of district: String) -> String { "bydel:\(district)" }

    /// Group name → channel names.
    public var groups: [String: [String]]
    public var routes: [Route]
    /// Groups told, in order, about a critical alert still unacknowledged: step 1 is the
    /// first, and escalation stops after the last.
    /// (When a step is due is each rule's `escalate_after`, kept with the alert's lifecycle.)
    public var escalation: [String]

    public init(groups: [String: [String]], routes: [Route], escalation: [String] = []) {
        self.groups = groups
        self.routes = routes
        self.escalation = escalation
    }

    /// The groups to tell about an alert: those of every matching route, in route order, each
    /// once. The placeholder becomes the contact point of `district` (the district the
    /// subject is in, which the caller knows: a facility's host district, or the district of a
    /// `district/…` subject) and is dropped when there is none.
    public func recipients(for key: AlertKey, severity: AlertSeverity, district: String?) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        for route in routes where route.matches(key, severity: severity) {
            for group in route.groups {
                let resolved: String?
                if group == Self.districtPlaceholder {
                    resolved = district.map(Self.contactPoint(of:))
                } else {
                    resolved = group
                }
                if let resolved, seen.insert(resolved).inserted { result.append(resolved) }
            }
        }
        return result
    }

    /// The channels a group is reached on; empty for a group not configured.
    public func channels(for group: String) -> [String] { groups[group] ?? [] }

    /// The group told at escalation step `step` (1 = the first escalation); nil before the
    /// first step and after the last, which is where escalation stops.
    public func escalationGroup(step: Int) -> String? {
        guard step >= 1, step <= escalation.count else { return nil }
        return escalation[step - 1]
    }

    /// Problems with the configuration, with field paths such as `routes[2].groups[0]`:
    /// groups with no or unknown channels, routes with bad patterns or naming unknown groups,
    /// empty or unknown escalation names. With `districts`, each district must have a contact
    /// point group when some route uses the placeholder, so no district alert goes nowhere.
    public func validate(knownChannels: Set<String>, districts: [String] = []) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        for (name, channels) in groups.sorted(by: { $0.key < $1.key }) {
            let field = "groups.\(name)"
            if name.isEmpty || name.contains("{") {
                problems.append(FieldProblem(
                    field, Text("expected a group name such as beredskapsetaten or bydel:ullern",
                                nb: "forventet et gruppenavn som beredskapsetaten eller bydel:ullern")))
            }
            if channels.isEmpty {
                problems.append(FieldProblem(field, Text("must name at least one channel", nb: "må nevne minst én kanal")))
            }
            for (index, channel) in channels.enumerated() where !knownChannels.contains(channel) {
                problems.append(FieldProblem(
                    "\(field)[\(index)]", Text("unknown channel \(channel)", nb: "ukjent kanal \(channel)")))
            }
        }
        for (index, route) in routes.enumerated() {
            let field = "routes[\(index)]"
            problems += AlertKeyPattern.problems(rule: route.rule, subject: route.subject, in: field)
            if route.groups.isEmpty {
                problems.append(FieldProblem(
                    "\(field).groups", Text("must name at least one group", nb: "må nevne minst én gruppe")))
            }
            for (position, group) in route.groups.enumerated() where group != Self.districtPlaceholder {
                problems += groupProblem(group, field: "\(field).groups[\(position)]")
            }
        }
        for (position, group) in escalation.enumerated() {
            problems += groupProblem(group, field: "escalation[\(position)]")
        }
        if routes.contains(where: { $0.groups.contains(Self.districtPlaceholder) }) {
            for district in districts where groups[Self.contactPoint(of: district)] == nil {
                let group = Self.contactPoint(of: district)
                problems.append(FieldProblem(
                    "groups", Text("no contact point group \(group) for district \(district)",
                                   nb: "ingen kontaktpunktgruppe \(group) for bydel \(district)")))
            }
        }
        return problems
    }

    private func groupProblem(_ group: String, field: String) -> [FieldProblem] {
        if group.isEmpty {
            return [FieldProblem(field, Text("must not be empty", nb: "kan ikke være tom"))]
        }
        guard groups[group] == nil else { return [] }
        return [FieldProblem(field, Text("unknown group \(group)", nb: "ukjent gruppe \(group)"))]
    }
}
