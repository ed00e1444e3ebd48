import BeredskapAPI
import BeredskapCore
import BeredskapSQLite
import BeredskapStore

/// History: `GET /v1/arrivals` and `GET /v1/occupancy`, bucketed by local day or ISO week.
///
/// Both read every record of their range (up to ten years) and are read off the loop.
struct SeriesRoutes {
    /// Longest range one request may ask for (ten years of days).
    static let maximumDays = 3660
    static let defaultDays = 30

    let reads: StoreReads
    let settings: CurrentSettings
    let clock: any WallClock

    var routes: [Route] {
        [
            Route(Endpoints.Capacity.arrivalSeries) { context throws(APIError) in
                let (first, last) = try range(context)
                let size = try context.queryEnum("bucket", BucketSize.self) ?? .day
                let filter = FlowFilter(
                    facility: context.query("facility"), kind: try context.queryEnum("kind", FacilityKind.self),
                    district: context.query("district"), category: try context.queryEnum("category", ArrivalCategory.self))
                let calendar = settings.calendar
                let buckets = calendar.buckets(from: first, through: last, size: size)
                guard let start = buckets.first?.startInstant, let end = buckets.last?.endInstant else {
                    throw .invalidField("from", Text("must not be after to", nb: "kan ikke være etter to"))
                }
                return .slowRead { () throws(APIError) in
                    let series = try reads.read { connection in
                        try Self.arrivalSeries(
                            connection, from: start, to: end, filter: filter, buckets: buckets,
                            timeZone: settings.configuration.timeZone, first: first, last: last)
                    }
                    return .json(status: 200, body: series)
                }
            },
            Route(Endpoints.Capacity.occupancySeries) { context throws(APIError) in
                let (first, last) = try range(context)
                if let size = try context.queryEnum("bucket", BucketSize.self), size != .day {
                    throw .invalidField("bucket", Text("occupancy is by day only", nb: "belegg vises bare per dag"))
                }
                let id = context.query("facility")
                let days = settings.calendar.buckets(from: first, through: last, size: .day)
                guard let start = days.first?.startInstant, let end = days.last?.endInstant else {
                    throw .invalidField("from", Text("must not be after to", nb: "kan ikke være etter to"))
                }
                return .slowRead { () throws(APIError) in
                    let (facilities, series) = try reads.read { connection in
                        try Self.occupancySeries(
                            connection, facility: id, days: days, from: start, to: end, timeZone: settings.configuration.timeZone)
                    }
                    if let id, facilities.isEmpty { throw FacilityRoutes.notFound(id, field: "facility") }
                    return .json(status: 200, body: series)
                }
            },
        ]
    }

    /// `from`/`to` as local dates (inclusive); default the last 30 days ending today.
    private func range(_ context: RequestContext) throws(APIError) -> (CalendarDate, CalendarDate) {
        let calendar = settings.calendar
        let today = calendar.date(of: clock.now())
        let last = try context.queryDate("to", in: calendar) ?? today
        let first = try context.queryDate("from", in: calendar) ?? last.adding(days: 1 - Self.defaultDays)
        guard first <= last else { throw .invalidField("from", Text("must not be after to", nb: "kan ikke være etter to")) }
        guard last.daysSinceEpoch - first.daysSinceEpoch < Int64(Self.maximumDays) else {
            throw .invalidField(
                "from",
                Text("the range may span at most \(Self.maximumDays) days", nb: "perioden kan være høyst \(Self.maximumDays) dager"))
        }
        return (first, last)
    }

    /// The arrivals dated in `[start, end)` matching `filter`, counted into `buckets` (the
    /// situation report ends `end` at its instant: a day not over yet counts up to it).
    static func arrivalSeries(
        _ connection: SQLiteConnection, from start: Timestamp, to end: Timestamp, filter: FlowFilter, buckets: [DateBucket],
        timeZone: String, first: CalendarDate, last: CalendarDate
    ) throws -> ArrivalSeries {
        arrivalSeries(
            try connection.arrivals(from: start, to: end, filter: filter), buckets: buckets, timeZone: timeZone, first: first, last: last)
    }

    /// The facilities (one, with `facility`) and their occupancy over `days`, from the records
    /// dated in `[start, end)`; the last day ends at `end` when that is before its end.
    static func occupancySeries(
        _ connection: SQLiteConnection, facility id: String?, days: [DateBucket], from start: Timestamp, to end: Timestamp,
        timeZone: String
    ) throws -> ([Facility], OccupancySeries) {
        let facilities = try connection.facilities().filter { id == nil || $0.id == id }
        let inputs = try facilities.map { try connection.occupancyHistoryInput(facility: $0.id, from: start, to: end) }
        let available = try facilities.map { try connection.availableByDay(facility: $0.id, over: days.map(\.first)) }
        let dayEnds = days.map { min($0.endInstant, end) }
        return (
            facilities,
            occupancySeries(facilities, OccupancyHistory(inputs, dayEnds: dayEnds), available: available, days: days, timeZone: timeZone))
    }

    private static func arrivalSeries(
        _ rows: [(at: Timestamp, count: Int, category: String)], buckets: [DateBucket], timeZone: String,
        first: CalendarDate, last: CalendarDate
    ) -> ArrivalSeries {
        var counts = Array(repeating: 0, count: buckets.count)
        var categories = Array(repeating: [String: Int](), count: buckets.count)
        for row in rows {
            // Buckets are sorted and contiguous: binary search for the one containing `at`.
            var low = 0, high = buckets.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if buckets[middle].startInstant <= row.at { low = middle } else { high = middle - 1 }
            }
            counts[low] += row.count
            categories[low][row.category, default: 0] += row.count
        }
        let series = buckets.indices.map { index in
            ArrivalSeries.Bucket(
                label: buckets[index].label, start: buckets[index].first, end: buckets[index].end.adding(days: -1),
                count: counts[index], byCategory: categories[index])
        }
        // Whole weeks are counted, so the range answered is the one the buckets cover.
        return ArrivalSeries(
            bucket: buckets.first?.size ?? .day, timeZone: timeZone,
            from: buckets.first?.first ?? first, to: buckets.last.map { $0.end.adding(days: -1) } ?? last,
            total: counts.reduce(0, +), buckets: series)
    }

    /// The history by the head-count rule, with the places available each day.
    private static func occupancySeries(
        _ facilities: [Facility], _ history: OccupancyHistory, available: [[Int]], days: [DateBucket], timeZone: String
    ) -> OccupancySeries {
        func series(_ days: [OccupancyHistory.Day], available: [Int], dates: [CalendarDate]) -> [OccupancySeries.Day] {
            days.indices.map { index in
                OccupancySeries.Day(
                    date: dates[index], occupied: days[index].occupied, peak: days[index].peak, available: available[index])
            }
        }
        let dates = days.map(\.first)
        let totalAvailable = dates.indices.map { index in available.reduce(0) { $0 + $1[index] } }
        return OccupancySeries(
            bucket: .day, timeZone: timeZone, from: dates.first ?? CalendarDate(daysSinceEpoch: 0),
            to: dates.last ?? CalendarDate(daysSinceEpoch: 0),
            facilities: facilities.indices.map { index in
                OccupancySeries.Facility(
                    facility: facilities[index].id, name: facilities[index].name,
                    days: series(history.facilities[index], available: available[index], dates: dates))
            },
            total: series(history.total, available: totalAvailable, dates: dates))
    }
}
