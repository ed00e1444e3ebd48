import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore
import BeredskapJSON
import Foundation

/// `import arrivals|occupancy`, each declared with its action (`ImportCommands`).
extension CommandTree {
    static let importGroup = Command(
        "import",
        summary: Text("import arrivals or head counts from a CSV file", nb: "importer ankomster eller opptellinger fra en CSV-fil"),
        discussion: help(
            """
            The file has a header line with the JSON field names, ';' or ',' between fields
            (found from the header), and UTF-8 text (with or without a byte order mark, as
            Excel's "CSV UTF-8" writes it). 'at' is a local time (2026-11-22 07:40), a date
            (its midnight) or RFC 3339 with a zone. Every line is
            checked first and every problem is reported with its line number; the rows are then
            imported all together or not at all.
            """,
            nb: """
            Filen har en overskriftslinje med feltnavnene fra JSON, «;» eller «,» mellom feltene
            (finnes ut fra overskriften), og UTF-8-tekst (med eller uten byte order mark, slik
            Excels «CSV UTF-8» lagrer). «at» er et lokalt tidspunkt (2026-11-22 07:40), en dato
            (midnatt) eller RFC 3339 med sone. Hver linje
            sjekkes først og hver feil rapporteres med linjenummer; radene importeres så samlet
            eller ikke i det hele tatt.
            """),
        subcommands: [importArrivals, importOccupancy])

    private static let dryRun = OptionSpec.flag("dry-run", help: Text(
        "check every line, here and with the daemon (facility ids, times), and import nothing",
        nb: "sjekk hver linje, her og hos tjenesten (mottaks-id-er, tidspunkter), og importer ingenting"))

    static let importArrivals = importCommand(
        "arrivals", what: Text("arrivals", nb: "ankomster"), columns: ImportFile.arrivalColumns,
        required: ImportFile.arrivalRequired, extra: Text(" Categories: \(categories).", nb: " Kategorier: \(categories)."),
        exampleFile: [
            "facility;count;category;at",
            "refstad;12;family;2026-11-22 07:40",
            "torshov;3;minor_15_17;2026-11-22",
        ],
        examples: ["beredskap import arrivals ankomster.csv --dry-run", "beredskap import arrivals ankomster.csv"],
        run: ImportCommands.arrivals)

    static let importOccupancy = importCommand(
        "occupancy", what: Text("head counts", nb: "opptellinger"), columns: ImportFile.occupancyColumns,
        required: ImportFile.occupancyRequired, extra: Text("", nb: ""),
        exampleFile: ["facility,occupied,at", "refstad,287,2026-11-22 08:00", "torshov,190,2026-11-22 08:00"],
        examples: ["beredskap import occupancy opptelling.csv"],
        run: ImportCommands.occupancy)

    /// An import command, its help built from the columns `ImportFile` checks, so the two
    /// cannot disagree.
    private static func importCommand(
        _ name: String, what: Text, columns: [String], required: [String], extra: Text, exampleFile: [String],
        examples: [String], run: @escaping Command.Action
    ) -> Command {
        let optional = columns.filter { !required.contains($0) }.joined(separator: ", ")
        let list = columns.joined(separator: ";")
        let needed = required.joined(separator: ", ")
        return Command(
            name,
            summary: Text("import \(what.en) (\(list))", nb: "importer \(what.nb) (\(list))"),
            discussion: help(
                "Columns: \(needed); optional \(optional)." + extra.en, nb: "Kolonner: \(needed); valgfritt \(optional)." + extra.nb,
                exampleFile: exampleFile, examples: examples),
            options: [dryRun, Confirmation.forceOption],
            arguments: [.required("FILE", help: Text("the CSV file", nb: "CSV-filen"))],
            run: run)
    }
}

/// `import arrivals FILE` and `import occupancy FILE`: a spreadsheet of records, checked line
/// by line here, then sent in one request that the daemon applies entirely or not at all.
enum ImportCommands {
    static func arrivals(_ context: CommandContext) throws(CommandFailure) {
        try run(
            context, parse: ImportFile.arrivals, people: \.count,
            check: { client, rows throws(ClientError) in try client.checkArrivalImport(rows) }
        ) { client, rows, force, key throws(ClientError) in
            try client.importArrivals(rows, force: force, idempotencyKey: key)
        }
    }

    static func occupancy(_ context: CommandContext) throws(CommandFailure) {
        try run(
            context, parse: ImportFile.occupancy, people: \.occupied,
            check: { client, rows throws(ClientError) in try client.checkOccupancyImport(rows) }
        ) { client, rows, force, key throws(ClientError) in
            try client.importOccupancy(rows, force: force, idempotencyKey: key)
        }
    }

    /// Reads, checks, and sends: with `--dry-run` for the daemon to check (facility ids, times)
    /// without writing, otherwise to import. Every problem is reported with its line, whether
    /// found here or by the daemon, and nothing is imported while there is one. Rows that look
    /// like mistakes are asked about (`Confirmation`), with their lines.
    static func run<Row: Sendable>(
        _ context: CommandContext,
        parse: (String, LocalCalendar) throws(ImportFailure) -> ImportRows<Row>,
        people: (Row) -> Int,
        check: (BeredskapClient, [Row]) throws(ClientError) -> ImportChecked,
        send: (BeredskapClient, [Row], Bool?, String) throws(ClientError) -> ImportResult
    ) throws(CommandFailure) {
        let parsed = context.parsed
        let output = context.output
        let path = parsed.argument("FILE") ?? ""
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .usage(parsed.usageError(Text("cannot read '\(path)'", nb: "kan ikke lese «\(path)»")))
        }
        let file = (path as NSString).lastPathComponent
        let checked: ImportRows<Row>
        do {
            checked = try parse(try ImportFile.text(Array(data)), output.calendar)
        } catch {
            throw refusal(file, error.problems, byDaemon: false)
        }
        let total = checked.rows.map(people).reduce(0, +)
        if parsed.flag("dry-run") {
            let answer = try daemonChecked(file, checked.lines) { () throws(ClientError) in try check(context.client, checked.rows) }
            if output.format == .json { return output.json(answer) }
            return output.line(Text(
                "\(file): \(rows(checked.rows.count).en) (\(total) people) valid (separator '\(checked.separator)'), checked by the daemon. Nothing was imported (--dry-run).",
                nb: "\(file): \(rows(checked.rows.count).nb) (\(total) personer) gyldig (skilletegn «\(checked.separator)»), sjekket av tjenesten. Ingenting ble importert (--dry-run)."))
        }
        let result: ImportResult
        do {
            result = try Confirmation.send(
                context, describe: { body in ImportFile.problems(from: body, lines: checked.lines)?.map(\.text) }
            ) { force, key throws(ClientError) in
                try send(context.client, checked.rows, force, key)
            }
        } catch {
            if case .client(.api(_, let body)) = error, body.error.details["reason"]?.stringValue != "implausible",
                let problems = ImportFile.problems(from: body, lines: checked.lines)
            {
                throw refusal(file, problems, byDaemon: true)
            }
            throw error
        }
        switch output.format {
        case .json: output.json(result)
        case .csv: output.csv(header: ["imported", "people", "event_seq"], rows: [[String(result.imported), String(result.people), String(result.eventSeq)]])
        case .human:
            output.line(Text(
                "Imported \(rows(result.imported).en) from \(file) (\(result.people) people), event #\(result.eventSeq).",
                nb: "Importerte \(rows(result.imported).nb) fra \(file) (\(result.people) personer), hendelse #\(result.eventSeq)."))
        }
    }

    /// The daemon's answer, or its refusal with every problem at its line of the file.
    static func daemonChecked<T>(_ file: String, _ lines: [Int], _ call: () throws(ClientError) -> T) throws(CommandFailure) -> T {
        do {
            return try call()
        } catch {
            if case .api(_, let body) = error, let problems = ImportFile.problems(from: body, lines: lines) {
                throw refusal(file, problems, byDaemon: true)
            }
            throw .client(error)
        }
    }

    /// `1 row`, `12 rows` / `1 rad`, `12 rader`.
    static func rows(_ count: Int) -> Text {
        count == 1 ? Text("1 row", nb: "1 rad") : Text("\(count) rows", nb: "\(count) rader")
    }

    /// Exit 1 with every problem, one per line, in the order of the file (for `--json` in
    /// `details.problems`: `line`, `field`, `message`, `message_nb`).
    static func refusal(_ file: String, _ problems: [ImportProblem], byDaemon: Bool) -> CommandFailure {
        let sorted = problems.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        let count = sorted.count
        let head = byDaemon
            ? Text(
                "the daemon refused \(file) (\(count) \(count == 1 ? "problem" : "problems")); nothing was imported.",
                nb: "tjenesten avviste \(file) (\(count) feil); ingenting ble importert.")
            : Text(
                "\(file) has \(count) \(count == 1 ? "problem" : "problems"); nothing was sent.",
                nb: "\(file) har \(count) feil; ingenting ble sendt.")
        let details = JSONObject([("problems", .array(sorted.map { problem in
            .object(JSONObject([
                ("line", .integer(Int64(problem.line))), ("field", problem.field.map(JSONValue.string) ?? .null),
                ("message", .string(problem.message.en)), ("message_nb", .string(problem.message.nb)),
            ]))
        }))])
        return .report(FailureReport(
            code: ExitCode.refused.name, message: head, details: details,
            hints: sorted.map { Text("  ", nb: "  ") + $0.text }, exitCode: .refused))
    }
}
