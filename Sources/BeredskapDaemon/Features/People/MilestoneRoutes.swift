import BeredskapAPI
import BeredskapCore
import BeredskapSQLite
import BeredskapStore

/// A person's milestones: one per kind, recorded once; a wrong date is corrected with a
/// reason (kept in a row, the event names kind and dates), never recorded again.
struct MilestoneRoutes {
    let settings: CurrentSettings

    var routes: [Route] {
        [
            Route(Endpoints.People.recordMilestone) { context throws(APIError) in
                let id = try AlertResources.idParameter(context)
                let body = try context.decodeBody(NewMilestone.self)
                let note = try PersonInput.text(body.note, field: "note")
                let calendar = settings.calendar
                let rules = settings.configuration.deadlines.active
                return .mutation { transaction in
                    let today = calendar.date(of: transaction.now)
                    let (person, event) = try Self.record(
                        PersonMilestone(milestone: body.milestone, date: body.date ?? today, note: note), of: id, today: today,
                        in: &transaction)
                    let shown = try PersonInput.resource(person, today: today, calendar: calendar, rules: rules, transaction.connection)
                    return try CommandReply.json(status: 201, Mutation(shown, eventSeq: event.seq))
                }
            },
            Route(Endpoints.People.correctMilestone) { context throws(APIError) in
                let id = try AlertResources.idParameter(context)
                guard let milestone = context.parameters["milestone"].flatMap(Milestone.init(rawValue:)) else {
                    throw .invalidField("milestone", Text(
                        "expected one of: \(Milestone.allCases.map(\.rawValue).joined(separator: ", "))",
                        nb: "forventet ett av: \(Milestone.allCases.map(\.rawValue).joined(separator: ", "))"))
                }
                let body = try context.decodeBody(MilestoneCorrection.self)
                let reason = try PersonInput.reason(body.reason)
                let calendar = settings.calendar
                let rules = settings.configuration.deadlines.active
                return .mutation { transaction in
                    let today = calendar.date(of: transaction.now)
                    let (person, _) = try PersonInput.draft(id, transaction.connection)
                    guard let recorded = try transaction.connection.personMilestones(id).first(where: { $0.milestone == milestone })
                    else {
                        throw APIError.notFound(Text(
                            "person #\(id) has no \(milestone.rawValue) to correct", nb: "person #\(id) har ingen \(milestone.rawValue) å korrigere"))
                    }
                    let date = try Self.notAfter(today, body.date)
                    guard date != recorded.date else {
                        throw APIError.invalidField("date", Text(
                            "is the recorded date already (\(date))", nb: "er allerede den registrerte datoen (\(date))"))
                    }
                    let correction = try transaction.nextMilestoneCorrectionID()
                    let event = try transaction.appendEvent(
                        PersonEvents.milestoneCorrected,
                        PersonEvents.MilestoneCorrected(person: id, milestone: milestone, from: recorded.date, to: date, correction: correction),
                        subject: "person/\(id)")
                    try transaction.correctPersonMilestone(
                        id, milestone, id: correction,
                        PersonMilestone.Correction(from: recorded.date, to: date, reason: reason, at: transaction.now), seq: event.seq)
                    let shown = try PersonInput.resource(person, today: today, calendar: calendar, rules: rules, transaction.connection)
                    return try CommandReply.json(status: 200, Mutation(shown, eventSeq: event.seq))
                }
            },
        ]
    }

    /// Records `milestone` for person `id` with its `person.milestone_recorded` event: the one
    /// write path of a milestone, which the deadline engine reads again after the commit (a
    /// grant application records `disability_grant_applied` through it, the minors' routes the
    /// representative and the choice at 18, the introduction programme its start and end).
    /// Refused for an erased person, a date after `today`, and a kind recorded already
    /// (`409 conflict` naming its date: a wrong date is corrected, never recorded twice).
    /// `dateField` names the date in the request.
    static func record(
        _ milestone: PersonMilestone, of id: Int64, today: CalendarDate, dateField: String = "date", in transaction: inout WriteTransaction
    ) throws -> (person: Person, event: Event) {
        let (person, _) = try PersonInput.draft(id, transaction.connection)
        let date = try notAfter(today, milestone.date, field: dateField)
        if let first = try transaction.connection.personMilestones(id).first(where: { $0.milestone == milestone.milestone }) {
            var error = APIError.conflict(Text(
                "\(milestone.milestone.rawValue) is recorded already, on \(first.date): correct it instead",
                nb: "\(milestone.milestone.rawValue) er registrert allerede, \(first.date): korriger den i stedet"))
            error.details = ["milestone": .string(milestone.milestone.rawValue), "date": .string(first.date.description)]
            throw error
        }
        let event = try transaction.appendEvent(
            PersonEvents.milestoneRecorded,
            PersonEvents.MilestoneRecorded(person: id, milestone: milestone.milestone, date: date), subject: "person/\(id)")
        var recorded = milestone
        recorded.date = date
        try transaction.recordPersonMilestone(id, recorded, seq: event.seq)
        return (person, event)
    }

    /// `date`, unless it is after `today`: what has happened cannot be dated tomorrow.
    static func notAfter(_ today: CalendarDate, _ date: CalendarDate, field: String = "date") throws(APIError) -> CalendarDate {
        guard date <= today else {
            throw .invalidField(field, Text("must not be after today (\(today))", nb: "kan ikke være etter i dag (\(today))"))
        }
        return date
    }
}
