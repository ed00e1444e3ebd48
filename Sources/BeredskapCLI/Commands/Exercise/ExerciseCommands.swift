import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore

/// `exercise run|list|show|scenarios`, each declared with its action (`ExerciseCommands`).
extension CommandTree {
    private static let exerciseIDArgument = ArgumentSpec.required(
        "ID", help: Text("the exercise number, e.g. 3", nb: "øvelsens nummer, f.eks. 3"))

    static let exercise = Command(
        "exercise",
        summary: Text(
            "exercises: replay a scenario on a copy of the state and grade the response",
            nb: "øvelser: spill av et scenario på en kopi av tilstanden og vurder responsen"),
        discussion: Text(
            """
            An exercise runs a scenario of Playbooks/exercises/ in a second world on a copy of
            the current state, under a simulated clock: the live daemon keeps serving and its
            state is untouched. Everything in the copy is marked exercise; notifications go
            only to channels configured with exercise: true, prefixed [ØVELSE]. Runs are kept:
            list and show them afterwards.
            """,
            nb: """
            En øvelse kjører et scenario fra Playbooks/exercises/ i en egen verden på en kopi av
            tilstanden nå, med simulert klokke: tjenesten fortsetter som før, og tilstanden
            røres ikke. Alt i kopien er merket øvelse; meldinger går bare til kanaler satt opp
            med exercise: true, merket [ØVELSE]. Kjøringene blir stående: vis dem etterpå.
            """),
        subcommands: [exerciseRun, exerciseList, exerciseShow, exerciseReport, exerciseScenarios])

    static let exerciseRun = Command(
        "run",
        summary: Text("run a scenario and follow it (needs operate)", nb: "kjør et scenario og følg det (krever operate)"),
        discussion: Text(
            """
            Shows the simulated time, the injects done of all, and the alerts, playbook runs and
            notifications the exercise has set off: one line redrawn on a terminal, a line every
            few seconds otherwise. Ctrl-C stops the exercise (and waits until it has stopped).
            At the end: each expectation, met or missed. --detach starts it and returns.

            SPEED is how many times real time (1–1000000), or max: as fast as it goes. The
            scenario's own speed when left out.

            Exit codes: 0 finished with every expectation met, 5 finished with some missed,
            130 stopped with Ctrl-C, 1 stopped by someone else or failed.

            Examples:
              beredskap exercise run quick-drill --speed max
              beredskap exercise run autumn-2015 --speed max --detach
            """,
            nb: """
            Viser simulert tid, innspill utført av alle, og varslene, tiltakskortkjøringene og
            meldingene øvelsen har utløst: én linje som tegnes på nytt i en terminal, ellers en
            linje med noen sekunders mellomrom. Ctrl-C stopper øvelsen (og venter til den har
            stoppet). Til slutt: hver forventning, oppfylt eller ikke. --detach starter den og
            returnerer.

            SPEED er hvor mange ganger sanntid (1–1000000), eller max: så fort det går.
            Scenarioets egen hastighet når den utelates.

            Avslutningskoder: 0 fullført med alle forventninger oppfylt, 5 fullført med noen
            ikke oppfylt, 130 stoppet med Ctrl-C, 1 stoppet av noen andre eller feilet.

            Eksempler:
              beredskap exercise run quick-drill --speed max
              beredskap exercise run autumn-2015 --speed max --detach
            """),
        options: [
            .option("speed", value: "N|max", help: Text(
                "times real time, or max (default: the scenario's)", nb: "ganger sanntid, eller max (standard: scenarioets)")),
            .flag("detach", help: Text(
                "start it and return without following it", nb: "start den og returner uten å følge den")),
        ],
        arguments: [ArgumentSpec.required("SCENARIO", help: Text(
            "the scenario, e.g. quick-drill (see `beredskap exercise scenarios`)",
            nb: "scenarioet, f.eks. quick-drill (se `beredskap exercise scenarios`)"))],
        run: ExerciseCommands.run)

    static let exerciseList = Command(
        "list",
        summary: Text("list exercise runs, newest first", nb: "vis øvelser, nyeste først"),
        discussion: Text(
            """
            MET counts the expectations met of all, once a run has ended.

            Examples:
              beredskap exercise list
              beredskap exercise list --csv > øvelser.csv
            """,
            nb: """
            OPPFYLT teller forventningene som ble oppfylt, av alle, når en kjøring er slutt.

            Eksempler:
              beredskap exercise list
              beredskap exercise list --csv > øvelser.csv
            """),
        options: [limitOption],
        run: ExerciseCommands.list)

    static let exerciseShow = Command(
        "show",
        summary: Text("show an exercise: its progress and how each expectation came out", nb: "vis en øvelse: fremdrift og hver forventning"),
        discussion: Text(
            """
            DEADLINE is by when an expectation had to be met; AT is when it was met (for "no
            alert": when it was broken). With --csv: the expectations.

            Example:
              beredskap exercise show 1
            """,
            nb: """
            FRIST er når en forventning måtte være oppfylt; TID er når den ble det (for «ingen
            varsel»: når den ble brutt). Med --csv: forventningene.

            Eksempel:
              beredskap exercise show 1
            """),
        arguments: [exerciseIDArgument],
        run: ExerciseCommands.show)

    static let exerciseScenarios = Command(
        "scenarios",
        summary: Text("list the scenarios that can be run", nb: "vis scenarioene som kan kjøres"),
        discussion: Text(
            """
            Every file of the exercises directory (Playbooks/exercises/): its id, title, where
            its clock starts, how long it spans in simulated time, its injects and
            expectations, and for a file that cannot run, what is wrong with it.

            Example:
              beredskap exercise scenarios
            """,
            nb: """
            Hver fil i øvelsesmappen (Playbooks/exercises/): id, tittel, når klokken starter,
            hvor lang tid den spenner over i simulert tid, innspill og forventninger, og for en
            fil som ikke kan kjøres, hva som er galt.

            Eksempel:
              beredskap exercise scenarios
            """),
        run: ExerciseCommands.scenarios)
}

/// `exercise run`, `exercise list`, `exercise show` and `exercise scenarios`.
enum ExerciseCommands {
    static func run(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let body = try usage { () throws(UsageError) in try startBody(parsed) }
        let key = context.idempotencyKey()
        let client = context.client
        let started = try call { () throws(ClientError) in try client.startExercise(body, idempotencyKey: key) }
        let output = context.output
        if parsed.flag("detach") {
            if output.format == .json { return output.json(started) }
            return output.line(ExerciseFormat.detached(started))
        }
        if output.format != .json { output.line(ExerciseFormat.started(started)) }
        let printer = ExerciseProgressPrinter(output: output)
        let follow = ExerciseFollow(
            fetch: { () throws(ClientError) in try client.exercise(id: started.id) },
            stop: { () throws(ClientError) in try client.stopExercise(id: started.id, idempotencyKey: context.idempotencyKey()) },
            interrupted: Interrupt.requested, progress: { output.format == .json ? () : printer.show($0) })
        let (ended, interrupted) = try Interrupt.catching { () throws(CommandFailure) in
            try call { () throws(ClientError) in try follow.run(started) }
        }
        printer.finish()
        if output.format == .json {
            output.json(ended)
        } else {
            ExerciseFormat.present(ended, output)
        }
        if let failure = ExerciseFormat.failure(ended, interrupted: interrupted) { throw failure }
    }

    /// The request from `SCENARIO` and `--speed`.
    static func startBody(_ parsed: ParsedCommand) throws(UsageError) -> StartExerciseBody {
        let scenario = parsed.argument("SCENARIO") ?? ""
        guard let text = parsed.value("speed") else { return StartExerciseBody(scenario: scenario) }
        guard let speed = ExerciseSpeed(parsing: text), speed == .maximum || (speed.factor.map { $0 >= 1 && $0 <= ExerciseSpeed.maximumFactor } ?? false)
        else {
            throw parsed.usageError(Text(
                "--speed must be a number from 1 (real time) to 1000000, or max; not '\(text)'",
                nb: "--speed må være et tall fra 1 (sanntid) til 1000000, eller max; ikke «\(text)»"))
        }
        return StartExerciseBody(scenario: scenario, speed: speed)
    }

    static func list(_ context: CommandContext) throws(CommandFailure) {
        let limit = try usage { () throws(UsageError) in try context.parsed.int("limit", in: 1...1000) }
        let list = try call { () throws(ClientError) in try context.client.exercises(limit: limit) }
        let output = context.output
        if output.printedForScripts(list, csv: { (ExerciseFormat.csvHeader, list.exercises.map(ExerciseFormat.csvRow)) }) { return }
        guard !list.exercises.isEmpty else {
            return output.line(Text(
                "No exercises yet. Start one: beredskap exercise run quick-drill",
                nb: "Ingen øvelser ennå. Start én: beredskap exercise run quick-drill"))
        }
        output.table(ExerciseFormat.columns, rows: list.exercises.map { ExerciseFormat.row($0, output) })
    }

    static func show(_ context: CommandContext) throws(CommandFailure) {
        let id = try usage { () throws(UsageError) in try context.parsed.number("ID") }
        let exercise = try call { () throws(ClientError) in try context.client.exercise(id: id) }
        let output = context.output
        let csv = { (ExerciseFormat.resultCSVHeader, exercise.results.map { ExerciseFormat.resultCSVRow($0, exercise: exercise.id) }) }
        if output.printedForScripts(exercise, csv: csv) { return }
        ExerciseFormat.present(exercise, output)
    }

    static func scenarios(_ context: CommandContext) throws(CommandFailure) {
        let list = try call { () throws(ClientError) in try context.client.exerciseScenarios() }
        let output = context.output
        if output.printedForScripts(list, csv: { (ExerciseFormat.scenarioCSVHeader, list.scenarios.map(ExerciseFormat.scenarioCSVRow)) }) {
            return
        }
        ExerciseFormat.present(list, output)
    }
}

extension ExerciseSpeed {
    /// The factor; nil at maximum speed.
    var factor: Double? {
        if case .factor(let factor) = self { return factor }
        return nil
    }
}
