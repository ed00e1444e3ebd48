import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore
import BeredskapJSON
import Foundation

/// `watch`, declared with its action (`WatchCommand`).
extension CommandTree {
    static let watch = Command(
        "watch",
        summary: Text("follow alerts, notifications and playbook runs live", nb: "følg varsler, meldinger og tiltak fortløpende"),
        discussion: Text(
            """
            One line per alert or notification event as it happens: time, severity, what
            happened, rule, subject and value; for notifications the channel, group and
            result; for playbook runs the step and who did it (or owns it). Critical lines are red and warnings yellow on a terminal. A lost
            connection is resumed where it stopped, so a restarted daemon loses no lines.
            --json prints the events' NDJSON lines as the daemon sends them. --dashboard
            shows the live full-screen dashboard instead (the same as `beredskap top`).

            Examples:
              beredskap watch
              beredskap watch --dashboard
              beredskap watch --since 1200
              beredskap watch --json | jq 'select(.type == "alert.firing")'
            """,
            nb: """
            Én linje per hendelse om varsler og meldinger mens de skjer: tid, alvorlighet, hva
            som skjedde, regel, subjekt og verdi; for meldinger kanal, gruppe og resultat; for
            tiltak steget og hvem som gjorde det (eller eier det).
            Kritiske linjer er røde og advarsler gule i en terminal. Et brudd gjenopptas der
            det stoppet, så en omstartet tjeneste mister ingen linjer. --json skriver
            hendelsenes NDJSON-linjer slik tjenesten sender dem. --dashboard viser den
            fortløpende oversikten i hele terminalen i stedet (det samme som `beredskap top`).

            Eksempler:
              beredskap watch
              beredskap watch --dashboard
              beredskap watch --since 1200
              beredskap watch --json | jq 'select(.type == "alert.firing")'
            """),
        options: [
            .option("since", value: "SEQ", help: Text(
                "start after this sequence number (default: from now)", nb: "start etter dette løpenummeret (standard: fra nå)")),
            .flag("dashboard", help: Text(
                "the live full-screen dashboard (beredskap top)", nb: "den fortløpende oversikten i hele terminalen (beredskap top)")),
        ],
        run: WatchCommand.run)
}

/// `watch`: the event stream, only what concerns alerts, notifications and runs, as readable lines.
enum WatchCommand {
    static func run(_ context: CommandContext) throws(CommandFailure) {
        if context.parsed.flag("dashboard") {
            guard context.parsed.value("since") == nil else {
                throw .usage(context.parsed.usageError(Text(
                    "--since cannot be used with --dashboard (it shows the state now)",
                    nb: "--since kan ikke brukes med --dashboard (den viser tilstanden nå)")))
            }
            return try DashboardCommand.run(context)
        }
        let output = context.output
        let since = try EventCommands.int64(context.parsed, "since")
        try EventFollow.resuming(context, since: since) { event, raw in
            guard WatchFormat.isShown(event) else { return true }
            if output.format == .json {
                output.json(raw)
            } else if let line = WatchFormat.line(event, language: output.language, style: output.style, time: output.time) {
                output.line(line)
            }
            return true
        }
    }
}

/// Following the event stream across daemon restarts.
enum EventFollow {
    /// Follows `GET /v1/events?follow=true` until `onEvent` returns false. A connection lost
    /// after the first one succeeded is resumed after the last event seen, with a growing
    /// pause (0.5 s up to 5 s); a daemon that cannot be reached at all is an error at once.
    static func resuming(
        _ context: CommandContext, since: Int64?, type: String? = nil, onEvent: (Event, [UInt8]) -> Bool
    ) throws(CommandFailure) {
        let output = context.output
        do {
            try resuming(
                client: context.client, since: since, type: type,
                onLost: { cursor in output.error(output.style.dim(lost(resumingAfter: cursor)(output.language))) },
                onItem: { item in
                    guard case .event(let event, let raw) = item else { return true }
                    return onEvent(event, raw)
                })
        } catch {
            throw .client(error)
        }
    }

    /// What people read on stderr when the stream is lost.
    static func lost(resumingAfter cursor: Int64) -> Text {
        Text(
            "connection to beredskapd lost; reconnecting (resuming after #\(cursor))…",
            nb: "forbindelsen til beredskapd brøt; kobler til igjen (fortsetter etter #\(cursor))…")
    }

    /// The loop itself, for any client and any way of showing it: `onLost` is told each time
    /// the connection is lost (with the seq it resumes after), `onBack` when the daemon
    /// answers again (before the stream resumes), and `onItem` gets every event and heartbeat
    /// until it returns false.
    static func resuming(
        client: BeredskapClient, since: Int64?, type: String? = nil, onLost: (Int64) -> Void, onBack: () -> Void = {},
        onItem: (StreamItem) -> Bool
    ) throws(ClientError) {
        var cursor = since
        var connectedOnce = false
        var lost = false
        var retryDelay = 0.5
        var stopped = false
        while true {
            do {
                if lost {
                    _ = try client.version()
                    lost = false
                    onBack()
                }
                try client.followEvents(since: cursor, type: type) { item in
                    connectedOnce = true
                    retryDelay = 0.5
                    if case .event(let event, _) = item { cursor = event.seq }
                    stopped = !onItem(item)
                    return !stopped
                }
                if stopped { return }
                // The daemon ended the stream (it is stopping): wait for it to come back.
            } catch {
                guard connectedOnce, case .connection = error else { throw error }
            }
            if cursor == nil { cursor = 0 }
            if !lost { onLost(cursor ?? 0) }
            lost = true
            Thread.sleep(forTimeInterval: retryDelay)
            retryDelay = min(retryDelay * 2, 5)
        }
    }
}

/// How `watch` writes an event: one line, fixed columns, plain words instead of icons.
///
/// Why words: the line must read the same in a pipe, a log file and a screen reader; colour
/// only repeats what the word says.
enum WatchFormat {
    /// The topics `watch` shows.
    static let topics: Set<EventTopic> = [.alert, .notification, .run]

    static func isShown(_ event: Event) -> Bool {
        event.kind.map { topics.contains($0.topic) } ?? false
    }

    /// The line for an alert, notification or run event; nil for any other event.
    ///
    /// It reads the event's data as the API sends it (an older daemon's events have fields
    /// since moved out of the log, a newer one's fields this CLI does not know).
    static func line(
        _ event: Event, language: Language, style: TextStyle, time: (Timestamp) -> String
    ) -> String? {
        guard let kind = event.kind else { return nil }
        let data = event.data
        let what = kind.action
        let word = eventWord(what)(language)
        let exercise = event.exercise ? "  " + Text("[exercise]", nb: "[øvelse]")(language) : ""
        switch kind.topic {
        case .alert:
            let severity = data["severity"]?.stringValue.flatMap(AlertSeverity.init(rawValue:))
            let rule = data["rule"]?.stringValue ?? "–"
            let columns = [
                time(event.time), pad(severity.map { severityWord($0)(language) } ?? "–", 9), pad(word, 14), pad(rule, 22),
                pad(data["subject"]?.stringValue ?? "–", 22), AlertFormat.value(data["value"]?.doubleValue, rule: rule, language),
            ]
            let line = row(columns) + alertNumber(event, language) + exercise
            switch severity {
            case .critical: return style.red(style.bold(line))
            case .warning: return style.yellow(line)
            case .info, nil: return line
            }
        case .run:
            return runLine(event, kind: kind, word: word, language: language, style: style, time: time)
        case .notification:
            return notificationLine(event, kind: kind, word: word, exercise: exercise, language: language, style: style, time: time)
        default:
            return nil
        }
    }

    /// An outbox event: the channel, group and result, what the message is about, and the error.
    private static func notificationLine(
        _ event: Event, kind: EventKind, word: String, exercise: String, language: Language, style: TextStyle,
        time: (Timestamp) -> String
    ) -> String {
        let data = event.data
        let alert = data["alert"]?.intValue.map { "  " + Text("alert \($0)", nb: "varsel \($0)")(language) }
            ?? data["run"]?.intValue.map { "  " + Text("run \($0)", nb: "kjøring \($0)")(language) } ?? ""
        let error = data["error"]?.stringValue.map { ": " + $0 } ?? ""
        let columns = [
            time(event.time), pad(Text("MESSAGE", nb: "MELDING")(language), 9), pad(word, 14),
            pad(data["channel"]?.stringValue ?? "–", 22),
            pad(data["group"]?.stringValue ?? "–", 22),
        ]
        let about = data["kind"]?.stringValue.map { "  " + $0 } ?? ""
        let line = row(columns) + about + alert + error + exercise
        switch kind {
        case NotificationEvents.dead.kind, NotificationEvents.failed.kind: return style.red(line)
        case NotificationEvents.delivered.kind: return style.green(line)
        default: return line
        }
    }

    /// A playbook run's event: what happened, to which step, by or for whom. Overdue and
    /// escalated steps are yellow, failures red, so a missed step stands out in the stream.
    private static func runLine(
        _ event: Event, kind: EventKind, word: String, language: Language, style: TextStyle, time: (Timestamp) -> String
    ) -> String {
        let data = event.data
        let step = data["step"]?.stringValue ?? data["playbook"]?.stringValue ?? "–"
        // Who did it or owns it: an abort's reason is the run's, so the one who aborted it.
        let person = event.actor.isSystem ? nil : event.actor.user
        let who = data["by"]?.stringValue ?? data["by"]?.intValue.map { "#\($0)" } ?? data["owner"]?.stringValue
            ?? data["reason"]?.stringValue ?? person ?? "–"
        let columns = [
            time(event.time), pad(Text("RUN", nb: "TILTAK")(language), 9), pad(word, 14), pad(step, 22), pad(who, 22),
        ]
        let run = event.subject.map { "  " + $0.replacingOccurrences(of: "run/", with: Text("run ", nb: "kjøring ")(language)) } ?? ""
        let exercise = event.exercise ? "  " + Text("[exercise]", nb: "[øvelse]")(language) : ""
        let line = row(columns) + run + exercise
        switch kind {
        case PlaybookEvents.stepFailed.kind: return style.red(line)
        case PlaybookEvents.stepOverdue.kind, PlaybookEvents.stepEscalated.kind: return style.yellow(line)
        case PlaybookEvents.runFinished.kind: return style.green(line)
        default: return line
        }
    }

    /// What happened, from the event kind's action (`alert.firing` → "firing"): the word
    /// itself in English, the office's word in bokmål; an unknown one as it is.
    static func eventWord(_ what: String) -> Text {
        let bokmål: [String: String] = [
            "opened": "åpnet", "firing": "aktivt", "resolved": "løst", "closed": "lukket", "acknowledged": "kvittert",
            "severity_changed": "ny alvorlighet", "escalated": "eskalert", "silenced": "dempet", "unsilenced": "ikke dempet",
            "flapping": "ustabilt", "flap_settled": "stabilt igjen",
            "queued": "i kø", "delivered": "levert", "failed": "feilet", "dead": "gitt opp", "requeued": "i kø igjen",
            "started": "startet", "start_failed": "start feilet", "recovery_failed": "gjenoppretting feilet",
            "step_ready": "steg klart", "step_running": "steg pågår", "step_completed": "steg utført",
            "step_skipped": "steg hoppet over", "step_overdue": "over fristen", "step_failed": "steg feilet",
            "finished": "fullført", "aborted": "avbrutt", "superseded": "avløst",
        ]
        return Text(what, nb: bokmål[what] ?? what)
    }

    static func severityWord(_ severity: AlertSeverity) -> Text {
        switch severity {
        case .critical: Text("CRITICAL", nb: "KRITISK")
        case .warning: Text("WARNING", nb: "ADVARSEL")
        case .info: Text("INFO", nb: "INFO")
        }
    }

    /// ` #12` from the event's subject `alert/12`.
    private static func alertNumber(_ event: Event, _ language: Language) -> String {
        guard let subject = event.subject, subject.hasPrefix("alert/") else { return "" }
        return "  " + Text("alert \(subject.dropFirst(6))", nb: "varsel \(subject.dropFirst(6))")(language)
    }

    /// The columns, two spaces apart, without the padding of the last one.
    private static func row(_ columns: [String]) -> String {
        var line = columns.joined(separator: "  ")
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }

    private static func pad(_ text: String, _ width: Int) -> String { EventCommands.pad(text, width) }
}
