import BeredskapJSON

/// The situation report (situasjonsrapport) the coordination groups read at every meeting: the
/// capacity by kind and district, the surge level and its week, the forecast, the firing
/// alerts, the playbook runs under way and their late steps, the deadlines, the settlement of
/// the year, the incident log of the last day, and 28 days of arrivals and occupancy.
///
/// Why a value built from plain inputs and rendered later: the same figures go to a route, a
/// file written by the CLI and the scheduled reports, as Markdown, HTML or JSON, in bokmål or
/// English, and the public variant is the same value with what is not public taken out
/// (`publicVariant`). Each section is optional: it is absent when its feature has nothing
/// configured or recorded, so a report of an empty state is short, not wrong.
///
/// Why every section has `asOf`: a report asked for a past instant (`at`) can cut the series
/// and logs there, but alerts, runs, deadlines and the capacity picture exist only as they
/// stand now; those sections carry the instant they were read at, and the renderings say so,
/// so today's state is never presented as the past.
public struct SituationReport: Sendable, Equatable, Codable {
    /// Who the report is for: the office, or the municipality's information page.
    public enum Audience: String, JSONStringEnum {
        case `internal`, `public`
    }

    /// When it was made (the daemon's clock).
    public var generatedAt: Timestamp
    /// The instant it describes (`at`, the generation time by default).
    public var at: Timestamp
    /// The daemon's time zone: days and times are local to it.
    public var timeZone: String
    public var audience: Audience
    /// In the public variant, the smallest count of people shown; smaller ones are suppressed.
    public var minimumCount: Int?
    public var capacity: Capacity?
    public var surge: Surge?
    public var forecast: Forecast?
    public var alerts: Alerts?
    public var playbooks: Playbooks?
    public var deadlines: Deadlines?
    public var settlement: Settlement?
    public var incidentLog: IncidentLog?
    public var arrivals: Arrivals?
    public var occupancy: Occupancy?

    public init(generatedAt: Timestamp, at: Timestamp, timeZone: String, audience: Audience = .internal) {
        self.generatedAt = generatedAt
        self.at = at
        self.timeZone = timeZone
        self.audience = audience
    }

    // MARK: - Capacity

    /// The capacity picture (`CapacityPicture`): the city, each kind and each district.
    public struct Capacity: Sendable, Equatable, Codable {
        public var asOf: Timestamp
        /// The most places one facility may have (`capacity.cap`, 1000 by default).
        public var cap: Int
        public var total: CapacityRow
        public var byKind: [CapacityRow]
        public var byDistrict: [CapacityRow]
        /// Facilities whose capacity or expansion is above the cap (empty in the public variant).
        public var overCap: [FacilityOverCap]
        public var overCapCount: Int

        public init(asOf: Timestamp, cap: Int, total: CapacityRow, byKind: [CapacityRow], byDistrict: [CapacityRow],
                    overCap: [FacilityOverCap]) {
            self.asOf = asOf
            self.cap = cap
            self.total = total
            self.byKind = byKind
            self.byDistrict = byDistrict
            self.overCap = overCap
            overCapCount = overCap.count
        }
    }

    /// A kind (`key` is the kind's id), a district (its id, or `unassigned`) or the city.
    /// `occupied`, `free` and `utilisation` are null and `suppressed` true when the people
    /// counted are too few to publish (any of the three would give the count away).
    public struct CapacityRow: Sendable, Equatable, Codable {
        public var key: String
        public var name: String
        public var facilities: Int
        /// Places that can be used now (capacity less places out of use, operating facilities).
        public var places: Int
        @NullEncoded public var occupied: Int?
        @NullEncoded public var free: Int?
        @NullEncoded public var utilisation: Double?
        public var overCap: Int
        public var suppressed: Bool
        /// Why it is suppressed (absent when it is not).
        public var suppression: SmallCounts.Suppression?

        public init(key: String, name: String, facilities: Int, places: Int, occupied: Int?, free: Int?, utilisation: Double?,
                    overCap: Int, suppression: SmallCounts.Suppression? = nil) {
            self.key = key
            self.name = name
            self.facilities = facilities
            self.places = places
            self.occupied = occupied
            self.free = free
            self.utilisation = utilisation
            self.overCap = overCap
            self.suppression = suppression
            suppressed = suppression != nil
        }
    }

    public struct FacilityOverCap: Sendable, Equatable, Codable {
        public var facility: String
        public var name: String
        public var largestCapacity: Int

        public init(facility: String, name: String, largestCapacity: Int) {
            self.facility = facility
            self.name = name
            self.largestCapacity = largestCapacity
        }
    }

    // MARK: - Surge and forecast

    /// The surge level at `at`, the highest level of each of the 7 local days up to it, the
    /// changes in those days and the arrivals in them.
    public struct Surge: Sendable, Equatable, Codable {
        public var asOf: Timestamp
        public var level: SurgeLevel
        /// When the level was entered; null when it never changed.
        @NullEncoded public var since: Timestamp?
        public var days: [SurgeDay]
        public var changes: [SurgeChange]
        @NullEncoded public var arrivals: Int?
        public var suppressed: Bool
        /// Why it is suppressed (absent when it is not).
        public var suppression: SmallCounts.Suppression?

        public init(asOf: Timestamp, level: SurgeLevel, since: Timestamp?, days: [SurgeDay], changes: [SurgeChange], arrivals: Int?,
                    suppression: SmallCounts.Suppression? = nil) {
            self.asOf = asOf
            self.level = level
            self.since = since
            self.days = days
            self.changes = changes
            self.arrivals = arrivals
            self.suppression = suppression
            suppressed = suppression != nil
        }
    }

    public struct SurgeDay: Sendable, Equatable, Codable {
        public var date: CalendarDate
        /// The highest level in force that day (up to `at` on its last day).
        public var level: SurgeLevel

        public init(date: CalendarDate, level: SurgeLevel) {
            self.date = date
            self.level = level
        }
    }

    public struct SurgeChange: Sendable, Equatable, Codable {
        public var at: Timestamp
        public var from: SurgeLevel
        public var to: SurgeLevel

        public init(at: Timestamp, from: SurgeLevel, to: SurgeLevel) {
            self.at = at
            self.from = from
            self.to = to
        }
    }

    /// Days to full per kind at the recent net inflow (`InflowForecast`): read as of now.
    public struct Forecast: Sendable, Equatable, Codable {
        public var asOf: Timestamp
        public var kinds: [ForecastRow]

        public init(asOf: Timestamp, kinds: [ForecastRow]) {
            self.asOf = asOf
            self.kinds = kinds
        }
    }

    public struct ForecastRow: Sendable, Equatable, Codable {
        public var kind: FacilityKind
        public var netPerDay: Double
        public var free: Int
        /// Null when the kind is not filling up.
        @NullEncoded public var daysToFull: Double?

        public init(kind: FacilityKind, netPerDay: Double, free: Int, daysToFull: Double?) {
            self.kind = kind
            self.netPerDay = netPerDay
            self.free = free
            self.daysToFull = daysToFull
        }
    }

    // MARK: - Alerts, runs, deadlines

    /// The alerts firing now, and how many of each severity (all the public variant keeps).
    public struct Alerts: Sendable, Equatable, Codable {
        public var asOf: Timestamp
        public var firing: [FiringAlert]
        public var bySeverity: [SeverityCount]

        public init(asOf: Timestamp, firing: [FiringAlert], bySeverity: [SeverityCount]) {
            self.asOf = asOf
            self.firing = firing
            self.bySeverity = bySeverity
        }
    }

    public struct FiringAlert: Sendable, Equatable, Codable {
        public var rule: String
        public var severity: AlertSeverity
        public var subject: String
        public var since: Timestamp

        public init(rule: String, severity: AlertSeverity, subject: String, since: Timestamp) {
            self.rule = rule
            self.severity = severity
            self.subject = subject
            self.since = since
        }
    }

    public struct SeverityCount: Sendable, Equatable, Codable {
        public var severity: AlertSeverity
        public var count: Int

        public init(severity: AlertSeverity, count: Int) {
            self.severity = severity
            self.count = count
        }
    }

    /// The playbook runs under way and their steps past their due time.
    public struct Playbooks: Sendable, Equatable, Codable {
        public var asOf: Timestamp
        public var runs: [ActiveRun]

        public init(asOf: Timestamp, runs: [ActiveRun]) {
            self.asOf = asOf
            self.runs = runs
        }
    }

    public struct ActiveRun: Sendable, Equatable, Codable {
        public var id: Int64
        public var playbook: String
        public var startedAt: Timestamp
        public var openSteps: Int
        public var lateSteps: [LateStep]

        public init(id: Int64, playbook: String, startedAt: Timestamp, openSteps: Int, lateSteps: [LateStep]) {
            self.id = id
            self.playbook = playbook
            self.startedAt = startedAt
            self.openSteps = openSteps
            self.lateSteps = lateSteps
        }
    }

    public struct LateStep: Sendable, Equatable, Codable {
        public var step: String
        /// The user or group that answers for it.
        public var owner: String
        public var due: Timestamp

        public init(step: String, owner: String, due: Timestamp) {
            self.step = step
            self.owner = owner
            self.due = due
        }
    }

    /// The deadline summary (`GET /v1/deadlines/summary`) per rule, the districts added up.
    public struct Deadlines: Sendable, Equatable, Codable {
        public var asOf: Timestamp
        public var date: CalendarDate
        public var rules: [DeadlineRow]

        public init(asOf: Timestamp, date: CalendarDate, rules: [DeadlineRow]) {
            self.asOf = asOf
            self.date = date
            self.rules = rules
        }
    }

    public struct DeadlineRow: Sendable, Equatable, Codable {
        public var rule: String
        public var overdue: Int
        public var dueSoon: Int

        public init(rule: String, overdue: Int, dueSoon: Int) {
            self.rule = rule
            self.overdue = overdue
            self.dueSoon = dueSoon
        }
    }

    // MARK: - Settlement and the incident log

    /// Settlement of the year of `at` by that date: per district the quota, the settled and the share.
    public struct Settlement: Sendable, Equatable, Codable {
        public var asOf: Timestamp
        public var year: Int
        public var date: CalendarDate
        public var districts: [SettlementRow]
        public var total: SettlementRow

        public init(asOf: Timestamp, year: Int, date: CalendarDate, districts: [SettlementRow], total: SettlementRow) {
            self.asOf = asOf
            self.year = year
            self.date = date
            self.districts = districts
            self.total = total
        }
    }

    public struct SettlementRow: Sendable, Equatable, Codable {
        public var district: String
        public var name: String
        public var quota: Int
        @NullEncoded public var settled: Int?
        /// Settled over the quota; null without a quota or when suppressed.
        @NullEncoded public var share: Double?
        public var suppressed: Bool
        /// Why it is suppressed (absent when it is not).
        public var suppression: SmallCounts.Suppression?

        public init(district: String, name: String, quota: Int, settled: Int?, share: Double?, suppression: SmallCounts.Suppression? = nil) {
            self.district = district
            self.name = name
            self.quota = quota
            self.settled = settled
            self.share = share
            self.suppression = suppression
            suppressed = suppression != nil
        }
    }

    /// The incident log's entries of the 24 hours up to `at`, oldest first.
    public struct IncidentLog: Sendable, Equatable, Codable {
        public var asOf: Timestamp
        public var since: Timestamp
        public var entries: [LogEntry]

        public init(asOf: Timestamp, since: Timestamp, entries: [LogEntry]) {
            self.asOf = asOf
            self.since = since
            self.entries = entries
        }
    }

    public struct LogEntry: Sendable, Equatable, Codable {
        public var time: Timestamp
        public var source: IncidentLogEntry.Source
        @NullEncoded public var subject: String?
        public var text: String

        public init(time: Timestamp, source: IncidentLogEntry.Source, subject: String?, text: String) {
            self.time = time
            self.source = source
            self.subject = subject
            self.text = text
        }
    }

    // MARK: - Series

    /// New arrivals per local day (transfers left out) for the 28 days up to `at`.
    public struct Arrivals: Sendable, Equatable, Codable {
        public var asOf: Timestamp
        public var days: [DayCount]
        @NullEncoded public var total: Int?
        public var suppressed: Bool
        /// Why it is suppressed (absent when it is not).
        public var suppression: SmallCounts.Suppression?

        public init(asOf: Timestamp, days: [DayCount], total: Int?, suppression: SmallCounts.Suppression? = nil) {
            self.asOf = asOf
            self.days = days
            self.total = total
            self.suppression = suppression
            suppressed = suppression != nil
        }
    }

    public struct DayCount: Sendable, Equatable, Codable {
        public var date: CalendarDate
        @NullEncoded public var count: Int?
        public var suppressed: Bool
        /// Why it is suppressed (absent when it is not).
        public var suppression: SmallCounts.Suppression?

        public init(date: CalendarDate, count: Int?, suppression: SmallCounts.Suppression? = nil) {
            self.date = date
            self.count = count
            self.suppression = suppression
            suppressed = suppression != nil
        }
    }

    /// Per kind, each day's occupancy (the head-count rule at the day's end, or at `at` on
    /// the last day) against the places available that day.
    public struct Occupancy: Sendable, Equatable, Codable {
        public var asOf: Timestamp
        public var kinds: [KindSeries]

        public init(asOf: Timestamp, kinds: [KindSeries]) {
            self.asOf = asOf
            self.kinds = kinds
        }
    }

    public struct KindSeries: Sendable, Equatable, Codable {
        public var kind: FacilityKind
        public var days: [OccupancyDay]

        public init(kind: FacilityKind, days: [OccupancyDay]) {
            self.kind = kind
            self.days = days
        }
    }

    public struct OccupancyDay: Sendable, Equatable, Codable {
        public var date: CalendarDate
        @NullEncoded public var occupied: Int?
        public var places: Int
        public var suppressed: Bool
        /// Why it is suppressed (absent when it is not).
        public var suppression: SmallCounts.Suppression?

        public init(date: CalendarDate, occupied: Int?, places: Int, suppression: SmallCounts.Suppression? = nil) {
            self.date = date
            self.occupied = occupied
            self.places = places
            self.suppression = suppression
            suppressed = suppression != nil
        }
    }
}
