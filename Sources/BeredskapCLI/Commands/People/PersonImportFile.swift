import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore

/// `person import FILE`: persons from a CSV file, every line checked here (formats) and by
/// the daemon (districts, facilities, DUF numbers already registered), all imported or none.
enum PersonImportFile {
    static let columns = [
        "duf", "given_name", "family_name", "birth_date", "birth_year", "sex", "category", "status", "nationality", "languages",
        "household", "arrived_norway", "arrived_city", "facility", "unaccompanied", "vulnerabilities", "district",
    ]
    static let required = ["duf", "given_name", "family_name", "sex", "category"]

    static func run(_ context: CommandContext) throws(CommandFailure) {
        try ImportCommands.run(
            context, parse: { text, _ throws(ImportFailure) in try rows(text) }, people: { _ in 1 },
            check: { client, rows throws(ClientError) in try client.checkPersonImport(rows) }
        ) { client, rows, _, key throws(ClientError) in
            try client.importPersons(rows, idempotencyKey: key)
        }
    }

    /// The persons of a file; a line's every problem is reported (`ImportFile.parse`).
    static func rows(_ text: String) throws(ImportFailure) -> ImportRows<PersonDraft> {
        try ImportFile.parse(text, columns: columns, required: required) { (reader: inout RowReader) -> PersonDraft? in
            let duf = reader.dufNumber("duf")
            let given = reader.required("given_name")
            let family = reader.required("family_name")
            let birth = reader.birth()
            let sex = reader.choice("sex", PersonSex.self)
            let category = reader.choice("category", PersonCategory.self)
            let status = reader.optional("status").flatMap { _ in reader.choice("status", PersonStatus.self) }
            let arrivedNorway = reader.optional("arrived_norway").flatMap { _ in reader.date("arrived_norway") }
            let arrivedCity = reader.optional("arrived_city").flatMap { _ in reader.date("arrived_city") }
            let unaccompanied = reader.yesNo("unaccompanied")
            let vulnerabilities = reader.list("vulnerabilities").map { names in
                names.compactMap { name in Vulnerability(rawValue: name) ?? reader.invalid("vulnerabilities", name, Text(
                    "one of: \(Vulnerability.allCases.map(\.rawValue).joined(separator: ", "))",
                    nb: "én av: \(Vulnerability.allCases.map(\.rawValue).joined(separator: ", "))")) }
            }
            guard let duf, let given, let family, let birth, let sex, let category else { return nil }
            return PersonDraft(
                duf: duf, givenName: given, familyName: family, birth: birth, sex: sex, nationality: reader.optional("nationality"),
                languages: reader.list("languages"), household: reader.optional("household"), category: category, status: status,
                arrivedNorway: arrivedNorway, arrivedCity: arrivedCity, facility: reader.optional("facility"),
                unaccompanied: unaccompanied, vulnerabilities: vulnerabilities, district: reader.optional("district"))
        }
    }
}

extension RowReader {
    /// A required DUF number: 12 digits, spaces allowed.
    mutating func dufNumber(_ name: String) -> DUFNumber? {
        guard let text = required(name) else { return nil }
        guard let number = DUFNumber(parsing: text) else {
            return invalid(name, text, Text("a DUF number of 12 digits, such as 201600004711", nb: "et DUF-nummer på 12 sifre, som 201600004711"))
        }
        return number
    }

    /// `birth_date` (YYYY-MM-DD) or, when only the year is known, `birth_year` (estimated).
    mutating func birth() -> PersonBirth? {
        switch (optional("birth_date"), optional("birth_year")) {
        case (_?, _?):
            return invalid("birth_year", optional("birth_year") ?? "", Text(
                "either birth_date or birth_year, not both", nb: "enten birth_date eller birth_year, ikke begge"))
        case (_?, nil):
            return date("birth_date").map(PersonBirth.date)
        case (nil, let year?):
            guard let value = Int(year) else {
                return invalid("birth_year", year, Text("a year such as 1988", nb: "et år som 1988"))
            }
            return .estimatedYear(value)
        case (nil, nil):
            return invalid("birth_date", "", Text("birth_date or birth_year", nb: "birth_date eller birth_year"))
        }
    }

    /// `yes`/`no` (or `ja`/`nei`, `true`/`false`); nil when empty.
    mutating func yesNo(_ name: String) -> Bool? {
        guard let text = optional(name) else { return nil }
        switch text.lowercased() {
        case "yes", "ja", "true", "1": return true
        case "no", "nei", "false", "0": return false
        default: return invalid(name, text, Text("yes or no", nb: "ja eller nei"))
        }
    }

    /// Values separated by spaces, `|` or `+` (`ti ar`); nil when empty.
    func list(_ name: String) -> [String]? {
        optional(name).map { $0.split(whereSeparator: { " |+".contains($0) }).map(String.init) }
    }
}
