import BeredskapAPI
import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapStore

/// Persons: register, list, show, change. Every read shows names, so every read is recorded
/// (`audited:`, answered with `.recordedRead`); every change is checked and applied in the
/// writer's transaction, where the DUF number's uniqueness is checked against what is there.
struct PersonRoutes {
    let settings: CurrentSettings
    let clock: any WallClock

    var routes: [Route] {
        [
            Route(Endpoints.People.register) { context throws(APIError) in
                let body = try context.decodeBody(PersonDraft.self)
                let calendar = settings.calendar
                let rules = settings.configuration.deadlines.active
                let recording = FlowRecording(settings)
                return .mutation { transaction in
                    let today = calendar.date(of: transaction.now)
                    let draft = try PersonInput.checked(body, today: today, transaction.connection)
                    let (person, event) = try transaction.registerPerson(draft)
                    if let move = PersonMove.between(nil, draft, on: today) {
                        try PersonMoves.record(move, recording, in: &transaction)
                    }
                    let shown = try PersonInput.resource(person, today: today, calendar: calendar, rules: rules, transaction.connection)
                    return try CommandReply.json(status: 201, Mutation(shown, eventSeq: transaction.events.last?.seq ?? event.seq))
                }
            },
            Route(Endpoints.People.list, audited: .route) { context throws(APIError) in
                let filter = PersonQuery(
                    district: try SettlementCaseRoutes.districtQuery(context),
                    facility: try Self.slugQuery(context, "facility"),
                    status: try context.queryEnum("status", PersonStatus.self),
                    household: try Self.slugQuery(context, "household"),
                    limit: try context.pageSize())
                return .recordedList { connection in
                    let persons = try connection.persons(filter)
                    return RecordedList(
                        reply: try CommandReply.json(status: 200, PersonList(persons: persons.map { PersonResource($0) })),
                        subjects: persons.map { "person/\($0.id)" })
                }
            },
            Route(Endpoints.People.show, audited: .subject("person/{id}")) { context throws(APIError) in
                let id = try AlertResources.idParameter(context)
                let calendar = settings.calendar
                let rules = settings.configuration.deadlines.active
                let today = calendar.date(of: clock.now())
                return .recordedRead { connection in
                    let person = try PersonInput.person(id, connection)
                    return try CommandReply.json(
                        status: 200, PersonInput.resource(person, today: today, calendar: calendar, rules: rules, connection))
                }
            },
            Route(Endpoints.People.change) { context throws(APIError) in
                let id = try AlertResources.idParameter(context)
                var body = try context.decodeBody(PersonChange.self).fields
                let force = try Self.force(&body)
                let patch = body
                guard !patch.isEmpty else {
                    throw .invalidField("body", Text("give at least one field to change", nb: "oppgi minst ett felt å endre"))
                }
                let calendar = settings.calendar
                let rules = settings.configuration.deadlines.active
                let recording = FlowRecording(settings)
                return .mutation { transaction in
                    let today = calendar.date(of: transaction.now)
                    let (found, current) = try PersonInput.draft(id, transaction.connection)
                    let changed = try PersonInput.checked(
                        try PersonInput.merge(patch, over: current), today: today, person: id, transaction.connection)
                    try PersonMoves.checkStatus(from: found.status, to: changed.status ?? found.status, force: force)
                    let fields = try PersonInput.changedFields(current, changed)
                    var person = found
                    var seq = try transaction.connection.lastEventSeq()
                    if !fields.isEmpty {
                        seq = try transaction.appendEvent(
                            PersonEvents.changed, PersonEvents.Changed(person: id, fields: fields), subject: "person/\(id)"
                        ).seq
                        person = try transaction.savePerson(id, changed, seq: seq)
                        if fields.contains("birth") { try MinorInput.closeTimeline(id, changed, seq: seq, in: &transaction) }
                        if let move = PersonMove.between(current, changed, on: today) {
                            try PersonMoves.record(move, recording, in: &transaction)
                            seq = transaction.events.last?.seq ?? seq
                        }
                    }
                    let shown = try PersonInput.resource(person, today: today, calendar: calendar, rules: rules, transaction.connection)
                    return try CommandReply.json(status: 200, Mutation(shown, eventSeq: seq))
                }
            },
        ]
    }

    /// Takes `force` (a correction of a mistake, not a field of the person) out of a change.
    private static func force(_ patch: inout JSONObject) throws(APIError) -> Bool {
        guard let value = patch.removeValue(forKey: "force") else { return false }
        guard case .bool(let force) = value else {
            throw .invalidField("force", Text("expected true or false", nb: "forventet true eller false"))
        }
        return force
    }

    /// `name=` as a slug (whether it exists does not matter for a filter: it matches nothing).
    static func slugQuery(_ context: RequestContext, _ name: String) throws(APIError) -> String? {
        guard let value = context.query(name) else { return nil }
        guard Slug.isValid(value) else {
            throw .invalidField(name, Text("expected an id: small letters, digits and -", nb: "forventet en id: små bokstaver, sifre og -"))
        }
        return value
    }
}
