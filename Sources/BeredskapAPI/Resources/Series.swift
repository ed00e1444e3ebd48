import BeredskapCore
import BeredskapJSON

/// `GET /v1/arrivals?from=&to=&bucket=day|week&facility=&kind=&district=&category=`.
/// Every bucket in the range is present, zeros included, so a chart has no gaps.
public struct ArrivalSeries: Sendable, Codable, Equatable {
    public struct Bucket: Sendable, Codable, Equatable {
        /// `2026-11-22` or `2026-W47`.
        public var label: String
        /// First local date of the bucket.
        public var start: CalendarDate
        /// Last local date of the bucket.
        public var end: CalendarDate
        public var count: Int
        /// Non-zero categories only.
        public var byCategory: [String: Int]

        public init(label: String, start: CalendarDate, end: CalendarDate, count: Int, byCategory: [String: Int]) {
            self.label = label
            self.start = start
            self.end = end
            self.count = count
            self.byCategory = byCategory
        }
    }

    public var bucket: BucketSize
    public var timeZone: String
    public var from: CalendarDate
    public var to: CalendarDate
    public var total: Int
    public var buckets: [Bucket]

    public init(bucket: BucketSize, timeZone: String, from: CalendarDate, to: CalendarDate, total: Int, buckets: [Bucket]) {
        self.bucket = bucket
        self.timeZone = timeZone
        self.from = from
        self.to = to
        self.total = total
        self.buckets = buckets
    }
}

/// `GET /v1/occupancy?facility=&from=&to=&bucket=day`: the head count at the end of each
/// local day (carried forward over days without a change) and the day's peak.
public struct OccupancySeries: Sendable, Codable, Equatable {
    public struct Day: Sendable, Codable, Equatable {
        public var date: CalendarDate
        public var occupied: Int
        public var peak: Int
        public var available: Int
        @NullEncoded public var utilization: Double?

        public init(date: CalendarDate, occupied: Int, peak: Int, available: Int) {
            self.date = date
            self.occupied = occupied
            self.peak = peak
            self.available = available
            self.utilization = available > 0 ? Rounding.ratio(Double(occupied) / Double(available)) : nil
        }
    }

    public struct Facility: Sendable, Codable, Equatable {
        public var facility: String
        public var name: String
        public var days: [Day]

        public init(facility: String, name: String, days: [Day]) {
            self.facility = facility
            self.name = name
            self.days = days
        }
    }

    public var bucket: BucketSize
    public var timeZone: String
    public var from: CalendarDate
    public var to: CalendarDate
    public var facilities: [Facility]
    /// Summed over the facilities shown.
    public var total: [Day]

    public init(bucket: BucketSize, timeZone: String, from: CalendarDate, to: CalendarDate, facilities: [Facility], total: [Day]) {
        self.bucket = bucket
        self.timeZone = timeZone
        self.from = from
        self.to = to
        self.facilities = facilities
        self.total = total
    }
}
