import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore

/// How a person, a list of persons and their milestones and deadlines are shown to people.
enum PersonPresentation {
    static func show(_ person: PersonResource, _ output: Output) {
        let language = output.language
        var rows: [(Text, String)] = [(Text("Person", nb: "Person"), "#\(person.id)")]
        if let details = person.details {
            rows += [
                (Text("Name", nb: "Navn"), "\(details.givenName) \(details.familyName)"),
                (Text("DUF", nb: "DUF"), details.duf.digits),
                (Text("Born", nb: "Født"), born(details.birth, language)),
                (Text("Sex", nb: "Kjønn"), details.sex.name(language)),
            ]
            let optional: [(Text, String?)] = [
                (Text("Nationality", nb: "Nasjonalitet"), details.nationality),
                (Text("Languages", nb: "Språk"), details.languages?.joined(separator: ", ")),
                (Text("Household", nb: "Husstand"), details.household),
                (Text("Arrived in Norway", nb: "Ankom Norge"), details.arrivedNorway?.description),
                (Text("Arrived in Oslo", nb: "Ankom Oslo"), details.arrivedCity?.description),
                (Text("Facility", nb: "Mottak"), details.facility),
            ]
            rows += optional.compactMap { label, value in value.flatMap { $0.isEmpty ? nil : (label, $0) } }
            if details.unaccompanied == true { rows.append((Text("Unaccompanied", nb: "Enslig mindreårig"), Text("yes", nb: "ja")(language))) }
            if let flags = details.vulnerabilities, !flags.isEmpty {
                rows.append((Text("Vulnerable", nb: "Sårbarhet"), flags.map { $0.name(language) }.joined(separator: ", ")))
            }
        } else {
            rows.append((Text("Erased", nb: "Slettet"), person.erasedOn?.description ?? "–"))
        }
        rows += [
            (Text("Category", nb: "Kategori"), person.category.name(language)),
            (Text("Status", nb: "Status"), person.status.name(language)),
            (Text("District", nb: "Bydel"), person.district ?? "–"),
        ]
        var table = Table(columns: [Table.Column(""), Table.Column("")])
        table.showsHeader = false
        for (label, value) in rows { table.addRow([label(language), value]) }
        output.table(table)

        let milestones = person.milestones ?? []
        if !milestones.isEmpty {
            output.line("")
            output.table(
                [ListColumn("MILESTONE", nb: "MILEPÆL"), ListColumn("DATE", nb: "DATO"), ListColumn("CORRECTED FROM", nb: "KORRIGERT FRA"),
                 ListColumn("NOTE", nb: "NOTAT", maxWidth: 40)],
                rows: milestones.map { milestone in
                    [milestone.milestone.name(language), milestone.date.description,
                     milestone.corrections.map(\.from.description).joined(separator: ", "), milestone.note ?? ""]
                })
        }
        let deadlines = (person.deadlines ?? []).filter { $0.state != .notApplicable }
        if !deadlines.isEmpty {
            output.line("")
            output.table(
                [ListColumn("DEADLINE", nb: "FRIST"), ListColumn("STATE", nb: "TILSTAND"), ListColumn("DUE", nb: "FORFALL")],
                rows: deadlines.map { deadline in
                    [DeadlineRule.name(of: deadline.rule)(language), state(deadline.state)(language) + (deadline.late ? Text(" (late)", nb: " (for sent)")(language) : ""),
                     deadline.dueDate?.description ?? ""]
                })
        }
    }

    /// The API's word in English; bokmål as the office says it.
    static func state(_ state: DeadlineState) -> Text {
        switch state {
        case .notApplicable: Text(state.rawValue, nb: "gjelder ikke")
        case .due: Text(state.rawValue, nb: "løper")
        case .dueSoon: Text(state.rawValue, nb: "fristen nærmer seg")
        case .met: Text(state.rawValue, nb: "oppfylt")
        case .overdue: Text(state.rawValue, nb: "over fristen")
        }
    }

    static func born(_ birth: PersonBirth, _ language: Language) -> String {
        switch birth {
        case .date(let date): date.description
        case .estimatedYear(let year): Text("\(year) (estimated)", nb: "\(year) (anslått)")(language)
        }
    }

    static let columns: [ListColumn] = [
        .number("PERSON", nb: "PERSON"), ListColumn("NAME", nb: "NAVN", maxWidth: 40), ListColumn("BORN", nb: "FØDT"),
        ListColumn("STATUS", nb: "STATUS"), ListColumn("DISTRICT", nb: "BYDEL"), ListColumn("FACILITY", nb: "MOTTAK"),
        ListColumn("HOUSEHOLD", nb: "HUSSTAND"),
    ]

    static func row(_ person: PersonResource, _ language: Language) -> [String] {
        let details = person.details
        return [
            "#\(person.id)", details.map { "\($0.familyName), \($0.givenName)" } ?? Text("(erased)", nb: "(slettet)")(language),
            details.map { born($0.birth, language) } ?? "", person.status.name(language), person.district ?? "", details?.facility ?? "",
            details?.household ?? "",
        ]
    }

    static let csvHeader = [
        "id", "duf", "given_name", "family_name", "birth", "birth_estimated", "sex", "category", "status", "district", "facility",
        "household", "erased",
    ]

    static func csvRow(_ person: PersonResource) -> [String] {
        let details = person.details
        return [
            String(person.id), details?.duf.digits ?? "", details?.givenName ?? "", details?.familyName ?? "",
            details.map { birth in
                switch birth.birth {
                case .date(let date): date.description
                case .estimatedYear(let year): String(year)
                }
            } ?? "", details.map { $0.birth.estimated ? "true" : "false" } ?? "", details?.sex.rawValue ?? "", person.category.rawValue, person.status.rawValue,
            person.district ?? "", details?.facility ?? "", details?.household ?? "", person.erased ? "true" : "false",
        ]
    }
}
