/// What a situation report is built from, read out of the store and the engines by the
/// daemon (`SitrepCollector`) or written out by hand in a test.
///
/// Why plain values: the builder decides only what the report shows (the rows, the trend,
/// which sections there are), so it is tested on a few facilities and levels with known
/// answers, without a daemon.
public struct SitrepInputs: Sendable {
    public var generatedAt: Timestamp
    /// The instant described; the series and logs given are cut there.
    public var at: Timestamp
    public var calendar: LocalCalendar
    /// Every facility as it stands now.
    public var facilities: [Facility]
    public var cap: Int
    /// Oslo's districts (id, name), in the order the report lists them.
    public var districts: [(id: String, name: String)]
    /// The level before the first of `surgeChanges` (normal when it never changed).
    public var initialLevel: SurgeLevel
    /// Every change of the surge level up to `at`, oldest first.
    public var surgeChanges: [SituationReport.SurgeChange]
    /// Per kind, the forecast at the recent net inflow (`InflowForecast`), as of now.
    public var forecast: [SituationReport.ForecastRow]
    /// The alerts firing now.
    public var firingAlerts: [SituationReport.FiringAlert]
    /// The runs under way; nil when there is no playbook and no run.
    public var runs: [SituationReport.ActiveRun]?
    /// The deadline counts now; nil when no deadline rule is in force.
    public var deadlines: (date: CalendarDate, rules: [SituationReport.DeadlineRow])?
    /// The settlement of `at`'s year by its date; nil when the year has no quotas.
    public var settlement: SettlementProgress?
    /// The incident log's entries of the 24 hours up to `at`.
    public var incidentLog: [SituationReport.LogEntry]
    /// New arrivals of each of the 28 local days up to `at` (oldest first).
    public var arrivalsPerDay: [(date: CalendarDate, count: Int)]
    /// Per kind, occupancy and places of the same days.
    public var occupancy: [FacilityKind: [(date: CalendarDate, occupied: Int, places: Int)]]

    public init(
        generatedAt: Timestamp, at: Timestamp, calendar: LocalCalendar, facilities: [Facility] = [], cap: Int = 1000,
        districts: [(id: String, name: String)] = [], initialLevel: SurgeLevel = .normal,
        surgeChanges: [SituationReport.SurgeChange] = [], forecast: [SituationReport.ForecastRow] = [],
        firingAlerts: [SituationReport.FiringAlert] = [], runs: [SituationReport.ActiveRun]? = nil,
        deadlines: (date: CalendarDate, rules: [SituationReport.DeadlineRow])? = nil, settlement: SettlementProgress? = nil,
        incidentLog: [SituationReport.LogEntry] = [], arrivalsPerDay: [(date: CalendarDate, count: Int)] = [],
        occupancy: [FacilityKind: [(date: CalendarDate, occupied: Int, places: Int)]] = [:]
    ) {
        self.generatedAt = generatedAt
        self.at = at
        self.calendar = calendar
        self.facilities = facilities
        self.cap = cap
        self.districts = districts
        self.initialLevel = initialLevel
        self.surgeChanges = surgeChanges
        self.forecast = forecast
        self.firingAlerts = firingAlerts
        self.runs = runs
        self.deadlines = deadlines
        self.settlement = settlement
        self.incidentLog = incidentLog
        self.arrivalsPerDay = arrivalsPerDay
        self.occupancy = occupancy
    }
}

extension SituationReport {
    /// Days the series cover, and days of the surge trend.
    public static let seriesDays = 28
    public static let trendDays = 7

    /// The report of `inputs`: the sections whose features have something to show.
    public init(_ inputs: SitrepInputs) {
        self.init(generatedAt: inputs.generatedAt, at: inputs.at, timeZone: inputs.calendar.identifier)
        let now = inputs.generatedAt
        let names = Dictionary(inputs.districts.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        if !inputs.facilities.isEmpty {
            capacity = Self.capacity(inputs.facilities, cap: inputs.cap, districts: inputs.districts, asOf: now)
            arrivals = Arrivals(
                asOf: inputs.at, days: inputs.arrivalsPerDay.map { DayCount(date: $0.date, count: $0.count) },
                total: inputs.arrivalsPerDay.reduce(0) { $0 + $1.count })
            occupancy = Occupancy(asOf: inputs.at, kinds: FacilityKind.allCases.compactMap { kind in
                inputs.occupancy[kind].map { days in
                    KindSeries(kind: kind, days: days.map { OccupancyDay(date: $0.date, occupied: $0.occupied, places: $0.places) })
                }
            })
        }
        surge = Self.surge(inputs)
        let forecastRows = inputs.forecast.sorted { $0.kind < $1.kind }
        if !forecastRows.isEmpty { forecast = Forecast(asOf: now, kinds: forecastRows) }
        let firing = inputs.firingAlerts.sorted { ($1.severity.rank, $0.since) < ($0.severity.rank, $1.since) }
        alerts = Alerts(asOf: now, firing: firing, bySeverity: AlertSeverity.allCases.reversed().map { severity in
            SeverityCount(severity: severity, count: firing.count { $0.severity == severity })
        })
        playbooks = inputs.runs.map { Playbooks(asOf: now, runs: $0) }
        deadlines = inputs.deadlines.map { Deadlines(asOf: now, date: $0.date, rules: $0.rules) }
        settlement = inputs.settlement.map { progress in
            func row(_ row: SettlementProgress.Row) -> SettlementRow {
                SettlementRow(
                    district: row.district, name: names[row.district] ?? row.district, quota: row.quota, settled: row.settled,
                    share: row.quota > 0 ? Double(row.settled) / Double(row.quota) : nil)
            }
            var total = row(progress.total)
            total.name = "Oslo"
            return Settlement(asOf: inputs.at, year: progress.year, date: progress.at, districts: progress.rows.map(row), total: total)
        }
        if !inputs.incidentLog.isEmpty {
            incidentLog = IncidentLog(
                asOf: inputs.at, since: inputs.at.adding(milliseconds: -86_400_000), entries: inputs.incidentLog.sorted { $0.time < $1.time })
        }
    }

    /// The capacity picture: the city, each kind present (in `FacilityKind` order) and each
    /// district with facilities (in the order of `districts`, then the others by id).
    static func capacity(_ facilities: [Facility], cap: Int, districts: [(id: String, name: String)], asOf: Timestamp) -> Capacity {
        let picture = CapacityPicture(facilities: facilities)
        let overCap = facilities.filter { $0.largestCapacity > cap }
        func row(_ key: String, _ name: String, _ figures: CapacityFigures, _ members: (Facility) -> Bool) -> CapacityRow {
            CapacityRow(
                key: key, name: name, facilities: figures.facilities, places: figures.available, occupied: figures.occupied,
                free: figures.free, utilisation: figures.utilization.map { ($0 * 1000).rounded() / 1000 },
                overCap: overCap.count(where: members))
        }
        let known = Set(districts.map(\.id))
        let order = districts.map { ($0.id, $0.name) }
            + picture.byDistrict.keys.filter { !known.contains($0) }.sorted().map { ($0, $0) }
        return Capacity(
            asOf: asOf, cap: cap, total: row("city", "Oslo", picture.total) { _ in true },
            byKind: FacilityKind.allCases.compactMap { kind in
                picture.byKind[kind].map { row(kind.rawValue, kind.rawValue, $0) { $0.kind == kind } }
            },
            byDistrict: order.compactMap { id, name in
                picture.byDistrict[id].map { figures in
                    row(id, name, figures) { ($0.district ?? CapacityPicture.noDistrict) == id }
                }
            },
            overCap: overCap.sorted { $0.id < $1.id }.map {
                FacilityOverCap(facility: $0.id, name: $0.name, largestCapacity: $0.largestCapacity)
            })
    }

    /// The level at `at`, the highest level of each of the 7 days up to it, the changes in
    /// those days, and the arrivals of those days.
    static func surge(_ inputs: SitrepInputs) -> Surge {
        let calendar = inputs.calendar
        let changes = inputs.surgeChanges.filter { $0.at <= inputs.at }
        func level(at instant: Timestamp) -> SurgeLevel {
            changes.last { $0.at <= instant }?.to ?? changes.first?.from ?? inputs.initialLevel
        }
        let last = calendar.date(of: inputs.at)
        let dates = (0..<trendDays).map { last.adding(days: $0 + 1 - trendDays) }
        let days = dates.map { date in
            let start = calendar.startOfDay(date)
            let end = min(calendar.startOfDay(date.adding(days: 1)), inputs.at)
            let during = changes.filter { $0.at > start && $0.at <= end }.map(\.to)
            return SurgeDay(date: date, level: ([level(at: start)] + during).max { $0.rank < $1.rank } ?? .normal)
        }
        let windowStart = calendar.startOfDay(dates[0])
        let arrivals = inputs.arrivalsPerDay.filter { dates.contains($0.date) }.reduce(0) { $0 + $1.count }
        return Surge(
            asOf: inputs.at, level: level(at: inputs.at), since: changes.last?.at, days: days,
            changes: changes.filter { $0.at >= windowStart }, arrivals: arrivals)
    }
}
