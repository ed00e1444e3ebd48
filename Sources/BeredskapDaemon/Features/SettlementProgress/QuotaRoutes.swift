import BeredskapAPI
import BeredskapCore
import BeredskapSQLite
import BeredskapStore

/// A year's quotas: `PUT|GET /v1/settlement/years/{year}/quotas`, every version
/// (`…/quotas/versions`) and the reference figures (`PUT …/reference`).
///
/// Why adoption is its own step: an allocation preview changes nothing; adopting is what the
/// council decided, so it is stored as a new version with who, when, method and reason, and
/// the earlier versions stay.
struct QuotaRoutes {
    let reads: StoreReads

    var routes: [Route] {
        [
            Route(Endpoints.SettlementProgress.adoptQuotas) { context throws(APIError) in
                let year = try SettlementChecks.year(context)
                let body = try context.decodeBody(QuotasBody.self)
                let method = body.method ?? .manual
                guard method != .reference else {
                    throw .invalidField("method", Text(
                        "expected population, weighted or manual (reference figures load with PUT …/reference)",
                        nb: "forventet population, weighted eller manual (referansetall lastes med PUT …/reference)"))
                }
                let reason = try Self.reason(body.reason)
                return .mutation { transaction in
                    try Self.check(body.quotas, transaction.connection)
                    let adopted = try transaction.adoptQuotas(year: year, body.quotas, method: method, reason: reason)
                    return try Self.answer(year: year, adopted: adopted, transaction)
                }
            },
            Route(Endpoints.SettlementProgress.quotas) { context throws(APIError) in
                let year = try SettlementChecks.year(context)
                let version = try context.queryInteger("version", in: 1...1_000_000).map(Int.init)
                let found = try reads.read { try $0.quotaVersion(year: year, version: version) }
                guard let found else { throw Self.noQuotas(year, version: version) }
                return .json(status: 200, body: QuotasResource(found))
            },
            Route(Endpoints.SettlementProgress.quotaVersions) { context throws(APIError) in
                let year = try SettlementChecks.year(context)
                let versions = try reads.read { try $0.quotaVersions(year: year) }
                return .json(status: 200, body: QuotaHistory(year: year, versions: versions.map(QuotasResource.init)))
            },
            Route(Endpoints.SettlementProgress.loadReference) { context throws(APIError) in
                let year = try SettlementChecks.year(context)
                let body = try context.decodeBody(ReferenceFiguresBody.self)
                let reason = try Self.reason(body.reason)
                guard body.date.year == year else {
                    throw .invalidField("date", Text("must be in \(year)", nb: "må være i \(year)"))
                }
                return .mutation { transaction in
                    try Self.check(body.quotas, transaction.connection)
                    let districts = try transaction.connection.districts().map(\.id)
                    let settledProblems = QuotaRules.problems(body.settled, districts: districts)
                        .map { FieldProblem("settled" + $0.field.dropFirst("quotas".count), $0.problem) }
                    if !settledProblems.isEmpty { throw SettlementChecks.quotaProblems(settledProblems) }
                    let adopted = try transaction.adoptQuotas(year: year, body.quotas, method: .reference, reason: reason)
                    let records = districts.compactMap { district -> SettlementRecordInput? in
                        guard let count = body.settled[district], count > 0 else { return nil }
                        return SettlementRecordInput(district: district, date: body.date, year: year, count: count, mode: .ordinary)
                    }
                    let recordsChanged = try transaction.replaceReferenceRecords(year: year, records)
                    let version = try adopted?.version ?? transaction.connection.quotaVersion(year: year)?.version ?? 0
                    return try CommandReply.json(status: 200, ReferenceFiguresLoaded(
                        year: year, version: version, quotasChanged: adopted != nil, recordsChanged: recordsChanged,
                        eventSeq: try transaction.lastEventSeq ?? Self.lastSeq(year, transaction.connection)))
                }
            },
        ]
    }

    /// Every district of the city once, none other, none negative (`QuotaRules`).
    private static func check(_ quotas: [String: Int], _ connection: SQLiteConnection) throws {
        let problems = QuotaRules.problems(quotas, districts: try connection.districts().map(\.id))
        if !problems.isEmpty { throw SettlementChecks.quotaProblems(problems) }
    }

    private static func reason(_ text: String?) throws(APIError) -> String? {
        let reason = text?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let reason, !reason.isEmpty else { return nil }
        guard reason.count <= 1000 else {
            throw .invalidField("reason", Text("at most 1000 characters", nb: "høyst 1000 tegn"))
        }
        return reason
    }

    /// The version in force after a `PUT`: the new one, or the one that was (`changed: false`).
    private static func answer(year: Int, adopted: QuotaVersion?, _ transaction: WriteTransaction) throws -> CommandReply {
        guard let current = try adopted ?? transaction.connection.quotaVersion(year: year) else {
            throw APIError.internal(Text("the quotas just adopted were not found", nb: "kvotene som nettopp ble vedtatt, ble ikke funnet"))
        }
        let seq = try transaction.lastEventSeq ?? lastSeq(year, transaction.connection)
        return try CommandReply.json(status: 200, QuotasAdoption(quotas: QuotasResource(current), changed: adopted != nil, eventSeq: seq))
    }

    private static func lastSeq(_ year: Int, _ connection: SQLiteConnection) throws -> Int64 {
        try connection.scalarInt("SELECT max(seq) FROM events WHERE subject = ?", ["settlement_year/\(year)"]) ?? 0
    }

    static func noQuotas(_ year: Int, version: Int? = nil) -> APIError {
        if let version {
            return .notFound(Text("\(year) has no quota version \(version)", nb: "\(year) har ingen kvoteversjon \(version)"))
        }
        return .notFound(Text(
            "no quotas adopted for \(year); adopt quotas first: beredskap settlement quotas adopt \(year) --file quotas.csv",
            nb: "ingen kvoter vedtatt for \(year); vedta kvoter først: beredskap settlement quotas adopt \(year) --file kvoter.csv"))
    }
}
