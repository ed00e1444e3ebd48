import BeredskapCore
import BeredskapSQLite
import BeredskapStore

/// What the rules read: the state right after a commit, read once per evaluation.
struct RuleInputs {
    /// The facilities the evaluated keys name.
    var facilities: [String: Facility]
    /// Occupied and available places by kind, over every facility.
    var places: [FacilityKind: (occupied: Int, available: Int)]
    var surgeLevel: SurgeLevel
    var now: Timestamp
    var cap: Int
    /// Notifications that are dead now (ids).
    var deadNotifications: Set<Int64>
}

/// A rule's answer for one subject.
struct RuleVerdict {
    /// nil: the condition does not hold.
    var severity: AlertSeverity?
    var value: Double?
    var threshold: Double?
    var district: String?
}

/// One alert rule: its stable id, which subjects an event touches, the verdict for a subject,
/// and the timing of its alerts.
///
/// Why a protocol: the issue asks that adding a rule (`deadline_overdue`, `settlement_lag`)
/// be a small, local change: a new conforming type in this file and one line in `all(_:)`.
protocol AlertRule: Sendable {
    var id: String { get }
    var policy: AlertLifecycle.Policy { get }
    func subjects(touchedBy event: Event) -> [String]
    func verdict(for subject: String, _ inputs: RuleInputs, active: AlertSeverity?) -> RuleVerdict
    /// When the verdict changes by time alone (staleness), the instant to look again.
    func nextCheck(for subject: String, _ inputs: RuleInputs) -> Timestamp?
}

extension AlertRule {
    func nextCheck(for subject: String, _ inputs: RuleInputs) -> Timestamp? { nil }
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
        return rules
    }

    /// The kind of subject each rule's alerts are about: what a silence or a subject a person
    /// names is checked against.
    static let subjectKinds: [String: String] = [
        "facility_utilization": "facility", "facility_cap": "facility", "stale_report": "facility",
        "kind_utilization": "kind", "city_utilization": "city", "surge_level": "city", "notification_dead": "notification",
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

    /// An alert's value at `instant`. A stale report's value is the hours since the last head
    /// count, which grow with the clock while nobody reports: it is projected from the value of
    /// the alert's last evaluation, so the value shown and sent is the one of now.
    static func value(of alert: StoredAlert, at instant: Timestamp) -> Double? {
        let lifecycle = alert.lifecycle
        guard alert.key.rule == "stale_report", lifecycle.isOpen, lifecycle.conditionClearedAt == nil, let value = alert.value
        else { return alert.value }
        let hours = Double(max(0, instant.milliseconds(since: lifecycle.evaluatedAt))) / 3_600_000
        return ((value + hours) * 10).rounded() / 10
    }

    /// Events that change a facility's figures.
    static let facilityEvents: Set<String> = Set([
        "facility.created", "facility.updated", "facility.cap_breached", "facility.cap_restored", "arrival.recorded",
        "departure.recorded", "occupancy.reported",
    ]).union(FlowEvents.corrections)

    /// The places of every kind together: the city's.
    static func cityPlaces(_ places: [FacilityKind: (occupied: Int, available: Int)]) -> (occupied: Int, available: Int) {
        places.values.reduce((occupied: 0, available: 0)) { ($0.occupied + $1.occupied, $0.available + $1.available) }
    }

    /// Occupied over available places; nil when nothing is available (as `CapacityFigures`).
    static func ratio(_ places: (occupied: Int, available: Int)) -> Double? {
        places.available > 0 ? Double(places.occupied) / Double(places.available) : nil
    }

    static func facilityID(of subject: String) -> String? {
        subject.hasPrefix("facility/") ? String(subject.dropFirst("facility/".count)) : nil
    }

    /// The verdict of a utilization against thresholds with hysteresis.
    static func utilization(
        _ value: Double?, _ settings: DaemonConfiguration.UtilizationRule, active: AlertSeverity?, district: String?
    ) -> RuleVerdict {
        guard let value else { return RuleVerdict(severity: nil, district: district) }
        let severity = ThresholdLevel.severity(for: value, thresholds: settings.thresholds, active: active)
        let threshold = severity == .critical ? settings.critical : severity == nil ? nil : settings.warning
        return RuleVerdict(severity: severity, value: value, threshold: threshold, district: district)
    }
}

struct FacilityUtilizationRule: AlertRule {
    let id = "facility_utilization"
    let settings: DaemonConfiguration.UtilizationRule
    var policy: AlertLifecycle.Policy { settings.policy }

    func subjects(touchedBy event: Event) -> [String] {
        AlertRules.facilityEvents.contains(event.type) ? [event.subject].compactMap { $0 } : []
    }

    func verdict(for subject: String, _ inputs: RuleInputs, active: AlertSeverity?) -> RuleVerdict {
        guard let facility = AlertRules.facilityID(of: subject).flatMap({ inputs.facilities[$0] }), facility.status.isOperating
        else { return RuleVerdict() }
        return AlertRules.utilization(facility.utilization, settings, active: active, district: facility.district)
    }
}

struct KindUtilizationRule: AlertRule {
    let id = "kind_utilization"
    let settings: DaemonConfiguration.UtilizationRule
    var policy: AlertLifecycle.Policy { settings.policy }

    func subjects(touchedBy event: Event) -> [String] {
        // A facility's kind may have changed: look at every kind.
        AlertRules.facilityEvents.contains(event.type) ? FacilityKind.allCases.map { "kind/\($0.rawValue)" } : []
    }

    func verdict(for subject: String, _ inputs: RuleInputs, active: AlertSeverity?) -> RuleVerdict {
        guard subject.hasPrefix("kind/"), let kind = FacilityKind(rawValue: String(subject.dropFirst(5))) else {
            return RuleVerdict()
        }
        let places = inputs.places[kind]
        return AlertRules.utilization(
            places.flatMap(AlertRules.ratio), settings, active: active, district: nil)
    }
}

struct CityUtilizationRule: AlertRule {
    let id = "city_utilization"
    let settings: DaemonConfiguration.UtilizationRule
    var policy: AlertLifecycle.Policy { settings.policy }

    func subjects(touchedBy event: Event) -> [String] {
        AlertRules.facilityEvents.contains(event.type) ? ["city"] : []
    }

    func verdict(for subject: String, _ inputs: RuleInputs, active: AlertSeverity?) -> RuleVerdict {
        AlertRules.utilization(AlertRules.ratio(AlertRules.cityPlaces(inputs.places)), settings, active: active, district: nil)
    }
}

struct FacilityCapRule: AlertRule {
    let id = "facility_cap"
    let settings: DaemonConfiguration.FixedRule
    var policy: AlertLifecycle.Policy { settings.policy }

    func subjects(touchedBy event: Event) -> [String] {
        event.type.hasPrefix("facility.") ? [event.subject].compactMap { $0 } : []
    }

    func verdict(for subject: String, _ inputs: RuleInputs, active: AlertSeverity?) -> RuleVerdict {
        guard let facility = AlertRules.facilityID(of: subject).flatMap({ inputs.facilities[$0] }) else { return RuleVerdict() }
        let over = facility.largestCapacity > inputs.cap
        return RuleVerdict(
            severity: over ? settings.severity : nil, value: Double(facility.largestCapacity), threshold: Double(inputs.cap),
            district: facility.district)
    }
}

/// An operating facility without a head count for `after` (counted from its creation when it
/// never had one, so a facility just added is not stale at once).
struct StaleReportRule: AlertRule {
    let id = "stale_report"
    let settings: DaemonConfiguration.FixedRule
    let after: FixedDuration
    var policy: AlertLifecycle.Policy { settings.policy }

    func subjects(touchedBy event: Event) -> [String] {
        event.type.hasPrefix("facility.") || event.type.hasPrefix("occupancy.") ? [event.subject].compactMap { $0 } : []
    }

    private func staleSince(_ facility: Facility) -> Timestamp {
        (facility.lastReportAt ?? facility.createdAt).adding(milliseconds: after.milliseconds)
    }

    func verdict(for subject: String, _ inputs: RuleInputs, active: AlertSeverity?) -> RuleVerdict {
        guard let facility = AlertRules.facilityID(of: subject).flatMap({ inputs.facilities[$0] }), facility.status.isOperating
        else { return RuleVerdict() }
        let stale = inputs.now >= staleSince(facility)
        let hours = Double(inputs.now.milliseconds(since: facility.lastReportAt ?? facility.createdAt)) / 3_600_000
        return RuleVerdict(
            severity: stale ? settings.severity : nil, value: (hours * 10).rounded() / 10,
            threshold: Double(after.milliseconds) / 3_600_000, district: facility.district)
    }

    func nextCheck(for subject: String, _ inputs: RuleInputs) -> Timestamp? {
        guard let facility = AlertRules.facilityID(of: subject).flatMap({ inputs.facilities[$0] }), facility.status.isOperating
        else { return nil }
        let due = staleSince(facility)
        return due > inputs.now ? due : nil
    }
}

struct SurgeLevelRule: AlertRule {
    let id = "surge_level"
    let settings: DaemonConfiguration.SurgeRule
    var policy: AlertLifecycle.Policy { settings.policy }

    func subjects(touchedBy event: Event) -> [String] {
        event.type == SurgeEvents.levelChanged ? ["city"] : []
    }

    func verdict(for subject: String, _ inputs: RuleInputs, active: AlertSeverity?) -> RuleVerdict {
        RuleVerdict(severity: settings.severity(for: inputs.surgeLevel), value: Double(inputs.surgeLevel.rank))
    }
}

struct NotificationDeadRule: AlertRule {
    let id = "notification_dead"
    let settings: DaemonConfiguration.FixedRule
    var policy: AlertLifecycle.Policy { settings.policy }

    func subjects(touchedBy event: Event) -> [String] {
        event.type == NotificationEvents.dead || event.type == NotificationEvents.delivered
            || event.type == NotificationEvents.requeued ? [event.subject].compactMap { $0 } : []
    }

    func verdict(for subject: String, _ inputs: RuleInputs, active: AlertSeverity?) -> RuleVerdict {
        guard subject.hasPrefix("notification/"), let id = Int64(subject.dropFirst("notification/".count)) else {
            return RuleVerdict()
        }
        return RuleVerdict(severity: inputs.deadNotifications.contains(id) ? settings.severity : nil)
    }
}

/// Event types of the outbox.
enum NotificationEvents {
    static let delivered = "notification.delivered"
    /// An attempt failed and another is scheduled.
    static let failed = "notification.failed"
    static let dead = "notification.dead"
    static let requeued = "notification.requeued"
}
