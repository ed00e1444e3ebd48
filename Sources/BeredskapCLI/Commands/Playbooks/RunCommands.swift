import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore

/// `run list|show|complete|skip|abort`, each declared with its action (`RunCommands`).
extension CommandTree {
    private static let runIDArgument = ArgumentSpec.required("ID", help: Text("the run number, e.g. 12", nb: "kjøringens nummer, f.eks. 12"))

    private static let stepArgument = ArgumentSpec.required("STEP", help: Text(
        "the step id, e.g. head-count (see `beredskap run show ID`)", nb: "stegets id, f.eks. head-count (se `beredskap run show ID`)"))

    /// `--reason TEXT`, required where a run is started, a step skipped or a run aborted: the
    /// record says why (`ParsedCommand.requiredReason`).
    static func reasonOption(_ why: Text) -> OptionSpec {
        .option("reason", short: "m", value: "TEXT", help: why + Text(" (required, 1–500 characters)", nb: " (påkrevd, 1–500 tegn)"))
    }

    static let run = Command(
        "run",
        summary: Text("playbook runs: list, show, complete or skip a step, abort", nb: "kjøringer av tiltakskort: vis, fullfør eller hopp over et steg, avbryt"),
        discussion: Text(
            """
            A run is one start of a playbook. Its steps are waiting (for the steps they come
            after), ready (a person can do it now; overdue past its due time), running (the
            daemon does it), done, skipped or failed. Every step records who did it and when.
            A failed step holds up the steps after it until someone skips it or aborts the run.
            """,
            nb: """
            En kjøring er én start av et tiltakskort. Stegene venter (på stegene de kommer
            etter), er klare (noen kan gjøre det nå; over fristen når fristen er passert),
            pågår (tjenesten gjør det), er utført, hoppet over eller feilet. Hvert steg viser
            hvem som gjorde det og når. Et feilet steg holder igjen stegene etter til noen hopper over det
            eller avbryter kjøringen.
            """),
        subcommands: [runList, runShow, runComplete, runSkip, runAbort])

    static let runList = Command(
        "list",
        summary: Text("list runs, newest first", nb: "vis kjøringer, nyeste først"),
        discussion: Text(
            """
            STATE is active, finished or aborted, marked blocked (a failed step holds it up),
            with the number of overdue steps, and exercise. PROGRESS counts the steps done or
            skipped of all. On a terminal, blocked runs and runs with overdue steps are red.

            Examples:
              beredskap run list --active
              beredskap run list --playbook facility-near-full --limit 10
              beredskap run list --finished --csv > kjøringer.csv
            """,
            nb: """
            TILSTAND er pågår, fullført eller avbrutt, merket blokkert (et feilet steg holder
            den igjen), med antall steg over fristen, og øvelse. FREMDRIFT teller stegene som er
            fullført eller hoppet over, av alle. I en terminal er blokkerte kjøringer og
            kjøringer med steg over fristen røde.

            Eksempler:
              beredskap run list --active
              beredskap run list --playbook facility-near-full --limit 10
              beredskap run list --finished --csv > kjøringer.csv
            """),
        options: [
            .flag("active", help: Text("only runs that are going on", nb: "bare kjøringer som pågår")),
            .flag("finished", help: Text("only runs that have ended (finished or aborted)", nb: "bare kjøringer som er slutt (fullført eller avbrutt)")),
            .option("playbook", short: "p", value: "ID", help: Text("only runs of this playbook", nb: "bare kjøringer av dette tiltakskortet")),
            limitOption,
        ],
        run: RunCommands.list)

    static let runShow = Command(
        "show",
        summary: Text("show a run: who did what to each step, and when", nb: "vis en kjøring: hvem gjorde hva med hvert steg, og når"),
        discussion: Text(
            """
            DUE is when a ready step is due. BY and AT say who completed or skipped a step and
            when (or when it failed); NOTE is the note, the reason it was skipped or failed, or
            the steps a waiting step comes after. With --csv: the steps, every field.

            Examples:
              beredskap run show 12
              beredskap run show 12 --csv > kjøring-12.csv
            """,
            nb: """
            FRIST er når et klart steg skal være gjort. AV og TID sier hvem som fullførte eller
            hoppet over et steg og når (eller når det feilet); MERKNAD er merknaden, grunnen
            til at det ble hoppet over eller feilet, eller stegene et ventende steg kommer etter.
            Med --csv: stegene, alle feltene.

            Eksempler:
              beredskap run show 12
              beredskap run show 12 --csv > kjøring-12.csv
            """),
        arguments: [runIDArgument],
        run: RunCommands.show)

    static let runComplete = Command(
        "complete",
        summary: Text("mark a ready step done (needs operate)", nb: "merk et klart steg som fullført (krever operate)"),
        discussion: Text(
            """
            Only a ready step can be completed (an overdue one too); the steps after it become
            ready when all they wait for is done or skipped.

            Example:
              beredskap run complete 12 head-count --note "Hero bekrefter 212 beboere"
            """,
            nb: """
            Bare et klart steg kan fullføres (også ett over fristen); stegene etter blir klare når
            alt de venter på er fullført eller hoppet over.

            Eksempel:
              beredskap run complete 12 head-count --note "Hero bekrefter 212 beboere"
            """),
        options: [
            .option("note", short: "m", value: "TEXT", help: Text(
                "what was done (optional, at most 2000 characters)", nb: "hva som ble gjort (valgfritt, høyst 2000 tegn)")),
        ],
        arguments: [runIDArgument, stepArgument],
        run: RunCommands.complete)

    static let runSkip = Command(
        "skip",
        summary: Text("skip a step that is not needed this time (needs operate)", nb: "hopp over et steg som ikke trengs (krever operate)"),
        discussion: Text(
            """
            The steps after it go on as if it were done. Skipping a failed step lets a blocked
            run continue.

            Example:
              beredskap run skip 12 notify-district --reason "Bydelen ringte oss først"
            """,
            nb: """
            Stegene etter fortsetter som om det var fullført. Å hoppe over et feilet steg lar
            en blokkert kjøring fortsette.

            Eksempel:
              beredskap run skip 12 notify-district --reason "Bydelen ringte oss først"
            """),
        options: [
            reasonOption(Text("why it is not needed", nb: "hvorfor det ikke trengs")),
        ],
        arguments: [runIDArgument, stepArgument],
        run: RunCommands.skip)

    static let runAbort = Command(
        "abort",
        summary: Text("stop a run (needs operate)", nb: "stopp en kjøring (krever operate)"),
        discussion: Text(
            """
            The run stops where it is and stays as a record; nobody is reminded of its steps.

            Example:
              beredskap run abort 12 --reason "Falsk alarm: feil i rapportert belegg"
            """,
            nb: """
            Kjøringen stopper der den er og blir stående som dokumentasjon; ingen blir minnet
            om stegene.

            Eksempel:
              beredskap run abort 12 --reason "Falsk alarm: feil i rapportert belegg"
            """),
        options: [
            reasonOption(Text("why it is stopped", nb: "hvorfor den stoppes")),
        ],
        arguments: [runIDArgument],
        run: RunCommands.abort)
}

/// `run list`, `run show`, `run complete`, `run skip` and `run abort`.
enum RunCommands {
    static func list(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let (state, limit) = try usage { () throws(UsageError) in (try stateFilter(parsed), try parsed.int("limit", in: 1...1000)) }
        let list = try call { () throws(ClientError) in
            try context.client.runs(state: state, playbook: parsed.value("playbook"), limit: limit)
        }
        let output = context.output
        if output.printedForScripts(list, csv: { (RunFormat.csvHeader, list.runs.map(RunFormat.csvRow)) }) { return }
        guard !list.runs.isEmpty else {
            switch state {
            case .active: return output.line(Text("No active runs.", nb: "Ingen kjøringer pågår."))
            case .finished: return output.line(Text("No finished runs.", nb: "Ingen avsluttede kjøringer."))
            case nil: return output.line(Text("No runs.", nb: "Ingen kjøringer."))
            }
        }
        output.table(
            RunFormat.columns(width: output.width), rows: list.runs.map { RunFormat.row($0, output) },
            rowStyles: list.runs.map { RunFormat.rowStyle($0, output.style) })
    }

    static func show(_ context: CommandContext) throws(CommandFailure) {
        let id = try usage { () throws(UsageError) in try context.parsed.number("ID") }
        let run = try call { () throws(ClientError) in try context.client.run(id: id) }
        let output = context.output
        if output.printedForScripts(run, csv: { (RunStepFormat.csvHeader, run.steps.map { RunStepFormat.csvRow($0, run: run.id) }) }) {
            return
        }
        RunFormat.present(run, output)
    }

    static func complete(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let (id, step) = try usage { () throws(UsageError) in try stepArguments(parsed) }
        let body = CompleteStepBody(note: parsed.value("note"))
        let key = context.idempotencyKey()
        let run = try call { () throws(ClientError) in try context.client.completeStep(run: id, step: step, body, idempotencyKey: key) }
        confirm(run, step: step, Text("Step \(step) of run \(id) completed.", nb: "Steg \(step) i kjøring \(id) er fullført."), context.output)
    }

    static func skip(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let (id, step, reason) = try usage { () throws(UsageError) in
            let (id, step) = try stepArguments(parsed)
            return (id, step, try parsed.requiredReason(Text("say why the step is not needed", nb: "si hvorfor steget ikke trengs")))
        }
        let key = context.idempotencyKey()
        let run = try call { () throws(ClientError) in
            try context.client.skipStep(run: id, step: step, ReasonBody(reason: reason), idempotencyKey: key)
        }
        confirm(run, step: step, Text("Step \(step) of run \(id) skipped.", nb: "Steg \(step) i kjøring \(id) er hoppet over."), context.output)
    }

    static func abort(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let (id, reason) = try usage { () throws(UsageError) in
            (try parsed.number("ID"), try parsed.requiredReason(Text("say why the run is stopped", nb: "si hvorfor kjøringen stoppes")))
        }
        let key = context.idempotencyKey()
        let run = try call { () throws(ClientError) in try context.client.abortRun(id: id, ReasonBody(reason: reason), idempotencyKey: key) }
        confirm(run, step: nil, Text("Run \(id) aborted.", nb: "Kjøring \(id) er avbrutt."), context.output)
    }

    // MARK: Helpers

    /// `--active` or `--finished`; neither lists every run.
    static func stateFilter(_ parsed: ParsedCommand) throws(UsageError) -> RunStateFilter? {
        switch (parsed.flag("active"), parsed.flag("finished")) {
        case (true, true):
            throw parsed.usageError(Text(
                "--active and --finished exclude each other (leave both out for every run)",
                nb: "--active og --finished utelukker hverandre (utelat begge for alle kjøringer)"))
        case (true, false): return .active
        case (false, true): return .finished
        case (false, false): return nil
        }
    }

    /// `ID STEP`: the run number and the step id.
    static func stepArguments(_ parsed: ParsedCommand) throws(UsageError) -> (Int64, String) {
        (try parsed.number("ID"), parsed.argument("STEP") ?? "")
    }

    /// After an action: the confirmation, the step's new state with who and when (from the
    /// daemon's answer, so it is what was recorded), and where the run stands now. With
    /// `--json`, the run as the daemon returned it.
    static func confirm(_ run: RunResource, step id: String?, _ done: Text, _ output: Output) {
        if output.format == .json { return output.json(run) }
        output.line(done)
        if let id, let step = run.steps.first(where: { $0.id == id }) {
            output.line(RunStepFormat.summary(step, of: run, output))
        }
        output.line(RunFormat.summary(run, output))
    }
}
