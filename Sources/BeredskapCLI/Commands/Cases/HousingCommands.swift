import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore

/// `housing set|list|show|assign|release|mismatch|leases`, each declared with its action
/// (`HousingCommands`).
extension CommandTree {
    private static let housingKinds = HousingKind.allCases.map(\.rawValue).joined(separator: ", ")
    private static let unitID = ArgumentSpec.required("ID", help: Text("the unit's id, e.g. alna-trosterud-4", nb: "boligens id, f.eks. alna-trosterud-4"))

    static let housing = Command(
        "housing",
        summary: Text("housing units for settlement, assignment to cases, mismatch, leases", nb: "boliger for bosetting, tildeling til saker, misforhold, leiekontrakter"),
        discussion: Text(
            """
            Units are declared with operate; assigning and releasing change a case and need
            cases. A unit holds one case and a case one unit; a settled case keeps its unit
            (occupied). A municipal lease ends three years after available-from unless
            --lease-end says otherwise.
            """,
            nb: """
            Boliger registreres med operate; tildeling og frigivelse endrer en sak og krever
            cases. En bolig har én sak og en sak én bolig; en bosatt sak beholder boligen
            (bebodd). En kommunal leiekontrakt slutter tre år etter tilgjengelig-fra med mindre
            --lease-end sier noe annet.
            """),
        subcommands: [housingSet, housingList, housingShow, housingAssign, housingRelease, housingMismatch, housingLeases])

    static let housingSet = Command(
        "set", summary: Text("declare or change a unit", nb: "registrer eller endre en bolig"),
        discussion: help(
            "KIND is one of \(housingKinds).", nb: "TYPE er en av \(housingKinds).",
            examples: ["beredskap housing set alna-trosterud-4 --district alna --kind municipalLeased --rooms 3 --available 2026-10-01"]),
        options: [
            .option("district", short: "d", value: "DISTRICT", help: Text("the district (required)", nb: "bydelen (påkrevd)")),
            .oneOf("kind", value: "KIND", HousingKind.self, help: Text("\(housingKinds) (required)", nb: "\(housingKinds) (påkrevd)")),
            .option("rooms", value: "N", help: Text("rooms (required)", nb: "rom (påkrevd)")),
            .option("size", value: "M2", help: Text("square metres", nb: "kvadratmeter")),
            .flag("accessible", help: Text("step-free, for a wheelchair", nb: "trinnfri, for rullestol")),
            .option("available", value: "DATE", help: Text("available from (required)", nb: "tilgjengelig fra (påkrevd)")),
            .option("lease-end", value: "DATE", help: Text("when a municipal lease ends (default 3 years on)", nb: "når en kommunal leiekontrakt slutter (standard 3 år etter)")),
            .option("note", short: "m", value: "TEXT", help: Text("a note about the unit", nb: "et notat om boligen")),
        ],
        arguments: [unitID], run: HousingCommands.set)

    static let housingList = Command(
        "list", summary: Text("units and where they stand today", nb: "boliger og status i dag"),
        options: [
            only("district", value: "DISTRICT", Text("this district's units", nb: "denne bydelens boliger")),
            .flag("free", help: Text("only free units", nb: "bare ledige boliger")),
        ],
        run: HousingCommands.list)

    static let housingShow = Command(
        "show", summary: Text("one unit", nb: "én bolig"), arguments: [unitID], run: HousingCommands.show)

    static let housingAssign = Command(
        "assign", summary: Text("assign a unit to a case in its district", nb: "tildel en bolig til en sak i bydelen"),
        discussion: help("", nb: "", examples: ["beredskap housing assign alna-trosterud-4 --case 12"]),
        options: [.option("case", value: "N", help: Text("the case number (required)", nb: "saksnummeret (påkrevd)"))],
        arguments: [unitID], run: HousingCommands.assign)

    static let housingRelease = Command(
        "release", summary: Text("free a unit (a settled household moved out, or a change of plan)", nb: "frigi en bolig (en bosatt husstand flyttet ut, eller endret plan)"),
        arguments: [unitID], run: HousingCommands.release)

    static let housingMismatch = Command(
        "mismatch", summary: Text("free homes beside households waiting, per district", nb: "ledige boliger ved siden av husstander som venter, per bydel"),
        discussion: help(
            "Waiting: cases consented or decided, not settled, without a unit.",
            nb: "Venter: saker som er samtykket eller vedtatt, ikke bosatt, uten bolig.",
            examples: ["beredskap housing mismatch", "beredskap housing mismatch --json"]),
        options: [.option("date", value: "DATE", help: Text("on this date (default today)", nb: "på denne datoen (standard i dag)"))],
        run: HousingCommands.mismatch)

    static let housingLeases = Command(
        "leases", summary: Text("municipal leases ending soon, soonest first", nb: "kommunale leiekontrakter som snart slutter, først først"),
        options: [.option("within", value: "DURATION", help: Text(
            "the window, e.g. 90d or 12w (default housing.lease_review_days)", nb: "vinduet, f.eks. 90d eller 12w (standard housing.lease_review_days)"))],
        run: HousingCommands.leases)
}

/// The actions of `housing …`.
enum HousingCommands {
    static func set(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let id = parsed.argument("ID") ?? ""
        let body = try usage { () throws(UsageError) in
            guard let district = parsed.value("district"), let kind = try parsed.enumValue("kind", HousingKind.self),
                let rooms = try parsed.positiveInt("rooms"), let available = try parsed.date("available")
            else {
                throw parsed.usageError(Text(
                    "--district, --kind, --rooms and --available are required", nb: "--district, --kind, --rooms og --available er påkrevd"))
            }
            var size: Double?
            if let text = parsed.value("size") {
                guard let value = Double(text), value > 0 else {
                    throw .invalidValue(option: "--size", value: text, expected: Text("square metres such as 54.5", nb: "kvadratmeter som 54.5"), path: parsed.path)
                }
                size = value
            }
            return HousingUnitBody(
                district: district, kind: kind, rooms: rooms, size: size, accessible: parsed.flag("accessible"),
                availableFrom: available, leaseEnd: try parsed.date("lease-end"), note: parsed.value("note"))
        }
        let key = context.idempotencyKey()
        let answer = try call { () throws(ClientError) in try context.client.putHousingUnit(id: id, body, idempotencyKey: key) }
        report(answer, context)
    }

    static func list(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let list = try call { () throws(ClientError) in
            try context.client.housingUnits(district: parsed.value("district"), freeOnly: parsed.flag("free"))
        }
        let output = context.output
        if output.printedForScripts(list, csv: { (csvHeader, list.units.map(csvRow)) }) { return }
        guard !list.units.isEmpty else { return output.line(Text("No housing units.", nb: "Ingen boliger.")) }
        output.table(columns, rows: list.units.map { row($0, output.language) })
    }

    static func show(_ context: CommandContext) throws(CommandFailure) {
        let id = context.parsed.argument("ID") ?? ""
        let shown = try call { () throws(ClientError) in try context.client.housingUnit(id: id) }
        let output = context.output
        if output.printedForScripts(shown, csv: { (csvHeader, [csvRow(shown)]) }) { return }
        output.table(columns, rows: [row(shown, output.language)])
        if let note = shown.unit.note { output.line(note) }
    }

    static func assign(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let id = parsed.argument("ID") ?? ""
        let caseID = try usage { () throws(UsageError) in
            guard let number = try parsed.positiveInt("case") else {
                throw parsed.usageError(Text("--case is required", nb: "--case er påkrevd"))
            }
            return Int64(number)
        }
        let key = context.idempotencyKey()
        let answer = try call { () throws(ClientError) in try context.client.assignHousing(id: id, case: caseID, idempotencyKey: key) }
        report(answer, context)
    }

    static func release(_ context: CommandContext) throws(CommandFailure) {
        let id = context.parsed.argument("ID") ?? ""
        let key = context.idempotencyKey()
        let answer = try call { () throws(ClientError) in try context.client.releaseHousing(id: id, idempotencyKey: key) }
        report(answer, context)
    }

    static func mismatch(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let date = try usage { () throws(UsageError) in try parsed.date("date") }
        let picture = try call { () throws(ClientError) in try context.client.housingMismatch(date: date?.description) }
        let output = context.output
        if output.printedForScripts(picture, csv: {
            (["district", "free_units", "free_rooms", "coming_units", "waiting_households", "waiting_persons"],
             picture.districts.map { [$0.district, String($0.freeUnits), String($0.freeRooms), String($0.comingUnits), String($0.waitingHouseholds), String($0.waitingPersons)] })
        }) { return }
        // People read district names; scripts (above) get the ids.
        let names = try call { () throws(ClientError) in
            Dictionary(try context.client.districts().districts.map { ($0.id, $0.name) }) { first, _ in first }
        }
        let name = { (id: String) in names[id] ?? id }
        output.table(
            [ListColumn("DISTRICT", nb: "BYDEL"), .number("FREE", nb: "LEDIGE"), .number("ROOMS", nb: "ROM"), .number("COMING", nb: "KOMMER"),
             .number("WAITING", nb: "VENTER"), .number("PERSONS", nb: "PERSONER")],
            rows: picture.districts.map {
                [name($0.district), String($0.freeUnits), String($0.freeRooms), String($0.comingUnits), String($0.waitingHouseholds),
                 String($0.waitingPersons)]
            })
        let none = Text("none", nb: "ingen")(output.language)
        output.line(Text("Homes, no one waiting: ", nb: "Boliger, ingen venter: ")(output.language)
            + (picture.homesWithoutHouseholds.isEmpty ? none : picture.homesWithoutHouseholds.map(name).joined(separator: ", ")))
        output.line(Text("Waiting, no homes: ", nb: "Venter, ingen boliger: ")(output.language)
            + (picture.householdsWithoutHomes.isEmpty ? none : picture.householdsWithoutHomes.map(name).joined(separator: ", ")))
    }

    static func leases(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let within = try usage { () throws(UsageError) in try parsed.duration("within") }
        let days = within.map { max(1, Int($0.milliseconds / 86_400_000)) }
        let list = try call { () throws(ClientError) in try context.client.housingLeases(within: days.map { "P\($0)D" }) }
        let output = context.output
        if output.printedForScripts(list, csv: {
            (["unit", "district", "lease_end", "days_left", "case"],
             list.leases.map { [$0.unit.id, $0.unit.district, $0.leaseEnd.description, String($0.daysLeft), $0.unit.assignedCase.map(String.init) ?? ""] })
        }) { return }
        guard !list.leases.isEmpty else {
            return output.line(Text("No municipal lease ends within \(list.withinDays) days.", nb: "Ingen kommunal leiekontrakt slutter innen \(list.withinDays) dager."))
        }
        output.table(
            [ListColumn("UNIT", nb: "BOLIG"), ListColumn("DISTRICT", nb: "BYDEL"), ListColumn("LEASE ENDS", nb: "KONTRAKT SLUTTER"),
             .number("DAYS LEFT", nb: "DAGER IGJEN"), ListColumn("CASE", nb: "SAK")],
            rows: list.leases.map { [$0.unit.id, $0.unit.district, $0.leaseEnd.description, String($0.daysLeft), $0.unit.assignedCase.map { "#\($0)" } ?? ""] })
    }

    private static func report(_ answer: Mutation<HousingUnitResource>, _ context: CommandContext) {
        let output = context.output
        if output.format == .json { return output.json(answer) }
        let unit = answer.resource.unit
        let status = name(answer.resource.status)
        output.line(Text(
            "Unit \(unit.id) (\(unit.district)) is \(status.en)" + (unit.leaseEnd.map { ", lease ends \($0)" } ?? "") + " (event \(answer.eventSeq)).",
            nb: "Bolig \(unit.id) (\(unit.district)) er \(status.nb)" + (unit.leaseEnd.map { ", kontrakten slutter \($0)" } ?? "") + " (hendelse \(answer.eventSeq))."))
    }

    static func name(_ status: HousingUnitStatus) -> Text {
        switch status {
        case .free: Text("free", nb: "ledig")
        case .coming: Text("coming", nb: "kommer")
        case .reserved: Text("reserved", nb: "reservert")
        case .occupied: Text("occupied", nb: "bebodd")
        case .leaseEnded: Text("leaseEnded", nb: "kontrakt utløpt")
        }
    }

    static let columns: [ListColumn] = [
        ListColumn("ID", nb: "ID"), ListColumn("DISTRICT", nb: "BYDEL"), ListColumn("KIND", nb: "TYPE"), .number("ROOMS", nb: "ROM"),
        .number("M²", nb: "M²"), ListColumn("ACCESSIBLE", nb: "TILGJENGELIG"), ListColumn("FROM", nb: "FRA"),
        ListColumn("LEASE ENDS", nb: "KONTRAKT SLUTTER"), ListColumn("STATUS", nb: "STATUS"), ListColumn("CASE", nb: "SAK"),
    ]

    static func row(_ resource: HousingUnitResource, _ language: Language) -> [String] {
        let unit = resource.unit
        return [
            unit.id, unit.district, unit.kind.name(language), String(unit.rooms), unit.size.map { String($0) } ?? "",
            unit.accessible ? Text("yes", nb: "ja")(language) : "", unit.availableFrom.description, unit.leaseEnd?.description ?? "",
            name(resource.status)(language), unit.assignedCase.map { "#\($0)" } ?? "",
        ]
    }

    static let csvHeader = ["id", "district", "kind", "rooms", "size", "accessible", "available_from", "lease_end", "status", "case", "note"]

    static func csvRow(_ resource: HousingUnitResource) -> [String] {
        let unit = resource.unit
        return [
            unit.id, unit.district, unit.kind.rawValue, String(unit.rooms), unit.size.map { String($0) } ?? "", String(unit.accessible),
            unit.availableFrom.description, unit.leaseEnd?.description ?? "", resource.status.rawValue,
            unit.assignedCase.map(String.init) ?? "", unit.note ?? "",
        ]
    }
}
