import BeredskapCore

extension Endpoints {
    /// Settlement progress: quotas adopted per year (with every earlier version), settlement
    /// records and their import, the reference figures, and progress at a date.
    public enum SettlementProgress {
        public static let adoptQuotas = Endpoint<QuotasBody, QuotasAdoption>(
            .put, "/v1/settlement/years/{year}/quotas", permission: .operate)
        /// The version in force, or `version=N`.
        public static let quotas = Endpoint<NoBody, QuotasResource>(
            .get, "/v1/settlement/years/{year}/quotas", permission: .read, query: ["version"])
        public static let quotaVersions = Endpoint<NoBody, QuotaHistory>(
            .get, "/v1/settlement/years/{year}/quotas/versions", permission: .read)
        public static let loadReference = Endpoint<ReferenceFiguresBody, ReferenceFiguresLoaded>(
            .put, "/v1/settlement/years/{year}/reference", permission: .operate)
        /// `at` defaults to today in the daemon's time zone.
        public static let progress = Endpoint<NoBody, SettlementProgressResponse>(
            .get, "/v1/settlement/years/{year}/progress", permission: .read, query: ["at"])

        public static let record = Endpoint<SettlementRecordBody, SettlementRecordResource>(
            .post, "/v1/settlement/records", permission: .operate)
        public static let records = Endpoint<NoBody, SettlementRecordList>(
            .get, "/v1/settlement/records", permission: .read, query: ["year", "district"])
        /// With `dry_run=true` the answer is an `ImportChecked` and nothing is written.
        public static let importRecords = Endpoint<SettlementImport, ImportResult>(
            .post, "/v1/imports/settlements", permission: .operate, query: ["dry_run"])

        public static var all: [EndpointSpec] {
            [adoptQuotas.spec, quotas.spec, quotaVersions.spec, loadReference.spec, record.spec, records.spec, importRecords.spec,
             progress.spec]
        }
    }
}
