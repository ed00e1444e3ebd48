import BeredskapAPI
import BeredskapCore
import BeredskapSQLite
import BeredskapStore

/// A person's rights over their data (GDPR): the export of everything held on them with who
/// read it, and the erasure of the personal fields.
///
/// How an erasure leaves nothing behind: the fields are set to NULL with `secure_delete` on
/// (the freed space is zeroed), stored replies that held them (idempotency keys) are deleted,
/// events never held them, and the writer checkpoints the WAL into the file and truncates it
/// after the commit, before the reply — so the old pages are gone from `state.db-wal` too.
struct PrivacyRoutes {
    let settings: CurrentSettings
    let clock: any WallClock

    var routes: [Route] {
        [
            Route(Endpoints.People.export, audited: .subject("person/{id}")) { context throws(APIError) in
                let id = try AlertResources.idParameter(context)
                let calendar = settings.calendar
                let rules = settings.configuration.deadlines.active
                let today = calendar.date(of: clock.now())
                return .recordedRead { connection in
                    let person = try PersonInput.person(id, connection)
                    let reads = try connection.personReads(id).map { event in
                        PersonRead(
                            at: event.time, user: event.actor.user, uid: event.actor.uid,
                            route: event.data["route"]?.stringValue ?? "")
                    }
                    let shown = try PersonInput.resource(person, today: today, calendar: calendar, rules: rules, connection)
                    let minor = try MinorInput.exported(person, connection)
                    let intro = try connection.introProgramme(id).map { IntroResource($0, notes: try connection.introNotes(id)) }
                    return try CommandReply.json(status: 200, PersonExport(
                        person: shown, reads: reads, minor: minor, grantApplication: try GrantRoutes.application(of: id, connection),
                        intro: intro))
                }
            },
            Route(Endpoints.People.erase) { context throws(APIError) in
                let id = try AlertResources.idParameter(context)
                let body = try context.decodeBody(PersonErasure.self)
                let reason = try PersonInput.reason(body.reason)
                let calendar = settings.calendar
                return .mutation { transaction in
                    _ = try PersonInput.draft(id, transaction.connection)
                    let event = try Self.erase(id, reason: reason, retention: nil, calendar: calendar, in: &transaction)
                    let erased = try PersonInput.person(id, transaction.connection)
                    return try CommandReply.json(status: 200, Mutation(PersonResource(erased), eventSeq: event.seq))
                }
            },
        ]
    }

    /// Erases person `id`'s personal fields with `person.erased`, and has the writer
    /// checkpoint the WAL after the commit (see the type's comment).
    static func erase(_ id: Int64, reason: String, retention: Bool?, calendar: LocalCalendar, in transaction: inout WriteTransaction)
        throws -> Event
    {
        let event = try transaction.appendEvent(
            PersonEvents.erased, PersonEvents.Erased(person: id, retention: retention), subject: "person/\(id)")
        try transaction.erasePerson(id, on: calendar.date(of: transaction.now), reason: reason, seq: event.seq)
        try transaction.eraseMinorRecords(id)
        transaction.checkpointAfterCommit()
        return event
    }
}
