import BeredskapAPI
import BeredskapCore
import BeredskapJSON
import BeredskapSQLite

/// Arrivals, departures, head counts and bulk imports.
struct FlowRoutes {
    /// Rows in one import: a year of daily figures for dozens of facilities fits.
    static let maximumImportRows = 20_000

    let reads: StoreReads
    let settings: CurrentSettings
    let clock: any WallClock

    var routes: [Route] {
        [
            Route(Endpoints.Capacity.recordArrival) { context throws(APIError) in
                let body = try context.decodeBody(ArrivalBody.self)
                let recording = FlowRecording(settings)
                return .mutation { transaction in
                    CommandReply.json(status: 201, built: try recording.recordArrival(body, in: &transaction))
                }
            },
            Route(Endpoints.Capacity.recordDeparture) { context throws(APIError) in
                let body = try context.decodeBody(DepartureBody.self)
                let recording = FlowRecording(settings)
                return .mutation { transaction in
                    CommandReply.json(status: 201, built: try recording.recordDeparture(body, in: &transaction))
                }
            },
            Route(Endpoints.Capacity.reportOccupancy) { context throws(APIError) in
                let id = try FacilityRoutes.idParameter(context)
                let body = try context.decodeBody(OccupancyBody.self)
                let recording = FlowRecording(settings)
                return .mutation { transaction in
                    CommandReply.json(status: 201, built: try recording.reportOccupancy(facility: id, body, in: &transaction))
                }
            },
            Route(Endpoints.Capacity.importArrivals) { context throws(APIError) in
                let rows = try Self.importRows(context, as: ArrivalBody.self)
                let recording = FlowRecording(settings)
                if try context.queryBool("dry_run") == true {
                    return try ImportDryRun.answer(rows, ImportDryRun.arrivals(recording), reads: reads, now: clock.now())
                }
                return .mutation { transaction in
                    try Self.importAll(rows, people: \.count, in: &transaction) { row, transaction in
                        _ = try recording.recordArrival(row, force: rows.force, in: &transaction)
                    }
                }
            },
            Route(Endpoints.Capacity.importOccupancy) { context throws(APIError) in
                let rows = try Self.importRows(context, as: OccupancyImportRow.self)
                let recording = FlowRecording(settings)
                if try context.queryBool("dry_run") == true {
                    return try ImportDryRun.answer(rows, ImportDryRun.occupancy(recording), reads: reads, now: clock.now())
                }
                return .mutation { transaction in
                    try Self.importAll(rows, people: \.occupied, in: &transaction) { row, transaction in
                        _ = try recording.reportOccupancy(
                            facility: row.facility, OccupancyBody(occupied: row.occupied, at: row.at), force: rows.force,
                            in: &transaction)
                    }
                }
            },
        ]
    }

    /// The decoded rows (by index) and the problems of those that did not decode.
    struct ImportRows<Row: Sendable>: Sendable {
        var rows: [(index: Int, row: Row)] = []
        var problems: [(Int, FieldProblem)] = []
        var count = 0
        /// Import rows that look like mistakes too.
        var force: Bool?
    }

    /// `{"rows": [...]}` with every row decoded on its own, so that all bad rows are reported
    /// together rather than the first only: rows that do not decode are remembered, and the
    /// others still go through the command, which reports their problems too.
    static func importRows<Row: Decodable & Sendable>(_ context: RequestContext, as type: Row.Type) throws(APIError)
        -> ImportRows<Row>
    {
        let envelope = try context.decodeBody(ImportEnvelope.self)
        guard !envelope.rows.isEmpty else { throw .invalidField("rows", Text("must not be empty", nb: "kan ikke være tom")) }
        guard envelope.rows.count <= maximumImportRows else {
            throw .invalidField(
                "rows", Text("at most \(maximumImportRows) rows per import", nb: "høyst \(maximumImportRows) rader per import"))
        }
        var result = ImportRows<Row>(count: envelope.rows.count, force: envelope.force)
        for (index, value) in envelope.rows.enumerated() {
            do {
                result.rows.append((index, try JSONValueDecoder().decode(type, from: value)))
            } catch {
                let field = error.field.isEmpty ? "row" : error.field
                result.problems.append((index, FieldProblem(field, FieldProblemTranslation.translate(error.problem))))
            }
        }
        return result
    }

    /// Applies every row in the one command (one transaction): any failing row fails the
    /// import, and the problems of all failing rows are reported. Rows that only look like
    /// mistakes are reported apart, as a 409 the import may be sent again with `force` for,
    /// once nothing else is wrong.
    private static func importAll<Row>(
        _ rows: ImportRows<Row>, people: KeyPath<Row, Int>, in transaction: inout WriteTransaction,
        apply: (Row, inout WriteTransaction) throws -> Void
    ) throws -> CommandReply {
        var problems = rows.problems
        var implausible: [(Int, FieldProblem)] = []
        for (index, row) in rows.rows {
            do {
                try apply(row, &transaction)
            } catch let problem as FieldProblem {
                problems.append((index, problem))
            } catch let error as APIError where error.details["reason"]?.stringValue == "implausible" {
                for problem in error.details["problems"]?.arrayValue ?? [] {
                    implausible.append((index, FieldProblem(
                        problem["field"]?.stringValue ?? "row",
                        Text(problem["message"]?.stringValue ?? "", nb: problem["message_nb"]?.stringValue ?? ""))))
                }
            } catch let error as APIError {
                let field = error.details["field"]?.stringValue ?? "row"
                problems.append((index, FieldProblem(field, error.message)))
            }
        }
        if !problems.isEmpty { throw invalidRows(problems.sorted { $0.0 < $1.0 }) }
        if !implausible.isEmpty { throw implausibleRows(implausible) }
        let result = ImportResult(
            imported: rows.count, people: rows.rows.reduce(0) { $0 + $1.row[keyPath: people] },
            eventSeq: transaction.lastEventSeq ?? 0)
        return try CommandReply.json(status: 201, result)
    }

    /// 400 `invalid_field` naming the first bad field (`rows[2].count`) and listing all.
    static func invalidRows(_ problems: [(Int, FieldProblem)]) -> APIError {
        let first = problems[0]
        var error = APIError.invalidField("rows[\(first.0)].\(first.1.field)", first.1.problem)
        error.message = Text(
            "\(problems.count) bad row(s); first: row \(first.0 + 1): \(first.1.field): \(first.1.problem.en)",
            nb: "\(problems.count) rad(er) med feil; første: rad \(first.0 + 1): \(first.1.field): \(first.1.problem.nb)")
        error.details["problems"] = rowProblems(problems)
        return error
    }

    /// 409 `conflict` with `details.reason = "implausible"`: rows that look like mistakes,
    /// each listed as for `invalidRows`; `force: true` imports them.
    static func implausibleRows(_ problems: [(Int, FieldProblem)]) -> APIError {
        let first = problems[0]
        var error = APIError.conflict(Text(
            "\(problems.count) row(s) look like mistakes; first: row \(first.0 + 1): \(first.1.problem.en) (send the import again with force: true to import them)",
            nb: "\(problems.count) rad(er) ser ut som feil; første: rad \(first.0 + 1): \(first.1.problem.nb) (send importen på nytt med force: true for å importere dem)"))
        error.details = JSONObject([
            ("reason", .string("implausible")), ("field", .string("rows[\(first.0)].\(first.1.field)")),
            ("problems", rowProblems(problems)),
        ])
        return error
    }

    private static func rowProblems(_ problems: [(Int, FieldProblem)]) -> JSONValue {
        .array(problems.map { index, problem in
            .object(JSONObject([
                ("row", .integer(Int64(index + 1))), ("field", .string(problem.field)), ("message", .string(problem.problem.en)),
                ("message_nb", .string(problem.problem.nb)),
            ]))
        })
    }
}

/// `{"rows": [...]}`, rows kept as JSON to be decoded one by one.
private struct ImportEnvelope: Decodable {
    var rows: [JSONValue]
    var force: Bool?
}

extension FlowRecording {
    /// Recording under the settings in force now.
    init(_ settings: CurrentSettings) {
        let current = settings.current
        self.init(
            settings: current.configuration.capacity, calendar: current.calendar,
            language: current.configuration.notifications.language)
    }
}
