import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore

/// `settlement record` and `settlement import FILE`: persons settled, one record or a file.
enum SettlementRecordCommands {
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
