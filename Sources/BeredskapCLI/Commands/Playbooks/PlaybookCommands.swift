import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore

/// `playbook list|show|run|reload`, each declared with its action (`PlaybookCommands`).
extension CommandTree {
    static let playbookCommands = [playbook, run]

    private static let playbookIDArgument = ArgumentSpec.required("ID", help: Text(
        "the playbook id, e.g. facility-near-full", nb: "tiltakskortets id, f.eks. facility-near-full"))

    static let playbook = Command(
        "playbook",
        summary: Text("playbooks (action cards): list, show, start, reload", nb: "tiltakskort: vis, start, les inn på nytt"),
        discussion: Text(
            """
            A playbook says what to do, by whom and by when, when a situation arises: an
            alert, a surge level, or a person's decision. Each start is a run (see
            `beredskap run --help`). The files are Playbooks/*.json5 on the daemon's side.
            """,
            nb: """
            Et tiltakskort sier hva som skal gjøres, av hvem og innen når, når en situasjon
            oppstår: et varsel, et ankomstnivå eller en persons beslutning. Hver start er en
            kjøring (se `beredskap run --help`). Filene er Playbooks/*.json5 hos tjenesten.
            """),
        subcommands: [playbookList, playbookShow, playbookRun, playbookReload])

    static let playbookList = Command(
        "list",
        summary: Text("list the loaded playbooks", nb: "vis tiltakskortene som er lest inn"),
        discussion: Text(
            """
            TRIGGER is what starts a playbook: an alert (its rule, ≥ the lowest severity,
            and the subjects), a surge level, or manual (only started by hand). Every playbook
            can be started by hand. ACTIVE counts its runs that are going on now.

            Examples:
              beredskap playbook list
              beredskap playbook list --csv > tiltakskort.csv
            """,
            nb: """
            UTLØSER er det som starter et tiltakskort: et varsel (regelen, ≥ laveste
            alvorlighet, og subjektene), et ankomstnivå, eller manual (bare startet for
            hånd). Alle tiltakskort kan startes for hånd. AKTIVE teller kjøringer som pågår nå.

            Eksempler:
              beredskap playbook list
              beredskap playbook list --csv > tiltakskort.csv
            """),
        run: PlaybookCommands.list)

    static let playbookShow = Command(
        "show",
        summary: Text("show a playbook with its steps", nb: "vis et tiltakskort med stegene"),
        discussion: Text(
            """
            DUE is how long a step may take once it is ready (ISO 8601: PT2H, P3D). A step is
            ready when every step in AFTER is done or skipped. OWNER is the group that answers
            for it; bydel:{district} is the contact point of the district the alert is about.

            Examples:
              beredskap playbook show facility-near-full
              beredskap playbook show surge-high --lang nb
            """,
            nb: """
            FRIST er hvor lenge et steg kan ta etter at det er klart (ISO 8601: PT2H, P3D). Et
            steg er klart når alle stegene under ETTER er fullført eller hoppet over. EIER er
            gruppen som svarer for det; bydel:{district} er kontaktpunktet i bydelen varselet
            gjelder.

            Eksempler:
              beredskap playbook show facility-near-full
              beredskap playbook show surge-high --lang nb
            """),
        arguments: [playbookIDArgument],
        run: PlaybookCommands.show)

    static let playbookRun = Command(
        "run",
        summary: Text("start a playbook by hand (needs operate)", nb: "start et tiltakskort for hånd (krever operate)"),
        discussion: Text(
            """
            Prints the new run as `beredskap run show` does. With --alert the run is about that
            alert (its subject and district), as if the alert had started it; an alert has at
            most one run of each playbook. With --subject it is about a facility, district,
            kind of facility or the city without an alert. A card whose texts or owners name
            the subject (facility-near-full, cap-breach) needs one of the two.

            Examples:
              beredskap playbook run surge-high --reason "Ankomstene doblet seg i natt"
              beredskap playbook run facility-near-full --alert 12 --reason "Refstad 96 %, startet før varselet ble kritisk"
              beredskap playbook run facility-near-full --subject facility/refstad --reason "Hero melder fullt i kveld"
            """,
            nb: """
            Skriver den nye kjøringen slik `beredskap run show` gjør. Med --alert gjelder
            kjøringen det varselet (subjektet og bydelen), som om varselet hadde startet den;
            et varsel har høyst én kjøring av hvert tiltakskort. Med --subject gjelder den et
            mottak, en bydel, en mottakstype eller byen uten et varsel. Et tiltakskort som
            nevner subjektet i tekster eller eiere (facility-near-full, cap-breach), trenger
            ett av de to.

            Eksempler:
              beredskap playbook run surge-high --reason "Ankomstene doblet seg i natt"
              beredskap playbook run facility-near-full --alert 12 --reason "Refstad 96 %, startet før varselet ble kritisk"
              beredskap playbook run facility-near-full --subject facility/refstad --reason "Hero melder fullt i kveld"
            """),
        options: [
            reasonOption(Text("why it is started", nb: "hvorfor det startes")),
            .option("alert", value: "N", help: Text(
                "the alert number the run is about", nb: "nummeret på varselet kjøringen gjelder")),
            .option("subject", value: "S", help: Text(
                "what the run is about without an alert: facility/refstad, district/bjerke, kind/transit, city",
                nb: "hva kjøringen gjelder uten et varsel: facility/refstad, district/bjerke, kind/transit, city")),
        ],
        arguments: [playbookIDArgument],
        run: PlaybookCommands.start)

    static let playbookReload = Command(
        "reload",
        summary: Text("read the playbook files again (needs admin)", nb: "les tiltakskortfilene på nytt (krever admin)"),
        discussion: Text(
            """
            The set is checked as a whole: if any file is invalid, nothing changes, every
            problem is printed as file: field: problem, and the exit code is 1. Runs that have
            started go on with the steps they started with.

            Example:
              beredskap playbook reload
            """,
            nb: """
            Settet kontrolleres samlet: er én fil ugyldig, endres ingenting, hvert problem
            skrives som fil: felt: problem, og avslutningskoden er 1. Kjøringer som er startet,
            fortsetter med stegene de startet med.

            Eksempel:
              beredskap playbook reload
            """),
        run: PlaybookCommands.reload)
}

/// `playbook list`, `playbook show`, `playbook run` and `playbook reload`.
enum PlaybookCommands {
    static func list(_ context: CommandContext) throws(CommandFailure) {
        let list = try call { () throws(ClientError) in try context.client.playbooks() }
        let output = context.output
        if output.printedForScripts(list, csv: { (PlaybookFormat.csvHeader, list.playbooks.map(PlaybookFormat.csvRow)) }) {
            return
        }
        guard !list.playbooks.isEmpty else {
            return output.line(output.style.yellow(
                list.warning ?? Text("No playbooks in \(list.directory).", nb: "Ingen tiltakskort i \(list.directory).")(output.language)))
        }
        output.table(PlaybookFormat.columns(width: output.width), rows: list.playbooks.map { PlaybookFormat.row($0, output.language) })
        output.line(output.style.dim(Text("Read from \(list.directory).", nb: "Lest fra \(list.directory).")(output.language)))
    }

    static func show(_ context: CommandContext) throws(CommandFailure) {
        let id = context.parsed.argument("ID") ?? ""
        let playbook = try call { () throws(ClientError) in try context.client.playbook(id: id) }
        let output = context.output
        if output.printedForScripts(playbook, csv: { (PlaybookFormat.stepCSVHeader, playbook.steps.map(PlaybookFormat.stepCSVRow)) }) {
            return
        }
        output.keyValues(PlaybookFormat.fields(playbook, output))
        output.line("")
        for line in wordWrap(playbook.description.text(output.language), width: output.width) { output.line(line) }
        output.line("")
        output.line(output.style.bold(Text("Steps", nb: "Steg")(output.language)))
        output.table(
            PlaybookFormat.stepColumns(width: output.width), rows: playbook.steps.map { PlaybookFormat.stepRow($0, output.language) })
    }

    /// Starts a run by hand and prints it as `run show` does.
    static func start(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let id = parsed.argument("ID") ?? ""
        let body = try usage { () throws(UsageError) in try startBody(parsed) }
        let key = context.idempotencyKey()
        let run = try call { () throws(ClientError) in try context.client.startRun(playbook: id, body, idempotencyKey: key) }
        let output = context.output
        if output.format == .json { return output.json(run) }
        output.line(Text("Run \(run.id) of \(run.playbook) started.", nb: "Kjøring \(run.id) av \(run.playbook) er startet."))
        output.line("")
        RunFormat.present(run, output)
    }

    /// An invalid set is the daemon's 422, printed with every problem by `PlaybookErrorHint`.
    static func reload(_ context: CommandContext) throws(CommandFailure) {
        let key = context.idempotencyKey()
        let answer = try call { () throws(ClientError) in try context.client.reloadPlaybooks(idempotencyKey: key) }
        let output = context.output
        if output.format == .json { return output.json(answer) }
        let noun = answer.loaded == 1 ? "playbook" : "playbooks"
        output.line(Text(
            "Loaded \(answer.loaded) \(noun) (event \(answer.eventSeq)).",
            nb: "Leste inn \(answer.loaded) tiltakskort (hendelse \(answer.eventSeq))."))
    }

    /// The request body from `playbook run`'s options.
    static func startBody(_ parsed: ParsedCommand) throws(UsageError) -> StartRunBody {
        let reason = try parsed.requiredReason(Text("say why the playbook is started", nb: "si hvorfor tiltakskortet startes"))
        return StartRunBody(
            reason: reason, alert: try parsed.positiveInt("alert").map(Int64.init), subject: parsed.value("subject"))
    }
}

extension ParsedCommand {
    /// `--reason`, which starting a run, skipping a step and aborting a run require: the
    /// record must say why. Empty or too long is for the daemon to refuse, naming the field.
    func requiredReason(_ why: Text) throws(UsageError) -> String {
        guard let reason = value("reason") else {
            throw usageError(Text("--reason is required: ", nb: "--reason er påkrevd: ") + why)
        }
        return reason
    }
}
