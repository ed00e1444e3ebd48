import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapStore

/// Starting runs from the event log: alerts firing (or rising to a playbook's severity) and
/// the surge level reaching a playbook's level.
///
/// Why read the log from a stored cursor instead of acting on the events handed to `observe`:
/// the cursor moves in the transaction that starts the runs, so a crash between an alert
/// firing and its run starting is caught up at the next start, and an event is never acted
/// on twice. The unique (playbook, trigger) index is the second guard: at most one run per
/// triggering alert, whoever starts it.
extension RunExecution {
    /// The consumer name of the playbook engine in `event_cursors`.
    static let cursor = "playbooks"
    /// The events that can start a run: an alert firing or rising, its silence ending while it
    /// fires (a silenced alert starts nothing until then), the surge level rising.
    static let triggerKinds: Set<EventKind> = [
        AlertEvents.firing.kind, AlertEvents.severityChanged.kind, AlertEvents.unsilenced.kind, SurgeEvents.levelChanged.kind,
    ]
    /// Events read per command at most; the engine goes on in the next command when more wait.
    static let catchUpChunk = 50

    /// Starts the runs that the events after the cursor call for; true when more events wait.
    mutating func catchUp(_ playbooks: PlaybookSet, in transaction: inout WriteTransaction) throws -> Bool {
        let connection = transaction.connection
        let events = try connection.events(
            after: try connection.eventCursor(Self.cursor), types: Self.triggerKinds.map(\.name).sorted(), limit: Self.catchUpChunk)
        for event in events {
            guard let (trigger, key) = try Self.trigger(of: event, connection) else { continue }
            for playbook in playbooks.playbooks where Self.starts(playbook.trigger, trigger) {
                guard try connection.playbookRun(playbook: playbook.id, triggerKey: key) == nil else { continue }
                try isolated(
                    PlaybookEvents.startFailed, subject: trigger.kind == .surge ? "city" : key, playbook: playbook.id,
                    in: &transaction
                ) {
                    execution, transaction in
                    _ = try execution.start(
                        playbook, trigger: trigger, triggerKey: key,
                        reason: execution.settings.text(RunLogEntries.trigger(
                            trigger, name: try execution.subjectName(of: trigger, transaction.connection))),
                        exercise: event.exercise,
                        in: &transaction)
                }
            }
        }
        if let last = events.last { try transaction.setEventCursor(Self.cursor, to: last.seq) }
        return events.count == Self.catchUpChunk
    }

    /// What `event` is about and its trigger key; nil when it cannot start anything (an alert
    /// that is not firing or is silenced, a falling surge level).
    private static func trigger(of event: Event, _ connection: SQLiteConnection) throws -> (PlaybookRunTrigger, String)? {
        if let change = event.payload(SurgeEvents.levelChanged) {
            guard change.to > change.from else { return nil }
            return (PlaybookRunTrigger(kind: .surge, subject: "city", level: change.to), "surge/\(event.seq)")
        }
        let snapshot = [AlertEvents.firing, AlertEvents.severityChanged, AlertEvents.unsilenced].lazy
            .compactMap { event.payload($0) }.first
        guard let snapshot, let subject = event.subject, subject.hasPrefix("alert/"),
            let id = Int64(subject.dropFirst("alert/".count)), snapshot.state == .firing, !snapshot.silenced,
            let alert = try connection.alert(id: id)
        else { return nil }
        return (alertTrigger(alert, kind: .alert, severity: snapshot.severity), subject)
    }

    /// The trigger context of a run about `alert`.
    static func alertTrigger(_ alert: StoredAlert, kind: PlaybookRunTrigger.Kind, severity: AlertSeverity) -> PlaybookRunTrigger {
        PlaybookRunTrigger(
            kind: kind, alert: alert.id, rule: alert.key.rule, subject: alert.key.subject, severity: severity,
            district: alert.district)
    }

    private static func starts(_ playbookTrigger: PlaybookTrigger, _ trigger: PlaybookRunTrigger) -> Bool {
        switch trigger.kind {
        case .surge: return trigger.level.map(playbookTrigger.matches(surgeLevel:)) ?? false
        case .alert, .manual:
            guard let rule = trigger.rule, let subject = trigger.subject, let severity = trigger.severity else { return false }
            return playbookTrigger.matches(AlertKey(rule: rule, subject: subject), severity: severity)
        }
    }
}
