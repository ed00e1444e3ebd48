import BeredskapCore

// Settlement progress: quotas adopted per year, settlement records, progress at a date.

/// `PUT /v1/settlement/years/{year}/quotas`: every district's quota.
public struct QuotasBody: Sendable, Codable, Equatable {
    /// Persons per district id; every one of the city's districts, and no other.
    public var quotas: [String: Int]
    /// How they were arrived at: `population`, `weighted` or `manual` (the default).
    public var method: QuotaMethod?
    /// Why (kept in the version's row, not in the event).
    public var reason: String?

    public init(quotas: [String: Int], method: QuotaMethod? = nil, reason: String? = nil) {
        self.quotas = quotas
        self.method = method
        self.reason = reason
    }
}

/// One version of a year's quotas: `GET …/quotas`, and in `PUT`'s answer.
public struct QuotasResource: Sendable, Codable, Equatable {
    public var year: Int
    public var version: Int
    public var quotas: [String: Int]
    public var total: Int
    public var method: QuotaMethod
    public var reason: String?
    public var adoptedAt: Timestamp
    public var adoptedBy: Principal

    public init(_ version: QuotaVersion) {
        year = version.year
        self.version = version.version
        quotas = version.quotas
        total = version.total
        method = version.method
        reason = version.reason
        adoptedAt = version.adoptedAt
        adoptedBy = version.adoptedBy
    }
}

/// `PUT …/quotas`: the version in force afterwards; `changed: false` when the quotas were the
/// ones in force already (no new version).
public struct QuotasAdoption: Sendable, Codable, Equatable {
    public var quotas: QuotasResource
    public var changed: Bool
    public var eventSeq: Int64

    public init(quotas: QuotasResource, changed: Bool, eventSeq: Int64) {
        self.quotas = quotas
        self.changed = changed
        self.eventSeq = eventSeq
    }
}

/// `GET …/quotas/versions`: every version of a year's quotas, the first first.
public struct QuotaHistory: Sendable, Codable, Equatable {
    public var year: Int
    public var versions: [QuotasResource]

    public init(year: Int, versions: [QuotasResource]) {
        self.year = year
        self.versions = versions
    }
}

/// `POST /v1/settlement/records`, and one row of `POST /v1/imports/settlements`.
public struct SettlementRecordBody: Sendable, Codable, Equatable {
    public var district: String
    public var date: CalendarDate
    public var count: Int
    public var mode: SettlementMode
    /// The quota year it counts towards; by default the date's year.
    public var year: Int?
    /// The settlement case it belongs to, if any.
    public var `case`: Int64?

    public init(district: String, date: CalendarDate, count: Int, mode: SettlementMode, year: Int? = nil, case caseID: Int64? = nil) {
        self.district = district
        self.date = date
        self.count = count
        self.mode = mode
        self.year = year
        self.case = caseID
    }
}

/// A settlement record as stored.
public struct SettlementRecordResource: Sendable, Codable, Equatable {
    public var id: Int64
    public var district: String
    public var date: CalendarDate
    public var year: Int
    public var count: Int
    public var mode: SettlementMode
    public var source: SettlementRecordSource
    public var `case`: Int64?
    public var recordedAt: Timestamp
    public var recordedBy: String
    /// The `settlement.recorded` event, in `POST`'s answer.
    public var eventSeq: Int64?

    public init(_ record: StoredSettlementRecord, eventSeq: Int64? = nil) {
        id = record.id
        district = record.district
        date = record.date
        year = record.year
        count = record.count
        mode = record.mode
        source = record.source
        self.case = record.caseID
        recordedAt = record.recordedAt
        recordedBy = record.recordedBy
        self.eventSeq = eventSeq
    }
}

/// `GET /v1/settlement/records`: by date; `settled` sums their counts.
public struct SettlementRecordList: Sendable, Codable, Equatable {
    public var records: [SettlementRecordResource]
    public var settled: Int

    public init(records: [SettlementRecordResource]) {
        self.records = records
        settled = records.reduce(0) { $0 + $1.count }
    }
}

/// `POST /v1/imports/settlements`: rows as for `POST /v1/settlement/records`, all or nothing.
public struct SettlementImport: Sendable, Codable, Equatable {
    public var rows: [SettlementRecordBody]

    public init(rows: [SettlementRecordBody]) { self.rows = rows }
}

/// `PUT /v1/settlement/years/{year}/reference`: a year's figures from a source (the seed's
/// table): the quotas, adopted with method `reference`, and persons settled of that year's
/// quota per district by `date`, stored as reference records. Loading the same again changes nothing.
public struct ReferenceFiguresBody: Sendable, Codable, Equatable {
    public var quotas: [String: Int]
    public var settled: [String: Int]
    public var date: CalendarDate
    /// The source, kept as the quota version's reason.
    public var reason: String

    public init(quotas: [String: Int], settled: [String: Int], date: CalendarDate, reason: String) {
        self.quotas = quotas
        self.settled = settled
        self.date = date
        self.reason = reason
    }
}

/// `PUT …/reference`: what changed.
public struct ReferenceFiguresLoaded: Sendable, Codable, Equatable {
    public var year: Int
    /// The version of the quotas in force afterwards.
    public var version: Int
    public var quotasChanged: Bool
    public var recordsChanged: Bool
    public var eventSeq: Int64

    public init(year: Int, version: Int, quotasChanged: Bool, recordsChanged: Bool, eventSeq: Int64) {
        self.year = year
        self.version = version
        self.quotasChanged = quotasChanged
        self.recordsChanged = recordsChanged
        self.eventSeq = eventSeq
    }
}

/// `GET /v1/settlement/years/{year}/progress?at=DATE`.
public struct SettlementProgressResponse: Sendable, Codable, Equatable {
    public struct Row: Sendable, Codable, Equatable {
        /// A district id, or `city` for the total.
        public var district: String
        public var name: String
        public var quota: Int
        public var settled: Int
        /// Exact: quota × days elapsed ÷ days in the year.
        public var expected: Double
        /// expected − settled; positive is behind.
        public var lag: Double
        /// settled ÷ expected; null while nothing is expected.
        public var shareOfExpected: Double?
        /// Behind by more than both thresholds of `settlement_lag`.
        public var lagging: Bool

        public init(_ row: SettlementProgress.Row, name: String) {
            district = row.district
            self.name = name
            quota = row.quota
            settled = row.settled
            expected = row.expected
            lag = row.lag
            shareOfExpected = row.shareOfExpected
            lagging = row.lagging
        }
    }

    public var year: Int
    public var at: CalendarDate
    public var daysElapsed: Int
    public var daysInYear: Int
    /// The version of the quotas in force.
    public var quotaVersion: Int
    public var minLag: Double
    public var minLagShare: Double
    public var districts: [Row]
    public var total: Row

    public init(
        _ progress: SettlementProgress, quotaVersion: Int, thresholds: SettlementLagThresholds, names: [String: String]
    ) {
        year = progress.year
        at = progress.at
        daysElapsed = progress.daysElapsed
        daysInYear = progress.daysInYear
        self.quotaVersion = quotaVersion
        minLag = thresholds.minLag
        minLagShare = thresholds.minLagShare
        districts = progress.rows.map { Row($0, name: names[$0.district] ?? $0.district) }
        total = Row(progress.total, name: "Oslo")
    }
}
