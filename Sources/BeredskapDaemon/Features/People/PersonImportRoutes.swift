import BeredskapAPI
import BeredskapCore
import BeredskapSQLite
import BeredskapStore

/// `POST /v1/imports/persons`: persons from a file, all or nothing — every row checked as
/// `POST /v1/persons` checks one, DUF numbers unique in the file and in the register, and
/// the problems of every bad row reported together (`FlowRoutes.invalidRows`). Persons with a
/// facility arrive there: one arrival per facility and arrival category, not one per person.
struct PersonImportRoutes {
    let reads: StoreReads
    let settings: CurrentSettings
    let clock: any WallClock

    var routes: [Route] {
        [
            Route(Endpoints.People.importPersons) { context throws(APIError) in
                let rows = try FlowRoutes.importRows(context, as: PersonDraft.self)
                let calendar = settings.calendar
                if try context.queryBool("dry_run") == true {
                    let today = calendar.date(of: clock.now())
                    let drafts = try reads.read { connection in try Self.checked(rows, today: today, connection) }
                    return .json(status: 200, body: ImportChecked(rows: drafts.count, people: drafts.count))
                }
                let recording = FlowRecording(settings)
                return .mutation { transaction in
                    let today = calendar.date(of: transaction.now)
                    let drafts = try Self.checked(rows, today: today, transaction.connection)
                    for draft in drafts { _ = try transaction.registerPerson(draft) }
                    try Self.arrive(drafts, today: today, recording, in: &transaction)
                    return try CommandReply.json(
                        status: 201, ImportResult(imported: drafts.count, people: drafts.count, eventSeq: transaction.lastEventSeq ?? 0))
                }
            }
        ]
    }

    /// Every row checked; the problems of all bad rows together, or the drafts in file order.
    private static func checked(_ rows: FlowRoutes.ImportRows<PersonDraft>, today: CalendarDate, _ connection: SQLiteConnection)
        throws(APIError) -> [PersonDraft]
    {
        var problems = rows.problems
        var drafts: [PersonDraft] = []
        var rowOfDUF: [DUFNumber: Int] = [:]
        for (index, row) in rows.rows {
            do {
                let draft = try PersonInput.checked(row, today: today, connection)
                if let first = rowOfDUF[draft.duf] {
                    throw FieldProblem("duf", Text("the same DUF number as row \(first + 1)", nb: "samme DUF-nummer som rad \(first + 1)"))
                }
                rowOfDUF[draft.duf] = index
                drafts.append(draft)
            } catch let problem as FieldProblem {
                problems.append((index, problem))
            } catch let error as APIError {
                problems.append((index, FieldProblem(error.details["field"]?.stringValue ?? "row", error.message)))
            } catch {
                problems.append((index, FieldProblem("row", Text("\(error)", nb: "\(error)"))))
            }
        }
        if !problems.isEmpty { throw FlowRoutes.invalidRows(problems.sorted { $0.0 < $1.0 }) }
        return drafts
    }

    /// The arrivals of the imported persons with a facility, summed per facility and
    /// category. A facility that cannot receive them fails the import, naming it.
    private static func arrive(
        _ drafts: [PersonDraft], today: CalendarDate, _ recording: FlowRecording, in transaction: inout WriteTransaction
    ) throws {
        var arrivals: [String: [ArrivalCategory: Int]] = [:]
        for draft in drafts {
            if case .arrival(let facility, let category) = PersonMove.between(nil, draft, on: today) {
                arrivals[facility, default: [:]][category, default: 0] += 1
            }
        }
        for (facility, categories) in arrivals.sorted(by: { $0.key < $1.key }) {
            for (category, count) in categories.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                do {
                    _ = try recording.recordArrival(
                        ArrivalBody(facility: facility, count: count, category: category, force: true), in: &transaction)
                } catch let error as APIError {
                    var refused = error
                    refused.details["field"] = .string("facility")
                    refused.details["facility"] = .string(facility)
                    throw refused
                }
            }
        }
    }
}
