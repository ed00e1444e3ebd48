import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore
import Foundation

/// `exercise report ID`, declared with its action (`ExerciseReportCommand`); the `exercise`
/// group lists it.
extension CommandTree {
    static let exerciseReport = Command(
        "report",
        summary: Text("the after-action report of an exercise run", nb: "evalueringsrapporten fra en øvelse"),
        discussion: Text(
            """
            The timeline, the times to detect and to the first notification, the steps that were
            late, the expectations met and missed, and the capacity at its worst — as Markdown
            (the default), one HTML page with charts to open or print, or JSON. In bokmål unless
            --lang en is given.
            """,
            nb: """
            Tidslinjen, tiden til oppdagelse og til første melding, stegene som kom for sent,
            forventningene som ble oppfylt og ikke, og kapasiteten på det verste — som Markdown
            (standard), én HTML-side med diagrammer å åpne eller skrive ut, eller JSON. På bokmål
            med mindre --lang en er gitt.
            """),
        options: [
            ReportOutput.formatOption,
            ReportOutput.outputOption,
        ],
        arguments: [.required("ID", help: Text("the exercise run's number, e.g. 3", nb: "øvelsens nummer, f.eks. 3"))],
        run: ExerciseReportCommand.run)
}

/// `exercise report`.
enum ExerciseReportCommand {
    /// What was asked for: the run, the format, the language and where it goes.
    struct Request: Equatable {
        var id: Int64
        var format: ExerciseReportFormat
        var language: Language
        /// nil: standard output.
        var output: String?
    }

    /// `--format` wins; `--json` alone means JSON. The report's language is `--lang` when
    /// given, and bokmål otherwise — whatever the terminal's language, as the office writes it.
    static func request(_ parsed: ParsedCommand) throws(UsageError) -> Request {
        let id = try parsed.number("ID")
        let format = try parsed.choice("format", among: ExerciseReportFormat.allCases.map(\.rawValue))
            .flatMap(ExerciseReportFormat.init(rawValue:)) ?? (parsed.flag("json") ? .json : .md)
        let language = parsed.value("lang").flatMap(Language.init(identifier:)) ?? .nb
        let output = parsed.value("output")
        if let output, output.isEmpty {
            throw parsed.usageError(Text("--output needs a file name", nb: "--output trenger et filnavn"))
        }
        return Request(id: id, format: format, language: language, output: output)
    }

    static func run(_ context: CommandContext) throws(CommandFailure) {
        let request = try usage { () throws(UsageError) in try Self.request(context.parsed) }
        let report = try call { () throws(ClientError) in
            try context.client.exerciseReport(id: request.id, format: request.format, language: request.language)
        }
        try ReportOutput.deliver(report, to: request.output, context)
    }
}
