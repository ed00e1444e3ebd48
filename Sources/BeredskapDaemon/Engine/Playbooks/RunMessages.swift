import BeredskapCore
import BeredskapJSON
import BeredskapStore

/// Why a run sends a notification: a step is ready, overdue or failed; an overdue step is
/// escalated; or a `notify` step sends its message.
enum RunMessageKind: Equatable {
    case step(String, PlaybookStepNotice)
    case escalation(step: String, count: Int)
    case message(step: String, PlaybookText)

    /// The outbox row's `kind`.
    var kind: String {
        switch self {
        case .step(_, let notice): "step_\(notice.rawValue)"
        case .escalation: "escalation"
        case .message: "message"
        }
    }

    /// Unique per notice within a run, for the idempotency key.
    var code: String {
        switch self {
        case .step(let step, let notice): "\(step)-\(notice.rawValue)"
        case .escalation(let step, let count): "\(step)-escalation-\(count)"
        case .message(let step, _): "\(step)-message"
        }
    }

    var step: String {
        switch self {
        case .step(let step, _), .escalation(let step, _), .message(let step, _): step
        }
    }
}

/// The texts and the JSON document of a run notification, in bokmål or English.
///
/// Why the command to run is in every message: the owner of a step reads it in a mail or a
/// chat during a surge, and should not have to look up how to mark the step done.
struct RunMessages {
    let stored: StoredRun
    let kind: RunMessageKind
    let calendar: LocalCalendar
    let language: Language
    /// The name of what the run is about, if anything.
    let subjectName: Text?
    /// Its places now, when it is a facility, a kind of facility or the city.
    let figures: PlaceFigures?

    private var title: String { stored.definition.title.text(language) }
    private var step: PlaybookRunStep? { stored.run.step(kind.step) }
    private var stepTitle: String { stored.definition.step(kind.step)?.title.text(language) ?? kind.step }

    var subjectLine: String {
        let prefix = stored.exercise ? "[ØVELSE] " : ""
        let text: Text
        switch kind {
        case .step(_, .ready): text = Text("[ACTION] \(title): \(stepTitle)", nb: "[TILTAK] \(title): \(stepTitle)")
        case .step(_, .overdue): text = Text("[OVERDUE] \(title): \(stepTitle)", nb: "[OVER FRISTEN] \(title): \(stepTitle)")
        case .step(_, .failed): text = Text("[FAILED] \(title): \(stepTitle)", nb: "[FEILET] \(title): \(stepTitle)")
        case .escalation(_, let count):
            text = Text("[OVERDUE, ESCALATED \(count)] \(title): \(stepTitle)", nb: "[OVER FRISTEN, ESKALERT \(count)] \(title): \(stepTitle)")
        case .message: text = Text("[ACTION CARD] \(title)", nb: "[TILTAKSKORT] \(title)")
        }
        return prefix + text(language)
    }

    var body: String {
        var lines = [subjectLine, ""]
        let id = stored.id
        let started = RunLogEntries.trigger(stored.trigger, name: subjectName)
        switch kind {
        case .message(_, let message):
            lines.append(message.text(language))
        case .step(_, let notice):
            lines.append(stepTitle)
            if let owner = step?.owner { lines.append(Text("Owner: \(owner)", nb: "Ansvarlig: \(owner)")(language)) }
            if let due = step?.dueAt {
                let shown = calendar.dateTimeText(due)
                lines.append(Text("Due: \(shown)", nb: "Frist: \(shown)")(language))
            }
            if notice == .failed, let reason = step?.failureReason {
                lines.append(Text("Reason: \(reason)", nb: "Årsak: \(reason)")(language))
                lines.append(Text(
                    "To go on without it: beredskap run skip \(id) \(kind.step) --reason \"…\"",
                    nb: "For å gå videre uten det: beredskap run skip \(id) \(kind.step) --reason \"…\"")(language))
            } else {
                lines.append(Text(
                    "When done: beredskap run complete \(id) \(kind.step) --note \"…\"",
                    nb: "Når det er gjort: beredskap run complete \(id) \(kind.step) --note \"…\"")(language))
            }
        case .escalation:
            let owner = step?.owner ?? ""
            let due = step?.dueAt.map(calendar.dateTimeText) ?? ""
            lines.append(Text(
                "\"\(stepTitle)\" (owner \(owner)) was due \(due) and is still not done.",
                nb: "«\(stepTitle)» (ansvarlig \(owner)) hadde frist \(due) og er fortsatt ikke gjort.")(language))
        }
        if let name = subjectName, let figures {
            lines.append((Text("Now: \(name.en): ", nb: "Nå: \(name.nb): ") + figures.text + Text(".", nb: "."))(language))
        }
        lines.append(Text(
            "Run #\(id) of action card \(stored.definition.id). Started: \(started.en).",
            nb: "Kjøring #\(id) av tiltakskortet \(stored.definition.id). Startet av: \(started.nb).")(language))
        lines.append(Text("Details: beredskap run show \(id)", nb: "Detaljer: beredskap run show \(id)")(language))
        return lines.joined(separator: "\n")
    }

    /// The JSON every channel receives (the same shape for all, as for alerts).
    func document(group: String, key: String) -> JSONValue {
        func time(_ instant: Timestamp?) -> JSONValue { instant.map { .string($0.rfc3339) } ?? .null }
        let stepValue: JSONValue = step.map { step in
            .object(JSONObject([
                ("id", .string(step.id)), ("title", .string(stepTitle)), ("owner", .string(step.owner)),
                ("state", .string(step.state.rawValue)), ("due_at", time(step.dueAt)),
            ]))
        } ?? .null
        return .object(JSONObject([
            ("type", .string("playbook_run")), ("kind", .string(kind.kind)), ("group", .string(group)),
            ("idempotency_key", .string(key)),
            ("run", .object(JSONObject([
                ("id", .integer(stored.id)), ("playbook", .string(stored.definition.id)), ("title", .string(title)),
                ("state", .string(stored.run.state.rawValue)), ("step", stepValue),
                ("alert", stored.trigger.alert.map(JSONValue.integer) ?? .null),
            ]))),
            ("subject_line", .string(subjectLine)), ("text", .string(body)), ("exercise", .bool(stored.exercise)),
        ]))
    }
}
