import BeredskapAPI
import BeredskapCore
import BeredskapSQLite
import BeredskapStore

/// An exercise's injects applied to its world through the functions the API's routes call —
/// `FlowRecording` for arrivals, departures and head counts, `FacilityChange` for facilities,
/// `SilenceRoutes.create`, `AlertRoutes.acknowledge`, the playbook engine's `change(run:)` —
/// each as one command through the world's writer, so the engines see exactly what a person
/// doing the same through the API would cause.
struct ExerciseInjects {
    let world: World
    let configuration: DaemonConfiguration
    let calendar: LocalCalendar

    /// What went wrong with an inject (the run goes on: a drill is graded on what happened).
    struct Refused: Error, CustomStringConvertible {
        var description: String
    }

    /// A facility of the setup, then its head count when one is given.
    func setUp(_ facility: ExerciseFacility) throws(Refused) {
        try change(facility)
        if let occupied = facility.occupied {
            try apply(.headCount(ExerciseInject.HeadCount(facility: facility.id, occupied: occupied)))
        }
    }

    /// Applies `action` now (responses are applied with `respond`; a pause does nothing).
    func apply(_ action: ExerciseInject.Action) throws(Refused) {
        let recording = FlowRecording(
            settings: configuration.capacity, calendar: calendar, language: configuration.notifications.language)
        switch action {
        case .arrivals(let arrivals):
            let body = ArrivalBody(facility: arrivals.facility, count: arrivals.count, category: arrivals.category, force: true)
            try perform { transaction in _ = try recording.recordArrival(body, in: &transaction) }
        case .departures(let departures):
            let body = DepartureBody(
                facility: departures.facility, count: departures.count, reason: departures.reason, to: departures.to, force: true)
            try perform { transaction in _ = try recording.recordDeparture(body, in: &transaction) }
        case .headCount(let report):
            try perform { transaction in
                _ = try recording.reportOccupancy(
                    facility: report.facility, OccupancyBody(occupied: report.occupied), force: true, in: &transaction)
            }
        case .facility(let facility):
            try change(facility)
        case .silence(let silence):
            let body = NewSilence(
                matchers: SilenceMatchersBody(rule: silence.rule, subject: silence.subject), duration: silence.duration,
                comment: Self.comment)
            try perform { transaction in _ = try SilenceRoutes.create(body, in: &transaction) }
        case .acknowledge, .completeStep, .pause:
            break
        }
    }

    /// The text a simulated operator writes where a person writes a comment.
    static let comment = "Øvelse / exercise"

    /// A whole definition as a `PUT`, or the given fields on the existing facility.
    private func change(_ facility: ExerciseFacility) throws(Refused) {
        let settings = configuration.capacity
        let calendar = calendar
        try perform { transaction in
            let existing = try transaction.connection.facility(facility.id)
            guard let definition = facility.definition ?? existing.map({ facility.applied(to: $0.definition) }) else {
                throw FacilityRoutes.notFound(facility.id)
            }
            _ = try FacilityChange.apply(
                id: facility.id, definition: definition, override: nil, existing: existing, settings: settings,
                calendar: calendar, in: &transaction)
        }
    }

    // MARK: - Responses of simulated operators

    /// When the response `action`, armed at `armedAt`, acts: `delay` after the alert it
    /// acknowledges fired or the step it completes became ready; nil while there is none.
    func responseTime(of inject: ExerciseInject, armedAt: Timestamp) throws -> Timestamp? {
        switch inject.action {
        case .acknowledge(let acknowledge):
            guard let alert = try openAlert(acknowledge), let firing = alert.lifecycle.firingSince else { return nil }
            return inject.responseTime(armedAt: armedAt, since: firing)
        case .completeStep(let complete):
            guard let (_, step) = try readyStep(complete), let ready = step.readyAt else { return nil }
            return inject.responseTime(armedAt: armedAt, since: ready)
        default:
            return nil
        }
    }

    /// The simulated operator acts, as `by`.
    func respond(_ action: ExerciseInject.Action) throws(Refused) {
        switch action {
        case .acknowledge(let acknowledge):
            guard let alert = try? openAlert(acknowledge) else { return }
            let (engine, language, calendar) = (world.alerts, configuration.notifications.language, calendar)
            try perform(as: acknowledge.by) { transaction in
                _ = try AlertRoutes.acknowledge(alert.id, comment: Self.comment, until: nil, engine: engine, in: &transaction)
                try AlertRoutes.logAcknowledgement(alert.id, language: language, calendar: calendar, in: &transaction)
            }
        case .completeStep(let complete):
            guard let (run, _) = try? readyStep(complete) else { return }
            let engine = world.runs
            try perform(as: complete.by) { transaction in
                let (by, now) = (transaction.actor.user, transaction.now)
                _ = try engine.perform(in: &transaction) { execution, transaction in
                    try execution.change(run: run.id, in: &transaction) { run throws(PlaybookRunError) in
                        try run.complete(step: complete.step, by: by, note: nil, at: now)
                    }
                }
            }
        default:
            break
        }
    }

    /// The open, unacknowledged alert an acknowledgement is for.
    private func openAlert(_ acknowledge: ExerciseInject.Acknowledge) throws -> StoredAlert? {
        try world.readPool.read { try $0.openAlerts() }.first {
            $0.key == AlertKey(rule: acknowledge.rule, subject: acknowledge.subject) && $0.lifecycle.acknowledgement == nil
        }
    }

    /// The latest active run of the playbook (about `subject` when given) whose step is ready.
    private func readyStep(_ complete: ExerciseInject.CompleteStep) throws -> (StoredRun, PlaybookRunStep)? {
        var query = RunQuery()
        query.states = [.active]
        query.playbook = complete.playbook
        let runs = try world.readPool.read { try $0.playbookRuns(query) }
        for run in runs where complete.subject == nil || run.trigger.subject == complete.subject {
            if let step = run.run.steps.first(where: { $0.id == complete.step && $0.state == .ready }) { return (run, step) }
        }
        return nil
    }

    // MARK: - Commands

    private func perform(
        as user: String = ExerciseInject.defaultOperator, _ body: @escaping @Sendable (inout WriteTransaction) throws -> Void
    ) throws(Refused) {
        let outcome = world.writer.perform(WriteCommand(actor: Principal(uid: nil, user: user), exercise: true) { transaction in
            try body(&transaction)
            return CommandReply(status: 200, body: [])
        })
        switch outcome {
        case .committed, .replayed: return
        case .rejected(let error as APIError): throw Refused(description: error.message.en)
        default: throw Refused(description: "\(outcome)")
        }
    }
}
