import BeredskapAPI
import BeredskapCore
import BeredskapSQLite
import BeredskapStore

/// The checks and the bookkeeping of a programme step: which fields an action takes, the
/// transition it is, its event, and the milestone it records.
enum IntroInput {
    /// The fields each action takes besides `action`, `date` and `note`.
    static let fields: [IntroAction: Set<String>] = [
        .start: ["goal", "months", "voluntary", "settlement_mode"], .interrupt: [], .resume: [], .extend: ["months"],
        .end: ["reason"], .followUp: ["status"],
    ]

    /// 400 for a field the action does not take, or a required one missing.
    static func checkFields(_ body: IntroStep) throws(APIError) {
        let given: [(String, Bool)] = [
            ("goal", body.goal != nil), ("months", body.months != nil), ("voluntary", body.voluntary != nil),
            ("settlement_mode", body.settlementMode != nil), ("reason", body.reason != nil), ("status", body.status != nil),
        ]
        let allowed = fields[body.action] ?? []
        for (field, present) in given where present && !allowed.contains(field) {
            throw .invalidField(field, Text(
                "is not taken by \(body.action.rawValue)", nb: "brukes ikke av \(body.action.rawValue)"))
        }
        let required: String? = switch body.action {
        case .start: body.goal == nil ? "goal" : nil
        case .extend: body.months == nil ? "months" : nil
        case .end: body.reason == nil ? "reason" : nil
        case .followUp: body.status == nil ? "status" : nil
        case .interrupt, .resume: nil
        }
        if let required {
            throw .invalidField(required, Text(
                "is required for \(body.action.rawValue)", nb: "er påkrevd for \(body.action.rawValue)"))
        }
    }

    /// Every action but `start` (checked by `checkFields`: what it needs is there).
    static func apply(
        _ body: IntroStep, on date: CalendarDate, to programme: inout IntroProgramme, _ intro: DaemonConfiguration.Intro
    ) throws(IntroError) {
        switch body.action {
        case .start: break
        case .interrupt: try programme.interrupt(on: date)
        case .resume: try programme.resume(on: date)
        case .extend: try programme.extend(months: body.months ?? 0, durations: intro.durations)
        case .end: try programme.end(on: date, reason: body.reason ?? .other)
        case .followUp: try programme.followUp(on: date, status: body.status ?? .other)
        }
    }

    /// The milestone a step records: the start and the end.
    static func milestone(of action: IntroAction) -> Milestone? {
        switch action {
        case .start: .introStarted
        case .end: .introEnded
        case .interrupt, .resume, .extend, .followUp: nil
        }
    }

    static func appendEvent(for action: IntroAction, _ programme: IntroProgramme, date: CalendarDate, in transaction: inout WriteTransaction)
        throws -> Event
    {
        let person = programme.person
        let subject = "person/\(person)"
        switch action {
        case .start:
            return try transaction.appendEvent(
                IntroEvents.started,
                IntroEvents.Started(
                    person: person, date: date, goal: programme.goal, months: programme.months, plannedEnd: programme.plannedEnd,
                    voluntary: programme.voluntary), subject: subject)
        case .interrupt:
            return try transaction.appendEvent(
                IntroEvents.interrupted, IntroEvents.Dated(person: person, date: date, plannedEnd: programme.plannedEnd), subject: subject)
        case .resume:
            return try transaction.appendEvent(
                IntroEvents.resumed, IntroEvents.Dated(person: person, date: date, plannedEnd: programme.plannedEnd), subject: subject)
        case .extend:
            return try transaction.appendEvent(
                IntroEvents.extended,
                IntroEvents.Extended(person: person, months: programme.extensionMonths ?? 0, plannedEnd: programme.plannedEnd),
                subject: subject)
        case .end:
            return try transaction.appendEvent(
                IntroEvents.ended, IntroEvents.Ended(person: person, date: date, reason: programme.ending?.reason ?? .other),
                subject: subject)
        case .followUp:
            return try transaction.appendEvent(
                IntroEvents.followedUp,
                IntroEvents.FollowedUp(person: person, date: date, status: programme.followUp?.status ?? .other), subject: subject)
        }
    }

    static func noProgramme(_ id: Int64) -> APIError {
        .notFound(Text("person #\(id) has no introduction programme", nb: "person #\(id) har ikke introduksjonsprogram"))
    }

    static func refusing<T>(_ transition: () throws(IntroError) -> T) throws(APIError) -> T {
        do throws(IntroError) {
            return try transition()
        } catch {
            throw Self.error(error)
        }
    }

    /// 409 with `details.state`, or 400 naming the field.
    static func error(_ refusal: IntroError) -> APIError {
        switch refusal {
        case .invalid(let problem):
            return .invalidField(problem.field, problem.problem)
        case .notAllowed, .done:
            var error = APIError.conflict(refusal.text)
            error.details = ["state": .string(refusal.state?.rawValue ?? "")]
            return error
        }
    }
}
