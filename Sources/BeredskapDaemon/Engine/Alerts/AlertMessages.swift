import BeredskapCore
import BeredskapJSON
import BeredskapStore

/// Why a notification is sent: a lifecycle step, an escalation, or flapping.
enum AlertMessageKind: Equatable {
    case lifecycle(AlertNotificationKind)
    case escalation(step: Int)
    case flappingStarted
    case flappingSettled(FlapSummary)

    var code: String {
        switch self {
        case .lifecycle(let kind): kind.rawValue
        case .escalation: "escalation"
        case .flappingStarted: "flapping"
        case .flappingSettled: "flapping_settled"
        }
    }
}

/// The texts and the JSON document of an alert notification, in bokmål or English.
///
/// Why one document for every channel: a webhook receiver, an exec script and the file log
/// all get the same JSON (API.md), and people get the `text` inside it (or the e-mail body).
/// Exercise alerts are prefixed `[ØVELSE]` so that nobody mistakes a drill for reality.
enum AlertMessages {
    static func subjectLine(_ alert: StoredAlert, _ kind: AlertMessageKind, name: String, language: Language) -> String {
        let severity = severityWord(alert.lifecycle.severity)(language).uppercased()
        let what = ruleDescription(alert, name: name)(language)
        let prefix = alert.exercise ? "[ØVELSE] " : ""
        switch kind {
        case .lifecycle(.resolved): return prefix + Text("[RESOLVED] ", nb: "[OPPHØRT] ")(language) + what
        case .escalation(let step):
            return prefix + Text("[\(severity), ESCALATED \(step)] ", nb: "[\(severity), ESKALERT \(step)] ")(language) + what
        case .flappingStarted: return prefix + Text("[FLAPPING] ", nb: "[USTABILT] ")(language) + what
        case .flappingSettled: return prefix + Text("[SETTLED] ", nb: "[STABILT] ")(language) + what
        case .lifecycle: return prefix + "[\(severity)] " + what
        }
    }

    static func body(_ alert: StoredAlert, _ kind: AlertMessageKind, name: String, language: Language) -> String {
        var lines = [subjectLine(alert, kind, name: name, language: language), ""]
        if let value = alert.value {
            let shown = alert.key.rule.hasSuffix("_utilization") ? "\(Int((value * 100).rounded())) %" : formatted(value)
            let threshold = alert.threshold.map { alert.key.rule.hasSuffix("_utilization") ? "\(Int(($0 * 100).rounded())) %" : formatted($0) }
            lines.append(Text("Value: \(shown)", nb: "Verdi: \(shown)")(language) + (threshold.map { Text(" (threshold \($0))", nb: " (terskel \($0))")(language) } ?? ""))
        }
        switch kind {
        case .flappingStarted:
            lines.append(Text(
                "The alert changes state too often; notifications are held back until it settles.",
                nb: "Varselet skifter tilstand for ofte; varsler holdes tilbake til det roer seg.")(language))
        case .flappingSettled(let summary):
            lines.append(Text(
                "Settled after \(summary.changes) changes; it is now \(summary.active ? "active" : "clear").",
                nb: "Roet seg etter \(summary.changes) endringer; nå \(summary.active ? "aktivt" : "opphørt").")(language))
        default:
            break
        }
        lines.append(Text("Alert #\(alert.id), rule \(alert.key.rule), \(alert.key.subject).",
                          nb: "Varsel #\(alert.id), regel \(alert.key.rule), \(alert.key.subject).")(language))
        lines.append(Text("Acknowledge: beredskap alert ack \(alert.id) --comment \"…\"",
                          nb: "Kvitter: beredskap alert ack \(alert.id) --comment \"…\"")(language))
        return lines.joined(separator: "\n")
    }

    /// The JSON every channel receives.
    static func document(
        _ alert: StoredAlert, _ kind: AlertMessageKind, group: String, name: String, language: Language, key: String
    ) -> JSONValue {
        let lifecycle = alert.lifecycle
        func time(_ instant: Timestamp?) -> JSONValue { instant.map { .string($0.rfc3339) } ?? .null }
        func number(_ value: Double?) -> JSONValue { value.map(JSONValue.double) ?? .null }
        return .object(JSONObject([
            ("type", .string("alert")), ("kind", .string(kind.code)), ("group", .string(group)),
            ("idempotency_key", .string(key)),
            ("alert", .object(JSONObject([
                ("id", .integer(alert.id)), ("rule", .string(lifecycle.key.rule)), ("subject", .string(lifecycle.key.subject)),
                ("name", .string(name)), ("severity", .string(lifecycle.severity.rawValue)),
                ("state", .string(lifecycle.state.rawValue)), ("value", number(alert.value)),
                ("threshold", number(alert.threshold)), ("started_at", time(lifecycle.pendingSince)),
                ("fired_at", time(lifecycle.firingSince)), ("resolved_at", time(lifecycle.resolvedAt)),
                ("district", alert.district.map(JSONValue.string) ?? .null),
            ]))),
            ("subject_line", .string(subjectLine(alert, kind, name: name, language: language))),
            ("text", .string(body(alert, kind, name: name, language: language))),
            ("exercise", .bool(alert.exercise)),
        ]))
    }

    private static func severityWord(_ severity: AlertSeverity) -> Text {
        switch severity {
        case .info: Text("info", nb: "info")
        case .warning: Text("warning", nb: "advarsel")
        case .critical: Text("critical", nb: "kritisk")
        }
    }

    private static func ruleDescription(_ alert: StoredAlert, name: String) -> Text {
        switch alert.key.rule {
        case "facility_utilization": Text("\(name): occupancy high", nb: "\(name): høyt belegg")
        case "kind_utilization": Text("\(name): occupancy high across the kind", nb: "\(name): høyt belegg for typen")
        case "city_utilization": Text("Oslo: reception occupancy high", nb: "Oslo: høyt belegg i mottakene")
        case "facility_cap":
            Text("\(name): above the cap of \(formatted(alert.threshold ?? 0)) places",
                 nb: "\(name): over taket på \(formatted(alert.threshold ?? 0)) plasser")
        case "stale_report": Text("\(name): no head count reported", nb: "\(name): ingen telling rapportert")
        case "surge_level": Text("Arrival surge in Oslo", nb: "Økte ankomster til Oslo")
        case "notification_dead": Text("A notification could not be delivered", nb: "Et varsel kunne ikke leveres")
        default: Text("\(alert.key.rule) \(alert.key.subject)", nb: "\(alert.key.rule) \(alert.key.subject)")
        }
    }

    private static func formatted(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String((value * 10).rounded() / 10)
    }
}
