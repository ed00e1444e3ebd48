import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore

/// How playbooks read in tables, blocks and CSV.
///
/// Triggers and actions are written in the words of the playbook files (`alert`, `surge`,
/// `notify`, rule ids, severities, groups), in either language: they are what a coordinator
/// looks up in `Playbooks/` and types in silences and filters, so translating them would only
/// hide the name to search for.
enum PlaybookFormat {
    /// Titles get what the terminal has left after the other columns (into a pipe, all of it).
    static func columns(width: Int) -> [ListColumn] {
        [
            ListColumn("ID", nb: "ID"),
            ListColumn("TITLE", nb: "TITTEL", maxWidth: max(24, width - 90)),
            ListColumn("TRIGGER", nb: "UTLØSER"),
            .number("STEPS", nb: "STEG"),
            .number("ACTIVE", nb: "AKTIVE"),
        ]
    }

    static func row(_ playbook: PlaybookList.Summary, _ language: Language) -> [String] {
        [playbook.id, playbook.title.text(language), trigger(playbook.trigger, language), String(playbook.steps), String(playbook.activeRuns)]
    }

    /// `alert facility_utilization ≥ warning facility/*`, `surge high` or `manual` (in bokmål
    /// `varsel … ≥ advarsel …`, `ankomstnivå høy`, `manuelt`); an alert trigger leaves out the
    /// severity and subject it does not restrict.
    static func trigger(_ trigger: PlaybookTrigger, _ language: Language = .en) -> String {
        switch trigger {
        case .alert(let alert):
            let kind = PlaybookRunTrigger.Kind.alert.name(language)
            return [kind, alert.rule, alert.severity.map { "≥ \($0.name(language))" }, alert.subject].compactMap { $0 }
                .joined(separator: " ")
        case .surge(let surge): return "\(PlaybookRunTrigger.Kind.surge.name(language)) \(surge.level.name(language))"
        case .manual: return PlaybookRunTrigger.Kind.manual.name(language)
        }
    }

    /// `task`, `notify beredskapsetaten, bydel:{district}`, `set_facility_status refstad open`,
    /// `wait_for {subject} < 80 %`, `wait_for alert_resolved` or `log`.
    static func action(_ action: PlaybookAction) -> String {
        switch action {
        case .task: return "task"
        case .notify(let notify): return "notify " + notify.groups.joined(separator: ", ")
        case .setFacilityStatus(let change): return "set_facility_status \(change.facility) \(change.status.rawValue)"
        case .waitFor(.alertResolved): return "wait_for alert_resolved"
        case .waitFor(.utilizationBelow(let below)): return "wait_for \(below.subject) < \(CapacityFormat.percent(below.value))"
        case .log: return "log"
        }
    }

    /// The head of `playbook show`.
    static func fields(_ playbook: PlaybookDefinition, _ output: Output) -> [(Text, String)] {
        [
            (Text("Playbook", nb: "Tiltakskort"), output.style.bold(playbook.id)),
            (Text("Title", nb: "Tittel"), playbook.title.text(output.language)),
            (Text("Trigger", nb: "Utløser"), trigger(playbook.trigger, output.language)),
            (Text("Escalation", nb: "Eskalering"), playbook.escalationGroup
                ?? Text("– (only the owner of a step)", nb: "– (bare eieren av et steg)")(output.language)),
            (Text("Steps", nb: "Steg"), String(playbook.steps.count)),
        ]
    }

    /// The steps of `playbook show`: titles and actions share what the terminal has left after
    /// the other columns (into a pipe, they are never cut).
    static func stepColumns(width: Int) -> [ListColumn] {
        [
            ListColumn("STEP", nb: "STEG"),
            ListColumn("TITLE", nb: "TITTEL", maxWidth: max(24, width - 130)),
            ListColumn("OWNER", nb: "EIER"),
            ListColumn("DUE", nb: "FRIST"),
            ListColumn("AFTER", nb: "ETTER"),
            ListColumn("ACTION", nb: "HANDLING", maxWidth: max(24, width - 150)),
        ]
    }

    static func stepRow(_ step: PlaybookStep, _ language: Language) -> [String] {
        [
            step.id, step.title.text(language), step.owner, due(step.due),
            step.dependsOn.isEmpty ? "–" : step.dependsOn.joined(separator: ", "), action(step.action),
        ]
    }

    /// A step's due time as the files usually write it: whole days as days (`P3D`, `P1DT12H`),
    /// which the wire form, counting in hours (`PT72H`), does not keep.
    static func due(_ duration: FixedDuration) -> String {
        let day: Int64 = 86_400_000
        let days = duration.milliseconds / day, rest = duration.milliseconds % day
        guard days > 0, rest >= 0 else { return duration.description }
        return rest == 0 ? "P\(days)D" : "P\(days)D" + FixedDuration(milliseconds: rest).description.dropFirst()
    }

    // MARK: CSV (the JSON field names; a title in both languages)

    static let csvHeader = ["id", "title_en", "title_nb", "trigger", "rule", "severity", "subject", "level", "steps", "active_runs"]

    static func csvRow(_ playbook: PlaybookList.Summary) -> [String] {
        var alert: PlaybookTrigger.Alert?
        var level: SurgeLevel?
        let kind: String
        switch playbook.trigger {
        case .alert(let trigger): (kind, alert) = ("alert", trigger)
        case .surge(let surge): (kind, level) = ("surge", surge.level)
        case .manual: kind = "manual"
        }
        return [
            playbook.id, playbook.title.en, playbook.title.nb, kind, alert?.rule ?? "", alert?.severity?.rawValue ?? "",
            alert?.subject ?? "", level?.rawValue ?? "", String(playbook.steps), String(playbook.activeRuns),
        ]
    }

    static let stepCSVHeader = ["id", "title_en", "title_nb", "owner", "due", "depends_on", "action"]

    static func stepCSVRow(_ step: PlaybookStep) -> [String] {
        [step.id, step.title.en, step.title.nb, step.owner, step.due.description, step.dependsOn.joined(separator: " "), action(step.action)]
    }
}
