import BeredskapJSON

/// One run of a playbook: its steps, who did what to each and when, and what is due next.
///
/// A plain value, stored whole after every transition, so that a restart resumes it exactly:
/// every clock is an instant inside the value. Changes come from people (`complete`, `skip`,
/// `abort`), from the executor of automatic steps (`automaticStepFinished`), from the
/// scheduler waking at `nextDeadline()` (`advance`), and once after a restart
/// (`recoverAfterRestart`). Each returns the effects for the caller to carry out; the run itself
/// does no I/O. There is no polling.
///
/// At most one run per triggering alert: the caller derives `id` from the alert (e.g. the
/// alert's id and the playbook) and the store keeps ids unique, so a second trigger for the
/// same alert finds the run that exists.
///
/// Decisions:
/// - A step becomes ready when each dependency is done *or skipped*: skipping is a person's
///   judgement that the step is not needed, and its dependents should not wait for it.
/// - A ready task step gets `readyAt` = now, `dueAt` = now + `due`, and its owner is told. An
///   automatic step goes straight to `running` with a `.runAutomatic` effect; it is never
///   overdue (a hung executor is for the executor to time out and report as failed).
/// - A failed step blocks its dependents, which stay `waiting`; the run stays `active` and
///   `isBlocked` says so, and the owner is told. A person may skip the failed step to go on or
///   abort the run. Why not a `failed` run state: a failure is rarely the end of a preparedness
///   action, and a terminal state would leave no way to continue.
/// - The run is `finished` when every step is done or skipped.
/// - Overdue: at `dueAt` exactly (not a millisecond before) a ready step is flagged and its owner
///   told once. Escalations follow every `escalateOverdueAfter`, up to `escalationLimit`, timed
///   from when the previous notice actually went out: after a jump over many intervals (a
///   restart after hours) one `advance` sends each step's overdue notice once and no
///   escalation yet, because the owner has only just been told. Completing or skipping the
///   step stops its reminders.
/// - A person's action is applied before deadlines that fell due at the same call: telling an
///   owner a step is overdue in the same breath as it was completed is noise.
/// - `advance` is idempotent: calling it again at the same instant does nothing. Instants that
///   go backwards (a corrected clock) are read as the latest instant seen.
/// - A restart: `recoverAfterRestart` either starts each `running` step again (attempts + 1,
///   while below the policy's limit) or marks it failed with `interruptedReason`. No step is
///   left running on a guess that its executor survived.
public struct PlaybookRun: Sendable, Equatable, Codable {
    /// Where a run is. A failed step does not end a run (see the type's documentation).
    public enum State: String, JSONStringEnum {
        case active
        /// Every step is done or skipped.
        case finished
        /// Someone stopped the run; it is a record from then on.
        case aborted
    }

    /// Who completes an automatic step, in `completedBy`.
    public static let automaticActor = "automatic"
    /// The failure reason of an automatic step that was running when the daemon stopped and
    /// was not retried (stored in the language the caller gives).
    public static let interruptedReason = Text("interrupted by a restart", nb: "avbrutt av en omstart")
    /// The skip reason of a step that was running when its run was aborted.
    public static let abortedReason = Text("the run was aborted", nb: "kjøringen ble avbrutt")

    public let id: String
    public let playbook: String
    public let policy: Policy
    public private(set) var state: State
    public let startedAt: Timestamp
    public let startedBy: String
    public let reason: String
    /// In the order the playbook lists them; effects for several steps come in this order.
    public private(set) var steps: [PlaybookRunStep]
    /// When the run finished or was aborted.
    public private(set) var endedAt: Timestamp?
    public private(set) var abortedBy: String?
    public private(set) var abortReason: String?
    /// The run that took over this one's open steps (see `supersede`).
    public private(set) var supersededBy: String?
    /// The latest instant the run was changed or advanced at.
    public internal(set) var evaluatedAt: Timestamp

    /// Starts a run of `playbook` at `at`: steps without dependencies become ready (or start
    /// running) at once.
    ///
    /// The steps are checked enough for the run to be sound — ids unique and not empty, `due`
    /// not negative, dependencies known, no cycles — and the first problem is thrown with its
    /// field path (`steps[2].depends_on`). The definition validator does the full check earlier.
    public static func start(
        id: String, playbook: String, steps specs: [PlaybookRunStepSpec], at: Timestamp, by: String,
        reason: String, policy: Policy = Policy()
    ) throws(PlaybookRunError) -> (PlaybookRun, [PlaybookRunEffect]) {
        if let problem = policy.problems().first ?? Self.problems(in: specs).first {
            throw .invalidSteps(problem)
        }
        var run = PlaybookRun(
            id: id, playbook: playbook, policy: policy, state: .active, startedAt: at, startedBy: by,
            reason: reason, steps: specs.map(PlaybookRunStep.init), evaluatedAt: at)
        let effects = run.proceed(at: at)
        return (run, effects)
    }

    /// True when the run is active but cannot go on by itself: nothing is ready or running and
    /// a failed step holds up the rest. Someone must skip the failed step or abort.
    public var isBlocked: Bool {
        state == .active && !steps.contains { $0.state == .ready || $0.state == .running }
            && steps.contains { $0.state == .failed }
    }

    public func step(_ id: String) -> PlaybookRunStep? { steps.first { $0.id == id } }

    // MARK: - Actions

    /// `by` marks a ready task step done at `at`, overdue or not.
    public mutating func complete(
        step id: String, by: String, note: String?, at: Timestamp
    ) throws(PlaybookRunError) -> [PlaybookRunEffect] {
        let index = try activeStepIndex(id)
        guard !steps[index].automatic else { throw .automaticStep(id) }
        guard steps[index].state == .ready else { throw .notReady(step: id, state: steps[index].state) }
        let now = max(at, evaluatedAt)
        steps[index].markDone(by: by, at: now, note: note)
        return proceed(at: now)
    }

    /// `by` decides at `at` that a step is not needed; its dependents treat it as done.
    ///
    /// Allowed for waiting, ready, running and failed steps: skipping a failed step is how a
    /// blocked run goes on, and skipping a running one is how a person takes over an automatic
    /// step that hangs (its executor's later report is then ignored).
    public mutating func skip(
        step id: String, by: String, reason: String, at: Timestamp
    ) throws(PlaybookRunError) -> [PlaybookRunEffect] {
        let index = try activeStepIndex(id)
        let current = steps[index].state
        guard !current.letsDependentsStart else { throw .cannotSkip(step: id, state: current) }
        let now = max(at, evaluatedAt)
        steps[index].settle(as: .skipped)
        steps[index].skippedBy = by
        steps[index].skippedAt = now
        steps[index].skipReason = reason
        return proceed(at: now)
    }

    /// `by` stops the run at `at`. Nothing is due from it afterwards: no reminders, no further
    /// steps, no step left running (running steps are skipped with `abortedReason` in
    /// `language`), and a late report from an automatic step changes nothing.
    public mutating func abort(
        by: String, reason: String, at: Timestamp, language: Language = .en
    ) throws(PlaybookRunError) -> [PlaybookRunEffect] {
        guard state == .active else { throw .notActive(state) }
        let now = max(at, evaluatedAt)
        evaluatedAt = now
        state = .aborted
        endedAt = now
        abortedBy = by
        abortReason = reason
        // Nothing is late in a run that was stopped: no reminders, no overdue flags. Nothing
        // is left running either: a running step (a wait, above all) is skipped by the person
        // who aborted, since no recovery ever looks at an ended run again.
        for index in steps.indices {
            switch steps[index].state {
            case .ready:
                steps[index].nextEscalationAt = nil
                steps[index].overdue = false
            case .running:
                steps[index].settle(as: .skipped)
                steps[index].skippedBy = by
                steps[index].skippedAt = now
                steps[index].skipReason = Self.abortedReason(language)
            case .waiting, .done, .skipped, .failed:
                break
            }
        }
        return [.aborted]
    }

    /// A run of a higher surge card (`supersedingRun`) takes over at `at`: every step not yet
    /// done or skipped — waiting, ready, running or failed — is skipped by `by` with `reason`,
    /// and the run finishes with nothing due. Its owners are not told again: the new card says
    /// what to do now. Why not leave both: three surge cards in parallel tell the same groups
    /// to do the same things three times, and which one counts is left to them to work out.
    public mutating func supersede(
        by supersedingRun: String, actor by: String, reason: String, at: Timestamp
    ) throws(PlaybookRunError) -> [PlaybookRunEffect] {
        guard state == .active else { throw .notActive(state) }
        let now = max(at, evaluatedAt)
        evaluatedAt = now
        for index in steps.indices where !steps[index].state.letsDependentsStart {
            steps[index].settle(as: .skipped)
            steps[index].skippedBy = by
            steps[index].skippedAt = now
            steps[index].skipReason = reason
        }
        state = .finished
        endedAt = now
        supersededBy = supersedingRun
        return [.superseded(by: supersedingRun)]
    }

    /// The outcome of an automatic step, as its executor reports it.
    public enum AutomaticResult: Sendable, Equatable {
        case done
        case failed(reason: String)
    }

    /// Records what the executor of automatic step `id` reports at `at`.
    ///
    /// A report for a step that is not running (unknown, skipped by a person, already failed by
    /// a restart, settled by an abort) is stale and ignored, so that a duplicate or late
    /// report changes nothing.
    public mutating func automaticStepFinished(
        step id: String, result: AutomaticResult, at: Timestamp
    ) -> [PlaybookRunEffect] {
        guard let index = steps.firstIndex(where: { $0.id == id }), steps[index].state == .running else { return [] }
        let now = max(at, evaluatedAt)
        evaluatedAt = now
        var effects: [PlaybookRunEffect] = []
        switch result {
        case .done:
            steps[index].markDone(by: Self.automaticActor, at: now, note: nil)
        case .failed(let reason):
            effects += fail(at: index, reason: reason, now: now)
        }
        return effects + proceed(at: now)
    }

    /// Settles automatic steps that were running when the daemon stopped; call once at startup,
    /// before anything else touches the run.
    ///
    /// A step that waits for a condition is checked again (same attempt): a wait holds no work
    /// that a stop could have cut short. Otherwise, with `retryRunning`, a step that has had
    /// fewer than `automaticAttemptLimit` attempts is started again (`.runAutomatic` with the next attempt number); otherwise it fails with
    /// `interruptedReason` and its owner is told. Why never leave it running: nobody would
    /// ever report on it, and the run would hang without anyone knowing. Deadlines missed while
    /// the daemon was down are then applied as `advance` would.
    public mutating func recoverAfterRestart(at: Timestamp, retryRunning: Bool, language: Language = .en) -> [PlaybookRunEffect] {
        let now = max(at, evaluatedAt)
        evaluatedAt = now
        var effects: [PlaybookRunEffect] = []
        for index in steps.indices where steps[index].state == .running {
            if state == .active, steps[index].waitsForCondition {
                // Waiting is not work in progress: the condition is simply checked again.
                effects.append(.runAutomatic(step: steps[index].id, attempt: steps[index].attempts))
            } else if state == .active, retryRunning, steps[index].attempts < policy.automaticAttemptLimit {
                steps[index].attempts += 1
                effects.append(.runAutomatic(step: steps[index].id, attempt: steps[index].attempts))
            } else {
                effects += fail(at: index, reason: Self.interruptedReason(language), now: now)
            }
        }
        return effects + proceed(at: now)
    }

    // MARK: - Time

    /// Applies every reminder due at `instant`: overdue notices, then escalations. Calling it
    /// again at the same instant does nothing.
    public mutating func advance(to instant: Timestamp) -> [PlaybookRunEffect] {
        let now = max(instant, evaluatedAt)
        evaluatedAt = now
        guard state == .active else { return [] }
        var effects: [PlaybookRunEffect] = []
        for index in steps.indices {
            guard let due = steps[index].reminderDeadline, due <= now else { continue }
            let step = steps[index]
            if !step.overdue {
                steps[index].overdue = true
                effects.append(.notifyOwner(step: step.id, owner: step.owner, about: .overdue))
            } else {
                steps[index].escalations += 1
                effects.append(.escalateOverdue(step: step.id, count: step.escalations + 1))
            }
            // The next escalation is timed from this notice, and only while below the limit.
            let interval = steps[index].escalations < policy.escalationLimit ? policy.escalationMilliseconds : nil
            steps[index].nextEscalationAt = interval.map { now.adding(milliseconds: $0) }
        }
        return effects
    }

    /// The earliest instant at which `advance` would change something; nil when nothing is
    /// scheduled (the run ended, or no ready step has a reminder left).
    public func nextDeadline() -> Timestamp? {
        guard state == .active else { return nil }
        return steps.compactMap(\.reminderDeadline).min()
    }

    // MARK: - Changes

    private init(
        id: String, playbook: String, policy: Policy, state: State, startedAt: Timestamp, startedBy: String,
        reason: String, steps: [PlaybookRunStep], evaluatedAt: Timestamp
    ) {
        self.id = id
        self.playbook = playbook
        self.policy = policy
        self.state = state
        self.startedAt = startedAt
        self.startedBy = startedBy
        self.reason = reason
        self.steps = steps
        self.evaluatedAt = evaluatedAt
    }

    /// The index of step `id` in an active run, or the error a person's action gets.
    private func activeStepIndex(_ id: String) throws(PlaybookRunError) -> Int {
        guard state == .active else { throw .notActive(state) }
        guard let index = steps.firstIndex(where: { $0.id == id }) else { throw .unknownStep(id) }
        return index
    }

    private mutating func fail(at index: Int, reason: String, now: Timestamp) -> [PlaybookRunEffect] {
        steps[index].settle(as: .failed)
        steps[index].failedAt = now
        steps[index].failureReason = reason
        guard state == .active else { return [] }
        return [.notifyOwner(step: steps[index].id, owner: steps[index].owner, about: .failed)]
    }

    /// After any change: steps whose dependencies are now settled start, the run finishes when
    /// everything is, and reminders due by `now` go out. One pass is enough, because starting a
    /// step never settles one.
    private mutating func proceed(at now: Timestamp) -> [PlaybookRunEffect] {
        evaluatedAt = now
        guard state == .active else { return [] }
        let settled = Set(steps.filter(\.state.letsDependentsStart).map(\.id))
        var effects: [PlaybookRunEffect] = []
        for index in steps.indices
        where steps[index].state == .waiting && steps[index].dependsOn.allSatisfy(settled.contains) {
            steps[index].readyAt = now
            steps[index].dueAt = now.adding(milliseconds: steps[index].due.milliseconds)
            if steps[index].automatic {
                steps[index].state = .running
                steps[index].attempts = 1
                effects.append(.runAutomatic(step: steps[index].id, attempt: 1))
            } else {
                steps[index].state = .ready
                effects.append(.notifyOwner(step: steps[index].id, owner: steps[index].owner, about: .ready))
            }
        }
        if steps.allSatisfy(\.state.letsDependentsStart) {
            state = .finished
            endedAt = now
            return effects + [.finished]
        }
        return effects + advance(to: now)
    }

    // MARK: - Checks

    /// What makes a step list unusable for a run, in the order of the list.
    static func problems(in specs: [PlaybookRunStepSpec]) -> [FieldProblem] {
        guard !specs.isEmpty else { return [FieldProblem("steps", Text("must not be empty", nb: "kan ikke være tom"))] }
        let ids = Set(specs.map(\.id))
        var seen: Set<String> = []
        var problems: [FieldProblem] = []
        for (index, spec) in specs.enumerated() {
            var own: [FieldProblem] = []
            if spec.id.isEmpty {
                own.append(FieldProblem("id", Text("must not be empty", nb: "kan ikke være tom")))
            } else if !seen.insert(spec.id).inserted {
                own.append(FieldProblem("id", Text("\"\(spec.id)\" is used by an earlier step",
                                                   nb: "«\(spec.id)» er brukt av et tidligere steg")))
            }
            if spec.due.milliseconds < 0 {
                own.append(FieldProblem("due", Text("must not be negative", nb: "kan ikke være negativ")))
            }
            for dependency in spec.dependsOn where !ids.contains(dependency) {
                own.append(FieldProblem("depends_on", Text("no step is called \"\(dependency)\"",
                                                           nb: "ingen steg heter «\(dependency)»")))
            }
            problems += own.map { $0.nested(in: "steps[\(index)]") }
        }
        if problems.isEmpty, let index = firstStepInCycle(specs) {
            problems.append(FieldProblem("depends_on", Text(
                "\"\(specs[index].id)\" depends on itself through its dependencies",
                nb: "«\(specs[index].id)» avhenger av seg selv gjennom det det avhenger av")).nested(in: "steps[\(index)]"))
        }
        return problems
    }

    /// The index of the first listed step that can never start because it is on or behind a
    /// cycle; nil when every step can. Peels off startable steps until none is left to peel.
    private static func firstStepInCycle(_ specs: [PlaybookRunStepSpec]) -> Int? {
        var started: Set<String> = []
        var remaining = Array(specs.indices)
        while true {
            let startable = remaining.filter { specs[$0].dependsOn.allSatisfy(started.contains) }
            guard !startable.isEmpty else { return remaining.first }
            started.formUnion(startable.map { specs[$0].id })
            remaining.removeAll { startable.contains($0) }
        }
    }
}
