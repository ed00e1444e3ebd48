import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore

/// How runs read in tables, blocks and CSV: what a run is about, how far it has come, and
/// what holds it up. The steps of a run are in `RunStepFormat`.
enum RunFormat {
    /// The trigger gets what the terminal has left after the other columns (into a pipe, all of it).
    static func columns(width: Int) -> [ListColumn] {
        [
            .number("ID", nb: "ID"),
            ListColumn("PLAYBOOK", nb: "TILTAKSKORT"),
            ListColumn("STATE", nb: "TILSTAND"),
            .number("PROGRESS", nb: "FREMDRIFT"),
            ListColumn("STARTED", nb: "STARTET"),
            ListColumn("BY", nb: "AV"),
            ListColumn("TRIGGER", nb: "UTLØSER", maxWidth: max(24, width - 100)),
        ]
    }

    static func row(_ run: RunResource, _ output: Output) -> [String] {
        [
            String(run.id), run.playbook, state(run, output.language), progress(run.progress), output.time(run.startedAt),
            run.startedBy, trigger(run.trigger, output.language),
        ]
    }

    /// The state with what changes its meaning: `active (blocked, 2 overdue, exercise)`.
    /// Overdue steps count only while the run is active: nobody is reminded of the steps of
    /// a run that has ended, whatever flag they were left with.
    static func state(_ run: RunResource, _ language: Language) -> String {
        var marks: [Text] = []
        if run.blocked { marks.append(Text("blocked", nb: "blokkert")) }
        let overdue = run.state == .active ? run.progress.overdue : 0
        if overdue > 0 { marks.append(Text("\(overdue) overdue", nb: "\(overdue) over fristen")) }
        if run.exercise { marks.append(Text("exercise", nb: "øvelse")) }
        let words = marks.map { $0(language) }.joined(separator: ", ")
        return run.state.name(language) + (words.isEmpty ? "" : " (\(words))")
    }

    /// Steps done or skipped, of all: `3/7`.
    static func progress(_ progress: RunProgress) -> String { "\(progress.settled)/\(progress.total)" }

    /// What started it and what it is about: `alert #12 facility_utilization facility/refstad
    /// critical`, `surge city high`, `manual`, or `manual alert #12 …` for a manual start about
    /// an alert. Rules and subjects as typed; the kind, severity and level by their names.
    static func trigger(_ trigger: RunTrigger, _ language: Language) -> String {
        let alert = trigger.alert.map { (trigger.kind == .alert ? "#" : Text("alert #", nb: "varsel #")(language)) + String($0) }
        return [
            trigger.kind.name(language), alert, trigger.rule, trigger.subject, trigger.severity?.name(language),
            trigger.level?.name(language),
        ].compactMap { $0 }.joined(separator: " ")
    }

    /// Runs that need someone red (blocked, or a step overdue); ended runs dim.
    static func rowStyle(_ run: RunResource, _ style: TextStyle) -> (String) -> String {
        if run.state != .active { return style.dim }
        if run.blocked || run.progress.overdue > 0 { return style.red }
        return { $0 }
    }

    /// One run as labelled lines, the head of `run show`.
    static func fields(_ run: RunResource, _ output: Output) -> [(Text, String)] {
        let language = output.language
        var rows: [(Text, String)] = [
            (Text("Run", nb: "Kjøring"), output.style.bold("#\(run.id) \(run.playbook)")),
            (Text("Playbook", nb: "Tiltakskort"), run.title.text(language)),
            (Text("State", nb: "Tilstand"), rowStyle(run, output.style)(state(run, language))),
            (Text("Progress", nb: "Fremdrift"), Text(
                "\(progress(run.progress)) steps done or skipped", nb: "\(progress(run.progress)) steg fullført eller hoppet over")(language)),
            (Text("Trigger", nb: "Utløser"), trigger(run.trigger, language)),
        ]
        if let district = run.trigger.district { rows.append((Text("District", nb: "Bydel"), district)) }
        rows.append((Text("Reason", nb: "Begrunnelse"), run.reason))
        rows.append((Text("Started", nb: "Startet"), "\(run.startedBy), \(output.time(run.startedAt))"))
        switch run.state {
        case .finished:
            rows.append((Text("Finished", nb: "Fullført"), output.time(run.endedAt)))
            if let by = run.supersededBy {
                rows.append((Text("Superseded by", nb: "Avløst av"), Text(
                    "run #\(by) (beredskap run show \(by))", nb: "kjøring #\(by) (beredskap run show \(by))")(language)))
            }
        case .aborted:
            rows.append((Text("Aborted", nb: "Avbrutt"), "\(run.abortedBy ?? "–"), \(output.time(run.endedAt))"))
            rows.append((Text("Why aborted", nb: "Hvorfor avbrutt"), run.abortReason ?? "–"))
        case .active:
            if let deadline = run.nextDeadline { rows.append((Text("Next deadline", nb: "Neste frist"), output.time(deadline))) }
        }
        return rows
    }

    /// Where a run stands after an action on it: `Run 12: active (1 overdue), 3/7 done or
    /// skipped; ready now: a, b.`, or who aborted it, when and why.
    static func summary(_ run: RunResource, _ output: Output) -> String {
        let language = output.language
        let steps = progress(run.progress)
        var text = Text(
            "Run \(run.id): \(state(run, language)), \(steps) done or skipped",
            nb: "Kjøring \(run.id): \(state(run, language)), \(steps) fullført eller hoppet over")
        let ready = run.steps.filter { $0.state == .ready }.map(\.id).joined(separator: ", ")
        if run.state == .active && !ready.isEmpty {
            text = text + Text("; ready now: \(ready)", nb: "; klar nå: \(ready)")
        }
        if run.state == .aborted {
            let by = run.abortedBy ?? "–", at = output.time(run.endedAt), why = run.abortReason ?? "–"
            text = text + Text("; aborted by \(by) at \(at): \(why)", nb: "; avbrutt av \(by) \(at): \(why)")
        }
        let line = text(language)
        return line.hasSuffix(".") ? line : line + "."
    }

    /// `run show` for people: the head, then the steps with who did what and when.
    static func present(_ run: RunResource, _ output: Output) {
        output.keyValues(fields(run, output))
        output.line("")
        output.line(output.style.bold(Text("Steps", nb: "Steg")(output.language)))
        output.table(
            RunStepFormat.columns(width: output.width), rows: run.steps.map { RunStepFormat.row($0, of: run, output) },
            rowStyles: run.steps.map { RunStepFormat.rowStyle($0, output.style) })
    }

    // MARK: CSV (the JSON field names, the progress and trigger flattened)

    static let csvHeader = [
        "id", "playbook", "title_en", "title_nb", "state", "blocked", "settled", "total", "overdue", "trigger", "alert", "rule",
        "subject", "severity", "district", "level", "reason", "started_at", "started_by", "ended_at", "aborted_by",
        "abort_reason", "next_deadline", "exercise", "superseded_by",
    ]

    static func csvRow(_ run: RunResource) -> [String] {
        let trigger = run.trigger
        return [
            String(run.id), run.playbook, run.title.en, run.title.nb, run.state.rawValue, String(run.blocked),
            String(run.progress.settled), String(run.progress.total), String(run.progress.overdue), trigger.kind.rawValue,
            trigger.alert.map(String.init) ?? "", trigger.rule ?? "", trigger.subject ?? "", trigger.severity?.rawValue ?? "",
            trigger.district ?? "", trigger.level?.rawValue ?? "", run.reason, run.startedAt.rfc3339, run.startedBy,
            run.endedAt?.rfc3339 ?? "", run.abortedBy ?? "", run.abortReason ?? "", run.nextDeadline?.rfc3339 ?? "",
            String(run.exercise), run.supersededBy.map(String.init) ?? "",
        ]
    }
}
