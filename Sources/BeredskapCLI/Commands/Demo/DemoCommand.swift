import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore
import Foundation
import Glibc

/// `demo`, declared with its action (`DemoCommand`).
extension CommandTree {
    static let demo = Command(
        "demo",
        summary: Text(
            "try it: a throw-away daemon, Oslo seeded, a drill run, its report written",
            nb: "prøv det: en midlertidig tjeneste, Oslo lastet inn, en øvelse kjørt, rapporten skrevet"),
        discussion: Text(
            """
            Starts a daemon inside this command, with its state and socket in a new temporary
            directory; loads Oslo (Config/oslo, as `beredskap seed` does); runs the quick-drill
            exercise at maximum speed and shows what it set off and which expectations were
            met; writes the drill's after-action report as HTML into DIR (./beredskap-demo
            unless --output says otherwise) and prints its path. Then it stops the daemon and
            removes the temporary directory, also after Ctrl-C or a failure. Nothing else needs
            to run, and nothing of yours is touched but DIR.

            Run it in the checkout (it needs Config/oslo and Playbooks/); elsewhere it uses the
            checkout it was built from.

            Example:
              swift run beredskap demo
              beredskap demo --output /tmp/demo --lang en
            """,
            nb: """
            Starter en tjeneste inne i denne kommandoen, med tilstand og socket i en ny
            midlertidig mappe; laster inn Oslo (Config/oslo, slik `beredskap seed` gjør); kjører
            øvelsen quick-drill med full fart og viser hva den utløste og hvilke forventninger
            som ble oppfylt; skriver evalueringsrapporten som HTML i DIR (./beredskap-demo med
            mindre --output sier noe annet) og skriver ut stien. Så stopper den tjenesten og
            sletter den midlertidige mappen, også etter Ctrl-C eller en feil. Ingenting annet
            trenger å kjøre, og ingenting av ditt røres utenom DIR.

            Kjør den i kildekoden (den trenger Config/oslo og Playbooks/); ellers bruker den
            kildekoden den ble bygget fra.

            Eksempel:
              swift run beredskap demo
              beredskap demo --output /tmp/demo --lang en
            """),
        options: [
            .option("output", short: "o", value: "DIR", help: Text(
                "where the reports go (default ./beredskap-demo)", nb: "hvor rapportene skrives (standard ./beredskap-demo)")),
        ],
        run: DemoCommand.run)
}

/// `demo`: the whole system in a minute, on a daemon that lives as long as the command.
///
/// The demo is a list of steps (`steps`) run in order against the throw-away daemon, each
/// printed as it starts (`[2/3] …`) with what it found below it; a step that writes a file
/// says so through `DemoSession.write`, and the paths are listed at the end.
enum DemoCommand {
    static let defaultOutput = "beredskap-demo"
    static let scenario = "quick-drill"

    /// One thing the demo does and shows.
    struct Step: Sendable {
        var title: Text
        var run: @Sendable (DemoSession) throws(CommandFailure) -> Void
    }

    /// In order. A step that needs the drill's run reads `session.exercise`. The situation report
    /// (`report sitrep`, written as sitrep.html) belongs after the after-action report.
    static let steps: [Step] = [seedStep, drillStep, afterActionStep, sitrepStep]

    static func run(_ context: CommandContext) throws(CommandFailure) {
        let output = context.output
        guard output.format == .human else {
            throw .usage(context.parsed.usageError(Text(
                "demo prints for people; it has no --json or --csv (the report it writes is the result)",
                nb: "demo skriver for mennesker; den har ikke --json eller --csv (rapporten den skriver, er resultatet)")))
        }
        let outputDirectory = try self.outputDirectory(context.parsed)
        let checkout = try DemoCheckout.find()
        // SIGTERM (a `kill`, a closed terminal's SIGHUP) stops the demo as Ctrl-C does, so the
        // temporary directory goes too; `raise` is safe in a handler.
        for stopSignal in [SIGTERM, SIGHUP] { signal(stopSignal) { _ in _ = raise(SIGINT) } }
        defer { for stopSignal in [SIGTERM, SIGHUP] { signal(stopSignal, SIG_DFL) } }
        try Interrupt.catching { () throws(CommandFailure) in
            let daemon = try DemoDaemon(playbooks: checkout.playbooks)
            // Also after a failure or Ctrl-C; stopping twice is stopping once.
            defer { stop(daemon, output) }
            output.line(output.style.bold(Text(
                "A throw-away daemon runs in this command; its state and socket are in \(daemon.directory).",
                nb: "En midlertidig tjeneste kjører i denne kommandoen; tilstand og socket er i \(daemon.directory).")(output.language)))
            let client = BeredskapClient(socketPaths: [daemon.socketPath], language: output.language)
            defer { client.close() }
            let session = DemoSession(
                context: context, client: client, output: output.zoned { try? client.timeZone() }, checkout: checkout,
                outputDirectory: outputDirectory)
            for (index, step) in steps.enumerated() {
                if Interrupt.requested() { throw interrupted }
                output.line("")
                output.line(output.style.bold("[\(index + 1)/\(steps.count)] " + step.title(output.language)))
                try step.run(session)
            }
            output.line("")
            stop(daemon, output)
            output.line(output.style.bold(Text("Written:", nb: "Skrevet:")(output.language)))
            for path in session.written { output.line("  " + path) }
        }
    }

    private static func stop(_ daemon: DemoDaemon, _ output: Output) {
        guard daemon.stop() else { return }
        output.line(Text(
            "Stopped the demo daemon and removed \(daemon.directory).", nb: "Stoppet demotjenesten og slettet \(daemon.directory)."))
    }

    static let interrupted = CommandFailure.message(
        Text("interrupted: the demo stopped", nb: "avbrutt: demoen stoppet"), .interrupted)

    /// `--output` made absolute (printed paths work from anywhere), created if missing.
    static func outputDirectory(_ parsed: ParsedCommand) throws(CommandFailure) -> String {
        let given = parsed.value("output") ?? defaultOutput
        guard !given.isEmpty else {
            throw .usage(parsed.usageError(Text("--output needs a directory", nb: "--output trenger en mappe")))
        }
        let url = URL(fileURLWithPath: given, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw .message(Text(
                "cannot create \(given): \(error.localizedDescription)", nb: "kan ikke lage \(given): \(error.localizedDescription)"), .usage)
        }
        return url.standardizedFileURL.path
    }

    // MARK: - Steps

    static let seedStep = Step(title: Text("Seeding Oslo", nb: "Laster inn Oslo")) { session throws(CommandFailure) in
        try session.runCommand(["seed", session.checkout.seeds])
        let client = session.client
        let districts = try call { () throws(ClientError) in try client.districts().districts.count }
        let capacity = try call { () throws(ClientError) in try client.capacity() }
        let years = try call { () throws(ClientError) in try client.settlementYears().years.count }
        let total = capacity.total
        session.output.line(Text(
            "  \(districts) districts, \(total.facilities) facilities open: \(total.capacity) places, \(total.occupied) occupied, \(total.free) free; \(total.standbyCapacity) in reserve.",
            nb: "  \(districts) bydeler, \(total.facilities) mottak i drift: \(total.capacity) plasser, \(total.occupied) belagt, \(total.free) ledige; \(total.standbyCapacity) i reserve."))
        session.output.line(Text(
            "  Cap \(capacity.cap) places per facility; settlement figures for \(years) years.",
            nb: "  Tak på \(capacity.cap) plasser per mottak; bosettingstall for \(years) år."))
    }

    static let drillStep = Step(
        title: Text("Running the \(scenario) exercise at maximum speed", nb: "Kjører øvelsen \(scenario) med full fart")
    ) { session throws(CommandFailure) in
        let client = session.client
        let key = session.context.idempotencyKey()
        let body = StartExerciseBody(scenario: scenario, speed: .maximum)
        let started = try call { () throws(ClientError) in try client.startExercise(body, idempotencyKey: key) }
        let follow = ExerciseFollow(
            fetch: { () throws(ClientError) in try client.exercise(id: started.id) },
            stop: { () throws(ClientError) in
                try client.stopExercise(id: started.id, idempotencyKey: session.context.idempotencyKey())
            },
            interrupted: Interrupt.requested, progress: { _ in })
        let (ended, stopped) = try call { () throws(ClientError) in try follow.run(started) }
        if stopped { throw interrupted }
        session.exercise = ended
        ExerciseFormat.present(ended, session.output)
    }

    static let afterActionStep = Step(
        title: Text("Writing the drill's after-action report", nb: "Skriver evalueringsrapporten fra øvelsen")
    ) { session throws(CommandFailure) in
        guard let exercise = session.exercise else { return }
        let client = session.client
        let html = try call { () throws(ClientError) in
            try client.exerciseReport(id: exercise.id, format: .html, language: session.reportLanguage)
        }
        try session.write("after-action-\(scenario).html", html)
    }

    /// The live state's situation report (the drill ran on a copy: this is seeded Oslo).
    static let sitrepStep = Step(
        title: Text("Writing the situation report", nb: "Skriver situasjonsrapporten")
    ) { session throws(CommandFailure) in
        let client = session.client
        let html = try call { () throws(ClientError) in try client.sitrep(format: .html, language: session.reportLanguage) }
        try session.write("sitrep.html", html)
    }
}
