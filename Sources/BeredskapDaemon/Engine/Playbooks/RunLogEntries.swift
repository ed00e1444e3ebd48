import BeredskapCore
import BeredskapStore

/// What a run writes in the incident log, and how it names what started it.
///
/// One entry per fact — the start, a step a person completed or skipped, a step that failed,
/// the end — filed under what the run is about (`facility/refstad`, `city`; `run/<id>` for a
/// run about nothing in particular), so `beredskap log list --subject facility/refstad` tells
/// Refstad's story, cards included. Written in `notifications.language`, as the groups read it.
enum RunLogEntries {
    /// The subject a run's entries are filed under.
    static func subject(of stored: StoredRun) -> String {
        stored.trigger.subject ?? RunExecution.subject(stored.id)
    }

    /// What started a run, for people: `alert #12 (facility_utilization, Refstad transittmottak)`,
    /// `surge level high`, `by hand`. `name` is the subject's name, when the run has one.
    static func trigger(_ trigger: PlaybookRunTrigger, name: Text?) -> Text {
        let about = [trigger.rule.map { Text($0, nb: $0) }, name ?? trigger.subject.map { Text($0, nb: $0) }].compactMap { $0 }
        let aboutText = Text(about.map(\.en).joined(separator: ", "), nb: about.map(\.nb).joined(separator: ", "))
        switch trigger.kind {
        case .alert:
            let alert = trigger.alert ?? 0
            return Text("alert #\(alert) (\(aboutText.en))", nb: "varsel #\(alert) (\(aboutText.nb))")
        case .surge:
            let level = trigger.level ?? .normal
            return Text("surge level \(level.name.en)", nb: "ankomstnivå \(level.name.nb)")
        case .manual:
            if let alert = trigger.alert {
                return Text("by hand, about alert #\(alert) (\(aboutText.en))", nb: "for hånd, om varsel #\(alert) (\(aboutText.nb))")
            }
            if let name, trigger.level == nil { return Text("by hand, about \(name.en)", nb: "for hånd, om \(name.nb)") }
            return Text("by hand", nb: "for hånd")
        }
    }

    /// `Action card "Facility near full" (run #3) started by alert #12 (…).`; a start by hand
    /// names who started it and why.
    static func started(_ stored: StoredRun, name: Text?) -> Text {
        let title = stored.definition.title
        let id = stored.id
        let by = trigger(stored.trigger, name: name)
        guard stored.trigger.kind == .manual else {
            return Text(
                "Action card \"\(title.en)\" (run #\(id)) started by \(by.en).",
                nb: "Tiltakskortet «\(title.nb)» (kjøring #\(id)) er startet av \(by.nb).")
        }
        let who = stored.run.startedBy, why = stored.run.reason
        return Text(
            "Action card \"\(title.en)\" (run #\(id)) started \(by.en) by \(who): \(why)",
            nb: "Tiltakskortet «\(title.nb)» (kjøring #\(id)) er startet \(by.nb) av \(who): \(why)")
    }

    /// The end: finished, aborted (by whom and why) or superseded by a higher surge card.
    static func ended(_ stored: StoredRun) -> Text {
        let title = stored.definition.title
        let run = stored.run
        let card = Text("Action card \"\(title.en)\" (run #\(stored.id))", nb: "Tiltakskortet «\(title.nb)» (kjøring #\(stored.id))")
        if run.state == .aborted {
            let by = run.abortedBy ?? "", reason = run.abortReason ?? ""
            return card + Text(" aborted by \(by): \(reason)", nb: " ble avbrutt av \(by): \(reason)")
        }
        if let by = run.supersededBy {
            let open = run.steps.filter { $0.state == .skipped && $0.skippedAt == run.endedAt }.count
            return card + Text(
                " superseded by run #\(by): \(open) open \(open == 1 ? "step" : "steps") skipped.",
                nb: " er avløst av kjøring #\(by): \(open) \(open == 1 ? "åpent" : "åpne") steg hoppet over.")
        }
        let skipped = run.steps.filter { $0.state == .skipped }.count
        let done = run.steps.count - skipped
        return card + Text(
            " finished: \(done) \(done == 1 ? "step" : "steps") done, \(skipped) skipped.",
            nb: " er fullført: \(done) steg gjort, \(skipped) hoppet over.")
    }

    /// A step that a person completed or skipped, or that failed, since `before`; nil for
    /// anything else (automatic steps done, steps skipped by an abort or a supersession: the
    /// run's own entry says so).
    static func step(_ step: PlaybookRunStep, before: PlaybookRunStep?, of stored: StoredRun) -> Text? {
        guard before?.state != step.state, stored.run.state != .aborted, stored.run.supersededBy == nil else { return nil }
        let title = stored.definition.step(step.id)?.title ?? PlaybookText(nb: step.id, en: step.id)
        let card = stored.definition.title
        let what = Text(
            "Step \"\(title.en)\" of \"\(card.en)\" (run #\(stored.id))", nb: "Steget «\(title.nb)» i «\(card.nb)» (kjøring #\(stored.id))")
        switch step.state {
        case .done:
            guard let by = step.completedBy, by != PlaybookRun.automaticActor else { return nil }
            let note = step.note.map { Text(": \($0)", nb: ": \($0)") } ?? Text(".", nb: ".")
            return what + Text(" done by \(by)", nb: " er utført av \(by)") + note
        case .skipped:
            let by = step.skippedBy ?? "", reason = step.skipReason ?? ""
            return what + Text(" skipped by \(by): \(reason)", nb: " er hoppet over av \(by): \(reason)")
        case .failed:
            let reason = step.failureReason ?? ""
            return what + Text(" failed: \(reason)", nb: " feilet: \(reason)")
        case .waiting, .ready, .running:
            return nil
        }
    }
}
