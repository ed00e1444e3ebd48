import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore
import BeredskapJSON
import Foundation

/// `settlement quotas adopt YEAR` and `settlement quotas show YEAR`.
enum QuotaCommands {
    /// What `--method` may say: every method but `reference`, which only the seed sets.
    static let adoptableMethods: [QuotaMethod] = [.population, .weighted, .manual]

    static func adopt(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let year = try usage { () throws(UsageError) in try parsed.settlementYear() }
        let quotas = try usage { () throws(UsageError) in try quotasGiven(parsed) }
        let method = try usage { () throws(UsageError) in
            try parsed.choice("method", among: adoptableMethods.map(\.rawValue)).flatMap(QuotaMethod.init(rawValue:))
        }
        let key = context.idempotencyKey()
        let body = QuotasBody(quotas: quotas, method: method, reason: parsed.value("reason"))
        let answer = try call { () throws(ClientError) in try context.client.adoptQuotas(year: year, body, idempotencyKey: key) }
        let output = context.output
        if output.format == .json { return output.json(answer) }
        let version = answer.quotas
        output.line(answer.changed
            ? Text(
                "Adopted version \(version.version) of the \(year) quotas: \(version.total) persons, event #\(answer.eventSeq).",
                nb: "Vedtok versjon \(version.version) av kvotene for \(year): \(version.total) personer, hendelse #\(answer.eventSeq).")
            : Text(
                "The \(year) quotas in force (version \(version.version)) are these already; nothing changed.",
                nb: "Kvotene for \(year) som gjelder (versjon \(version.version)), er allerede disse; ingenting ble endret."))
    }

    static func show(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let year = try usage { () throws(UsageError) in try parsed.settlementYear() }
        let version = try usage { () throws(UsageError) in try parsed.positiveInt("version") }
        let client = context.client
        let output = context.output
        let names = try call { () throws(ClientError) in try client.districts() }.districts
        let versions: [QuotasResource]
        if parsed.flag("history") {
            let history = try call { () throws(ClientError) in try client.quotaVersions(year: year) }
            if output.format == .json { return output.json(history) }
            versions = history.versions
        } else {
            let one = try call { () throws(ClientError) in try client.quotas(year: year, version: version) }
            if output.format == .json { return output.json(one) }
            versions = [one]
        }
        let order = names.sorted { ($0.number, $0.id) < ($1.number, $1.id) }
        if output.format == .csv {
            return output.csv(
                header: ["year", "version", "district", "quota", "method", "adopted_at", "adopted_by"],
                rows: versions.flatMap { version in
                    order.compactMap { district in
                        version.quotas[district.id].map { quota in
                            [String(year), String(version.version), district.id, String(quota), version.method.rawValue,
                             version.adoptedAt.rfc3339, version.adoptedBy.user]
                        }
                    }
                })
        }
        for (index, version) in versions.enumerated() {
            if index > 0 { output.line("") }
            output.line(output.style.bold(Text(
                "\(year), version \(version.version): \(version.total) persons (\(version.method.name.en))",
                nb: "\(year), versjon \(version.version): \(version.total) personer (\(version.method.name.nb))")(output.language)))
            output.line(Text(
                "Adopted \(output.time(version.adoptedAt)) by \(version.adoptedBy.user)",
                nb: "Vedtatt \(output.time(version.adoptedAt)) av \(version.adoptedBy.user)"))
            if let reason = version.reason { output.line(Text("Reason: \(reason)", nb: "Begrunnelse: \(reason)")) }
            output.table(
                [ListColumn("DISTRICT", nb: "BYDEL"), .number("QUOTA", nb: "KVOTE")],
                rows: order.compactMap { district in version.quotas[district.id].map { [district.name, String($0)] } })
        }
    }

    /// The quotas from `--file` or the `DISTRICT=N` arguments (not both).
    static func quotasGiven(_ parsed: ParsedCommand) throws(UsageError) -> [String: Int] {
        let pairs = parsed.arguments("DISTRICT=N")
        if let path = parsed.value("file") {
            guard pairs.isEmpty else {
                throw parsed.usageError(Text("give --file or DISTRICT=N arguments, not both", nb: "gi --file eller BYDEL=N-argumenter, ikke begge"))
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw parsed.usageError(Text("cannot read '\(path)'", nb: "kan ikke lese «\(path)»"))
            }
            do {
                return try QuotaFile.quotas(try ImportFile.text(Array(data)))
            } catch {
                let file = (path as NSString).lastPathComponent
                let lines = error.problems.map { "\n  " + $0.text.en }.joined()
                let linesNB = error.problems.map { "\n  " + $0.text.nb }.joined()
                throw parsed.usageError(Text("\(file) has problems:\(lines)", nb: "\(file) har feil:\(linesNB)"))
            }
        }
        guard !pairs.isEmpty else {
            throw parsed.usageError(Text(
                "give the quotas: --file FILE or district=n arguments", nb: "gi kvotene: --file FIL eller bydel=n-argumenter"))
        }
        var quotas: [String: Int] = [:]
        for pair in pairs {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let quota = Int(parts[1]) else {
                throw parsed.usageError(Text("'\(pair)' is not district=n (ullern=50)", nb: "«\(pair)» er ikke bydel=n (ullern=50)"))
            }
            quotas[parts[0]] = quota
        }
        return quotas
    }
}

/// A file of quotas: CSV with the columns `district` and `quota`, or a JSON object
/// `{"district": quota, …}`. Which districts are needed is the daemon's to say (it names each
/// missing or unknown one).
enum QuotaFile {
    struct QuotaRow: Sendable {
        var district: String
        var quota: Int
    }

    static func quotas(_ text: String) throws(ImportFailure) -> [String: Int] {
        if text.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" }).first == "{" {
            do {
                return try JSONValueDecoder().decode([String: Int].self, from: Array(text.utf8), options: .json5)
            } catch {
                throw ImportFailure(problems: [ImportProblem(line: 1, field: nil, Text(error.description, nb: error.description))])
            }
        }
        let rows = try ImportFile.parse(text, columns: ["district", "quota"], required: ["district", "quota"]) { (reader: inout RowReader) -> QuotaRow? in
            let district = reader.required("district")
            let quota = reader.count("quota", in: 0...QuotaRules.maximumQuota)
            guard let district, let quota else { return nil }
            return QuotaRow(district: district, quota: quota)
        }
        var quotas: [String: Int] = [:]
        var problems: [ImportProblem] = []
        for (row, line) in zip(rows.rows, rows.lines) {
            if quotas[row.district] != nil {
                problems.append(ImportProblem(line: line, field: "district", Text(
                    "'\(row.district)' appears twice", nb: "«\(row.district)» finnes to ganger")))
            }
            quotas[row.district] = row.quota
        }
        guard problems.isEmpty else { throw ImportFailure(problems: problems) }
        return quotas
    }
}
