import BeredskapCore
import BeredskapSQLite
import BeredskapStore

/// One alert rule: which subjects an event touches, its condition (whose verdict Core
/// decides, `AlertCondition`), and the timing of its alerts.
///
/// Why a protocol: the issue asks that adding a rule (`deadline_overdue`, `settlement_lag`)
/// be a small, local change: a case of `AlertCondition` with its verdict, a conforming type in
/// this file, and one line in `all(_:)`.
protocol AlertRule: Sendable {
    var condition: AlertCondition { get }
    var policy: AlertLifecycle.Policy { get }
    func subjects(touchedBy event: Event) -> [String]
}

extension AlertRule {
    var id: String { condition.ruleID }
}

enum AlertRules {
    /// The enabled rules of a configuration.
    static func all(_ configuration: DaemonConfiguration.Alerts, staleAfter: FixedDuration) -> [any AlertRule] {
        var rules: [any AlertRule] = []
        let alerts = configuration
        if alerts.facilityUtilization.enabled { rules.append(FacilityUtilizationRule(settings: alerts.facilityUtilization)) }
        if alerts.kindUtilization.enabled { rules.append(KindUtilizationRule(settings: alerts.kindUtilization)) }
        if alerts.cityUtilization.enabled { rules.append(CityUtilizationRule(settings: alerts.cityUtilization)) }
        if alerts.facilityCap.enabled { rules.append(FacilityCapRule(settings: alerts.facilityCap)) }
        if alerts.staleReport.enabled {
            rules.append(StaleReportRule(settings: alerts.staleReport, after: alerts.staleReport.after ?? staleAfter))
        }
        if alerts.surgeLevel.enabled { rules.append(SurgeLevelRule(settings: alerts.surgeLevel)) }
        if alerts.notificationDead.enabled { rules.append(NotificationDeadRule(settings: alerts.notificationDead)) }
        if alerts.settlementLag.enabled { rules.append(SettlementLagRule(settings: alerts.settlementLag)) }
        if alerts.deadlineOverdue.enabled { rules.append(DeadlineOverdueRule(settings: alerts.deadlineOverdue)) }
        if alerts.grantApplicationDue.enabled { rules.append(GrantApplicationDueRule(settings: alerts.grantApplicationDue)) }
        return rules
    }

    /// The kind of subject each rule's alerts are about: what a silence or a subject a person
    /// names is checked against.
    static let subjectKinds: [String: String] = [
        "facility_utilization": "facility", "facility_cap": "facility", "stale_report": "facility",
        "kind_utilization": "kind", "city_utilization": "city", "surge_level": "city", "notification_dead": "notification",
        "settlement_lag": "district", "deadline_overdue": DeadlineSubject.kind, "grant_application_due": GrantSubject.kind,
    ]

    /// Whether `rule`'s alerts can be about `subject`.
    static func covers(_ rule: String, _ subject: String) -> Bool {
        guard let kind = subjectKinds[rule] else { return false }
        return kind == "city" ? subject == "city" : subject.hasPrefix(kind + "/")
    }

    /// The facilities and districts that exist now, and the subjects of each rule.
    static func knownSubjects(_ connection: SQLiteConnection) throws -> KnownSubjects {
        KnownSubjects(
            facilities: try connection.facilities().map(\.id), districts: try connection.districts().map(\.id),
            ruleSubjects: subjectKinds)
    }

    /// An alert's value at `instant` (`AlertCondition.value`: a stale report's grows with the clock).
    static func value(of alert: StoredAlert, at instant: Timestamp) -> Double? {
        AlertCondition.value(of: alert.key.rule, alert.lifecycle, evaluated: alert.value, at: instant)
    }

    /// Whether `event` changes a facility's figures (`CapacityEvents.changingFigures`).
    static func changesFigures(_ event: Event) -> Bool {
        event.kind.map(CapacityEvents.changingFigures.contains) ?? false
    }
}

struct FacilityUtilizationRule: AlertRule {
    let settings: DaemonConfiguration.UtilizationRule
    var condition: AlertCondition { .facilityUtilization(settings.thresholds) }
    var policy: AlertLifecycle.Policy { settings.policy }

    func subjects(touchedBy event: Event) -> [String] {
        AlertRules.changesFigures(event) ? [event.subject].compactMap { $0 } : []
    }
}

struct KindUtilizationRule: AlertRule {
    let settings: DaemonConfiguration.UtilizationRule
    var condition: AlertCondition { .kindUtilization(settings.thresholds) }
    var policy: AlertLifecycle.Policy { settings.policy }

    func subjects(touchedBy event: Event) -> [String] {
        guard AlertRules.changesFigures(event) else { return [] }
        // An arrival or a departure changes its own kind's figures only (the event names the
        // kind); after anything else — a definition whose kind may have changed, a head count,
        // a correction — look at every kind.
        let kind = event.payload(CapacityEvents.arrivalRecorded)?.kind ?? event.payload(CapacityEvents.departureRecorded)?.kind
        return kind.map { ["kind/\($0.rawValue)"] } ?? FacilityKind.allCases.map { "kind/\($0.rawValue)" }
    }
}

struct CityUtilizationRule: AlertRule {
    let settings: DaemonConfiguration.UtilizationRule
    var condition: AlertCondition { .cityUtilization(settings.thresholds) }
    var policy: AlertLifecycle.Policy { settings.policy }

    func subjects(touchedBy event: Event) -> [String] {
        AlertRules.changesFigures(event) ? ["city"] : []
    }
}

struct FacilityCapRule: AlertRule {
    let settings: DaemonConfiguration.FixedRule
    var condition: AlertCondition { .facilityCap(settings.severity) }
    var policy: AlertLifecycle.Policy { settings.policy }

    func subjects(touchedBy event: Event) -> [String] {
        event.kind?.topic == .facility ? [event.subject].compactMap { $0 } : []
    }
}

struct StaleReportRule: AlertRule {
    let settings: DaemonConfiguration.FixedRule
    let after: FixedDuration
    var condition: AlertCondition { .staleReport(settings.severity, after: after) }
    var policy: AlertLifecycle.Policy { settings.policy }

    func subjects(touchedBy event: Event) -> [String] {
        // A facility's definition or a head count (reported or corrected).
        event.kind.map { $0.topic == .facility || $0.topic == .occupancy } == true ? [event.subject].compactMap { $0 } : []
    }
}

struct SurgeLevelRule: AlertRule {
    let settings: DaemonConfiguration.SurgeRule
    var condition: AlertCondition { .surgeLevel(elevated: settings.elevated, high: settings.high, crisis: settings.crisis) }
    var policy: AlertLifecycle.Policy { settings.policy }

    func subjects(touchedBy event: Event) -> [String] {
        event.is(SurgeEvents.levelChanged) ? ["city"] : []
    }
}

struct NotificationDeadRule: AlertRule {
    let settings: DaemonConfiguration.FixedRule
    var condition: AlertCondition { .notificationDead(settings.severity) }
    var policy: AlertLifecycle.Policy { settings.policy }

    func subjects(touchedBy event: Event) -> [String] {
        event.is(NotificationEvents.dead) || event.is(NotificationEvents.delivered) || event.is(NotificationEvents.requeued)
            ? [event.subject].compactMap { $0 } : []
    }
}

struct SettlementLagRule: AlertRule {
    let settings: DaemonConfiguration.SettlementLagRule
    var condition: AlertCondition { .settlementLag(settings.severity, settings.thresholds) }
    var policy: AlertLifecycle.Policy { settings.policy }

    func subjects(touchedBy event: Event) -> [String] {
        guard event.kind?.topic == .settlement else { return [] }
        // A record touches its district; new quotas or reference figures touch every district.
        if let subject = event.subject, subject.hasPrefix("district/") { return [subject] }
        return District.oslo.map { "district/\($0.id)" }
    }
}

struct DeadlineOverdueRule: AlertRule {
    let settings: DaemonConfiguration.DeadlineOverdueRule
    var condition: AlertCondition { .deadlineOverdue(settings.severity, threshold: settings.threshold) }
    var policy: AlertLifecycle.Policy { settings.policy }

    func subjects(touchedBy event: Event) -> [String] {
        event.is(DeadlineEvents.overdueChanged) ? [event.subject].compactMap { $0 } : []
    }
}

struct GrantApplicationDueRule: AlertRule {
    let settings: DaemonConfiguration.FixedRule
    var condition: AlertCondition { .grantApplicationDue(settings.severity) }
    var policy: AlertLifecycle.Policy { settings.policy }

    func subjects(touchedBy event: Event) -> [String] {
        event.is(GrantEvents.applicationsDueChanged) ? [event.subject].compactMap { $0 } : []
    }
}
