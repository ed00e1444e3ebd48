import BeredskapAPI
import BeredskapCore
import BeredskapStore

/// `POST /v1/imports/{arrivals,occupancy}?dry_run=true`: every row checked as far as a read can
/// (fields, counts, notes, times, that each facility exists and, for arrivals, is not closed),
/// and nothing written. Why: a spreadsheet with a mistyped facility id should be caught before
/// the import, with the line to fix, without taking the writer or leaving an event.
///
/// What only the import can check (a head count older than the facility's last one, counted
/// in the order of the rows) is left to the import, which refuses the whole file then.
enum ImportDryRun {
    /// The per-row checks of one kind of import: the facility a row names, and its stateless
    /// checks (which throw the same `FieldProblem`s as the import).
    struct Checks<Row: Sendable> {
        var facility: (Row) -> String
        var people: (Row) -> Int
        var arrivals: Bool
        var fields: (Row, Timestamp) throws(FieldProblem) -> Void
    }

    static func answer<Row>(_ rows: FlowRoutes.ImportRows<Row>, _ checks: Checks<Row>, reads: StoreReads, now: Timestamp)
        throws(APIError) -> RouteResult
    {
        let ids = Set(rows.rows.map { checks.facility($0.row) })
        let targets = try reads.read { connection in
            try Dictionary(uniqueKeysWithValues: ids.compactMap { id in try connection.flowTarget(id).map { (id, $0) } })
        }
        var problems = rows.problems
        for (index, row) in rows.rows {
            do {
                try checks.fields(row, now)
            } catch {
                problems.append((index, error))
            }
            let id = checks.facility(row)
            guard let target = targets[id] else {
                problems.append((index, FieldProblem("facility", FacilityRoutes.notFound(id).message)))
                continue
            }
            if checks.arrivals && !target.status.acceptsArrivals {
                problems.append((index, FieldProblem("facility", Text(
                    "\(id) is closed and cannot receive arrivals", nb: "\(id) er stengt og kan ikke ta imot ankomster"))))
            }
        }
        if !problems.isEmpty { throw FlowRoutes.invalidRows(problems.sorted { $0.0 < $1.0 }) }
        return .json(
            status: 200, body: ImportChecked(rows: rows.count, people: rows.rows.reduce(0) { $0 + checks.people($1.row) }))
    }

    static func arrivals(_ recording: FlowRecording) -> Checks<ArrivalBody> {
        Checks(facility: \.facility, people: \.count, arrivals: true) { row, now throws(FieldProblem) in
            try FlowRecording.checkCount(row.count)
            _ = try FlowRecording.checkNote(row.note)
            _ = try recording.instant(row.at, now: now)
        }
    }

    static func occupancy(_ recording: FlowRecording) -> Checks<OccupancyImportRow> {
        Checks(facility: \.facility, people: \.occupied, arrivals: false) { row, now throws(FieldProblem) in
            try FlowRecording.checkCount(row.occupied, field: "occupied", allowZero: true)
            _ = try recording.instant(row.at, now: now)
        }
    }
}
