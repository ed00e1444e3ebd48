import Foundation
import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore
import BeredskapJSON

/// The actions of `person …`.
enum PersonCommands {
    /// The fields `add` cannot do without, by option.
    private static let required = [
        ("duf", "duf"), ("given", "given_name"), ("family", "family_name"), ("born", "birth"), ("sex", "sex"), ("category", "category"),
    ]

    static func add(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let draft = try usage { () throws(UsageError) in
            let fields = try PersonFields.parse(parsed)
            for (option, field) in required where fields[field] == nil {
                let alternative = option == "born" ? " (or --born-year)" : ""
                throw parsed.usageError(Text("--\(option)\(alternative) is required", nb: "--\(option)\(alternative) er påkrevd"))
            }
            do throws(JSONFieldError) {
                return try JSONValueDecoder().decode(PersonDraft.self, from: .object(fields))
            } catch {
                throw parsed.usageError(Text("\(error.field): \(error.problem)", nb: "\(error.field): \(error.problem)"))
            }
        }
        let key = context.idempotencyKey()
        let answer = try call { () throws(ClientError) in try context.client.registerPerson(draft, idempotencyKey: key) }
        report(answer, Text("registered", nb: "registrert"), context)
    }

    static func set(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let (id, fields) = try usage { () throws(UsageError) in
            var fields = try PersonFields.parse(parsed)
            guard !fields.isEmpty else {
                throw parsed.usageError(Text("give at least one field to change", nb: "oppgi minst ett felt å endre"))
            }
            if parsed.flag("force") { fields["force"] = true }
            return (try personID(parsed), fields)
        }
        let key = context.idempotencyKey()
        let answer = try call { () throws(ClientError) in try context.client.changePerson(id: id, PersonChange(fields), idempotencyKey: key) }
        report(answer, Text("changed", nb: "endret"), context)
    }

    static func show(_ context: CommandContext) throws(CommandFailure) {
        let id = try usage { () throws(UsageError) in try personID(context.parsed) }
        let shown = try call { () throws(ClientError) in try context.client.person(id: id) }
        let output = context.output
        if output.format == .json { return output.json(shown) }
        PersonPresentation.show(shown, output)
    }

    static func list(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let (status, limit) = try usage { () throws(UsageError) in
            (try parsed.enumValue("status", PersonStatus.self), try parsed.int("limit", in: 1...APIContract.maximumPageSize))
        }
        let list = try call { () throws(ClientError) in
            try context.client.persons(
                district: parsed.value("district"), facility: parsed.value("facility"), status: status, household: parsed.value("household"),
                limit: limit)
        }
        let output = context.output
        if output.printedForScripts(list, csv: { (PersonPresentation.csvHeader, list.persons.map(PersonPresentation.csvRow)) }) { return }
        guard !list.persons.isEmpty else { return output.line(Text("No persons.", nb: "Ingen personer.")) }
        output.table(PersonPresentation.columns, rows: list.persons.map { PersonPresentation.row($0, output.language) })
    }

    static func export(_ context: CommandContext) throws(CommandFailure) {
        let id = try usage { () throws(UsageError) in try personID(context.parsed) }
        let export = try call { () throws(ClientError) in try context.client.exportPerson(id: id) }
        context.output.json(export)
    }

    static func erase(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let (id, reason) = try usage { () throws(UsageError) in
            guard let reason = parsed.value("reason") else {
                throw parsed.usageError(Text("--reason is required: say why", nb: "--reason er påkrevd: si hvorfor"))
            }
            return (try personID(parsed), reason)
        }
        let key = context.idempotencyKey()
        let answer = try call { () throws(ClientError) in try context.client.erasePerson(id: id, reason: reason, idempotencyKey: key) }
        report(answer, Text("erased", nb: "slettet"), context)
    }

    /// What a change answers: the person's number, the change and its event.
    static func report(_ answer: Mutation<PersonResource>, _ what: Text, _ context: CommandContext) {
        let output = context.output
        if output.format == .json { return output.json(answer) }
        let person = answer.resource
        let name = person.details.map { " (\($0.givenName) \($0.familyName))" } ?? ""
        output.line(Text(
            "Person #\(person.id)\(name) \(what.en) (event \(answer.eventSeq)).",
            nb: "Person #\(person.id)\(name) \(what.nb) (hendelse \(answer.eventSeq))."))
    }

    /// The person's number in the argument `argument` (`ID`; `PERSON` in `intro`), `#12` or `12`.
    static func personID(_ parsed: ParsedCommand, argument: String = "ID") throws(UsageError) -> Int64 {
        let text = parsed.argument(argument) ?? ""
        guard let id = Int64(text.hasPrefix("#") ? String(text.dropFirst()) : text), id > 0 else {
            throw parsed.usageError(Text("expected a person's number such as 12, got '\(text)'", nb: "forventet et personnummer som 12, fikk «\(text)»"))
        }
        return id
    }
}

/// The person fields the options give, in the API's spelling; each value checked as far as
/// the CLI can (the daemon checks the rest and names the field).
enum PersonFields {
    /// The fields `person set --clear` empties (sent as `null`), by the option's name.
    static let clearable = ["nationality", "languages", "household", "arrived", "arrived-city", "facility", "district", "vulnerable"]
    private static let clearedFields = [
        "nationality": "nationality", "languages": "languages", "household": "household", "arrived": "arrived_norway",
        "arrived-city": "arrived_city", "facility": "facility", "district": "district", "vulnerable": "vulnerabilities",
    ]

    static func parse(_ parsed: ParsedCommand) throws(UsageError) -> JSONObject {
        var fields = JSONObject()
        for option in parsed.values("clear") {
            guard let field = clearedFields[option] else {
                let accepted = clearable.joined(separator: ", ")
                throw .invalidValue(option: "--clear", value: option, expected: Text(accepted, nb: accepted), path: parsed.path)
            }
            guard parsed.value(option) == nil else {
                throw parsed.usageError(Text("--\(option) and --clear \(option) contradict each other", nb: "--\(option) og --clear \(option) motsier hverandre"))
            }
            fields[field] = .null
        }
        if let duf = parsed.value("duf") {
            guard DUFNumber(parsing: duf) != nil else {
                throw .invalidValue(
                    option: "--duf", value: duf,
                    expected: Text("12 digits starting with the year, such as 201612345678", nb: "12 sifre som begynner med året, som 201612345678"),
                    path: parsed.path)
            }
            fields["duf"] = .string(duf)
        }
        for (option, field) in [
            ("given", "given_name"), ("family", "family_name"), ("nationality", "nationality"), ("household", "household"),
            ("facility", "facility"), ("district", "district"),
        ] {
            if let value = parsed.value(option) { fields[field] = .string(value) }
        }
        let born = try parsed.date("born")
        let bornYear = try parsed.int("born-year", in: 1800...2200)
        if born != nil, bornYear != nil {
            throw parsed.usageError(Text("give --born or --born-year, not both", nb: "oppgi --born eller --born-year, ikke begge"))
        }
        if let born { fields["birth"] = ["date": .string(born.description)] }
        if let bornYear { fields["birth"] = ["year": .integer(Int64(bornYear)), "estimated": true] }
        for (option, value) in [
            ("sex", try parsed.enumValue("sex", PersonSex.self)?.rawValue),
            ("category", try parsed.enumValue("category", PersonCategory.self)?.rawValue),
            ("status", try parsed.enumValue("status", PersonStatus.self)?.rawValue),
        ] {
            if let value { fields[option] = .string(value) }
        }
        for (option, field) in [("arrived", "arrived_norway"), ("arrived-city", "arrived_city")] {
            if let date = try parsed.date(option) { fields[field] = .string(date.description) }
        }
        if let languages = parsed.value("languages") { fields["languages"] = .array(list(languages).map(JSONValue.string)) }
        if let vulnerable = parsed.value("vulnerable") {
            let flags = list(vulnerable)
            if let wrong = flags.first(where: { Vulnerability(rawValue: $0) == nil }) {
                let accepted = Vulnerability.allCases.map(\.rawValue).joined(separator: ", ")
                throw .invalidValue(option: "--vulnerable", value: wrong, expected: Text(accepted, nb: accepted), path: parsed.path)
            }
            fields["vulnerabilities"] = .array(flags.map(JSONValue.string))
        }
        if let unaccompanied = try parsed.choice("unaccompanied", among: ["yes", "no"]) { fields["unaccompanied"] = .bool(unaccompanied == "yes") }
        return fields
    }

    /// `a, b,c` → `["a", "b", "c"]`; empty parts dropped.
    private static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
