import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapStore

/// One evaluation inside the writer's transaction: reads the figures, asks each rule's
/// condition for its verdict (`AlertCondition`), and writes what follows — lifecycle steps,
/// events and outbox rows — and what to schedule once it has committed.
struct EvaluationRun {
    let settings: AlertEngine.Settings
    private let now: Timestamp
    private var inputs: AlertFigures?
    private var silences: SilenceSet?
    private var scheduled: [AlertEngine.Scheduled] = []

    init(settings: AlertEngine.Settings, transaction: WriteTransaction) {
        self.settings = settings
        now = transaction.now
    }

    /// The earliest instant at which the alert's clocks (lifecycle or flap detector) are due.
    static func deadline(of alert: StoredAlert) -> Timestamp? {
        [alert.lifecycle.nextDeadline(), alert.flap.nextDeadline()].compactMap { $0 }.min()
    }

    mutating func evaluate(_ keys: Set<AlertKey>, in transaction: inout WriteTransaction) throws -> [AlertEngine.Scheduled] {
        let inputs = try loadInputs(transaction.connection, for: keys)
        for key in keys.sorted(by: { ($0.rule, $0.subject) < ($1.rule, $1.subject) }) {
            guard let rule = settings.rules[key.rule] else { continue }
            var open = try transaction.connection.openAlert(key)
            let verdict = rule.condition.verdict(for: key.subject, inputs, active: open?.lifecycle.severity)
            if let next = rule.condition.nextCheck(for: key.subject, inputs) { scheduled.append(.recheck(key, at: next)) }
            if var alert = open {
                let before = alert.lifecycle
                var effects = alert.lifecycle.observe(verdict.severity, at: now)
                let flapChange = alert.flap.record(active: verdict.severity != nil, at: now)
                (alert.value, alert.threshold, alert.district) = verdict.shown(
                    value: alert.value, threshold: alert.threshold, district: alert.district)
                effects = effects.filter { $0 != .closedSilently }
                try record(&alert, from: before, effects: effects, flap: flapChange, in: &transaction)
                open = alert
            } else if let severity = verdict.severity {
                let (lifecycle, effects) = AlertLifecycle.start(key: key, severity: severity, at: now, policy: rule.policy)
                // Flapping is about the condition: a new alert takes over the last one's detector
                // (with keep_firing_for zero, every clear resolves and the next rise opens anew).
                var flap = FlapDetector(settings: settings.alerts.flapping)
                if var previous = try transaction.connection.latestAlert(key) {
                    flap = previous.flap
                    // One detector per condition: the old alert's copy stops counting (and
                    // will not send a summary of its own).
                    previous.flap = FlapDetector(settings: settings.alerts.flapping)
                    try transaction.saveAlert(previous)
                }
                let flapChange = flap.record(active: true, at: now)
                var alert = StoredAlert(
                    id: 0, lifecycle: lifecycle, flap: flap, value: verdict.value, threshold: verdict.threshold,
                    district: verdict.district, silenced: false, exercise: transaction.exercise)
                alert.id = try transaction.saveAlert(alert)
                try transaction.appendSystemEvent(AlertEvents.opened, Self.snapshot(alert), subject: "alert/\(alert.id)")
                try record(&alert, from: nil, effects: effects, flap: flapChange, in: &transaction)
            }
        }
        return scheduled
    }

    mutating func advance(alert id: Int64, in transaction: inout WriteTransaction) throws -> [AlertEngine.Scheduled] {
        // A resolved alert may still be flapping: its summary is due when the condition settles.
        guard var alert = try transaction.connection.alert(id: id), alert.lifecycle.isOpen || alert.flap.isFlapping else {
            return []
        }
        let before = alert.lifecycle
        alert.value = AlertRules.value(of: alert, at: now)
        let effects = alert.lifecycle.advance(to: now)
        let flapChange = alert.flap.advance(to: now)
        try record(&alert, from: before, effects: effects, flap: flapChange, in: &transaction)
        return scheduled
    }

    /// Saves the alert, appends events for what changed, queues the notifications its effects
    /// ask for (unless flapping holds them back), and schedules its next deadline.
    private mutating func record(
        _ alert: inout StoredAlert, from before: AlertLifecycle?, effects: [AlertEffect], flap: FlapChange?,
        in transaction: inout WriteTransaction
    ) throws {
        let silences = try currentSilences(transaction.connection)
        // A silenced alert still exists and is shown as silenced, but sends nothing.
        let wasSilenced = alert.silenced
        alert.silenced = alert.lifecycle.isOpen
            && silences.silencing(alert.key, severity: alert.lifecycle.severity, at: now) != nil
        try transaction.saveAlert(alert)
        let subject = "alert/\(alert.id)"
        if let before, before.state != alert.lifecycle.state || before.severity != alert.lifecycle.severity {
            let type = before.state != alert.lifecycle.state
                ? (alert.lifecycle.state == .firing ? AlertEvents.firing : AlertEvents.resolved) : AlertEvents.severityChanged
            try transaction.appendSystemEvent(type, Self.snapshot(alert), subject: subject)
        } else if before == nil, alert.lifecycle.state == .firing {
            try transaction.appendSystemEvent(AlertEvents.firing, Self.snapshot(alert), subject: subject)
        }
        if before != nil, alert.lifecycle.isOpen, wasSilenced != alert.silenced {
            // A silence that ended while the daemon was down is found here, at the first evaluation.
            let notifying = effects.contains { if case .notify = $0 { true } else { false } }
            try silenceChanged(alert, notify: !notifying, in: &transaction)
        }
        for effect in effects where !alert.silenced || effect == .closedSilently {
            switch effect {
            case .notify(let kind):
                // Flapping holds notifications back; the summary goes out when it settles.
                guard !alert.flap.isFlapping else { continue }
                try notify(alert, .lifecycle(kind), groups: recipients(alert), in: &transaction)
            case .escalate(let step):
                try transaction.appendSystemEvent(AlertEvents.escalated, AlertEvents.Escalated(step: step), subject: subject)
                let group = settings.notifications.routing.escalationGroup(step: step)
                try notify(alert, .escalation(step: step), groups: group.map { [$0] } ?? [], in: &transaction)
            case .closedSilently:
                try transaction.appendSystemEvent(AlertEvents.closed, Self.snapshot(alert), subject: subject)
            }
        }
        switch alert.silenced ? nil : flap {
        case .started:
            try transaction.appendSystemEvent(AlertEvents.flapping, Self.snapshot(alert), subject: subject)
            try notify(alert, .flappingStarted, groups: recipients(alert), in: &transaction)
        case .stopped(let summary):
            try transaction.appendSystemEvent(AlertEvents.flapSettled, Self.snapshot(alert), subject: subject)
            try notify(alert, .flappingSettled(summary), groups: recipients(alert), in: &transaction)
        case nil:
            break
        }
        if let due = Self.deadline(of: alert), alert.lifecycle.isOpen || alert.flap.isFlapping {
            scheduled.append(.alert(id: alert.id, at: due))
        }
    }

    /// Re-checks every open alert against the silences now: one whose silence ended while it
    /// still fires is told now (it sent nothing while silenced), and each flag is brought up
    /// to date.
    mutating func reviewSilences(in transaction: inout WriteTransaction) throws -> [AlertEngine.Scheduled] {
        let silences = try currentSilences(transaction.connection)
        for var alert in try transaction.connection.openAlerts() {
            let silenced = silences.silencing(alert.key, severity: alert.lifecycle.severity, at: now) != nil
            guard silenced != alert.silenced else { continue }
            alert.silenced = silenced
            try transaction.saveAlert(alert)
            try silenceChanged(alert, notify: true, in: &transaction)
        }
        if let next = silences.nextChange(after: now) { scheduled.append(.silences(at: next)) }
        return scheduled
    }

    /// Records that a silence began or ended for `alert` (`alert.silenced` or `alert.unsilenced`,
    /// which also starts the cards it held back). When one ended while the alert fires, the
    /// groups are told now, as they were not while it was silenced — unless `notify` is false
    /// because a notification goes out anyway.
    private mutating func silenceChanged(_ alert: StoredAlert, notify: Bool, in transaction: inout WriteTransaction) throws {
        try transaction.appendSystemEvent(
            alert.silenced ? AlertEvents.silenced : AlertEvents.unsilenced, Self.snapshot(alert), subject: "alert/\(alert.id)")
        if notify, !alert.silenced, alert.lifecycle.state == .firing, !alert.flap.isFlapping {
            try self.notify(alert, .lifecycle(.firing), groups: recipients(alert), in: &transaction)
        }
    }

    private mutating func currentSilences(_ connection: SQLiteConnection) throws -> SilenceSet {
        if let silences { return silences }
        let loaded = try connection.currentSilences(at: now)
        silences = loaded
        if let next = loaded.nextChange(after: now) { scheduled.append(.silences(at: next)) }
        return loaded
    }

    private func recipients(_ alert: StoredAlert) -> [String] {
        settings.notifications.routing.recipients(for: alert.key, severity: alert.lifecycle.severity, district: alert.district)
    }

    /// One outbox row per channel of each group, with its `notification.queued` event.
    private mutating func notify(
        _ alert: StoredAlert, _ kind: AlertMessageKind, groups: [String], in transaction: inout WriteTransaction
    ) throws {
        guard !groups.isEmpty else { return }
        let (name, figures) = try about(alert, transaction.connection)
        let message = AlertMessage(alert: alert, kind: kind, name: name, figures: figures, language: settings.notifications.language)
        for group in groups {
            for channel in settings.notifications.routing.channels(for: group) {
                let key = "alert-\(alert.id)-\(kind.code)-\(now.millisecondsSinceEpoch)-\(group)-\(channel)"
                let row = OutboxNotification(
                    alertID: alert.id, kind: kind.code, channel: channel, group: group, idempotencyKey: key,
                    document: message.document(group: group, key: key), subjectLine: message.subjectLine, body: message.body,
                    createdAt: now, exercise: alert.exercise)
                let id = try transaction.enqueue(row)
                try transaction.appendSystemEvent(
                    NotificationEvents.queued,
                    NotificationEvents.Queued(alert: alert.id, kind: kind.code, group: group, channel: channel),
                    subject: "notification/\(id)")
            }
        }
    }

    /// What an alert is about as people call it, and the places behind a utilization alert,
    /// from what this evaluation read when it can (an evaluation of 200 facilities reads each
    /// once).
    private func about(_ alert: StoredAlert, _ connection: SQLiteConnection) throws -> (Text, PlaceFigures?) {
        let subject = alert.key.subject
        if let id = AlertFigures.facilityID(of: subject) {
            guard let facility = try inputs?.facilities[id] ?? connection.facility(id) else { return (Text(subject, nb: subject), nil) }
            return (Text(facility.name, nb: facility.name), PlaceFigures(occupied: facility.occupied, available: facility.available))
        }
        let name = try SubjectNames.name(of: subject, connection)
        guard alert.key.rule.hasSuffix("_utilization") else { return (name, nil) }
        let places = inputs.map(\.places).flatMap { $0.isEmpty ? nil : $0 }
        return (name, try SubjectNames.figures(of: subject, connection, places: places))
    }

    /// The state the rules read: the facilities the keys name (one row each), the places by
    /// kind (one SQL aggregate, for the kind and city rules), and the dead notifications when
    /// a key asks about them — never a decode of every facility, so the cost of an evaluation
    /// does not grow with the number of facilities.
    private mutating func loadInputs(_ connection: SQLiteConnection, for keys: Set<AlertKey>) throws -> AlertFigures {
        if let inputs { return inputs }
        let ids = Set(keys.compactMap { AlertFigures.facilityID(of: $0.subject) })
        let facilities = try ids.compactMap { try connection.facility($0) }
        let needsPlaces = keys.contains { $0.subject == "city" || $0.subject.hasPrefix("kind/") }
        let needsDead = keys.contains { $0.subject.hasPrefix("notification/") }
        let needsSettlement = keys.contains { $0.subject.hasPrefix("district/") }
        let needsDeadlines = keys.contains { $0.subject.hasPrefix(DeadlineSubject.kind + "/") }
        let needsGrants = keys.contains { $0.subject.hasPrefix(GrantSubject.prefix) }
        var loaded = AlertFigures(
            facilities: Dictionary(uniqueKeysWithValues: facilities.map { ($0.id, $0) }),
            places: needsPlaces ? try connection.placesByKind() : [:], surgeLevel: try connection.surgeState().level,
            now: now, cap: settings.cap,
            deadNotifications: needsDead ? Set(try connection.notifications(state: .dead, limit: 10_000).map(\.id)) : [],
            settlement: needsSettlement ? try settlementFigures(connection) : nil)
        if needsDeadlines {
            loaded.deadlineOverdue = Dictionary(
                try connection.deadlineOverdueCounts().map { ($0.key.subject, $0.value) }, uniquingKeysWith: { $1 })
        }
        if needsGrants { loaded.grantApplicationsDue = try connection.grantApplicationsDue() }
        inputs = loaded
        return loaded
    }

    /// This year's quotas in force and what is settled today, in the daemon's time zone.
    private func settlementFigures(_ connection: SQLiteConnection) throws -> SettlementFigures {
        let today = settings.calendar.date(of: now)
        return SettlementFigures(
            year: today.year, today: today, quotas: try connection.quotaVersion(year: today.year)?.quotas ?? [:],
            settled: try connection.settledByDistrict(year: today.year, through: today),
            nextDay: settings.calendar.startOfDay(today.adding(days: 1)))
    }

    /// What the alert's events say about it.
    static func snapshot(_ alert: StoredAlert) -> AlertEvents.Snapshot {
        let lifecycle = alert.lifecycle
        return AlertEvents.Snapshot(
            rule: lifecycle.key.rule, subject: lifecycle.key.subject, state: lifecycle.state, severity: lifecycle.severity,
            value: alert.value, threshold: alert.threshold, silenced: alert.silenced)
    }
}
