import BeredskapAPI
import BeredskapCore
import BeredskapStore

/// `GET /v1/rules`: the configured rules, in the order the engine evaluates them, with how
/// many of their alerts are open now.
///
/// Why from the configuration rather than from the engine's rule objects: disabled rules are
/// listed too (enabled false), so an operator can see that a rule exists and is off, and the
/// figures are shown as they are written in the configuration file.
enum RuleResources {
    /// Rule ids the contract names (API.md); `?rule=` accepts these.
    static let knownRules: Set<String> = [
        "facility_utilization", "kind_utilization", "city_utilization", "facility_cap", "surge_level", "stale_report",
        "deadline_overdue", "settlement_lag", "notification_dead", "grant_application_due",
    ]

    static func list(_ alerts: DaemonConfiguration.Alerts, staleAfter: FixedDuration, open: [StoredAlert]) -> RuleList {
        func rule(
            _ id: String, enabled: Bool, policy: AlertLifecycle.Policy, thresholds: AlertThresholds? = nil,
            severity: AlertSeverity? = nil, levels: SurgeSeverities? = nil, after: FixedDuration? = nil,
            lag: SettlementLagThresholds? = nil, overdue: Int? = nil
        ) -> RuleResource {
            let mine = open.filter { $0.key.rule == id }
            return RuleResource(
                id: id, enabled: enabled, thresholds: thresholds, severity: severity, levels: levels, after: after, lag: lag,
                overdue: overdue, timing: RuleTiming(policy), open: mine.count, firing: mine.filter { $0.lifecycle.state == .firing }.count)
        }
        func utilization(_ id: String, _ settings: DaemonConfiguration.UtilizationRule) -> RuleResource {
            rule(id, enabled: settings.enabled, policy: settings.policy, thresholds: settings.thresholds)
        }
        func fixed(_ id: String, _ settings: DaemonConfiguration.FixedRule, after: FixedDuration? = nil) -> RuleResource {
            rule(id, enabled: settings.enabled, policy: settings.policy, severity: settings.severity, after: after)
        }
        let surge = alerts.surgeLevel
        return RuleList(rules: [
            utilization("facility_utilization", alerts.facilityUtilization),
            utilization("kind_utilization", alerts.kindUtilization),
            utilization("city_utilization", alerts.cityUtilization),
            fixed("facility_cap", alerts.facilityCap),
            fixed("stale_report", alerts.staleReport, after: alerts.staleReport.after ?? staleAfter),
            rule(
                "surge_level", enabled: surge.enabled, policy: surge.policy,
                levels: SurgeSeverities(elevated: surge.elevated, high: surge.high, crisis: surge.crisis)),
            fixed("notification_dead", alerts.notificationDead),
            rule(
                "settlement_lag", enabled: alerts.settlementLag.enabled, policy: alerts.settlementLag.policy,
                severity: alerts.settlementLag.severity, lag: alerts.settlementLag.thresholds),
            rule(
                "deadline_overdue", enabled: alerts.deadlineOverdue.enabled, policy: alerts.deadlineOverdue.policy,
                severity: alerts.deadlineOverdue.severity, overdue: alerts.deadlineOverdue.threshold),
            fixed("grant_application_due", alerts.grantApplicationDue),
        ])
    }
}
