import BeredskapCore
import BeredskapJSON

extension DaemonConfiguration {
    /// The alert rules (stable ids from API.md) and their timing.
    ///
    /// Why these defaults: a facility at 85 % of its available places is worth a warning
    /// (a bus of 40 fills the rest of a 300-place centre), 95 % is critical; kinds and the
    /// city warn earlier (80 % / 75 %) because moving people between facilities takes days.
    /// `for` keeps a single report from paging anyone; `keep_firing_for` keeps an alert open
    /// through a short dip below the clear threshold.
    public struct Alerts: Sendable, Equatable {
        public var facilityUtilization = UtilizationRule(
            warning: 0.85, critical: 0.95, clear: 0.80, forDuration: .seconds(600), keepFiringFor: .seconds(900),
            repeatInterval: .seconds(4 * 3600), escalateAfter: .seconds(1800), escalationLimit: 2)
        public var kindUtilization = UtilizationRule(
            warning: 0.80, critical: 0.90, clear: 0.75, forDuration: .seconds(600), keepFiringFor: .seconds(1800),
            repeatInterval: .seconds(4 * 3600), escalateAfter: .seconds(1800), escalationLimit: 2)
        public var cityUtilization = UtilizationRule(
            warning: 0.75, critical: 0.90, clear: 0.70, forDuration: .seconds(600), keepFiringFor: .seconds(3600),
            repeatInterval: .seconds(4 * 3600), escalateAfter: .seconds(1800), escalationLimit: 2)
        /// Capacity or expansion above the cap: critical until back within it.
        public var facilityCap = FixedRule(severity: .critical, repeatInterval: .seconds(24 * 3600))
        /// An open facility without a head count for `after`.
        public var staleReport = FixedRule(severity: .warning, after: .seconds(24 * 3600), repeatInterval: .seconds(12 * 3600))
        /// A notification that exhausted its retries.
        public var notificationDead = FixedRule(severity: .critical, repeatInterval: .seconds(4 * 3600))
        public var surgeLevel = SurgeRule()
        /// A district behind its settlement quota (`SettlementLagConfiguration.swift`).
        public var settlementLag = SettlementLagRule()
        /// Too many persons of a district overdue with one deadline rule (`DeadlineOverdueConfiguration.swift`).
        public var deadlineOverdue = DeadlineOverdueRule()
        /// A district with a person whose disability-grant application is due soon or overdue
        /// (`GrantAlertCounts.swift`): a warning, told again weekly, not escalated — the
        /// deadline runs in months, and the district's contact point is who applies.
        public var grantApplicationDue: FixedRule = {
            var rule = FixedRule(severity: .warning, repeatInterval: .seconds(7 * 24 * 3600))
            rule.escalateAfter = nil
            rule.escalationLimit = 0
            return rule
        }()
        public var flapping = FlapDetector.Settings()
    }

    /// A rule on a utilization (occupied ÷ available places) with hysteresis.
    public struct UtilizationRule: Sendable, Equatable, Codable {
        public var enabled = true
        public var warning: Double
        public var critical: Double
        public var clear: Double
        public var forDuration: FixedDuration
        public var keepFiringFor: FixedDuration
        public var repeatInterval: FixedDuration?
        public var escalateAfter: FixedDuration?
        public var escalationLimit: Int

        private enum CodingKeys: String, CodingKey {
            case enabled, warning, critical, clear, forDuration = "for", keepFiringFor, repeatInterval, escalateAfter
            case escalationLimit
        }

        public var thresholds: AlertThresholds { AlertThresholds(warning: warning, critical: critical, clear: clear) }

        public var policy: AlertLifecycle.Policy {
            AlertLifecycle.Policy(
                forDuration: forDuration, keepFiringFor: keepFiringFor, repeatInterval: repeatInterval,
                escalateAfter: escalateAfter, escalationLimit: escalationLimit)
        }

        func problems() -> [FieldProblem] { thresholds.problems() + policy.problems() }
    }

    /// A rule whose alert has one severity while its condition holds.
    public struct FixedRule: Sendable, Equatable, Codable {
        public var enabled = true
        public var severity: AlertSeverity
        /// For time-based conditions (`stale_report`): how long before it holds.
        public var after: FixedDuration?
        public var forDuration = FixedDuration.seconds(0)
        public var keepFiringFor = FixedDuration.seconds(0)
        public var repeatInterval: FixedDuration?
        public var escalateAfter: FixedDuration? = .seconds(1800)
        public var escalationLimit = 2

        private enum CodingKeys: String, CodingKey {
            case enabled, severity, after, forDuration = "for", keepFiringFor, repeatInterval, escalateAfter, escalationLimit
        }

        public init(severity: AlertSeverity, after: FixedDuration? = nil, repeatInterval: FixedDuration?) {
            self.severity = severity
            self.after = after
            self.repeatInterval = repeatInterval
        }

        public var policy: AlertLifecycle.Policy {
            AlertLifecycle.Policy(
                forDuration: forDuration, keepFiringFor: keepFiringFor, repeatInterval: repeatInterval,
                escalateAfter: escalateAfter, escalationLimit: escalationLimit)
        }

        func problems() -> [FieldProblem] {
            var problems = policy.problems()
            if let after, after.milliseconds < 60_000 {
                problems.append(FieldProblem("after", Text("must be at least PT1M", nb: "må være minst PT1M")))
            }
            return problems
        }
    }

    /// `surge_level`: the alert's severity for each level above normal (nil: no alert).
    public struct SurgeRule: Sendable, Equatable, Codable {
        public var enabled = true
        public var elevated: AlertSeverity? = .info
        public var high: AlertSeverity? = .warning
        public var crisis: AlertSeverity? = .critical
        public var repeatInterval: FixedDuration? = .seconds(12 * 3600)
        public var escalateAfter: FixedDuration? = .seconds(1800)
        public var escalationLimit = 2

        public var policy: AlertLifecycle.Policy {
            AlertLifecycle.Policy(repeatInterval: repeatInterval, escalateAfter: escalateAfter, escalationLimit: escalationLimit)
        }
    }
}

extension DaemonConfiguration.Alerts: Decodable {
    private enum CodingKeys: String, CodingKey {
        case facilityUtilization, kindUtilization, cityUtilization, facilityCap, staleReport, notificationDead, surgeLevel
        case settlementLag, deadlineOverdue, grantApplicationDue, flapping
    }

    public init(from decoder: any Decoder) throws {
        let defaults = Self()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        facilityUtilization = try container.overlay(.facilityUtilization, default: defaults.facilityUtilization) { $0.problems() }
        kindUtilization = try container.overlay(.kindUtilization, default: defaults.kindUtilization) { $0.problems() }
        cityUtilization = try container.overlay(.cityUtilization, default: defaults.cityUtilization) { $0.problems() }
        facilityCap = try container.overlay(.facilityCap, default: defaults.facilityCap) { $0.problems() }
        staleReport = try container.overlay(.staleReport, default: defaults.staleReport) { $0.problems() }
        notificationDead = try container.overlay(.notificationDead, default: defaults.notificationDead) { $0.problems() }
        surgeLevel = try container.overlay(.surgeLevel, default: defaults.surgeLevel) { $0.policy.problems() }
        settlementLag = try container.overlay(.settlementLag, default: defaults.settlementLag) { $0.problems() }
        deadlineOverdue = try container.overlay(.deadlineOverdue, default: defaults.deadlineOverdue) { $0.problems() }
        grantApplicationDue = try container.overlay(.grantApplicationDue, default: defaults.grantApplicationDue) { $0.problems() }
        flapping = try container.overlay(.flapping, default: defaults.flapping) { $0.validate() }
    }
}
