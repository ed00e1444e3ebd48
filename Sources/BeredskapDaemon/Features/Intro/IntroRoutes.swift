import BeredskapAPI
import BeredskapCore
import BeredskapSQLite
import BeredskapStore

/// A person's introduction programme: one route for every step (`IntroProgramme`'s
/// transitions), the programme as read (recorded: it is person data), and the results per
/// district (`IntroResultsRoutes`).
///
/// The start and the end are also the `intro_started` and `intro_ended` milestones, recorded
/// through `MilestoneRoutes.record` in the same transaction: that is how the `intro_start` and
/// `skills_mapping` deadlines see them, with no second path to the deadline engine.
struct IntroRoutes {
    let settings: CurrentSettings

    var routes: [Route] {
        [
            Route(Endpoints.Intro.step) { context throws(APIError) in
                let id = try AlertResources.idParameter(context)
                let body = try context.decodeBody(IntroStep.self)
                try IntroInput.checkFields(body)
                let note = try PersonInput.text(body.note, field: "note")
                let calendar = settings.calendar
                let intro = settings.configuration.intro
                return .mutation { transaction in
                    let today = calendar.date(of: transaction.now)
                    let (person, draft) = try PersonInput.draft(id, transaction.connection)
                    let date = try MilestoneRoutes.notAfter(today, body.date ?? today)
                    let existing = try transaction.connection.introProgramme(id)
                    var programme: IntroProgramme
                    if body.action == .start {
                        if let existing {
                            throw IntroInput.error(.done(.start, in: existing.state, Text(
                                "person #\(id) has a programme already, started \(existing.started)",
                                nb: "person #\(id) har et program allerede, startet \(existing.started)")))
                        }
                        let permit = try transaction.connection.personMilestones(id).first { $0.milestone == .residenceGranted }?.date
                        let eligibility = IntroEligibility.evaluate(birth: draft.birth, permit: permit, mode: body.settlementMode)
                        if let refusal = eligibility.refusal, body.voluntary != true {
                            var error = APIError.conflict(refusal)
                            error.details = ["state": .string(eligibility.state)]
                            throw error
                        }
                        programme = try IntroInput.refusing { () throws(IntroError) in
                            try IntroProgramme.start(
                                person: id, district: person.district, on: date, goal: body.goal ?? .work, months: body.months,
                                voluntary: eligibility != .right, settlementMode: body.settlementMode, durations: intro.durations)
                        }
                    } else {
                        guard let existing else { throw IntroInput.noProgramme(id) }
                        programme = existing
                        try IntroInput.refusing { () throws(IntroError) in try IntroInput.apply(body, on: date, to: &programme, intro) }
                    }
                    let event = try IntroInput.appendEvent(for: body.action, programme, date: date, in: &transaction)
                    if let milestone = IntroInput.milestone(of: body.action) {
                        let recorded = try transaction.connection.personMilestones(id).first { $0.milestone == milestone }
                        if recorded?.date != date {
                            _ = try MilestoneRoutes.record(
                                PersonMilestone(milestone: milestone, date: date), of: id, today: today, in: &transaction)
                        }
                    }
                    try transaction.saveIntroProgramme(programme, seq: event.seq)
                    if let note { try transaction.recordIntroNote(id, IntroNote(action: body.action, note: note, seq: event.seq)) }
                    let shown = IntroResource(programme, notes: try transaction.connection.introNotes(id))
                    return try CommandReply.json(status: body.action == .start ? 201 : 200, Mutation(shown, eventSeq: event.seq))
                }
            },
            Route(Endpoints.Intro.show, audited: .subject("person/{id}")) { context throws(APIError) in
                let id = try AlertResources.idParameter(context)
                return .recordedRead { connection in
                    _ = try PersonInput.person(id, connection)
                    guard let programme = try connection.introProgramme(id) else { throw IntroInput.noProgramme(id) }
                    return try CommandReply.json(status: 200, IntroResource(programme, notes: try connection.introNotes(id)))
                }
            },
        ]
    }
}
