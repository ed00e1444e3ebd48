import BeredskapSQLite

extension Migrations {
    /// v7: settlement quotas as adopted, one row per version and year (earlier versions kept:
    /// who adopted which quotas when), and settlement records: persons settled per district
    /// and date, towards a year's quota — the one write path progress is counted from.
    static let v007SettlementRecords = Migration(
        version: 7, name: "settlement_records",
        sql: """
            CREATE TABLE quota_versions(
                year INTEGER NOT NULL,
                version INTEGER NOT NULL CHECK (version >= 1),
                seq INTEGER NOT NULL,                   -- the settlement.quotas_adopted event
                quotas TEXT NOT NULL,                   -- JSON object: district id -> persons
                total INTEGER NOT NULL,
                method TEXT NOT NULL,
                reason TEXT,                            -- what people wrote; the event names the version
                adopted_ms INTEGER NOT NULL,
                actor_uid INTEGER,
                actor_user TEXT NOT NULL,
                PRIMARY KEY(year, version)
            ) WITHOUT ROWID;

            CREATE TABLE settlement_records(
                id INTEGER PRIMARY KEY,
                seq INTEGER NOT NULL,                   -- the settlement.recorded event
                district TEXT NOT NULL REFERENCES districts(id),
                date TEXT NOT NULL,                     -- YYYY-MM-DD in the configured time zone
                year INTEGER NOT NULL,                  -- the quota year it counts towards
                count INTEGER NOT NULL CHECK (count >= 1),
                mode TEXT NOT NULL,
                source TEXT NOT NULL,                   -- recorded, imported, case, reference
                case_id INTEGER
            );
            CREATE INDEX settlement_records_by_year ON settlement_records(year, district, date);
            """)
}
