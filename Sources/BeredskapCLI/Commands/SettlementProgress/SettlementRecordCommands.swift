import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore

/// `settlement record`, `settlement records YEAR` and `settlement import FILE`: persons
/// settled, one record, the year's list, or a file.
enum SettlementRecordCommands {
    static func list(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let year = try usage { () throws(UsageError) in try parsed.settlementYear() }
        let list = try call { () throws(ClientError) in try context.client.settlementRecords(year: year, district: parsed.value("district")) }
        let output = context.output
        let columns = ["id", "date", "district", "count", "mode", "source", "case", "recorded_at", "recorded_by"]
        guard !output.printedForScripts(list, csv: {
            (columns, list.records.map { record in
                [String(record.id), record.date.description, record.district, String(record.count), record.mode.rawValue,
                 record.source.rawValue, record.case.map(String.init) ?? "", record.recordedAt.description, record.recordedBy]
            })
        }) else { return }
        guard !list.records.isEmpty else {
            return output.line(Text("No settlement records for \(year).", nb: "Ingen bosettinger for \(year)."))
        }
        output.table(
            [.number("NO.", nb: "NR."), ListColumn("DATE", nb: "DATO"), ListColumn("DISTRICT", nb: "BYDEL"),
             .number("PERSONS", nb: "PERSONER"), ListColumn("MODE", nb: "MÅTE"), ListColumn("SOURCE", nb: "KILDE"),
             ListColumn("CASE", nb: "SAK"), ListColumn("RECORDED", nb: "REGISTRERT")],
            rows: list.records.map { record in
                [String(record.id), record.date.description, record.district, String(record.count), record.mode.name(output.language),
                 record.source.name(output.language), record.case.map { "#\($0)" } ?? "",
                 "\(output.time(record.recordedAt)) \(record.recordedBy)"]
            })
        output.line(Text("\(list.settled) persons settled towards the \(year) quota.", nb: "\(list.settled) personer bosatt mot kvoten for \(year)."))
    }

    static func record(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let body = try usage { () throws(UsageError) -> SettlementRecordBody in
            let district = try parsed.required("district")
            _ = try parsed.required("date")
            _ = try parsed.required("count")
            _ = try parsed.required("mode")
            guard let date = try parsed.date("date"), let count = try parsed.positiveInt("count"),
                let mode = try parsed.enumValue("mode", SettlementMode.self)
            else { throw parsed.usageError(Text("--date, --count and --mode are required", nb: "--date, --count og --mode er påkrevd")) }
            return SettlementRecordBody(
                district: district, date: date, count: count, mode: mode, year: try parsed.int("year", in: 1900...2200),
                case: try parsed.positiveInt("case").map(Int64.init))
        }
        let key = context.idempotencyKey()
        let record = try call { () throws(ClientError) in try context.client.recordSettlement(body, idempotencyKey: key) }
        let output = context.output
        if output.format == .json { return output.json(record) }
        output.line(Text(
            "Recorded \(record.count) settled in \(record.district) on \(record.date) towards the \(record.year) quota (record \(record.id)).",
            nb: "Registrerte \(record.count) bosatt i \(record.district) \(record.date) mot kvoten for \(record.year) (bosetting \(record.id))."))
    }

    static func importFile(_ context: CommandContext) throws(CommandFailure) {
        try ImportCommands.run(
            context, parse: { text, _ throws(ImportFailure) in try records(text) }, people: \.count,
            check: { client, rows throws(ClientError) in try client.checkSettlementImport(rows) }
        ) { client, rows, _, key throws(ClientError) in
            try client.importSettlements(rows, idempotencyKey: key)
        }
    }

    static let columns = ["district", "date", "count", "mode", "year"]
    static let required = ["district", "date", "count", "mode"]

    /// The rows of a settlement file, every line checked (`ImportFile.parse`).
    static func records(_ text: String) throws(ImportFailure) -> ImportRows<SettlementRecordBody> {
        try ImportFile.parse(text, columns: columns, required: required) { (reader: inout RowReader) -> SettlementRecordBody? in
            let district = reader.required("district")
            let date = reader.date("date")
            let count = reader.count("count", in: 1...5000)
            let mode = reader.choice("mode", SettlementMode.self)
            let year = reader.optional("year").flatMap { _ in reader.count("year", in: 1900...2200) }
            guard let district, let date, let count, let mode else { return nil }
            return SettlementRecordBody(district: district, date: date, count: count, mode: mode, year: year)
        }
    }
}
