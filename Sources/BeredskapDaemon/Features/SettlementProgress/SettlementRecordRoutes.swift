import BeredskapAPI
import BeredskapCore
import BeredskapSQLite
import BeredskapStore

/// Settlement records: `POST|GET /v1/settlement/records` and `POST /v1/imports/settlements`
/// (all or nothing, every bad row named; `dry_run=true` checks and writes nothing).
struct SettlementRecordRoutes {
    let reads: StoreReads
    let settings: CurrentSettings
    let clock: any WallClock

    var routes: [Route] {
        [
            Route(Endpoints.SettlementProgress.record) { context throws(APIError) in
                let body = try context.decodeBody(SettlementRecordBody.self)
                let today = settings.calendar.date(of: clock.now())
                return .mutation { transaction in
                    let districts = Set(try transaction.connection.districts().map(\.id))
                    let input = try SettlementChecks.record(body, districts: districts, today: today)
                    let record = try transaction.recordSettlement(input, source: .recorded)
                    return try CommandReply.json(status: 201, SettlementRecordResource(record, eventSeq: transaction.lastEventSeq))
                }
            },
            Route(Endpoints.SettlementProgress.records) { context throws(APIError) in
                let year = try context.queryInteger("year", in: Int64(SettlementChecks.years.lowerBound)...Int64(SettlementChecks.years.upperBound))
                let district = context.query("district")
                return .slowRead { () throws(APIError) in
                    let records = try reads.read { connection in
                        if let district, try connection.district(district) == nil {
                            var error = APIError.notFound(Text("no district '\(district)'", nb: "ingen bydel «\(district)»"))
                            error.details["field"] = .string("district")
                            throw error
                        }
                        return try connection.settlementRecords(year: year.map(Int.init), district: district)
                    }
                    return .json(status: 200, body: SettlementRecordList(records: records.map { SettlementRecordResource($0) }))
                }
            },
            Route(Endpoints.SettlementProgress.importRecords) { context throws(APIError) in
                let rows = try FlowRoutes.importRows(context, as: SettlementRecordBody.self)
                let today = settings.calendar.date(of: clock.now())
                if try context.queryBool("dry_run") == true {
                    let districts = Set(try reads.read { try $0.districts().map(\.id) })
                    _ = try Self.checked(rows, districts: districts, today: today)
                    return .json(status: 200, body: ImportChecked(rows: rows.count, people: rows.rows.reduce(0) { $0 + $1.row.count }))
                }
                return .mutation { transaction in
                    let districts = Set(try transaction.connection.districts().map(\.id))
                    let inputs = try Self.checked(rows, districts: districts, today: today)
                    for input in inputs { try transaction.recordSettlement(input, source: .imported) }
                    return try CommandReply.json(status: 201, ImportResult(
                        imported: inputs.count, people: inputs.reduce(0) { $0 + $1.count }, eventSeq: transaction.lastEventSeq ?? 0))
                }
            },
        ]
    }

    /// Every row checked; the problems of all bad rows together (`FlowRoutes.invalidRows`), or the inputs.
    private static func checked(_ rows: FlowRoutes.ImportRows<SettlementRecordBody>, districts: Set<String>, today: CalendarDate)
        throws(APIError) -> [SettlementRecordInput]
    {
        var problems = rows.problems
        var inputs: [SettlementRecordInput] = []
        for (index, row) in rows.rows {
            do {
                inputs.append(try SettlementChecks.record(row, districts: districts, today: today))
            } catch {
                problems.append((index, error))
            }
        }
        if !problems.isEmpty { throw FlowRoutes.invalidRows(problems.sorted { $0.0 < $1.0 }) }
        return inputs
    }
}
