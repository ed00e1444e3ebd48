import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore

/// How the steps of a run read: above all who did what to each and when, which is the
/// record a run leaves (there is no separate history).
enum RunStepFormat {
    /// Notes get what the terminal has left after the other columns (into a pipe, all of it).
    static func columns(width: Int) -> [ListColumn] {
        [
            ListColumn("STEP", nb: "STEG"),
            ListColumn("STATE", nb: "TILSTAND"),
            ListColumn("OWNER", nb: "EIER"),
            ListColumn("DUE", nb: "FRIST"),
            ListColumn("BY", nb: "AV"),
            ListColumn("AT", nb: "TID"),
            ListColumn("NOTE", nb: "MERKNAD", maxWidth: max(24, width - 116)),
        ]
    }

    static func row(_ step: RunStepResource, of run: RunResource, _ output: Output) -> [String] {
        let record = record(step, of: run, output)
        return [step.id, state(step, output.language), step.owner, output.time(step.dueAt), record.by, record.at, record.note]
    }

    /// The state, with `overdue` on a ready step past its due time: `ready (overdue)`.
    static func state(_ step: RunStepResource, _ language: Language) -> String {
        step.state.name(language) + (step.overdue ? " (" + Text("overdue", nb: "over fristen")(language) + ")" : "")
    }

    /// Who did what and when: completed by/at with the note, skipped by/at with the reason,
    /// failed at with the reason. A step nobody has acted on yet has `–` for both; a waiting
    /// one says which steps it still waits for, a retried automatic one how many attempts.
    static func record(_ step: RunStepResource, of run: RunResource, _ output: Output) -> (by: String, at: String, note: String) {
        switch step.state {
        case .done: return (step.completedBy ?? "–", output.time(step.completedAt), step.note ?? "")
        case .skipped: return (step.skippedBy ?? "–", output.time(step.skippedAt), step.skipReason ?? "")
        case .failed: return ("–", output.time(step.failedAt), step.failureReason ?? "")
        case .waiting: return ("–", "–", waitingFor(step, of: run).map { Text("after \($0)", nb: "etter \($0)")(output.language) } ?? "")
        case .running:
            return ("–", "–", step.attempts > 1 ? Text("attempt \(step.attempts)", nb: "forsøk \(step.attempts)")(output.language) : "")
        case .ready: return ("–", "–", "")
        }
    }

    /// One line after an action on the step: `head-count: done (kari, 2026-11-22 10:30:00) – the note`.
    static func summary(_ step: RunStepResource, of run: RunResource, _ output: Output) -> String {
        let record = record(step, of: run, output)
        let who = [record.by, record.at].filter { $0 != "–" }.joined(separator: ", ")
        return "\(step.id): \(state(step, output.language))" + (who.isEmpty ? "" : " (\(who))")
            + (record.note.isEmpty ? "" : " – \(record.note)")
    }

    /// The dependencies not yet done or skipped, `a, b`; nil when there are none.
    static func waitingFor(_ step: RunStepResource, of run: RunResource) -> String? {
        let settled = Set(run.steps.filter(\.state.letsDependentsStart).map(\.id))
        let open = step.dependsOn.filter { !settled.contains($0) }
        return open.isEmpty ? nil : open.joined(separator: ", ")
    }

    /// Overdue and failed steps red (someone must act), ready ones yellow (someone can act),
    /// settled ones dim.
    static func rowStyle(_ step: RunStepResource, _ style: TextStyle) -> (String) -> String {
        if step.overdue { return { style.red(style.bold($0)) } }
        switch step.state {
        case .failed: return style.red
        case .ready: return style.yellow
        case .done, .skipped: return style.dim
        case .waiting, .running: return { $0 }
        }
    }

    // MARK: CSV (`run show --csv`: every field of every step, named as in the JSON)

    static let csvHeader = [
        "run", "id", "title_en", "title_nb", "owner", "action", "state", "overdue", "depends_on", "due", "ready_at", "due_at",
        "completed_by", "completed_at", "note", "skipped_by", "skipped_at", "skip_reason", "failed_at", "failure_reason",
        "escalations", "attempts",
    ]

    static func csvRow(_ step: RunStepResource, run: Int64) -> [String] {
        [
            String(run), step.id, step.title.en, step.title.nb, step.owner, step.action.rawValue, step.state.rawValue,
            String(step.overdue), step.dependsOn.joined(separator: " "), step.due.description, step.readyAt?.rfc3339 ?? "",
            step.dueAt?.rfc3339 ?? "", step.completedBy ?? "", step.completedAt?.rfc3339 ?? "", step.note ?? "",
            step.skippedBy ?? "", step.skippedAt?.rfc3339 ?? "", step.skipReason ?? "", step.failedAt?.rfc3339 ?? "",
            step.failureReason ?? "", String(step.escalations), String(step.attempts),
        ]
    }
}
