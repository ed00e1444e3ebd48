import BeredskapSQLite

extension Migrations {
    /// v8: districts' reference data for settlement (immigrant share and refugees per 1000 by
    /// year, the contact point, which service settles unaccompanied minors, municipal homes),
    /// and the settlement years: IMDi's request and the council's decision, with the minors'
    /// part of each and a note on the source.
    static let v008SettlementYears = Migration(
        version: 8, name: "settlement_years",
        sql: """
            ALTER TABLE districts ADD COLUMN immigrant_share TEXT NOT NULL DEFAULT '{}';      -- JSON {"2015": 34.3, …}
            ALTER TABLE districts ADD COLUMN refugees_per_1000 TEXT NOT NULL DEFAULT '{}';    -- JSON {"2014": 0.9, …}
            ALTER TABLE districts ADD COLUMN contact_name TEXT;
            ALTER TABLE districts ADD COLUMN contact_email TEXT;
            ALTER TABLE districts ADD COLUMN contact_phone TEXT;
            ALTER TABLE districts ADD COLUMN minors_service TEXT CHECK (minors_service IN ('childWelfare', 'nav'));
            ALTER TABLE districts ADD COLUMN municipal_housing_units INTEGER CHECK (municipal_housing_units >= 0);

            CREATE TABLE settlement_years(
                year INTEGER PRIMARY KEY,
                imdi_request INTEGER CHECK (imdi_request >= 0),
                imdi_request_minors INTEGER CHECK (imdi_request_minors >= 0),
                council_decision INTEGER CHECK (council_decision >= 0),
                council_decision_minors INTEGER CHECK (council_decision_minors >= 0),
                note TEXT,                              -- the source or a qualification; not in the event
                seq INTEGER NOT NULL                    -- the settlement.year_set event that set it
            );
            """)
}
