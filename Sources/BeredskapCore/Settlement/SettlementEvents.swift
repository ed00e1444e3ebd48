import BeredskapJSON

/// The events of settlement progress: quotas adopted for a year, settled persons recorded
/// per district, and the reference figures loaded.
///
/// What people write with these — an adoption's reason — is kept in its row
/// (`quota_versions`), and the event names the version.
public enum SettlementEvents {
    public static let quotasAdopted = EventType<QuotasAdopted>(.settlement, "quotas_adopted")
    public static let recorded = EventType<Recorded>(.settlement, "recorded")
    public static let referenceLoaded = EventType<ReferenceLoaded>(.settlement, "reference_loaded")

    public static let all: [EventKind] = [quotasAdopted.kind, recorded.kind, referenceLoaded.kind]

    /// A new version of a year's quotas is in force (`settlement_year/<year>`).
    public struct QuotasAdopted: EventPayload, Equatable {
        public var year: Int
        public var version: Int
        public var total: Int
        public var method: QuotaMethod

        public init(year: Int, version: Int, total: Int, method: QuotaMethod) {
            self.year = year
            self.version = version
            self.total = total
            self.method = method
        }
    }

    /// Persons settled in a district (`district/<id>`), counted towards `year`'s quota.
    public struct Recorded: EventPayload, Equatable {
        /// The record.
        public var id: Int64
        public var district: String
        public var date: CalendarDate
        public var year: Int
        public var count: Int
        public var mode: SettlementMode
        public var source: SettlementRecordSource
        /// The settlement case it came from, if any.
        public var `case`: Int64?

        public init(_ record: StoredSettlementRecord) {
            id = record.id
            district = record.district
            date = record.date
            year = record.year
            count = record.count
            mode = record.mode
            source = record.source
            `case` = record.caseID
        }

        public static let identifiers: Set<String> = ["district"]
    }

    /// A year's reference records were replaced by the seed's (`settlement_year/<year>`).
    public struct ReferenceLoaded: EventPayload, Equatable {
        public var year: Int
        /// Reference records now.
        public var records: Int
        /// Persons they count.
        public var settled: Int

        public init(year: Int, records: Int, settled: Int) {
            self.year = year
            self.records = records
            self.settled = settled
        }
    }
}

/// A settlement record as stored: persons settled in a district on a date, towards a year's
/// quota. Core owns the shape so that events, the store and progress share it.
public struct StoredSettlementRecord: Sendable, Equatable {
    public var id: Int64
    public var district: String
    public var date: CalendarDate
    /// The quota year it counts towards (by default the date's year).
    public var year: Int
    public var count: Int
    public var mode: SettlementMode
    public var source: SettlementRecordSource
    public var caseID: Int64?
    /// When it was written and by whom.
    public var recordedAt: Timestamp
    public var recordedBy: String

    public init(
        id: Int64, district: String, date: CalendarDate, year: Int, count: Int, mode: SettlementMode,
        source: SettlementRecordSource, caseID: Int64?, recordedAt: Timestamp, recordedBy: String
    ) {
        self.id = id
        self.district = district
        self.date = date
        self.year = year
        self.count = count
        self.mode = mode
        self.source = source
        self.caseID = caseID
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }
}
