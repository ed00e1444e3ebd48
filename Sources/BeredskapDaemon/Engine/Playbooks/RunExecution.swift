import BeredskapAPI
import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapStore

/// One change to playbook runs inside the writer's transaction: the state machine's step, the
/// work its effects ask for (automatic actions, outbox rows, incident-log entries), the events
/// that record it, and the stored row — all in one transaction.
///
/// Why automatic steps run right here rather than on a worker: `notify`, `log` and
/// `set_facility_status` are writes to the same store, so doing them in the transaction that
/// made them ready means a crash leaves either the step not yet started or the step done with
/// its effect — never a step half done or "running" with nobody working on it. `wait_for`
/// steps stay `running` until their condition holds, and are checked again after any commit
/// that could change it and after a restart.
struct RunExecution {
    let settings: PlaybookEngine.Settings
    private let now: Timestamp
    /// The runs this execution changed, as they now are: the engine reschedules them.
    private(set) var touched: [Int64: StoredRun] = [:]
    /// The last card encoded for storage: a catch-up starting 200 runs of one card encodes it once.
    private var encodedCard: (definition: PlaybookDefinition, json: String)?
    /// Subjects' names as looked up in this command, for messages and log entries.
    private var subjectNames: [String: Text] = [:]

    init(settings: PlaybookEngine.Settings, transaction: WriteTransaction) {
        self.settings = settings
        now = transaction.now
    }

    // MARK: - Starting

    /// Starts a run of `definition` about `trigger`; `triggerKey` (alert/12, surge/<seq>) makes
    /// a second start for the same trigger find the existing run instead.
    mutating func start(
        _ definition: PlaybookDefinition, trigger: PlaybookRunTrigger, triggerKey: String?, reason: String,
        exercise: Bool, in transaction: inout WriteTransaction
    ) throws -> StoredRun {
        let id = try transaction.connection.nextPlaybookRunID()
        let card = try resolved(definition, trigger: trigger, transaction.connection)
        let specs = card.steps.map { step in
            PlaybookRunStepSpec(
                id: step.id, dependsOn: step.dependsOn, due: step.due, automatic: step.action != .task, owner: step.owner,
                waitsForCondition: step.action.isWait)
        }
        let (run, effects): (PlaybookRun, [PlaybookRunEffect])
        do throws(PlaybookRunError) {
            (run, effects) = try PlaybookRun.start(
                id: String(id), playbook: definition.id, steps: specs, at: now, by: transaction.actor.user,
                reason: reason, policy: settings.policy)
        } catch {
            throw APIError(.invalidDefinition, error.text)
        }
        var stored = StoredRun(id: id, run: run, definition: card, trigger: trigger, triggerKey: triggerKey, exercise: exercise)
        // The reason is the run's (a person's own words when started by hand).
        try transaction.appendEvent(
            PlaybookEvents.runStarted, PlaybookEvents.RunStarted(playbook: definition.id, trigger: trigger), subject: Self.subject(id))
        try log(RunLogEntries.started(stored, name: try subjectName(of: trigger, transaction.connection)), about: stored, in: &transaction)
        try record(&stored, before: nil, effects: effects, in: &transaction)
        try supersede(by: stored, in: &transaction)
        return stored
    }

    /// Active runs of lower surge cards (drills only by drills, real runs only by real ones)
    /// end with their open steps skipped: `new` takes over (`PlaybookTrigger.supersedes`).
    private mutating func supersede(by new: StoredRun, in transaction: inout WriteTransaction) throws {
        guard case .surge = new.definition.trigger else { return }
        let reason = settings.text(Text(
            "superseded by run #\(new.id) \(new.definition.id)", nb: "avløst av kjøring #\(new.id) \(new.definition.id)"))
        let (by, now) = (transaction.actor.user, now)
        for old in try transaction.connection.activeSurgeRuns()
        where old.id != new.id && old.exercise == new.exercise && new.definition.trigger.supersedes(old.definition.trigger) {
            _ = try change(run: old.id, in: &transaction) { run throws(PlaybookRunError) in
                try run.supersede(by: String(new.id), actor: by, reason: reason, at: now)
            }
        }
    }

    /// The card as this run carries it out, its placeholders filled in from the trigger (see
    /// `PlaybookDefinition.resolved`). A placeholder nothing fills refuses the start.
    func resolved(
        _ definition: PlaybookDefinition, trigger: PlaybookRunTrigger, _ connection: SQLiteConnection
    ) throws -> PlaybookDefinition {
        let values = PlaybookRunValues(
            playbook: definition.id, trigger: trigger, subjectName: try trigger.subject.map { try SubjectNames.name(of: $0, connection) },
            districtName: try SubjectNames.district(trigger.district, connection),
            fallbackGroup: definition.escalationGroup ?? settings.routing.escalation.first)
        do throws(PlaybookResolutionError) {
            return try definition.resolved(with: values)
        } catch {
            throw RunErrors.unresolved(error, trigger: trigger)
        }
    }

    /// The name of what `trigger` is about, looked up once per command.
    mutating func subjectName(of trigger: PlaybookRunTrigger, _ connection: SQLiteConnection) throws -> Text? {
        guard let subject = trigger.subject else { return nil }
        if let known = subjectNames[subject] { return known }
        let name = try SubjectNames.name(of: subject, connection)
        subjectNames[subject] = name
        return name
    }

    // MARK: - Changing

    /// Applies `change` to run `id` (a person's action, a deadline, a restart) and carries out
    /// what follows. A run that does not exist is a 404.
    mutating func change(
        run id: Int64, in transaction: inout WriteTransaction,
        _ change: (inout PlaybookRun) throws(PlaybookRunError) -> [PlaybookRunEffect]
    ) throws -> StoredRun {
        guard var stored = try transaction.connection.playbookRun(id: id) else { throw RunErrors.notFound(id) }
        let before = stored.run
        let effects: [PlaybookRunEffect]
        do throws(PlaybookRunError) {
            effects = try change(&stored.run)
        } catch {
            throw RunErrors.refused(error, run: id)
        }
        try record(&stored, before: before, effects: effects, in: &transaction)
        return stored
    }

    /// Checks every `wait_for` step of run `stored` that is running, and finishes those whose
    /// condition now holds.
    mutating func checkWaits(_ stored: StoredRun, in transaction: inout WriteTransaction) throws {
        var stored = stored
        let before = stored.run
        var effects: [PlaybookRunEffect] = []
        for step in stored.run.steps where step.state == .running && step.waitsForCondition {
            if let result = try waitResult(step.id, of: stored, in: transaction) {
                effects += stored.run.automaticStepFinished(step: step.id, result: result, at: now)
            }
        }
        guard stored.run != before else { return }
        try record(&stored, before: before, effects: effects, in: &transaction)
    }

    /// Marks run `id` as touched as it is stored, so its reminder is scheduled from what was
    /// committed (after a person's command, whose own changes are read back here).
    mutating func reread(run id: Int64, in transaction: WriteTransaction) throws {
        if let stored = try transaction.connection.playbookRun(id: id) { touched[id] = stored }
    }

    /// Runs `body` so that a failure of its own (a run that cannot be started or recovered)
    /// undoes only its writes and is recorded as `failure` about `subject`, and the command
    /// goes on with the next run: one bad run must not hold up every other. A storage error
    /// is thrown on, so the whole command is retried rather than anything skipped.
    mutating func isolated(
        _ failure: EventType<PlaybookEvents.RunFailure>, subject: String, playbook: String? = nil,
        in transaction: inout WriteTransaction,
        _ body: (inout RunExecution, inout WriteTransaction) throws -> Void
    ) throws {
        let savedTransaction = transaction
        let savedSelf = self
        try transaction.connection.execute("SAVEPOINT playbook_run")
        do {
            try body(&self, &transaction)
            try transaction.connection.execute("RELEASE playbook_run")
        } catch let error as SQLiteError {
            throw error
        } catch {
            try transaction.connection.execute("ROLLBACK TO playbook_run; RELEASE playbook_run")
            transaction = savedTransaction
            self = savedSelf
            DaemonLog.error("\(failure) \(subject): \(error)")
            try transaction.appendSystemEvent(
                failure, PlaybookEvents.RunFailure(playbook: playbook, error: "\(error)"), subject: subject)
        }
    }

    // MARK: - Effects

    /// Carries out `effects` (and the effects they lead to), appends the events for what
    /// changed since `before`, and saves the run.
    private mutating func record(
        _ stored: inout StoredRun, before: PlaybookRun?, effects: [PlaybookRunEffect], in transaction: inout WriteTransaction
    ) throws {
        var pending = effects
        var ended = false
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            switch effect {
            case .runAutomatic(let step, _):
                if let result = try perform(step, of: stored, in: &transaction) {
                    pending += stored.run.automaticStepFinished(step: step, result: result, at: now)
                }
            case .notifyOwner(let step, let owner, let notice):
                try notify(stored, .step(step, notice), groups: [owner], in: &transaction)
            case .escalateOverdue(let step, let count):
                let group = stored.definition.escalationGroup ?? settings.routing.escalationGroup(step: count)
                try notify(stored, .escalation(step: step, count: count), groups: group.map { [$0] } ?? [], in: &transaction)
            case .finished, .aborted, .superseded:
                ended = true
            }
        }
        // Compared once, at the end: a step started and finished in this transaction is one
        // event (completed), not two.
        try appendStepEvents(stored, since: before, in: &transaction)
        for step in stored.run.steps {
            if let text = RunLogEntries.step(step, before: before?.step(step.id), of: stored) {
                try log(text, about: stored, in: &transaction)
            }
        }
        if ended { try log(RunLogEntries.ended(stored), about: stored, in: &transaction) }
        if before == nil {
            try transaction.insertPlaybookRun(stored, definition: try encoded(stored.definition))
        } else {
            try transaction.updatePlaybookRun(stored)
        }
        touched[stored.id] = stored
    }

    private mutating func encoded(_ definition: PlaybookDefinition) throws -> String {
        if let encodedCard, encodedCard.definition == definition { return encodedCard.json }
        let json = try WriteTransaction.encodedDefinition(definition)
        encodedCard = (definition, json)
        return json
    }

    /// One event per step whose state, overdue flag or escalations changed, and one for the
    /// run's end: the event log says what happened to every step, and `watch` shows it. A
    /// step's note or skip reason and a run's abort reason stay in the run.
    private func appendStepEvents(_ stored: StoredRun, since before: PlaybookRun?, in transaction: inout WriteTransaction) throws {
        let subject = Self.subject(stored.id)
        let actor = transaction.actor.user
        // A person's own action is theirs; everything that follows from it is the system's.
        func append<Payload>(_ type: EventType<Payload>, _ payload: Payload, byPerson: Bool = false) throws {
            if byPerson {
                try transaction.appendEvent(type, payload, subject: subject)
            } else {
                try transaction.appendSystemEvent(type, payload, subject: subject)
            }
        }
        for step in stored.run.steps {
            let old = before?.step(step.id)
            if old?.state != step.state, step.state != .waiting {
                switch step.state {
                case .waiting: break  // where every step starts: no event
                case .ready:
                    try append(PlaybookEvents.stepReady, .init(step: step.id, owner: step.owner, dueAt: step.dueAt))
                case .running:
                    try append(PlaybookEvents.stepRunning, .init(step: step.id, attempt: step.attempts))
                case .done:
                    let by = step.completedBy ?? ""
                    try append(PlaybookEvents.stepCompleted, .init(step: step.id, by: by), byPerson: by == actor)
                case .skipped:
                    try append(PlaybookEvents.stepSkipped, .init(step: step.id, by: step.skippedBy ?? ""), byPerson: true)
                case .failed:
                    try append(PlaybookEvents.stepFailed, .init(step: step.id, reason: step.failureReason ?? ""))
                }
            } else if step.overdue, old?.overdue != true {
                try append(PlaybookEvents.stepOverdue, .init(step: step.id, owner: step.owner, dueAt: step.dueAt))
            } else if let old, step.escalations > old.escalations {
                try append(PlaybookEvents.stepEscalated, .init(step: step.id, count: step.escalations))
            }
        }
        if before?.state != stored.run.state, stored.run.state != .active {
            let playbook = stored.run.playbook
            if let by = stored.run.supersededBy.flatMap(Int64.init) {
                try append(PlaybookEvents.runSuperseded, .init(playbook: playbook, by: by))
            } else if stored.run.state == .finished {
                try append(PlaybookEvents.runFinished, .init(playbook: playbook))
            } else {
                try append(PlaybookEvents.runAborted, .init(playbook: playbook), byPerson: true)
            }
        }
    }

    /// Carries out automatic step `id`: the outcome, or nil while a `wait_for` waits.
    private mutating func perform(
        _ id: String, of stored: StoredRun, in transaction: inout WriteTransaction
    ) throws -> PlaybookRun.AutomaticResult? {
        // A run stored before cards were filled in at start carries the card as written.
        let card = stored.definition.placeholders.isEmpty
            ? stored.definition : (try? resolved(stored.definition, trigger: stored.trigger, transaction.connection)) ?? stored.definition
        guard let step = card.step(id) else {
            return .failed(reason: settings.text(Text("the playbook has no step \(id)", nb: "tiltakskortet har ikke steget \(id)")))
        }
        switch step.action {
        case .task:
            return .failed(reason: settings.text(Text("a task is done by a person", nb: "en oppgave gjøres av en person")))
        case .notify(let message):
            try notify(stored, .message(step: id, message.message), groups: message.groups, in: &transaction)
            return .done
        case .log(let log):
            try self.log(log.text.text, about: stored, in: &transaction)
            return .done
        case .setFacilityStatus(let change):
            return try setFacilityStatus(change, in: &transaction)
        case .waitFor:
            return try waitResult(id, of: stored, in: transaction)
        }
    }

    /// The facility change goes through `FacilityChange.apply`, the path people's changes
    /// take, so the cap and every facility rule hold. Refused: the step fails with the reason,
    /// and nothing of the attempt is kept.
    private func setFacilityStatus(
        _ change: PlaybookAction.SetFacilityStatus, in transaction: inout WriteTransaction
    ) throws -> PlaybookRun.AutomaticResult {
        guard let facility = try transaction.connection.facility(change.facility) else {
            return .failed(reason: settings.text(Text("no facility \(change.facility)", nb: "ingen mottak \(change.facility)")))
        }
        var definition = facility.definition
        definition.status = change.status
        let saved = transaction
        try transaction.connection.execute("SAVEPOINT playbook_step")
        do {
            _ = try FacilityChange.apply(
                id: facility.id, definition: definition, override: nil, existing: facility, settings: settings.capacity,
                calendar: settings.calendar, in: &transaction)
            try transaction.connection.execute("RELEASE playbook_step")
            return .done
        } catch let error as APIError {
            try transaction.connection.execute("ROLLBACK TO playbook_step; RELEASE playbook_step")
            transaction = saved
            return .failed(reason: settings.text(error.message))
        }
    }

    /// Whether the `wait_for` step `id` is over: done when its condition holds, failed when it
    /// can never hold in this run, nil while it waits.
    private func waitResult(_ id: String, of stored: StoredRun, in transaction: WriteTransaction) throws -> PlaybookRun.AutomaticResult? {
        guard case .waitFor(let condition)? = stored.definition.step(id)?.action else { return nil }
        let connection = transaction.connection
        switch condition {
        case .alertResolved:
            guard let alertID = stored.trigger.alert else {
                return .failed(reason: settings.text(Text(
                    "no alert started this run, so none can resolve", nb: "ingen varsel startet denne kjøringen, så ingen kan opphøre")))
            }
            let alert = try connection.alert(id: alertID)
            return alert.map { $0.lifecycle.state == .resolved } ?? true ? .done : nil
        case .utilizationBelow(let below):
            let subject = below.subject == PlaybookWaitCondition.triggeringSubject ? stored.trigger.subject : below.subject
            guard let subject else {
                return .failed(reason: settings.text(Text(
                    "no alert started this run, so {subject} names nothing", nb: "ingen varsel startet denne kjøringen, så {subject} viser ikke til noe")))
            }
            guard let utilization = try WaitConditions.utilization(of: subject, connection) else { return nil }
            return utilization < below.value ? .done : nil
        }
    }

    /// An incident-log entry about the run, filed under what it is about, in the groups' language.
    private func log(_ text: Text, about stored: StoredRun, in transaction: inout WriteTransaction) throws {
        try transaction.addIncidentLogEntry(text: settings.text(text), subject: RunLogEntries.subject(of: stored), source: .system)
    }

    /// One outbox row per channel of each group, with its `notification.queued` event.
    private mutating func notify(
        _ stored: StoredRun, _ kind: RunMessageKind, groups: [String], in transaction: inout WriteTransaction
    ) throws {
        let language = settings.language
        let name = try subjectName(of: stored.trigger, transaction.connection)
        let figures = try stored.trigger.subject.flatMap { try SubjectNames.figures(of: $0, transaction.connection) }
        for group in groups {
            for channel in settings.routing.channels(for: group) {
                let key = "run-\(stored.id)-\(kind.code)-\(now.millisecondsSinceEpoch)-\(group)-\(channel)"
                let message = RunMessages(
                    stored: stored, kind: kind, calendar: settings.calendar, language: language, subjectName: name, figures: figures)
                let row = OutboxNotification(
                    alertID: nil, kind: kind.kind, channel: channel, group: group, idempotencyKey: key,
                    document: message.document(group: group, key: key), subjectLine: message.subjectLine,
                    body: message.body, createdAt: now, exercise: stored.exercise, runID: stored.id)
                let id = try transaction.enqueue(row)
                try transaction.appendSystemEvent(
                    NotificationEvents.queued,
                    NotificationEvents.Queued(run: stored.id, kind: kind.kind, group: group, channel: channel),
                    subject: "notification/\(id)")
            }
        }
    }

    static func subject(_ id: Int64) -> String { "run/\(id)" }
}

extension PlaybookAction {
    /// A `wait_for` step: it survives restarts as a condition to check again.
    var isWait: Bool {
        if case .waitFor = self { return true }
        return false
    }
}
