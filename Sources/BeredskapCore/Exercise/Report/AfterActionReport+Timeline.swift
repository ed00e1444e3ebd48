extension AfterActionReport {
    /// One line of the report's timeline: when, and what happened in both languages.
    public struct Moment: Sendable, Equatable {
        public var at: Timestamp
        public var text: Text
    }

    /// The surge level's changes, each alert fired, acknowledged and resolved, each run
    /// started and ended and each step ready and done, in time order (on a tie, in that order).
    public var timeline: [Moment] {
        var moments: [Moment] = []
        for (previous, period) in zip(surge, surge.dropFirst()) {
            moments.append(Moment(at: period.from, text: Text(
                "Surge level \(previous.level.name.en) → \(period.level.name.en)",
                nb: "Ankomstnivå \(previous.level.name.nb) → \(period.level.name.nb)")))
        }
        for alert in alerts {
            let about = "\(alert.rule) (\(alert.subject))"
            moments.append(Moment(at: alert.firedAt, text: Text(
                "Alert \(about) fired, \(alert.severity.name.en)", nb: "Varsel \(about) utløst, \(alert.severity.name.nb)")))
            if let acknowledged = alert.acknowledgedAt {
                let after = FixedDuration(milliseconds: acknowledged.milliseconds(since: alert.firedAt)).name
                moments.append(Moment(at: acknowledged, text: Text(
                    "Alert \(about) acknowledged after \(after.en)", nb: "Varsel \(about) kvittert etter \(after.nb)")))
            }
            if let resolved = alert.resolvedAt {
                moments.append(Moment(at: resolved, text: Text("Alert \(about) resolved", nb: "Varsel \(about) løst")))
            }
        }
        for run in runs {
            let name = "\(run.playbook) #\(run.id)"
            moments.append(Moment(at: run.startedAt, text: Text("Run \(name) started", nb: "Kjøring \(name) startet")))
            for step in run.steps {
                moments.append(Moment(at: step.readyAt, text: Text(
                    "Step \(step.step) of \(name) ready", nb: "Steg \(step.step) i \(name) klart")))
                if let done = step.doneAt {
                    let late = step.late ? Text(", late", nb: ", for sent") : Text("", nb: "")
                    moments.append(Moment(at: done, text: (step.skipped
                        ? Text("Step \(step.step) of \(name) skipped", nb: "Steg \(step.step) i \(name) hoppet over")
                        : Text("Step \(step.step) of \(name) done", nb: "Steg \(step.step) i \(name) utført")) + late))
                }
            }
            if let ended = run.endedAt, let ending = run.ending {
                moments.append(Moment(at: ended, text: Text("Run \(name) \(ending.name.en)", nb: "Kjøring \(name) \(ending.name.nb)")))
            }
        }
        return moments.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
    }
}

extension AfterActionReport.RunEnding: HasDisplayName {
    public var name: Text {
        switch self {
        case .finished: Text("finished", nb: "fullført")
        case .aborted: Text("aborted", nb: "avbrutt")
        case .superseded: Text("superseded", nb: "erstattet av et høyere kort")
        }
    }
}
