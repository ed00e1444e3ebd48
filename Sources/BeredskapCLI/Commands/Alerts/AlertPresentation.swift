import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore

/// How alerts and rules read in tables, blocks and CSV.
///
/// Why utilization in per cent and the others with their meaning: the engine stores a ratio
/// for the `*_utilization` rules (0.97), places for `facility_cap`, hours for `stale_report`
/// and the level's rank for `surge_level`; people read "97 %" the way `facility list` shows
/// it, "26 h 30 min" and "elevated", where a bare 0.97, 26.5 or 1 would look like a count.
/// CSV keeps the number.
enum AlertFormat {
    static let columns: [ListColumn] = [
        .number("ID", nb: "ID"),
        ListColumn("SEVERITY", nb: "ALVORLIGHET"),
        ListColumn("STATE", nb: "TILSTAND"),
        ListColumn("RULE", nb: "REGEL"),
        ListColumn("SUBJECT", nb: "GJELDER", maxWidth: 32),
        .number("VALUE", nb: "VERDI"),
        ListColumn("SINCE", nb: "SIDEN"),
        ListColumn("ACK", nb: "KVITTERT"),
    ]

    static func row(_ alert: AlertResource, _ output: Output) -> [String] {
        [
            String(alert.id), alert.severity.name(output.language), state(alert, output.language), alert.rule, alert.subject,
            value(alert.value, rule: alert.rule, output.language), output.time(since(alert)), acknowledgement(alert),
        ]
    }

    /// Critical open alerts red, warnings yellow, resolved ones dim; plain when colour is off
    /// (a pipe or `--no-color`), where the SEVERITY column says it in words.
    static func rowStyle(_ alert: AlertResource, _ style: TextStyle) -> (String) -> String {
        guard alert.state != .resolved else { return style.dim }
        switch alert.severity {
        case .critical: return { style.red(style.bold($0)) }
        case .warning: return style.yellow
        case .info: return { $0 }
        }
    }

    /// The state, with the marks that change what it means: silenced, flapping, exercise.
    static func state(_ alert: AlertResource, _ language: Language) -> String {
        var marks: [Text] = []
        if alert.silenced { marks.append(Text("silenced", nb: "dempet")) }
        if alert.flapping { marks.append(Text("flapping", nb: "ustabilt")) }
        if alert.exercise { marks.append(Text("exercise", nb: "øvelse")) }
        let words = marks.map { $0(language) }.joined(separator: ", ")
        return alert.state.name(language) + (words.isEmpty ? "" : " (\(words))")
    }

    /// `97 %` for a utilization, `26 h 30 min` for a stale report, the level's name for a surge,
    /// `1200` otherwise, `–` when there is none.
    static func value(_ value: Double?, rule: String, _ language: Language) -> String {
        guard let value, value.isFinite else { return "–" }
        switch rule {
        case "stale_report":
            return FixedDuration(milliseconds: Int64((value * 3_600_000).rounded())).name(language)
        case "surge_level":
            let levels = SurgeLevel.allCases
            if value >= 0, Int(value) < levels.count { return levels[Int(value)].name(language) }
        default:
            if rule.hasSuffix("_utilization") { return CapacityFormat.percent(value) }
        }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String((value * 10).rounded() / 10)
    }

    /// When it began to matter: firing since, else pending since, else when it resolved.
    static func since(_ alert: AlertResource) -> Timestamp {
        alert.state == .resolved ? (alert.resolvedAt ?? alert.startedAt) : (alert.firedAt ?? alert.startedAt)
    }

    /// Who has it, while the acknowledgement counts; `–` otherwise.
    static func acknowledgement(_ alert: AlertResource) -> String {
        alert.acknowledged ? (alert.ackedBy ?? "–") : "–"
    }

    /// One alert as labelled lines, for `alert show`.
    static func fields(_ alert: AlertResource, _ output: Output) -> [(Text, String)] {
        let style = rowStyle(alert, output.style)
        var rows: [(Text, String)] = [
            (Text("Alert", nb: "Varsel"), output.style.bold("#\(alert.id) \(alert.rule) \(alert.subject)")),
            (Text("Severity", nb: "Alvorlighet"), style(alert.severity.name(output.language))),
            (Text("State", nb: "Tilstand"), state(alert, output.language)),
            (Text("Value", nb: "Verdi"), value(alert.value, rule: alert.rule, output.language)),
            (Text("Threshold", nb: "Terskel"), value(alert.threshold, rule: alert.rule, output.language)),
            (Text("Started", nb: "Startet"), output.time(alert.startedAt)),
            (Text("Fired", nb: "Aktivt fra"), output.time(alert.firedAt)),
            (Text("Resolved", nb: "Opphørt"), output.time(alert.resolvedAt)),
            (Text("District", nb: "Bydel"), alert.district ?? "–"),
        ]
        if let by = alert.ackedBy {
            let lapsed = alert.acknowledged ? "" : " " + Text("(lapsed)", nb: "(utløpt)")(output.language)
            rows.append((Text("Acknowledged", nb: "Kvittert"), "\(by), \(output.time(alert.ackedAt))" + lapsed))
            rows.append((Text("Comment", nb: "Kommentar"), alert.ackComment ?? "–"))
            if let until = alert.ackExpiresAt { rows.append((Text("Until", nb: "Til"), output.time(until))) }
        } else {
            rows.append((Text("Acknowledged", nb: "Kvittert"), Text("no", nb: "nei")(output.language)))
        }
        return rows
    }

    /// Every field a spreadsheet may want, named as in the JSON.
    static let csvHeader = [
        "id", "rule", "subject", "severity", "state", "acknowledged", "acked_by", "acked_at", "ack_comment",
        "ack_expires_at", "value", "threshold", "started_at", "fired_at", "resolved_at", "silenced", "exercise",
        "district", "flapping",
    ]

    static func csvRow(_ alert: AlertResource) -> [String] {
        [
            String(alert.id), alert.rule, alert.subject, alert.severity.rawValue, alert.state.rawValue,
            String(alert.acknowledged), alert.ackedBy ?? "", alert.ackedAt?.rfc3339 ?? "", alert.ackComment ?? "",
            alert.ackExpiresAt?.rfc3339 ?? "", alert.value.map { String($0) } ?? "", alert.threshold.map { String($0) } ?? "",
            alert.startedAt.rfc3339, alert.firedAt?.rfc3339 ?? "", alert.resolvedAt?.rfc3339 ?? "", String(alert.silenced),
            String(alert.exercise), alert.district ?? "", String(alert.flapping),
        ]
    }

    // MARK: Rules

    static let ruleColumns: [ListColumn] = [
        ListColumn("RULE", nb: "REGEL"),
        ListColumn("ON", nb: "PÅ"),
        ListColumn("CONDITION", nb: "VILKÅR"),
        ListColumn("FOR", nb: "FOR"),
        ListColumn("KEEP", nb: "BEHOLD"),
        ListColumn("REPEAT", nb: "GJENTA"),
        .number("OPEN", nb: "ÅPNE"),
        .number("FIRING", nb: "AKTIVE"),
    ]

    static func ruleRow(_ rule: RuleResource, _ language: Language) -> [String] {
        [
            rule.id, rule.enabled ? Text("yes", nb: "ja")(language) : Text("no", nb: "nei")(language), condition(rule, language),
            rule.timing.forDuration.name(language), rule.timing.keepFiringFor.name(language),
            rule.timing.repeatInterval?.name(language) ?? "–", String(rule.open), String(rule.firing),
        ]
    }

    /// `85 % / 95 % / 80 %` (warning / critical / clear), `critical after PT24H`, the surge
    /// severities per level, or how far behind a district must be.
    static func condition(_ rule: RuleResource, _ language: Language = .en) -> String {
        if let thresholds = rule.thresholds {
            return [thresholds.warning, thresholds.critical, thresholds.clear].map(CapacityFormat.percent).joined(separator: " / ")
        }
        if let levels = rule.levels {
            return [(SurgeLevel.elevated, levels.elevated), (.high, levels.high), (.crisis, levels.crisis)]
                .map { "\($0.0.name(language))=\($0.1?.name(language) ?? "–")" }.joined(separator: " ")
        }
        if let lag = rule.lag {
            let persons = CapacityFormat.decimal(lag.minLag, language).replacingOccurrences(of: language == .nb ? ",0" : ".0", with: ""), share = CapacityFormat.percent(lag.minLagShare)
            return (rule.severity?.name(language) ?? "–")
                + Text(" behind > \(persons) and > \(share)", nb: " etter > \(persons) og > \(share)")(language)
        }
        if let overdue = rule.overdue {
            return (rule.severity?.name(language) ?? "–")
                + Text(" overdue > \(overdue) per rule and district", nb: " over fristen > \(overdue) per regel og bydel")(language)
        }
        return (rule.severity?.name(language) ?? "–") + (rule.after.map { " > \($0)" } ?? "")
    }

    static let ruleCSVHeader = [
        "id", "enabled", "warning", "critical", "clear", "severity", "after", "for", "keep_firing_for", "repeat_interval",
        "escalate_after", "escalation_limit", "open", "firing", "min_lag", "min_lag_share", "overdue",
    ]

    static func ruleCSVRow(_ rule: RuleResource) -> [String] {
        let timing = rule.timing
        return [
            rule.id, String(rule.enabled), rule.thresholds.map { String($0.warning) } ?? "",
            rule.thresholds.map { String($0.critical) } ?? "", rule.thresholds.map { String($0.clear) } ?? "",
            rule.severity?.rawValue ?? "", rule.after?.description ?? "", timing.forDuration.description,
            timing.keepFiringFor.description, timing.repeatInterval?.description ?? "",
            timing.escalateAfter?.description ?? "", String(timing.escalationLimit), String(rule.open), String(rule.firing),
            rule.lag.map { String($0.minLag) } ?? "", rule.lag.map { String($0.minLagShare) } ?? "",
            rule.overdue.map(String.init) ?? "",
        ]
    }
}
