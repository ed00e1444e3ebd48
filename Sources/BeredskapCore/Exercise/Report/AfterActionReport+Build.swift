/// What an after-action report is built from: plain values read from the run's world when
/// it ends, so the builder is a pure function tested without a database.
public struct AfterActionInputs: Sendable {
    public var scenario: String
    public var speed: ExerciseSpeed
    public var stopped: Bool
    public var start: Timestamp
    public var end: Timestamp
    public var firstInject: Timestamp?
    /// The events of the run's world during the run, in seq order.
    public var events: [Event]
    /// The facilities as they stood before the first of `events`.
    public var facilities: [Facility]
    /// The surge level before the first of `events`.
    public var level: SurgeLevel
    public var results: [ExerciseExpectationResult]

    public init(
        scenario: String, speed: ExerciseSpeed, stopped: Bool, start: Timestamp, end: Timestamp, firstInject: Timestamp?,
        events: [Event], facilities: [Facility], level: SurgeLevel, results: [ExerciseExpectationResult]
    ) {
        self.scenario = scenario
        self.speed = speed
        self.stopped = stopped
        self.start = start
        self.end = end
        self.firstInject = firstInject
        self.events = events
        self.facilities = facilities
        self.level = level
        self.results = results
    }
}

extension AfterActionReport {
    /// The report of a run from its events; days are local days of `calendar`.
    public init(_ inputs: AfterActionInputs, calendar: LocalCalendar) {
        let events = inputs.events
        let first = inputs.firstInject ?? inputs.start
        let delay = { (predicate: (Event) -> Bool) -> Delay? in
            events.first { $0.time >= first && predicate($0) }.map {
                Delay(at: $0.time, after: FixedDuration(milliseconds: $0.time.milliseconds(since: first)))
            }
        }
        scenario = inputs.scenario
        title = nil
        speed = inputs.speed
        stopped = inputs.stopped
        start = inputs.start
        end = inputs.end
        firstInject = inputs.firstInject
        timeToSurgeLevel = delay { $0.is(SurgeEvents.levelChanged) }
        timeToAlert = delay { $0.is(AlertEvents.firing) }
        timeToNotification = delay { $0.is(NotificationEvents.queued) }
        notifications = events.filter { $0.is(NotificationEvents.queued) }.count
        surge = Self.surgePeriods(events, level: inputs.level, start: inputs.start, end: inputs.end)
        alerts = Self.alertTimings(events)
        runs = Self.runTimings(events, end: inputs.end)
        stepsLate = runs.reduce(0) { $0 + $1.steps.filter(\.late).count }
        expectations = inputs.results
        let replay = CapacityReplay(facilities: inputs.facilities, calendar: calendar)
        capacity = replay.kinds(events, start: inputs.start, end: inputs.end)
        arrivalsPerDay = Self.arrivalsPerDay(events, days: replay.days(from: inputs.start, to: inputs.end), calendar: calendar)
    }

    static func surgePeriods(_ events: [Event], level: SurgeLevel, start: Timestamp, end: Timestamp) -> [SurgePeriod] {
        var periods: [SurgePeriod] = []
        var current = (level: level, since: start)
        for event in events {
            guard let change = event.payload(SurgeEvents.levelChanged) else { continue }
            let at = max(event.time, start)
            if at > current.since { periods.append(SurgePeriod(level: current.level, from: current.since, to: at)) }
            current = (change.to, at)
        }
        periods.append(SurgePeriod(level: current.level, from: current.since, to: max(end, current.since)))
        // A level that fell and rose again at one instant (a window's end and an arrival) stays one period.
        var merged: [SurgePeriod] = []
        for period in periods {
            if let last = merged.last, last.level == period.level {
                merged[merged.count - 1].to = period.to
            } else {
                merged.append(period)
            }
        }
        return merged
    }

    static func alertTimings(_ events: [Event]) -> [AlertTiming] {
        var alerts: [AlertTiming] = []
        var positions: [Int64: Int] = [:]
        for event in events {
            guard let id = numberedSubject(event.subject, "alert/") else { continue }
            if let snapshot = event.payload(AlertEvents.firing) ?? event.payload(AlertEvents.severityChanged), snapshot.state == .firing {
                if let position = positions[id] {
                    alerts[position].severity = max(alerts[position].severity, snapshot.severity)
                } else {
                    positions[id] = alerts.count
                    alerts.append(AlertTiming(
                        id: id, rule: snapshot.rule, subject: snapshot.subject, severity: snapshot.severity, firedAt: event.time))
                }
            } else if let position = positions[id] {
                if event.is(AlertEvents.acknowledged), alerts[position].acknowledgedAt == nil {
                    alerts[position].acknowledgedAt = event.time
                } else if event.is(AlertEvents.resolved) {
                    alerts[position].resolvedAt = event.time
                }
            }
        }
        return alerts
    }

    static func runTimings(_ events: [Event], end: Timestamp) -> [RunTiming] {
        var runs: [RunTiming] = []
        var positions: [Int64: Int] = [:]
        var overdue: Set<String> = []
        for event in events {
            guard let id = numberedSubject(event.subject, "run/") else { continue }
            if let started = event.payload(PlaybookEvents.runStarted) {
                positions[id] = runs.count
                runs.append(RunTiming(id: id, playbook: started.playbook, subject: started.trigger.subject, startedAt: event.time))
                continue
            }
            guard let position = positions[id] else { continue }
            // An automatic step runs when it becomes ready, without a `step_ready`: its first event is when.
            let stepID = event.payload(PlaybookEvents.stepReady)?.step ?? event.payload(PlaybookEvents.stepRunning)?.step
                ?? (event.payload(PlaybookEvents.stepCompleted) ?? event.payload(PlaybookEvents.stepSkipped))?.step
            if let stepID, !runs[position].steps.contains(where: { $0.step == stepID }) {
                runs[position].steps.append(
                    StepTiming(step: stepID, readyAt: event.time, dueAt: event.payload(PlaybookEvents.stepReady)?.dueAt))
            }
            if event.is(PlaybookEvents.stepReady) || event.is(PlaybookEvents.stepRunning) {
                continue
            } else if let done = event.payload(PlaybookEvents.stepCompleted) ?? event.payload(PlaybookEvents.stepSkipped),
                let step = runs[position].steps.firstIndex(where: { $0.step == done.step })
            {
                runs[position].steps[step].doneAt = event.time
                runs[position].steps[step].skipped = event.is(PlaybookEvents.stepSkipped)
            } else if let late = event.payload(PlaybookEvents.stepOverdue) {
                overdue.insert("\(id) \(late.step)")
            } else if let ending = Self.ending(event) {
                runs[position].endedAt = event.time
                runs[position].ending = ending
            }
        }
        for position in runs.indices {
            let closed = runs[position].endedAt ?? end
            for step in runs[position].steps.indices {
                let timing = runs[position].steps[step]
                runs[position].steps[step].late = overdue.contains("\(runs[position].id) \(timing.step)")
                    || timing.dueAt.map { (timing.doneAt ?? closed) > $0 } ?? false
            }
        }
        return runs
    }

    private static func ending(_ event: Event) -> RunEnding? {
        if event.is(PlaybookEvents.runFinished) { return .finished }
        if event.is(PlaybookEvents.runAborted) { return .aborted }
        if event.is(PlaybookEvents.runSuperseded) { return .superseded }
        return nil
    }

    static func arrivalsPerDay(_ events: [Event], days: [CalendarDate], calendar: LocalCalendar) -> [DayArrivals] {
        var counts: [CalendarDate: Int] = [:]
        for event in events {
            guard let arrival = event.payload(CapacityEvents.arrivalRecorded), arrival.transferFrom == nil else { continue }
            counts[calendar.date(of: arrival.at), default: 0] += arrival.count
        }
        return days.map { DayArrivals(date: $0, arrivals: counts[$0] ?? 0) }
    }

    /// The number after `prefix` in a subject (`alert/12` → 12).
    static func numberedSubject(_ subject: String?, _ prefix: String) -> Int64? {
        guard let subject, subject.hasPrefix(prefix) else { return nil }
        return Int64(subject.dropFirst(prefix.count))
    }
}
