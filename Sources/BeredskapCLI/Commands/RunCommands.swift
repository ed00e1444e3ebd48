import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore

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
