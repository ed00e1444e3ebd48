import BeredskapAPI
import BeredskapCore

/// Typed calls for settlement progress: quotas, records, their import, reference figures and
/// progress at a date (issue 11).
extension BeredskapClient {
    public func adoptQuotas(year: Int, _ body: QuotasBody, idempotencyKey: String? = nil) throws(ClientError) -> QuotasAdoption {
        try call(Endpoints.SettlementProgress.adoptQuotas, path: [String(year)], body: body, idempotencyKey: idempotencyKey)
    }

    /// The version in force, or `version`.
    public func quotas(year: Int, version: Int? = nil) throws(ClientError) -> QuotasResource {
        try call(Endpoints.SettlementProgress.quotas, path: [String(year)], query: [("version", version.map(String.init))])
    }

    public func quotaVersions(year: Int) throws(ClientError) -> QuotaHistory {
        try call(Endpoints.SettlementProgress.quotaVersions, path: [String(year)])
    }

    public func loadReference(year: Int, _ body: ReferenceFiguresBody, idempotencyKey: String? = nil) throws(ClientError)
        -> ReferenceFiguresLoaded
    {
        try call(Endpoints.SettlementProgress.loadReference, path: [String(year)], body: body, idempotencyKey: idempotencyKey)
    }

    /// `at` nil: today in the daemon's time zone.
    public func settlementProgress(year: Int, at: CalendarDate? = nil) throws(ClientError) -> SettlementProgressResponse {
        try call(Endpoints.SettlementProgress.progress, path: [String(year)], query: [("at", at?.description)])
    }

    public func recordSettlement(_ body: SettlementRecordBody, idempotencyKey: String? = nil) throws(ClientError)
        -> SettlementRecordResource
    {
        try call(Endpoints.SettlementProgress.record, body: body, idempotencyKey: idempotencyKey)
    }

    public func settlementRecords(year: Int? = nil, district: String? = nil) throws(ClientError) -> SettlementRecordList {
        try call(Endpoints.SettlementProgress.records, query: [("year", year.map(String.init)), ("district", district)])
    }

    public func importSettlements(_ rows: [SettlementRecordBody], idempotencyKey: String? = nil) throws(ClientError)
        -> ImportResult
    {
        try call(Endpoints.SettlementProgress.importRecords, body: SettlementImport(rows: rows), idempotencyKey: idempotencyKey)
    }

    /// `POST /v1/imports/settlements?dry_run=true`: every row checked by the daemon, nothing written.
    public func checkSettlementImport(_ rows: [SettlementRecordBody]) throws(ClientError) -> ImportChecked {
        try call(
            APIRequest(
                Endpoints.SettlementProgress.importRecords, query: [("dry_run", "true")], body: Self.body(SettlementImport(rows: rows))),
            as: ImportChecked.self)
    }
}
