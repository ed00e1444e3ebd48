import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore

/// How exercises read: the progress line, a run with its expectations, the list of runs and
/// the scenario files.
enum ExerciseFormat {
    // MARK: - A run

    static func started(_ exercise: ExerciseResource) -> Text {
        let speed = self.speed(exercise.speed)
        return Text(
            "Exercise #\(exercise.id): \(exercise.scenario) at \(speed) (\(exercise.injectsTotal) injects) on a copy of the state. Ctrl-C stops it.",
            nb: "Øvelse #\(exercise.id): \(exercise.scenario) med \(speed) (\(exercise.injectsTotal) innspill) på en kopi av tilstanden. Ctrl-C stopper den.")
    }

    static func detached(_ exercise: ExerciseResource) -> Text {
        Text(
            "Exercise #\(exercise.id) started: \(exercise.scenario) at \(speed(exercise.speed)). Follow it: beredskap exercise show \(exercise.id)",
            nb: "Øvelse #\(exercise.id) startet: \(exercise.scenario) med \(speed(exercise.speed)). Følg den: beredskap exercise show \(exercise.id)")
    }

    /// `#3 2026-03-02 11:15 CET  injects 8/15  alerts 3  runs 2  notifications 5`.
    static func progress(_ exercise: ExerciseResource, _ output: Output) -> String {
        let time = output.time(exercise.simulatedAt)
        let counts = Text(
            "injects \(exercise.injectsDone)/\(exercise.injectsTotal)  alerts \(exercise.alerts)  runs \(exercise.runs)  notifications \(exercise.notifications)",
            nb: "innspill \(exercise.injectsDone)/\(exercise.injectsTotal)  varsler \(exercise.alerts)  kjøringer \(exercise.runs)  meldinger \(exercise.notifications)")
        return "#\(exercise.id) \(time)  " + counts(output.language)
    }

    /// Why `exercise run` does not exit 0: expectations missed (5), Ctrl-C (130), stopped by
    /// someone else or failed (1); nil when it finished with every expectation met.
    static func failure(_ exercise: ExerciseResource, interrupted: Bool) -> CommandFailure? {
        let id = exercise.id
        if interrupted {
            return .message(Text(
                "interrupted: exercise #\(id) stopped after \(exercise.injectsDone) of \(exercise.injectsTotal) injects",
                nb: "avbrutt: øvelse #\(id) stoppet etter \(exercise.injectsDone) av \(exercise.injectsTotal) innspill"), .interrupted)
        }
        switch exercise.state {
        case .finished where exercise.missed > 0:
            return .message(Text(
                "\(exercise.missed) of \(exercise.results.count) expectations missed",
                nb: "\(exercise.missed) av \(exercise.results.count) forventninger ikke oppfylt"), .missed)
        case .finished, .running:
            return nil
        case .stopped:
            return .message(Text("exercise #\(id) was stopped before its end", nb: "øvelse #\(id) ble stoppet før slutten"), .refused)
        case .failed:
            let why = exercise.failure ?? "–"
            return .message(Text("exercise #\(id) failed: \(why)", nb: "øvelse #\(id) feilet: \(why)"), .refused)
        }
    }

    /// The run in brief, then its expectations.
    static func present(_ exercise: ExerciseResource, _ output: Output) {
        let language = output.language
        let label = Text("Exercise", nb: "Øvelse")(language)
        output.line("\(label) #\(exercise.id): \(exercise.scenario), \(exercise.state.name(language)) (\(speed(exercise.speed)))")
        var facts: [(Text, String)] = [
            (Text("Started", nb: "Startet"), output.time(exercise.startedAt)),
            (Text("Ended", nb: "Sluttet"), output.time(exercise.endedAt)),
            (Text("Simulated time", nb: "Simulert tid"), output.time(exercise.simulatedAt)),
            (Text("Injects", nb: "Innspill"), "\(exercise.injectsDone)/\(exercise.injectsTotal)"),
            (Text("Alerts", nb: "Varsler"), "\(exercise.alerts)"),
            (Text("Playbook runs", nb: "Kjøringer"), "\(exercise.runs)"),
            (Text("Notifications", nb: "Meldinger"), "\(exercise.notifications)"),
        ]
        if let failure = exercise.failure { facts.append((Text("Failure", nb: "Feil"), failure)) }
        output.keyValues(facts)
        guard !exercise.results.isEmpty else { return }
        output.line("")
        let style = output.style
        let plain: (String) -> String = { $0 }
        let rows = exercise.results.map { result(row: $0, output) }
        output.table(resultColumns, rows: rows, rowStyles: exercise.results.map { $0.met ? plain : style.red })
        output.line(Text(
            "\(exercise.met) of \(exercise.results.count) expectations met.",
            nb: "\(exercise.met) av \(exercise.results.count) forventninger oppfylt."))
    }

    static func speed(_ speed: ExerciseSpeed) -> String {
        switch speed {
        case .maximum: "max"
        case .factor: "\(speed)×"
        }
    }

    // MARK: - Expectations

    static let resultColumns: [ListColumn] = [
        ListColumn.number("#", nb: "#"),
        ListColumn("EXPECTATION", nb: "FORVENTNING", maxWidth: 72),
        ListColumn("DEADLINE", nb: "FRIST"),
        ListColumn("AT", nb: "TID"),
        ListColumn("RESULT", nb: "RESULTAT"),
    ]

    static func result(row result: ExerciseExpectationResult, _ output: Output) -> [String] {
        let language = output.language
        return [
            "\(result.index + 1)", expectation(result.expectation)(language),
            result.deadline.map { output.time($0) } ?? Text("whole exercise", nb: "hele øvelsen")(language),
            output.time(result.at),
            (result.met ? Text("met", nb: "oppfylt") : Text("missed", nb: "ikke oppfylt"))(language),
        ]
    }

    /// What an expectation asks, as people say it: "surge level high within 2 h".
    static func expectation(_ expectation: ExerciseExpectation) -> Text {
        let within = expectation.within.map { Text(" within ", nb: " innen ") + $0.name } ?? Text("", nb: "")
        switch expectation.kind {
        case .surgeLevel(let level):
            return Text("surge level ", nb: "ankomstnivå ") + level.name + within
        case .runStarted(let playbook):
            return Text("a run of \(playbook) started", nb: "en kjøring av \(playbook) startet") + within
        case .alertFired(let match):
            return Text("alert ", nb: "varsel ") + alert(match) + within
        case .noAlert(let match):
            return Text("no alert ", nb: "ingen varsel ") + alert(match)
        }
    }

    private static func alert(_ match: ExerciseAlertMatch) -> Text {
        let subject = match.subject == AlertKeyPattern.any ? "" : " \(match.subject)"
        let words = Text("\(match.rule)\(subject)", nb: "\(match.rule)\(subject)")
        return match.severity.map { words + Text(" (", nb: " (") + $0.name + Text(")", nb: ")") } ?? words
    }

    static let resultCSVHeader = ["exercise", "index", "expectation", "deadline", "at", "met"]

    static func resultCSVRow(_ result: ExerciseExpectationResult, exercise: Int64) -> [String] {
        [
            "\(exercise)", "\(result.index)", expectation(result.expectation).en, result.deadline?.rfc3339 ?? "",
            result.at?.rfc3339 ?? "", result.met ? "true" : "false",
        ]
    }

    // MARK: - The list of runs

    static let columns: [ListColumn] = [
        ListColumn.number("ID", nb: "ID"),
        ListColumn("SCENARIO", nb: "SCENARIO"),
        ListColumn("STATE", nb: "TILSTAND"),
        ListColumn("SPEED", nb: "HASTIGHET"),
        ListColumn("STARTED", nb: "STARTET"),
        ListColumn.number("INJECTS", nb: "INNSPILL"),
        ListColumn.number("ALERTS", nb: "VARSLER"),
        ListColumn.number("RUNS", nb: "KJØRINGER"),
        ListColumn.number("MET", nb: "OPPFYLT"),
    ]

    static func row(_ exercise: ExerciseResource, _ output: Output) -> [String] {
        [
            "\(exercise.id)", exercise.scenario, exercise.state.name(output.language), speed(exercise.speed),
            output.time(exercise.startedAt), "\(exercise.injectsDone)/\(exercise.injectsTotal)", "\(exercise.alerts)",
            "\(exercise.runs)", exercise.state == .running ? "–" : "\(exercise.met)/\(exercise.results.count)",
        ]
    }

    static let csvHeader = [
        "id", "scenario", "state", "speed", "started_at", "ended_at", "simulated_at", "injects_done", "injects_total", "alerts",
        "runs", "notifications", "met", "missed",
    ]

    static func csvRow(_ exercise: ExerciseResource) -> [String] {
        [
            "\(exercise.id)", exercise.scenario, exercise.state.rawValue, exercise.speed.description, exercise.startedAt.rfc3339,
            exercise.endedAt?.rfc3339 ?? "", exercise.simulatedAt?.rfc3339 ?? "", "\(exercise.injectsDone)",
            "\(exercise.injectsTotal)", "\(exercise.alerts)", "\(exercise.runs)", "\(exercise.notifications)", "\(exercise.met)",
            "\(exercise.missed)",
        ]
    }

    // MARK: - Scenarios

    static let scenarioColumns: [ListColumn] = [
        ListColumn("ID", nb: "ID"),
        ListColumn("TITLE", nb: "TITTEL", maxWidth: 50),
        ListColumn("START", nb: "START"),
        ListColumn("SPAN", nb: "VARIGHET"),
        ListColumn.number("INJECTS", nb: "INNSPILL"),
        ListColumn.number("EXPECTATIONS", nb: "FORVENTNINGER"),
    ]

    /// The scenarios that can run in a table; below it, the problems of those that cannot.
    static func present(_ list: ExerciseScenarioList, _ output: Output) {
        let language = output.language
        guard !list.scenarios.isEmpty else {
            return output.line(Text(
                "No scenarios in \(list.directory).", nb: "Ingen scenarioer i \(list.directory)."))
        }
        let runnable = list.scenarios.filter(\.problems.isEmpty)
        if !runnable.isEmpty {
            output.table(scenarioColumns, rows: runnable.map { scenario in
                [
                    scenario.id, scenario.title?.text(language) ?? "", output.time(scenario.start),
                    scenario.span.map { $0.name(language) } ?? "", "\(scenario.injects)", "\(scenario.expectations)",
                ]
            })
        }
        for scenario in list.scenarios where !scenario.problems.isEmpty {
            output.line("")
            output.line(output.style.red(Text(
                "\(scenario.file) cannot run:", nb: "\(scenario.file) kan ikke kjøres:")(language)))
            for problem in scenario.problems {
                output.line("  \(problem.file): \(problem.field.isEmpty ? "" : problem.field + ": ")\(language == .nb ? problem.messageNb : problem.message)")
            }
        }
    }

    static let scenarioCSVHeader = ["id", "file", "title", "start", "span", "speed", "injects", "expectations", "problems"]

    static func scenarioCSVRow(_ scenario: ExerciseScenarioList.Summary) -> [String] {
        [
            scenario.id, scenario.file, scenario.title?.en ?? "", scenario.start?.rfc3339 ?? "", scenario.span?.description ?? "",
            scenario.speed?.description ?? "", "\(scenario.injects)", "\(scenario.expectations)",
            scenario.problems.map { "\($0.field): \($0.message)" }.joined(separator: "; "),
        ]
    }
}
