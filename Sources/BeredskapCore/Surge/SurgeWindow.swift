/// The recent arrival figures the surge level and the forecast are computed from, kept in
/// memory and updated record by record.
///
/// Windows (configurable through `baselineDays` and `recentDays`):
/// - `arrivals_24h`: the current hour and the 23 before it;
/// - `arrivals_7d`: the current hour and the 167 before it (`recentDays` × 24);
/// - the baseline: the `baselineDays` days before those, as a mean per day.
/// Transfers between facilities are not arrivals to the city and are left out of these, but
/// they do move people between kinds, so the per-kind flows of the forecast include them.
public struct SurgeWindow: Sendable, Equatable {
    public var recentDays: Int
    public var baselineDays: Int
    public var forecastDays: Int
    private(set) var arrivals: HourlyCounts
    private(set) var inflow: [FacilityKind: HourlyCounts] = [:]
    private(set) var outflow: [FacilityKind: HourlyCounts] = [:]

    public init(now: Timestamp, recentDays: Int = 7, baselineDays: Int = 28, forecastDays: Int = 7) {
        self.recentDays = max(1, recentDays)
        self.baselineDays = max(1, baselineDays)
        self.forecastDays = max(1, forecastDays)
        arrivals = HourlyCounts(span: (self.recentDays + self.baselineDays) * 24, newestHour: HourlyCounts.hour(of: now))
    }

    /// Records arrivals at a facility of `kind`; `transfer` when they came from another
    /// facility. A negative count takes back arrivals recorded before (a voided record), so
    /// the window always holds what the store holds.
    public mutating func recordArrival(count: Int, kind: FacilityKind, at instant: Timestamp, transfer: Bool) {
        let hour = HourlyCounts.hour(of: instant)
        if !transfer { arrivals.add(count, at: hour) }
        if inflow[kind] == nil { inflow[kind] = flowCounts }
        inflow[kind]?.add(count, at: hour)
    }

    /// Records departures from a facility of `kind` (a negative count takes them back).
    public mutating func recordDeparture(count: Int, kind: FacilityKind, at instant: Timestamp) {
        if outflow[kind] == nil { outflow[kind] = flowCounts }
        outflow[kind]?.add(count, at: HourlyCounts.hour(of: instant))
    }

    private var flowCounts: HourlyCounts { HourlyCounts(span: forecastDays * 24, newestHour: arrivals.newestHour) }

    /// The figures at `now`.
    public mutating func figures(at now: Timestamp) -> SurgeFigures {
        let hour = HourlyCounts.hour(of: now)
        arrivals.advance(to: hour)
        let recentHours = Int64(recentDays * 24)
        let baseline = arrivals.sum(from: hour - recentHours - Int64(baselineDays * 24) + 1, through: hour - recentHours)
        return SurgeFigures(
            arrivals24h: arrivals.sum(from: hour - 23, through: hour),
            arrivals7d: arrivals.sum(from: hour - recentHours + 1, through: hour),
            baselinePerDay: Double(baseline) / Double(baselineDays))
    }

    /// Net inflow per day (arrivals − departures, transfers included) over the forecast
    /// window, for each kind that had any arrivals in it.
    public mutating func netInflowPerDay(at now: Timestamp) -> [FacilityKind: Double] {
        let hour = HourlyCounts.hour(of: now)
        let first = hour - Int64(forecastDays * 24) + 1
        var result: [FacilityKind: Double] = [:]
        for (kind, var counts) in inflow {
            counts.advance(to: hour)
            inflow[kind] = counts
            let arrived = counts.sum(from: first, through: hour)
            guard arrived > 0 else { continue }
            var departures = outflow[kind] ?? flowCounts
            departures.advance(to: hour)
            outflow[kind] = departures
            result[kind] = Double(arrived - departures.sum(from: first, through: hour)) / Double(forecastDays)
        }
        return result
    }

    /// The next instant after `now` at which the figures change without any new record: an
    /// hour boundary where a non-empty hour leaves the 24-hour or 7-day window or enters or
    /// leaves the baseline. nil when there is nothing in the windows (nothing can change).
    ///
    /// Why: the level must fall when a surge passes even if nobody records anything, but
    /// the daemon wakes only when something can change instead of polling.
    public func nextChange(after now: Timestamp) -> Timestamp? {
        let hour = HourlyCounts.hour(of: now)
        let shifts: [Int64] = [24, Int64(recentDays * 24), Int64((recentDays + baselineDays) * 24)]
        var earliest: Int64?
        for filled in arrivals.nonEmptyHours {
            for shift in shifts where filled + shift > hour {
                earliest = min(earliest ?? .max, filled + shift)
            }
        }
        return earliest.map { Timestamp(millisecondsSinceEpoch: $0 * HourlyCounts.millisecondsPerHour) }
    }
}

/// Days until each kind of facility is full at the recent net inflow.
///
/// Method: linear extrapolation. For each kind with arrivals in the forecast window (default
/// the last 7 days), the net inflow per day is (arrivals − departures) / days, transfers
/// included since they move people between kinds. The free places of that kind's operating
/// facilities (available − occupied, summed over the kind, so over-full facilities eat into
/// the others' room) divided by the net inflow is the number of days to full: 0 when already
/// full, nil when the kind is not filling (net inflow ≤ 0). Standby capacity is not counted:
/// opening it is the decision the forecast is meant to inform.
public struct InflowForecast: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var netPerDay: Double
        public var free: Int
        public var daysToFull: Double?
    }

    public var byKind: [FacilityKind: Entry] = [:]

    public init(netPerDay: [FacilityKind: Double], facilities: [Facility]) {
        var room: [FacilityKind: Int] = [:]
        for facility in facilities where facility.status.isOperating {
            room[facility.kind, default: 0] += facility.available - facility.occupied
        }
        for (kind, net) in netPerDay {
            let free = room[kind] ?? 0
            let days: Double? = net > 0 ? (Double(max(0, free)) / net * 10).rounded() / 10 : nil
            byKind[kind] = Entry(netPerDay: (net * 100).rounded() / 100, free: max(0, free), daysToFull: days)
        }
    }
}
