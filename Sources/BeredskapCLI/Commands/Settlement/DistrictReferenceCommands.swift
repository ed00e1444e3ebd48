import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore
import Foundation

/// `district list|show|set`, each declared with its action (`DistrictReferenceCommands`).
/// (`districts`, the short list facilities refer to, stays as it was.)
extension CommandTree {
    static let district = Command(
        "district",
        summary: Text("districts with their settlement reference data: list, show, change", nb: "bydeler med referansetall for bosetting: vis, endre"),
        subcommands: [districtList, districtShow, districtSet])

    static let districtList = Command(
        "list",
        summary: Text("every district with its latest figures and contact point", nb: "alle bydeler med siste tall og kontaktpunkt"),
        discussion: help(
            "", nb: "",
            examples: ["beredskap district list", "beredskap district list --csv > bydeler.csv"]),
        run: DistrictReferenceCommands.list)

    static let districtShow = Command(
        "show",
        summary: Text("one district with every figure by year", nb: "én bydel med alle tall per år"),
        discussion: help("", nb: "", examples: ["beredskap district show sagene", "beredskap district show sagene --json"]),
        arguments: [districtArgument],
        run: DistrictReferenceCommands.show)

    static let districtSet = Command(
        "set",
        summary: Text("change some of a district's reference data", nb: "endre noe av en bydels referansetall"),
        discussion: help(
            """
            Reads the district, changes the options given and stores it. Figures by year are
            YEAR=VALUE and may be repeated (--population 2016=51444 --population 2020=58671).
            --contact-name none removes the contact point, --housing-units none the number of
            homes, an empty --contact-email or --contact-phone that field.
            """,
            nb: """
            Leser bydelen, endrer valgene som er gitt og lagrer den. Tall per år er ÅR=VERDI og
            kan gjentas (--population 2016=51444 --population 2020=58671). --contact-name none
            fjerner kontaktpunktet, --housing-units none antallet boliger, en tom
            --contact-email eller --contact-phone det feltet.
            """,
            examples: [
                "beredskap district set sagene --contact-name \"Bosettingskontoret\" --contact-email bosetting@bsa.oslo.kommune.no \\",
                "  --contact-phone \"+47 21 80 21 80\"",
                "beredskap district set alna --minors-service child-welfare --housing-units 120 --immigrant-share 2015=34.3",
            ]),
        options: [
            .option("contact-name", value: "NAME", help: Text("who to contact about settlement; none removes the contact", nb: "hvem som kontaktes om bosetting; none fjerner kontakten")),
            .option("contact-email", value: "EMAIL", help: Text("the contact's e-mail", nb: "kontaktens e-post")),
            .option("contact-phone", value: "PHONE", help: Text("the contact's phone", nb: "kontaktens telefon")),
            .option("minors-service", value: "SERVICE", help: Text(
                "who settles unaccompanied minors: child-welfare or nav", nb: "hvem som bosetter enslige mindreårige: child-welfare eller nav")),
            .option("housing-units", value: "N", help: Text("municipal homes for settlement; none clears it", nb: "kommunale boliger for bosetting; none tømmer det")),
            .option("population", value: "YEAR=N", help: Text("population on 1 January", nb: "folketall 1. januar"), repeatable: true),
            .option("immigrant-share", value: "YEAR=P", help: Text("immigrants in percent", nb: "innvandrere i prosent"), repeatable: true),
            .option("refugees-per-1000", value: "YEAR=X", help: Text(
                "refugees settled per 1000 inhabitants", nb: "bosatte flyktninger per 1000 innbyggere"), repeatable: true),
        ],
        arguments: [districtArgument],
        run: DistrictReferenceCommands.set)

    static let districtArgument = ArgumentSpec.required("ID", help: Text("the district id, e.g. sagene", nb: "bydelens id, f.eks. sagene"))
}

/// `district list`, `district show` and `district set` (read, change, PUT).
enum DistrictReferenceCommands {
    static func list(_ context: CommandContext) throws(CommandFailure) {
        let list = try call { () throws(ClientError) in try context.client.districts() }
        let output = context.output
        let districts = list.districts.sorted { ($0.number, $0.id) < ($1.number, $1.id) }
        guard !output.printedForScripts(list, csv: { (csvHeader, districts.map(csvRow)) }) else { return }
        output.table(
            [
                .number("NO.", nb: "NR."), ListColumn("ID", nb: "ID"), ListColumn("NAME", nb: "NAVN"),
                .number("POPULATION", nb: "FOLKETALL"), .number("IMMIGRANTS", nb: "INNVANDRERE"),
                .number("REFUGEES ‰", nb: "FLYKTNINGER ‰"), ListColumn("MINORS", nb: "EM"), .number("HOMES", nb: "BOLIGER"),
                ListColumn("CONTACT", nb: "KONTAKT", maxWidth: 30),
            ],
            rows: districts.map { district in
                [
                    String(district.number), district.id, district.name,
                    latest(district.population.mapValues(Double.init)) { String(Int($0)) },
                    latest(district.immigrantShare) { String(format: "%.1f %%", $0) },
                    latest(district.refugeesPer1000) { String(format: "%.1f", $0) },
                    district.minorsService?.name(output.language) ?? "–",
                    district.municipalHousingUnits.map(String.init) ?? "–", district.contact?.name ?? "–",
                ]
            })
    }

    static func show(_ context: CommandContext) throws(CommandFailure) {
        let id = context.parsed.argument("ID") ?? ""
        present(try call { () throws(ClientError) in try context.client.district(id: id) }, context.output)
    }

    static func set(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let id = parsed.argument("ID") ?? ""
        let changes = try usage { () throws(UsageError) in try DistrictChanges(parsed) }
        let district = try call { () throws(ClientError) in try context.client.district(id: id) }
        let key = context.idempotencyKey()
        let changed = try call { () throws(ClientError) in
            try context.client.putDistrict(id: id, DistrictBody(changes.applied(to: district)), idempotencyKey: key)
        }
        let output = context.output
        guard output.format == .human else { return present(changed.district, output) }
        let name = "\(changed.district.id) (\(changed.district.name))"
        output.line(changed.changed
            ? Text("Updated \(name), event #\(changed.eventSeq).", nb: "Oppdatert \(name), hendelse #\(changed.eventSeq).")
            : Text("No change to \(name).", nb: "Ingen endring for \(name)."))
    }

    static let csvHeader = [
        "number", "id", "name", "population", "immigrant_share", "refugees_per_1000", "minors_service", "municipal_housing_units",
        "contact_name", "contact_email", "contact_phone",
    ]

    /// Figures by year as `2016=51444 2020=58671`, so one cell holds them all.
    static func csvRow(_ district: District) -> [String] {
        func years<V>(_ figures: [String: V]) -> String { figures.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ") }
        return [
            String(district.number), district.id, district.name, years(district.population), years(district.immigrantShare),
            years(district.refugeesPer1000), district.minorsService?.rawValue ?? "", district.municipalHousingUnits.map(String.init) ?? "",
            district.contact?.name ?? "", district.contact?.email ?? "", district.contact?.phone ?? "",
        ]
    }

    /// The latest year's figure, `51444 (2016)`, or `–`.
    static func latest(_ figures: [String: Double], _ format: (Double) -> String) -> String {
        guard let year = figures.keys.max(), let value = figures[year] else { return "–" }
        return "\(format(value)) (\(year))"
    }

    static func present(_ district: District, _ output: Output) {
        switch output.format {
        case .json: return output.json(district)
        case .csv: return output.csv(header: csvHeader, rows: [csvRow(district)])
        case .human: break
        }
        func byYear(_ figures: [String: String]) -> String {
            figures.isEmpty ? "–" : figures.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
        }
        var rows: [(Text, String)] = [
            (Text("District", nb: "Bydel"), output.style.bold("\(district.name) (\(district.id), \(district.number))")),
            (Text("Population", nb: "Folketall"), byYear(district.population.mapValues(String.init))),
            (Text("Immigrant share", nb: "Andel innvandrere"), byYear(district.immigrantShare.mapValues { String(format: "%.1f %%", $0) })),
            (Text("Refugees per 1000", nb: "Flyktninger per 1000"), byYear(district.refugeesPer1000.mapValues { String(format: "%.1f", $0) })),
            (Text("Minors settled by", nb: "EM bosettes av"), district.minorsService?.name(output.language) ?? "–"),
            (Text("Municipal homes", nb: "Kommunale boliger"), district.municipalHousingUnits.map(String.init) ?? "–"),
        ]
        if let contact = district.contact {
            rows.append((Text("Contact", nb: "Kontakt"), [contact.name, contact.email, contact.phone].compactMap { $0 }.joined(separator: ", ")))
        } else {
            rows.append((Text("Contact", nb: "Kontakt"), "–"))
        }
        output.keyValues(rows)
    }
}

/// The reference data `district set` was given, applied over the district as it is.
struct DistrictChanges: Equatable {
    static let clearWord = FacilityOptions.clearWord

    var contactName: String?
    var contactEmail: String?
    var contactPhone: String?
    var minorsService: MinorsService?
    var housingUnits: FacilityOptions.Change<Int>?
    var population: [String: Int] = [:]
    var immigrantShare: [String: Double] = [:]
    var refugeesPer1000: [String: Double] = [:]

    init(_ parsed: ParsedCommand) throws(UsageError) {
        contactName = parsed.value("contact-name")
        contactEmail = parsed.value("contact-email")
        contactPhone = parsed.value("contact-phone")
        if let service = parsed.value("minors-service") {
            switch service {
            case "child-welfare", MinorsService.childWelfare.rawValue: minorsService = .childWelfare
            case MinorsService.nav.rawValue, "NAV": minorsService = .nav
            default:
                throw parsed.usageError(Text(
                    "--minors-service: expected child-welfare or nav, not '\(service)'",
                    nb: "--minors-service: forventet child-welfare eller nav, ikke «\(service)»"))
            }
        }
        if parsed.value("housing-units") == Self.clearWord {
            housingUnits = .clear
        } else if let units = try parsed.int("housing-units", in: 0...District.maximumHousingUnits) {
            housingUnits = .set(units)
        }
        population = try Self.byYear(parsed, "population") { Int($0) }
        immigrantShare = try Self.byYear(parsed, "immigrant-share") { Double($0.replacingOccurrences(of: ",", with: ".")) }
        refugeesPer1000 = try Self.byYear(parsed, "refugees-per-1000") { Double($0.replacingOccurrences(of: ",", with: ".")) }
        guard self != DistrictChanges() else {
            throw parsed.usageError(Text(
                "nothing to change: give at least one option, e.g. --contact-name or --housing-units",
                nb: "ingenting å endre: gi minst ett valg, f.eks. --contact-name eller --housing-units"))
        }
    }

    private init() {}

    /// `2016=51444` for each value of a repeatable option.
    static func byYear<V>(_ parsed: ParsedCommand, _ option: String, _ convert: (String) -> V?) throws(UsageError) -> [String: V] {
        var figures: [String: V] = [:]
        for text in parsed.values(option) {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[0].count == 4, Int(parts[0]) != nil, let value = convert(parts[1]) else {
                throw parsed.usageError(Text(
                    "--\(option): expected YEAR=VALUE such as 2016=51444, not '\(text)'",
                    nb: "--\(option): forventet ÅR=VERDI som 2016=51444, ikke «\(text)»"))
            }
            figures[parts[0]] = value
        }
        return figures
    }

    func applied(to district: District) -> District {
        var district = district
        district.population.merge(population) { _, new in new }
        district.immigrantShare.merge(immigrantShare) { _, new in new }
        district.refugeesPer1000.merge(refugeesPer1000) { _, new in new }
        if let minorsService { district.minorsService = minorsService }
        if let housingUnits { district.municipalHousingUnits = housingUnits.value }
        if contactName == Self.clearWord {
            district.contact = nil
        } else if contactName != nil || contactEmail != nil || contactPhone != nil {
            var contact = district.contact ?? DistrictContact(name: "")
            if let contactName { contact.name = contactName }
            if let contactEmail { contact.email = contactEmail.isEmpty ? nil : contactEmail }
            if let contactPhone { contact.phone = contactPhone.isEmpty ? nil : contactPhone }
            district.contact = contact
        }
        return district
    }
}
