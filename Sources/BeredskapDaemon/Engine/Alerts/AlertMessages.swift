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
/// Exercise alerts are prefixed `[ØVELSE]` so that nobody mistakes a drill for reality. Why
/// names and figures: a coordinator acts on "Refstad transittmottak: 267 av 300 plasser, 33
/// ledige", not on "facility/refstad 0.89".
struct AlertMessage {
    let alert: StoredAlert
    let kind: AlertMessageKind
    /// What the alert is about, as people call it.
    let name: Text
    /// The places now, for a utilization alert.
    let figures: PlaceFigures?
    let language: Language

    var subjectLine: String {
        let severity = alert.lifecycle.severity.name(language).uppercased()
        let what = Self.description(alert, name: name)(language)
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

    var body: String {
        var lines = [subjectLine, ""]
        if let reading { lines.append(reading(language)) }
        switch kind {
        case .flappingStarted:
            lines.append(Text(
                "The alert changes state too often; notifications are held back until it settles.",
                nb: "Varselet skifter tilstand for ofte; varsler holdes tilbake til det roer seg.")(language))
        case .flappingSettled(let summary):
            let changes = summary.changes
            lines.append(Text(
                "Settled after \(changes) \(changes == 1 ? "change" : "changes"); it is now \(summary.active ? "active" : "clear").",
                nb: "Roet seg etter \(changes) \(changes == 1 ? "endring" : "endringer"); nå \(summary.active ? "aktivt" : "opphørt").")(language))
        default:
            break
        }
        lines.append(Text("Alert #\(alert.id), rule \(alert.key.rule), \(alert.key.subject).",
                          nb: "Varsel #\(alert.id), regel \(alert.key.rule), \(alert.key.subject).")(language))
        lines.append(Text("Acknowledge: beredskap alert ack \(alert.id) --comment \"…\"",
                          nb: "Kvitter: beredskap alert ack \(alert.id) --comment \"…\"")(language))
        return lines.joined(separator: "\n")
    }

    /// The alert's value as people read it, with the figures and units behind it.
    var reading: Text? {
        guard let value = alert.value else { return nil }
        let name = name
        switch alert.key.rule {
        case "facility_utilization", "kind_utilization", "city_utilization":
            let shown = Self.percent(value)
            let threshold = alert.threshold.map { Text("; threshold \(Self.percent($0))", nb: "; terskel \(Self.percent($0))") }
                ?? Text("", nb: "")
            guard let figures else {
                return Text("Occupancy: \(shown)", nb: "Belegg: \(shown)") + threshold
            }
            return Text("\(name.en): ", nb: "\(name.nb): ") + figures.text + Text(" (\(shown)", nb: " (\(shown)") + threshold
                + Text(").", nb: ").")
        case "facility_cap":
            let cap = Self.whole(alert.threshold ?? 0), places = Self.whole(value)
            return Text("\(name.en): \(places) places, the cap is \(cap).", nb: "\(name.nb): \(places) plasser, taket er \(cap).")
        case "stale_report":
            let ago = Self.hours(value).name, limit = alert.threshold.map { Self.hours($0).name }
            let limitText = limit.map { Text(" (limit \($0.en))", nb: " (grense \($0.nb))") } ?? Text("", nb: "")
            return Text("Last head count \(ago.en) ago", nb: "Siste telling for \(ago.nb) siden") + limitText + Text(".", nb: ".")
        case "surge_level":
            let level = SurgeLevel.allCases.indices.contains(Int(value)) ? SurgeLevel.allCases[Int(value)].name : Text(Self.whole(value), nb: Self.whole(value))
            return Text("Surge level: \(level.en).", nb: "Ankomstnivå: \(level.nb).")
        case "settlement_lag":
            let behind = Self.whole(value), limit = Self.whole(alert.threshold ?? 0)
            return Text(
                "\(name.en): \(behind) persons behind the settlement expected by today (threshold \(limit)).",
                nb: "\(name.nb): \(behind) personer etter bosettingen som var ventet til i dag (terskel \(limit)).")
        case "deadline_overdue":
            let overdue = Self.whole(value), limit = Self.whole(alert.threshold ?? 0)
            return Text(
                "\(name.en): \(overdue) persons overdue (threshold \(limit)).",
                nb: "\(name.nb): \(overdue) personer over fristen (terskel \(limit)).")
        case "grant_application_due":
            let due = Self.whole(value)
            return Text(
                "\(name.en): \(due) persons with no application, the deadline near or past.",
                nb: "\(name.nb): \(due) personer uten søknad, fristen nær eller passert.")
        default:
            return Text("Value: \(Self.whole(value))", nb: "Verdi: \(Self.whole(value))")
        }
    }

    /// The JSON every channel receives.
    func document(group: String, key: String) -> JSONValue {
        let lifecycle = alert.lifecycle
        func time(_ instant: Timestamp?) -> JSONValue { instant.map { .string($0.rfc3339) } ?? .null }
        func number(_ value: Double?) -> JSONValue { value.map(JSONValue.double) ?? .null }
        return .object(JSONObject([
            ("type", .string("alert")), ("kind", .string(kind.code)), ("group", .string(group)),
            ("idempotency_key", .string(key)),
            ("alert", .object(JSONObject([
                ("id", .integer(alert.id)), ("rule", .string(lifecycle.key.rule)), ("subject", .string(lifecycle.key.subject)),
                ("name", .string(name(language))), ("severity", .string(lifecycle.severity.rawValue)),
                ("state", .string(lifecycle.state.rawValue)), ("value", number(alert.value)),
                ("threshold", number(alert.threshold)), ("started_at", time(lifecycle.pendingSince)),
                ("fired_at", time(lifecycle.firingSince)), ("resolved_at", time(lifecycle.resolvedAt)),
                ("district", alert.district.map(JSONValue.string) ?? .null),
            ]))),
            ("subject_line", .string(subjectLine)), ("text", .string(body)), ("exercise", .bool(alert.exercise)),
        ]))
    }

    /// What the alert says, after its severity: "Refstad transittmottak: høyt belegg".
    static func description(_ alert: StoredAlert, name: Text) -> Text {
        switch alert.key.rule {
        case "facility_utilization": Text("\(name.en): occupancy high", nb: "\(name.nb): høyt belegg")
        case "kind_utilization": Text("\(name.en): occupancy high across the kind", nb: "\(name.nb): høyt belegg for typen")
        case "city_utilization": Text("Oslo: reception occupancy high", nb: "Oslo: høyt belegg i mottakene")
        case "facility_cap":
            Text("\(name.en): above the cap of \(whole(alert.threshold ?? 0)) places",
                 nb: "\(name.nb): over taket på \(whole(alert.threshold ?? 0)) plasser")
        case "stale_report": Text("\(name.en): no head count reported", nb: "\(name.nb): ingen telling rapportert")
        case "surge_level": Text("Arrival surge in Oslo", nb: "Økte ankomster til Oslo")
        case "notification_dead": Text("A notification could not be delivered", nb: "En melding kunne ikke leveres")
        case "settlement_lag": Text("\(name.en): settlement behind the quota", nb: "\(name.nb): bosettingen ligger etter kvoten")
        case "deadline_overdue": Text("\(name.en): deadlines overdue", nb: "\(name.nb): frister overskredet")
        case "grant_application_due":
            Text("\(name.en): applications due", nb: "\(name.nb): søknader må sendes")
        default: Text("\(alert.key.rule) \(alert.key.subject)", nb: "\(alert.key.rule) \(alert.key.subject)")
        }
    }

    private static func percent(_ ratio: Double) -> String { "\(Int((ratio * 100).rounded())) %" }

    private static func hours(_ value: Double) -> FixedDuration { FixedDuration(milliseconds: Int64((value * 3_600_000).rounded())) }

    private static func whole(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String((value * 10).rounded() / 10)
    }
}
