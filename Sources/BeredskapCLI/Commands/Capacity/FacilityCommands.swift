import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore
import BeredskapJSON

/// `facility list|show|add|set`, each declared with its action (`FacilityCommands`).
extension CommandTree {
    static let facility = Command(
        "facility",
        summary: Text("reception facilities: list, show, add, change", nb: "mottak: vis, legg til, endre"),
        discussion: help(
            """
            Kinds: \(kinds).
            Statuses: \(statuses). Only open and closing facilities count as capacity;
            planned and standby ones are the reserve.
            """,
            nb: """
            Typer: \(kinds).
            Statuser: \(statuses). Bare åpne mottak og mottak under avvikling teller som
            kapasitet; planlagte mottak og mottak i beredskap er reserven.
            """),
        subcommands: [facilityList, facilityShow, facilityAdd, facilitySet])

    static let facilityList = Command(
        "list",
        summary: Text("list facilities with occupancy and utilization", nb: "vis mottak med belegg"),
        discussion: help(
            """
            UTIL is occupied over available places (capacity less blocked); '!' marks more
            people than places. NOTES says 'over capacity', 'over cap' (stored above the cap
            with an override) and 'stale' (no recent head count). On a terminal these rows are
            red or yellow.
            """,
            nb: """
            BELEGG er belagte over tilgjengelige plasser (kapasitet minus plasser ute av bruk);
            «!» betyr flere personer enn plasser. MERKNAD sier «overbelagt», «over taket»
            (lagret over taket med unntak) og «utdatert» (ingen fersk opptelling). I en terminal
            er disse radene røde eller gule.
            """,
            examples: [
                "beredskap facility list",
                "beredskap facility list --kind transit --status open",
                "beredskap facility list --district bjerke --csv > mottak.csv",
            ]),
        options: [
            only("kind", value: "KIND", Text("this kind", nb: "denne typen"), FacilityKind.self),
            only("status", value: "STATUS", Text("this status", nb: "denne statusen"), FacilityStatus.self),
            only("district", value: "DISTRICT", Text("this district id, e.g. bjerke", nb: "denne bydelen, f.eks. bjerke")),
        ],
        run: FacilityCommands.list)

    static let facilityShow = Command(
        "show",
        summary: Text("show one facility", nb: "vis ett mottak"),
        discussion: help(
            "", nb: "",
            examples: [
                "beredskap facility show refstad",
                "beredskap facility show refstad --json",
            ]),
        arguments: [idArgument],
        run: FacilityCommands.show)

    static let facilityAdd = Command(
        "add",
        summary: Text("create a facility (an existing one is changed with 'facility set')", nb: "opprett et mottak (et som finnes, endres med «facility set»)"),
        discussion: help(
            """
            Sends the whole definition; an id that exists is refused, never replaced: use
            'facility set' to change it. Capacity or expansion above the cap (1000 by default) is
            refused unless an administrator gives --cap-override with a reason; that is
            audited, and the facility_cap alert is critical until the capacity is back within the cap.
            """,
            nb: """
            Sender hele definisjonen; en id som finnes, avvises og erstattes aldri: bruk
            «facility set» for å endre det. Kapasitet eller utvidelse over taket (1000 som standard)
            avvises med mindre en administrator gir --cap-override med en begrunnelse; det
            revideres, og varselet facility_cap er kritisk til kapasiteten er innenfor taket igjen.
            """,
            examples: [
                "beredskap facility add refstad --name \"Refstad transittmottak\" --kind transit \\",
                "  --status open --operator Hero --authority UDI --capacity 300 --district bjerke",
                "beredskap facility add oslo-mottak --name \"Oslo mottak\" --kind ordinary \\",
                "  --status open --operator \"Oslo kommune\" --authority UDI --capacity 150 --expansion 180",
            ]),
        options: facilityOptions(patch: false),
        arguments: [idArgument],
        run: FacilityCommands.add)

    static let facilitySet = Command(
        "set",
        summary: Text("change some fields of a facility", nb: "endre enkeltfelt for et mottak"),
        discussion: help(
            """
            Sends only the options given (PATCH). '--district none' and '--expansion none'
            clear them; '--note ""' removes the note.
            """,
            nb: """
            Sender bare valgene som er gitt (PATCH). «--district none» og «--expansion none»
            tømmer dem; «--note ""» fjerner merknaden.
            """,
            examples: [
                "beredskap facility set refstad --status standby",
                "beredskap facility set refstad --capacity 320 --blocked 20 --note \"Fløy B stengt for reparasjon\"",
                "beredskap facility set refstad --capacity 1200 --cap-override \"Vedtak i beredskapsrådet 22. nov\"",
            ]),
        options: facilityOptions(patch: true),
        arguments: [idArgument],
        run: FacilityCommands.set)

    /// The fields of `facility add` and `facility set`: the same names, told apart only in
    /// whether a value can be cleared.
    private static func facilityOptions(patch: Bool) -> [OptionSpec] {
        let clears = patch ? Text("; none clears it", nb: "; none tømmer det") : Text("", nb: "")
        return [
            .option("name", value: "NAME", help: Text("the facility's name", nb: "mottakets navn")),
            .oneOf("kind", value: "KIND", FacilityKind.self, help: Text("what it is for: \(kinds)", nb: "hva det er: \(kinds)")),
            .oneOf("status", value: "STATUS", FacilityStatus.self, help: Text(statuses, nb: statuses)),
            .option("operator", value: "NAME", help: Text("who runs it (e.g. Hero)", nb: "hvem som driver det (f.eks. Hero)")),
            .oneOf("authority", value: "AUTHORITY", Authority.self, help: Text("who is responsible: \(authorities)", nb: "hvem som har ansvaret: \(authorities)")),
            .option("capacity", value: "N", help: Text("places", nb: "plasser")),
            .option("expansion", value: "N", help: Text("places it can be expanded to", nb: "plasser det kan utvides til") + clears),
            .option("blocked", value: "N", help: Text("places out of use (default 0)", nb: "plasser ute av bruk (standard 0)")),
            .option("district", value: "DISTRICT", help: Text("the district id, e.g. bjerke", nb: "bydelens id, f.eks. bjerke") + clears),
            .option("note", value: "TEXT", help: Text("a note", nb: "en merknad")),
            .option("cap-override", value: "REASON", help: Text(
                "store capacity above the cap, with the reason (admin only)",
                nb: "lagre kapasitet over taket, med begrunnelse (bare admin)")),
        ]
    }
}

/// `facility list`, `facility show`, `facility add` (PUT) and `facility set` (PATCH).
enum FacilityCommands {
    static func list(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let kind = try usage { () throws(UsageError) in try parsed.enumValue("kind", FacilityKind.self) }
        let status = try usage { () throws(UsageError) in try parsed.enumValue("status", FacilityStatus.self) }
        let list = try call { () throws(ClientError) in
            try context.client.facilities(kind: kind, status: status, district: parsed.value("district"))
        }
        let output = context.output
        if output.format == .json { return output.json(list) }
        if output.format == .human && list.facilities.isEmpty {
            return output.line(Text("No facilities.", nb: "Ingen mottak."))
        }
        printRows(list.facilities, output)
        if output.format == .human {
            output.line(Text("Together: ", nb: "Samlet: ") + PictureCommands.summary(list.total) + Text(".", nb: "."))
            output.line(output.style.dim(Text(
                "Cap: \(list.cap) places per facility.", nb: "Tak: \(list.cap) plasser per mottak.")(output.language)))
        }
    }

    static func show(_ context: CommandContext) throws(CommandFailure) {
        let id = context.parsed.argument("ID") ?? ""
        let facility = try call { () throws(ClientError) in try context.client.facility(id: id) }
        present(facility, context.output)
    }

    /// Creates the whole definition: every required field must be given. An existing id is
    /// refused by the daemon (`facility set` changes one), never replaced.
    static func add(_ context: CommandContext) throws(CommandFailure) {
        let id = context.parsed.argument("ID") ?? ""
        let body = try usage { () throws(UsageError) in try FacilityOptions(context.parsed).body(context.parsed) }
        let key = context.idempotencyKey()
        let changed = try call { () throws(ClientError) in
            try context.client.putFacility(id: id, body, createOnly: true, idempotencyKey: key)
        }
        report(changed, replacing: true, context.output)
    }

    /// Changes only the fields given; `none` clears district and expansion.
    static func set(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let id = parsed.argument("ID") ?? ""
        let patch = try usage { () throws(UsageError) in try FacilityOptions(parsed).patch(parsed) }
        let key = context.idempotencyKey()
        let changed = try call { () throws(ClientError) in try context.client.patchFacility(id: id, patch, idempotencyKey: key) }
        report(changed, replacing: false, context.output)
    }

    // MARK: Printing

    static let columns: [ListColumn] = [
        ListColumn("ID", nb: "ID"),
        ListColumn("NAME", nb: "NAVN", maxWidth: 32),
        ListColumn("KIND", nb: "TYPE"),
        ListColumn("STATUS", nb: "STATUS"),
        ListColumn("DISTRICT", nb: "BYDEL"),
        .number("CAPACITY", nb: "PLASSER"),
        .number("OCCUPIED", nb: "BELAGT"),
        .number("FREE", nb: "LEDIG"),
        .number("UTIL", nb: "BELEGG"),
        ListColumn("REPORTED", nb: "RAPPORTERT"),
        ListColumn("NOTES", nb: "MERKNAD"),
    ]

    /// The facilities as CSV or a table, over-full and over-cap rows red, stale ones yellow.
    static func printRows(_ facilities: [FacilityResource], _ output: Output) {
        guard output.format != .csv else { return output.csv(header: csvHeader, rows: facilities.map(csvRow)) }
        let rows = facilities.map { facility -> [String] in
            let marks = CapacityFormat.Marks(facility)
            return [
                facility.id, facility.name, facility.kind.name(output.language), facility.status.name(output.language),
                facility.district ?? "–", capacityCell(facility), String(facility.occupied), String(facility.free), marks.utilization(facility.utilization),
                output.time(facility.lastReportAt), marks.notes(output.language),
            ]
        }
        output.table(columns, rows: rows, rowStyles: facilities.map { CapacityFormat.Marks($0).rowStyle(output.style) })
    }

    /// Every field a spreadsheet may want, named as in the JSON.
    static let csvHeader = [
        "id", "name", "kind", "status", "operator", "district", "authority", "capacity", "expansion_capacity", "blocked",
        "available", "occupied", "free", "utilization", "over_capacity", "over_cap", "stale", "last_report_at", "note",
    ]

    static func csvRow(_ facility: FacilityResource) -> [String] {
        [
            facility.id, facility.name, facility.kind.rawValue, facility.status.rawValue, facility.operator,
            facility.district ?? "", facility.authority.rawValue, String(facility.capacity),
            facility.expansionCapacity.map(String.init) ?? "", String(facility.blocked), String(facility.available),
            String(facility.occupied), String(facility.free), facility.utilization.map { String($0) } ?? "",
            String(facility.overCapacity), String(facility.overCap), String(facility.stale),
            facility.lastReportAt?.rfc3339 ?? "", facility.note ?? "",
        ]
    }

    /// `120`, or `120 (−10)` when places are out of use, so the utilization's divisor is visible.
    static func capacityCell(_ facility: FacilityResource) -> String {
        facility.blocked > 0 ? "\(facility.capacity) (−\(facility.blocked))" : String(facility.capacity)
    }

    /// One facility as a block of labelled lines.
    static func present(_ facility: FacilityResource, _ output: Output) {
        switch output.format {
        case .json: return output.json(facility)
        case .csv: return printRows([facility], output)
        case .human: break
        }
        let marks = CapacityFormat.Marks(facility)
        var rows: [(Text, String)] = [
            (Text("Facility", nb: "Mottak"), output.style.bold("\(facility.name) (\(facility.id))")),
            (Text("Kind", nb: "Type"), facility.kind.name(output.language)),
            (Text("Status", nb: "Status"), facility.status.name(output.language)),
            (Text("Operator", nb: "Driftsoperatør"), facility.operator),
            (Text("Authority", nb: "Ansvarlig"), facility.authority.name(output.language)),
            (Text("District", nb: "Bydel"), facility.district ?? "–"),
            (Text("Capacity", nb: "Kapasitet"), String(facility.capacity)),
            (Text("Expansion capacity", nb: "Utvidet kapasitet"), CapacityFormat.optional(facility.expansionCapacity)),
            (Text("Blocked", nb: "Ute av bruk"), String(facility.blocked)),
            (Text("Available", nb: "Tilgjengelig"), String(facility.available)),
            (Text("Occupied", nb: "Belagt"), String(facility.occupied)),
            (Text("Free", nb: "Ledig"), String(facility.free)),
            (Text("Utilization", nb: "Belegg"), marks.rowStyle(output.style)(marks.utilization(facility.utilization))),
            (Text("Last head count", nb: "Siste opptelling"),
             output.time(facility.lastReportAt)
                + (facility.stale ? " " + output.style.yellow(Text("(stale)", nb: "(utdatert)")(output.language)) : "")),
            (Text("Last change", nb: "Siste endring"), output.time(facility.lastChangeAt)),
        ]
        if let override = facility.capOverride {
            rows.append((
                Text("Cap override", nb: "Unntak fra taket"),
                output.style.red(Text(
                    "above the cap of \(override.cap): \(override.reason) (\(override.by), \(output.time(override.at)))",
                    nb: "over taket på \(override.cap): \(override.reason) (\(override.by), \(output.time(override.at)))")(output.language))))
        }
        if let note = facility.note { rows.append((Text("Note", nb: "Merknad"), note)) }
        rows.append((Text("Updated", nb: "Oppdatert"), output.time(facility.updatedAt)))
        output.keyValues(rows)
    }

    /// What a PUT or PATCH did, in one line (or the facility as JSON/CSV).
    static func report(_ changed: FacilityChanged, replacing: Bool, _ output: Output) {
        let facility = changed.facility
        switch output.format {
        case .json: return output.json(changed)
        case .csv: return printRows([facility], output)
        case .human: break
        }
        let name = "\(facility.id) (\(facility.name))"
        let what: Text
        if changed.created {
            what = Text("Created \(name)", nb: "Opprettet \(name)")
        } else if !changed.changed {
            what = Text("No change to \(name)", nb: "Ingen endring for \(name)")
        } else if replacing {
            what = Text("Replaced \(name)", nb: "Erstattet \(name)")
        } else {
            what = Text("Updated \(name)", nb: "Oppdatert \(name)")
        }
        let figures = Text(
            ": \(facility.status.name.en), \(facility.available) places available, \(facility.occupied) occupied (\(CapacityFormat.percent(facility.utilization))), event #\(changed.eventSeq).",
            nb: ": \(facility.status.name.nb), \(facility.available) plasser tilgjengelig, \(facility.occupied) belagt (\(CapacityFormat.percent(facility.utilization))), hendelse #\(changed.eventSeq).")
        output.line(what + figures)
        if facility.overCap {
            output.line(output.style.red(Text(
                "Stored above the cap with an administrator's override; the facility_cap alert is critical until it is back within the cap.",
                nb: "Lagret over taket med unntak fra en administrator; varselet facility_cap er kritisk til kapasiteten er innenfor taket igjen.")(output.language)))
        }
    }
}

/// The facility fields given on a command line, shared by `facility add` (which needs the
/// required ones and sends a whole `FacilityBody`) and `facility set` (which sends exactly the
/// given ones as a merge patch). One parser for both keeps their spelling and checks the same.
struct FacilityOptions: Equatable {
    /// A value for an optional field, or the request to clear it (`--district none`).
    enum Change<Value: Equatable>: Equatable {
        case set(Value)
        case clear

        var value: Value? { if case .set(let value) = self { value } else { nil } }
    }

    /// The word that clears `--district` and `--expansion` in `facility set`.
    static let clearWord = "none"

    var name: String?
    var kind: FacilityKind?
    var status: FacilityStatus?
    var operatorName: String?
    var authority: Authority?
    var capacity: Int?
    var expansion: Change<Int>?
    var blocked: Int?
    var district: Change<String>?
    var note: Change<String>?
    var capOverride: String?

    init() {}

    init(_ parsed: ParsedCommand) throws(UsageError) {
        let places = 0...FacilityDefinition.maximumPlaces
        name = parsed.value("name")
        kind = try parsed.enumValue("kind", FacilityKind.self)
        status = try parsed.enumValue("status", FacilityStatus.self)
        operatorName = parsed.value("operator")
        authority = try parsed.enumValue("authority", Authority.self)
        capacity = try parsed.int("capacity", in: places)
        blocked = try parsed.int("blocked", in: places)
        if parsed.value("expansion") == Self.clearWord {
            expansion = .clear
        } else if let value = try parsed.int("expansion", in: places) {
            expansion = .set(value)
        }
        district = parsed.value("district").map { $0 == Self.clearWord ? .clear : .set($0) }
        // An empty note clears it: there is no other way to say "no note" on a command line.
        note = parsed.value("note").map { $0.isEmpty ? .clear : .set($0) }
        capOverride = parsed.value("cap-override")
    }

    /// The merge patch for `PATCH`: only the given fields, `null` for the cleared ones.
    func patch(_ parsed: ParsedCommand) throws(UsageError) -> JSONObject {
        var object = JSONObject()
        func put(_ key: String, _ value: String?) { if let value { object[key] = .string(value) } }
        func put(_ key: String, _ value: Int?) { if let value { object[key] = .integer(Int64(value)) } }
        put("name", name)
        put("kind", kind?.rawValue)
        put("status", status?.rawValue)
        put("operator", operatorName)
        put("authority", authority?.rawValue)
        put("capacity", capacity)
        if let expansion { object["expansion_capacity"] = expansion.value.map { .integer(Int64($0)) } ?? .null }
        put("blocked", blocked)
        if let district { object["district"] = district.value.map(JSONValue.string) ?? .null }
        if let note { object["note"] = note.value.map(JSONValue.string) ?? .null }
        if let capOverride { object["cap_override"] = .object(["reason": .string(capOverride)]) }
        // An override alone changes nothing: it only accompanies a capacity above the cap.
        guard object.keys.contains(where: { $0 != "cap_override" }) else {
            throw parsed.usageError(Text(
                "nothing to change: give at least one option, e.g. --status open or --capacity 120",
                nb: "ingenting å endre: gi minst ett valg, f.eks. --status open eller --capacity 120"))
        }
        return object
    }

    /// The whole definition for `PUT`; names every required option that is missing at once.
    func body(_ parsed: ParsedCommand) throws(UsageError) -> FacilityBody {
        guard let name, let kind, let status, let operatorName, let authority, let capacity else {
            let missing = [
                ("--name", name == nil), ("--kind", kind == nil), ("--status", status == nil),
                ("--operator", operatorName == nil), ("--authority", authority == nil), ("--capacity", capacity == nil),
            ].filter(\.1).map(\.0).joined(separator: ", ")
            throw parsed.usageError(Text("missing \(missing)", nb: "mangler \(missing)"))
        }
        return FacilityBody(
            name: name, kind: kind, status: status, operator: operatorName, district: district?.value, authority: authority,
            capacity: capacity, expansionCapacity: expansion?.value, blocked: blocked, note: note?.value,
            capOverride: capOverride.map(CapOverrideRequest.init(reason:)))
    }
}
