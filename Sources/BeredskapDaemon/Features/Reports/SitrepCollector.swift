import BeredskapAPI
import BeredskapCore
import BeredskapSQLite
import BeredskapStore

/// Reads what a situation report is built from — out of a read connection at an instant, and
/// from the engines' memory for what only they hold (the surge forecast, the deadlines) — and
/// builds it (`SituationReport`, pure, in the core).
///
/// Why plain functions given everything explicitly: the route and the scheduled reports
/// (issue 15, item 3) build the same report, one for a request, the other from a timer; the
/// figures come from the same store queries and functions as the routes that show them
/// (`CapacityPicture`, `InflowForecast`, `SeriesRoutes`, `SettlementProgress`), so a
/// sitrep never disagrees with `beredskap capacity` or `beredskap surge`.
enum SitrepCollector {
    /// What the engines hold in memory, read once before the report is collected.
    struct Live: Sendable {
        /// The net inflow per kind over the forecast window, now (`SurgeMonitor.Snapshot`).
        var netInflowPerDay: [FacilityKind: Double]
        /// The deadline engine's date and counts; nil when no deadline rule is in force.
        var deadlines: (date: CalendarDate, rules: [SituationReport.DeadlineRow])?
        /// Whether any playbook is loaded (without one, and without runs, the section is left out).
        var playbooksLoaded: Bool

        init(netInflowPerDay: [FacilityKind: Double], deadlines: (date: CalendarDate, rules: [SituationReport.DeadlineRow])?,
             playbooksLoaded: Bool) {
            self.netInflowPerDay = netInflowPerDay
            self.deadlines = deadlines
            self.playbooksLoaded = playbooksLoaded
        }

        /// The engines' part now.
        init(surge: SurgeMonitor, deadlines: DeadlineEngine, playbooks: PlaybookLibrary) {
            netInflowPerDay = surge.snapshot().netInflowPerDay
            self.deadlines = deadlines.read { book in
                guard !book.rules.isEmpty else { return nil }
                var counts: [String: (overdue: Int, dueSoon: Int)] = [:]
                for row in book.summary() {
                    counts[row.rule, default: (0, 0)].overdue += row.counts.overdue
                    counts[row.rule, default: (0, 0)].dueSoon += row.counts.dueSoon
                }
                return (book.today, book.rules.map { rule in
                    SituationReport.DeadlineRow(rule: rule.id, overdue: counts[rule.id]?.overdue ?? 0, dueSoon: counts[rule.id]?.dueSoon ?? 0)
                })
            }
            playbooksLoaded = !playbooks.playbooks.playbooks.isEmpty
        }
    }

    /// The report of `at` (not after `now`), generated at `now`; the internal one — the
    /// caller takes `publicVariant` of it for the public page.
    static func collect(
        _ connection: SQLiteConnection, at: Timestamp, now: Timestamp, configuration: DaemonConfiguration, calendar: LocalCalendar,
        live: Live
    ) throws -> SituationReport {
        let facilities = try connection.facilities()
        let (initialLevel, changes) = try surgeChanges(connection, through: at)
        let forecast = InflowForecast(netPerDay: live.netInflowPerDay, facilities: facilities).byKind.map { kind, entry in
            SituationReport.ForecastRow(kind: kind, netPerDay: entry.netPerDay, free: entry.free, daysToFull: entry.daysToFull)
        }
        var alertQuery = AlertQuery()
        alertQuery.state = .firing
        let alerts = try connection.alerts(alertQuery).filter { !$0.exercise }.map { alert in
            SituationReport.FiringAlert(
                rule: alert.key.rule, severity: alert.lifecycle.severity, subject: alert.key.subject,
                since: alert.lifecycle.firingSince ?? alert.lifecycle.pendingSince)
        }
        let runs = try activeRuns(connection, now: now)
        let (arrivals, occupancy) = facilities.isEmpty
            ? ([], [:]) : try series(connection, at: at, calendar: calendar, timeZone: configuration.timeZone)
        let level = try initialLevel ?? connection.surgeState().level
        return SituationReport(SitrepInputs(
            generatedAt: now, at: at, calendar: calendar, facilities: facilities, cap: configuration.capacity.cap,
            districts: try connection.districts().map { ($0.id, $0.name) }, initialLevel: level,
            surgeChanges: changes, forecast: forecast, firingAlerts: alerts,
            runs: runs.isEmpty && !live.playbooksLoaded ? nil : runs, deadlines: live.deadlines,
            settlement: try settlement(connection, at: calendar.date(of: at), configuration: configuration),
            incidentLog: try incidentLog(connection, at: at), arrivalsPerDay: arrivals, occupancy: occupancy))
    }

    /// Every change of the surge level up to `at`, and the level before the first (nil when
    /// the level never changed: it is the stored one).
    private static func surgeChanges(_ connection: SQLiteConnection, through at: Timestamp) throws
        -> (SurgeLevel?, [SituationReport.SurgeChange])
    {
        var changes: [SituationReport.SurgeChange] = []
        var first: SurgeLevel?
        var after: Int64 = 0
        while true {
            let page = try connection.events(after: after, types: [SurgeEvents.levelChanged.name], limit: 500)
            for event in page {
                guard let change = event.payload(SurgeEvents.levelChanged) else { continue }
                first = first ?? change.from
                if event.time <= at { changes.append(.init(at: event.time, from: change.from, to: change.to)) }
            }
            guard page.count == 500, let last = page.last, last.time <= at else { break }
            after = last.seq
        }
        return (first, changes)
    }

    /// The live world's runs under way, with their open steps and those past their due time.
    private static func activeRuns(_ connection: SQLiteConnection, now: Timestamp) throws -> [SituationReport.ActiveRun] {
        var query = RunQuery()
        query.states = [.active]
        return try connection.playbookRuns(query).filter { !$0.exercise }.sorted { $0.id < $1.id }.map { stored in
            let open = stored.run.steps.filter { !$0.state.letsDependentsStart }
            let late = open.compactMap { step -> SituationReport.LateStep? in
                guard let due = step.dueAt, step.overdue || (step.state == .ready || step.state == .running) && due <= now else { return nil }
                return SituationReport.LateStep(step: step.id, owner: step.owner, due: due)
            }
            return SituationReport.ActiveRun(
                id: stored.id, playbook: stored.run.playbook, startedAt: stored.run.startedAt, openSteps: open.count, lateSteps: late)
        }
    }

    /// The settlement of `date`'s year by that date, as `GET /v1/settlement/years/{year}/progress` has it.
    private static func settlement(_ connection: SQLiteConnection, at date: CalendarDate, configuration: DaemonConfiguration) throws
        -> SettlementProgress?
    {
        guard let quotas = try connection.quotaVersion(year: date.year) else { return nil }
        return SettlementProgress(
            year: date.year, at: date, quotas: quotas.quotas, settled: try connection.settledByDistrict(year: date.year, through: date),
            districts: try connection.districts().map(\.id), thresholds: configuration.alerts.settlementLag.thresholds)
    }

    /// The live world's log entries of the 24 hours up to `at` (the last thousand at most).
    private static func incidentLog(_ connection: SQLiteConnection, at: Timestamp) throws -> [SituationReport.LogEntry] {
        var query = IncidentLogQuery()
        query.since = at.adding(milliseconds: -86_400_000)
        query.until = at.adding(milliseconds: 1)
        query.newestFirst = true
        query.limit = 1000
        return try connection.incidentLog(query).filter { !$0.exercise }.reversed().map {
            SituationReport.LogEntry(time: $0.time, source: $0.source, subject: $0.subject, text: $0.text)
        }
    }

    /// Arrivals per day and occupancy per kind for the 28 local days up to `at`, cut at `at`.
    private static func series(_ connection: SQLiteConnection, at: Timestamp, calendar: LocalCalendar, timeZone: String) throws
        -> ([(date: CalendarDate, count: Int)], [FacilityKind: [(date: CalendarDate, occupied: Int, places: Int)]])
    {
        let last = calendar.date(of: at)
        let first = last.adding(days: 1 - SituationReport.seriesDays)
        let days = calendar.buckets(from: first, through: last, size: .day)
        guard let start = days.first?.startInstant else { return ([], [:]) }
        let end = at.adding(milliseconds: 1)
        let arrivals = try SeriesRoutes.arrivalSeries(
            connection, from: start, to: end, filter: FlowFilter(), buckets: days, timeZone: timeZone, first: first, last: last)
        let (facilities, occupancy) = try SeriesRoutes.occupancySeries(
            connection, facility: nil, days: days, from: start, to: end, timeZone: timeZone)
        var byKind: [FacilityKind: [(date: CalendarDate, occupied: Int, places: Int)]] = [:]
        for (facility, series) in zip(facilities, occupancy.facilities) {
            var kind = byKind[facility.kind] ?? series.days.map { ($0.date, 0, 0) }
            for (index, day) in series.days.enumerated() where index < kind.count {
                kind[index].occupied += day.occupied
                kind[index].places += day.available
            }
            byKind[facility.kind] = kind
        }
        return (arrivals.buckets.map { ($0.start, $0.count) }, byKind)
    }
}
