/// Occupied and available places of a kind of facility, or of the city.
public typealias PlaceCount = (occupied: Int, available: Int)

/// Utilization as the rules and the playbook waits read it, over counted places.
public enum PlaceUtilization {
    /// Occupied over available places; nil when nothing is available (as `CapacityFigures`).
    public static func ratio(_ places: PlaceCount) -> Double? {
        places.available > 0 ? Double(places.occupied) / Double(places.available) : nil
    }

    /// The places of every kind together: the city's.
    public static func city(_ byKind: [FacilityKind: PlaceCount]) -> PlaceCount {
        byKind.values.reduce((occupied: 0, available: 0)) { ($0.occupied + $1.occupied, $0.available + $1.available) }
    }
}

/// What the alert rules decide from: the state right after a commit, read once per evaluation.
public struct AlertFigures: Sendable {
    /// The facilities the evaluated subjects name.
    public var facilities: [String: Facility]
    /// Occupied and available places by kind, over every facility.
    public var places: [FacilityKind: PlaceCount]
    public var surgeLevel: SurgeLevel
    public var now: Timestamp
    /// The cap, in places per facility.
    public var cap: Int
    /// Notifications that are dead now (ids).
    public var deadNotifications: Set<Int64>
    /// Settlement this year so far, when a key asks about a district and the year has quotas.
    public var settlement: SettlementFigures?
    /// The committed overdue counts by subject (`deadline/<rule>/<district>`), when a key asks
    /// about one; a subject not in it has none.
    public var deadlineOverdue: [String: Int] = [:]
    /// The committed counts of disability-grant applications due, by district, when a key
    /// asks about one; a district not in it has none.
    public var grantApplicationsDue: [String: Int] = [:]

    public init(
        facilities: [String: Facility], places: [FacilityKind: PlaceCount], surgeLevel: SurgeLevel, now: Timestamp, cap: Int,
        deadNotifications: Set<Int64>, settlement: SettlementFigures? = nil
    ) {
        self.facilities = facilities
        self.places = places
        self.surgeLevel = surgeLevel
        self.now = now
        self.cap = cap
        self.deadNotifications = deadNotifications
        self.settlement = settlement
    }

    /// The id in a `facility/<id>` subject; nil for any other subject.
    public static func facilityID(of subject: String) -> String? {
        subject.hasPrefix("facility/") ? String(subject.dropFirst("facility/".count)) : nil
    }

    /// The facility a `facility/<id>` subject names, when it was read.
    public func facility(_ subject: String) -> Facility? {
        Self.facilityID(of: subject).flatMap { facilities[$0] }
    }
}

/// What `settlement_lag` decides from: the current year's quotas in force and what is settled
/// today (the daemon's clock, its time zone), and when the next local day starts — the expected
/// figure grows with the calendar, so the verdict is looked at again then.
public struct SettlementFigures: Sendable, Equatable {
    /// Today's progress per district, by district id.
    public var quotas: [String: Int]
    public var settled: [String: Int]
    public var year: Int
    public var today: CalendarDate
    /// The start of tomorrow in the daemon's time zone.
    public var nextDay: Timestamp

    public init(year: Int, today: CalendarDate, quotas: [String: Int], settled: [String: Int], nextDay: Timestamp) {
        self.year = year
        self.today = today
        self.quotas = quotas
        self.settled = settled
        self.nextDay = nextDay
    }

    /// The district's row of today's progress; nil when it has no quota.
    public func progress(of district: String, _ thresholds: SettlementLagThresholds) -> SettlementProgress.Row? {
        guard quotas[district] != nil else { return nil }
        return SettlementProgress(
            year: year, at: today, quotas: [district: quotas[district] ?? 0], settled: settled, districts: [district],
            thresholds: thresholds
        ).rows.first
    }
}

/// A rule's answer for one subject.
public struct AlertVerdict: Sendable, Equatable {
    /// nil: the condition does not hold.
    public var severity: AlertSeverity?
    /// The figure behind it (a utilization, places, hours, a surge level's rank).
    public var value: Double?
    /// The threshold the figure crossed (or is measured against).
    public var threshold: Double?
    public var district: String?

    public init(severity: AlertSeverity? = nil, value: Double? = nil, threshold: Double? = nil, district: String? = nil) {
        self.severity = severity
        self.value = value
        self.threshold = threshold
        self.district = district
    }
}

/// The condition of each alert rule with its settings: given the figures, whether it holds
/// for a subject, how badly, and with which value.
///
/// Why in the core: the verdict is the decision the alerts exist for, and as a pure function of
/// plain figures it is replayed and tested case by case; the daemon reads the figures (SQL), asks,
/// and hands the verdict to the alert's lifecycle.
public enum AlertCondition: Sendable, Equatable {
    /// An operating facility's utilization against thresholds with hysteresis.
    case facilityUtilization(AlertThresholds)
    /// A kind of facility's utilization (`kind/<kind>`), over every facility of the kind.
    case kindUtilization(AlertThresholds)
    /// The city's utilization, over every facility.
    case cityUtilization(AlertThresholds)
    /// A facility whose capacity or expansion is above the cap.
    case facilityCap(AlertSeverity)
    /// An operating facility without a head count for `after`, counted from its creation when
    /// it never had one (so a facility just added is not stale at once).
    case staleReport(AlertSeverity, after: FixedDuration)
    /// The surge level, with the alert's severity at each level above normal (nil: no alert).
    case surgeLevel(elevated: AlertSeverity?, high: AlertSeverity?, crisis: AlertSeverity?)
    /// A notification that exhausted its retries (`notification/<id>`).
    case notificationDead(AlertSeverity)
    /// A district (`district/<id>`) behind its settlement quota this year by more than both
    /// thresholds; the value is the lag in persons (tenths), the threshold `min_lag`.
    case settlementLag(AlertSeverity, SettlementLagThresholds)
    /// A deadline rule in a district (`deadline/<rule>/<district>`) with more persons overdue
    /// than `threshold`; the value is the overdue count.
    case deadlineOverdue(AlertSeverity, threshold: Int)
    /// A district (`grants/disability/<district>`) with at least one person whose
    /// disability-grant application is due soon or overdue; the value is that count.
    case grantApplicationDue(AlertSeverity)

    /// The stable rule id of API.md.
    public var ruleID: String {
        switch self {
        case .facilityUtilization: "facility_utilization"
        case .kindUtilization: "kind_utilization"
        case .cityUtilization: "city_utilization"
        case .facilityCap: "facility_cap"
        case .staleReport: Self.staleReportID
        case .surgeLevel: "surge_level"
        case .notificationDead: "notification_dead"
        case .settlementLag: "settlement_lag"
        case .deadlineOverdue: "deadline_overdue"
        case .grantApplicationDue: "grant_application_due"
        }
    }

    private static let staleReportID = "stale_report"

    /// The verdict for `subject`; `active` is the severity of the subject's open alert, if any
    /// (the utilization thresholds keep it while the value is above `clear`).
    public func verdict(for subject: String, _ figures: AlertFigures, active: AlertSeverity?) -> AlertVerdict {
        switch self {
        case .facilityUtilization(let thresholds):
            guard let facility = figures.facility(subject), facility.status.isOperating else { return AlertVerdict() }
            return Self.utilization(facility.utilization, thresholds, active: active, district: facility.district)
        case .kindUtilization(let thresholds):
            guard subject.hasPrefix("kind/"), let kind = FacilityKind(rawValue: String(subject.dropFirst("kind/".count))) else {
                return AlertVerdict()
            }
            return Self.utilization(figures.places[kind].flatMap(PlaceUtilization.ratio), thresholds, active: active, district: nil)
        case .cityUtilization(let thresholds):
            return Self.utilization(
                PlaceUtilization.ratio(PlaceUtilization.city(figures.places)), thresholds, active: active, district: nil)
        case .facilityCap(let severity):
            guard let facility = figures.facility(subject) else { return AlertVerdict() }
            return AlertVerdict(
                severity: facility.largestCapacity > figures.cap ? severity : nil, value: Double(facility.largestCapacity),
                threshold: Double(figures.cap), district: facility.district)
        case .staleReport(let severity, let after):
            guard let facility = figures.facility(subject), facility.status.isOperating else { return AlertVerdict() }
            let since = facility.lastReportAt ?? facility.createdAt
            let hours = Double(figures.now.milliseconds(since: since)) / Self.millisecondsPerHour
            return AlertVerdict(
                severity: figures.now >= Self.staleSince(facility, after: after) ? severity : nil, value: Self.tenths(hours),
                threshold: Double(after.milliseconds) / Self.millisecondsPerHour, district: facility.district)
        case .surgeLevel(let elevated, let high, let crisis):
            let severity: AlertSeverity? = switch figures.surgeLevel {
            case .normal: nil
            case .elevated: elevated
            case .high: high
            case .crisis: crisis
            }
            return AlertVerdict(severity: severity, value: Double(figures.surgeLevel.rank))
        case .notificationDead(let severity):
            guard subject.hasPrefix("notification/"), let id = Int64(subject.dropFirst("notification/".count)) else {
                return AlertVerdict()
            }
            return AlertVerdict(severity: figures.deadNotifications.contains(id) ? severity : nil)
        case .settlementLag(let severity, let thresholds):
            guard subject.hasPrefix("district/") else { return AlertVerdict() }
            let district = String(subject.dropFirst("district/".count))
            guard let row = figures.settlement?.progress(of: district, thresholds) else { return AlertVerdict(district: district) }
            return AlertVerdict(
                severity: row.lagging ? severity : nil, value: Self.tenths(row.lag), threshold: thresholds.minLag,
                district: district)
        case .deadlineOverdue(let severity, let threshold):
            guard let (_, district) = DeadlineSubject.parse(subject) else { return AlertVerdict() }
            let overdue = figures.deadlineOverdue[subject] ?? 0
            return AlertVerdict(
                severity: overdue > threshold ? severity : nil, value: Double(overdue), threshold: Double(threshold),
                district: district)
        case .grantApplicationDue(let severity):
            guard let district = GrantSubject.district(of: subject) else { return AlertVerdict() }
            let due = figures.grantApplicationsDue[district] ?? 0
            return AlertVerdict(severity: due > 0 ? severity : nil, value: Double(due), district: district)
        }
    }

    /// When the verdict for `subject` changes by time alone (a facility becoming stale, a
    /// district's expected settlement growing at local midnight), the
    /// instant to look again; nil when no figure but time would change it.
    public func nextCheck(for subject: String, _ figures: AlertFigures) -> Timestamp? {
        if case .settlementLag = self { return subject.hasPrefix("district/") ? figures.settlement?.nextDay : nil }
        guard case .staleReport(_, let after) = self, let facility = figures.facility(subject), facility.status.isOperating
        else { return nil }
        let due = Self.staleSince(facility, after: after)
        return due > figures.now ? due : nil
    }

    /// An alert's value at `instant`. A stale report's value is the hours since the last head
    /// count, which grow with the clock while nobody reports: while its condition holds, it is
    /// projected from the value of the alert's last evaluation, so the value shown and sent is
    /// the one of now. Every other value is the one last evaluated.
    public static func value(of rule: String, _ lifecycle: AlertLifecycle, evaluated value: Double?, at instant: Timestamp)
        -> Double?
    {
        guard rule == staleReportID, lifecycle.isOpen, lifecycle.conditionClearedAt == nil, let value else { return value }
        return tenths(value + Double(max(0, instant.milliseconds(since: lifecycle.evaluatedAt))) / millisecondsPerHour)
    }

    private static let millisecondsPerHour = 3_600_000.0

    private static func tenths(_ hours: Double) -> Double { (hours * 10).rounded() / 10 }

    private static func staleSince(_ facility: Facility, after: FixedDuration) -> Timestamp {
        (facility.lastReportAt ?? facility.createdAt).adding(milliseconds: after.milliseconds)
    }

    /// The verdict of a utilization against thresholds with hysteresis (`ThresholdLevel`); with
    /// nothing available there is no utilization, and no verdict but the district.
    private static func utilization(
        _ value: Double?, _ thresholds: AlertThresholds, active: AlertSeverity?, district: String?
    ) -> AlertVerdict {
        guard let value else { return AlertVerdict(district: district) }
        let severity = ThresholdLevel.severity(for: value, thresholds: thresholds, active: active)
        let threshold = severity == .critical ? thresholds.critical : severity == nil ? nil : thresholds.warning
        return AlertVerdict(severity: severity, value: value, threshold: threshold, district: district)
    }
}

extension AlertVerdict {
    /// What an open alert shows once it has this verdict: the current value (also while the
    /// condition is clear and `keep_firing_for` holds the alert open, and the one it resolves
    /// at), the threshold last crossed, and the district when the verdict knows it.
    public func shown(value: Double?, threshold: Double?, district: String?)
        -> (value: Double?, threshold: Double?, district: String?)
    {
        (self.value ?? value, severity != nil ? self.threshold ?? threshold : threshold, self.district ?? district)
    }
}
