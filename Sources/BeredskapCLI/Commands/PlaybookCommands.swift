import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore

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
