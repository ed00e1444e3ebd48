import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore

/// The capacity commands (issue 3): facilities, arrivals, departures, head counts, the
/// capacity picture, surge, history, imports and seeding. Declared beside their
/// implementations; `CommandTree.root` lists them.
extension CommandTree {
    static let capacityCommands = [
        facility, arrival, departure, occupancy, capacity, surge, history, districts, importGroup, seed,
    ]

    private static func values(_ cases: [String]) -> String { cases.joined(separator: ", ") }
    private static let kinds = values(FacilityKind.allCases.map(\.rawValue))
    private static let statuses = values(FacilityStatus.allCases.map(\.rawValue))
    private static let authorities = values(Authority.allCases.map(\.rawValue))
    private static let categories = values(ArrivalCategory.allCases.map(\.rawValue))
    private static let reasons = values(DepartureReason.allCases.map(\.rawValue))

    private static let atOption = OptionSpec.option("at", value: "TIME", help: Text(
        "when it happened, local time: '2026-11-22 09:30', '09:30' (today), or a date (its midnight); default now",
        nb: "når det skjedde, lokal tid: «2026-11-22 09:30», «09:30» (i dag) eller en dato (midnatt); standard nå"))
    private static let noteOption = OptionSpec.option("note", value: "TEXT", help: Text("a short note", nb: "en kort merknad"))
    private static let facilityArgument = ArgumentSpec.required("FACILITY", help: Text("the facility id, e.g. refstad", nb: "mottakets id, f.eks. refstad"))
    /// `FACILITY COUNT`, as `arrival record` and `departure record` take them.
    private static let flowArguments = [
        facilityArgument, ArgumentSpec.required("COUNT", help: Text("how many people", nb: "hvor mange personer")),
    ]
    private static let idArgument = ArgumentSpec.required("ID", help: Text("the facility id, e.g. refstad", nb: "mottakets id, f.eks. refstad"))

    /// Help text: a paragraph in each language, then an example file and examples under
    /// headings in that language. Commands and file lines are the same in both languages
    /// (the notes in them are what an Oslo operator would type), so they are written once.
    private static func help(_ en: String, nb: String, exampleFile: [String] = [], examples: [String] = []) -> Text {
        func section(_ heading: Text, _ lines: [String]) -> Text {
            guard !lines.isEmpty else { return Text("", nb: "") }
            let body = lines.map { "\n  " + $0 }.joined()
            return heading + Text(":" + body, nb: ":" + body)
        }
        let paragraph = Text(en, nb: nb)
        let file = section(Text("Example file", nb: "Eksempelfil"), exampleFile)
        let usage = section(examples.count == 1 ? Text("Example", nb: "Eksempel") : Text("Examples", nb: "Eksempler"), examples)
        let parts = [paragraph, file, usage].filter { !$0.en.isEmpty }
        return parts.dropFirst().reduce(parts.first ?? Text("", nb: "")) { $0 + Text("\n\n", nb: "\n\n") + $1 }
    }

    /// A filter option of a list: `--kind KIND  only this kind (…)`.
    private static func only(_ name: String, value: String, _ what: Text, _ choices: String? = nil) -> OptionSpec {
        let list = choices.map { Text(" (\($0))", nb: " (\($0))") } ?? Text("", nb: "")
        return .option(name, value: value, help: Text("only ", nb: "bare ") + what + list)
    }

    // MARK: facility

    static let facility = CommandSpec(
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

    static let facilityList = CommandSpec(
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
            only("kind", value: "KIND", Text("this kind", nb: "denne typen"), kinds),
            only("status", value: "STATUS", Text("this status", nb: "denne statusen"), statuses),
            only("district", value: "DISTRICT", Text("this district id, e.g. bjerke", nb: "denne bydelen, f.eks. bjerke")),
        ])

    static let facilityShow = CommandSpec(
        "show",
        summary: Text("show one facility", nb: "vis ett mottak"),
        discussion: help(
            "", nb: "",
            examples: [
                "beredskap facility show refstad",
                "beredskap facility show refstad --json",
            ]),
        arguments: [idArgument])

    static let facilityAdd = CommandSpec(
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
        arguments: [idArgument])

    static let facilitySet = CommandSpec(
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
        arguments: [idArgument])

    /// The fields of `facility add` and `facility set`: the same names, told apart only in
    /// whether a value can be cleared.
    private static func facilityOptions(patch: Bool) -> [OptionSpec] {
        let clears = patch ? Text("; none clears it", nb: "; none tømmer det") : Text("", nb: "")
        return [
            .option("name", value: "NAME", help: Text("the facility's name", nb: "mottakets navn")),
            .option("kind", value: "KIND", help: Text("what it is for: \(kinds)", nb: "hva det er: \(kinds)")),
            .option("status", value: "STATUS", help: Text(statuses, nb: statuses)),
            .option("operator", value: "NAME", help: Text("who runs it (e.g. Hero)", nb: "hvem som driver det (f.eks. Hero)")),
            .option("authority", value: "AUTHORITY", help: Text("who is responsible: \(authorities)", nb: "hvem som har ansvaret: \(authorities)")),
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

    // MARK: arrival, departure, occupancy

    static let arrival = CommandSpec(
        "arrival", summary: Text("record, list and correct arrivals at a facility", nb: "registrer, vis og rett ankomster til et mottak"),
        subcommands: [arrivalRecord] + corrections(.arrivals))

    static let arrivalRecord = record(
        summary: Text("record people who arrived at a facility", nb: "registrer personer som kom til et mottak"),
        discussion: help(
            "Categories: \(categories).",
            nb: "Kategorier: \(categories).",
            examples: [
                "beredskap arrival record refstad 12 --category family",
                "beredskap arrival record refstad 3 --category minor_15_17 --at \"2026-11-22 07:40\" --note \"Buss fra Storskog\"",
            ]),
        options: [
            .option("category", short: "c", value: "CATEGORY", help: Text("who arrived (required): \(categories)", nb: "hvem som kom (påkrevd): \(categories)")),
            Confirmation.forceOption,
        ])

    static let departure = CommandSpec(
        "departure", summary: Text("record, list and correct departures from a facility", nb: "registrer, vis og rett utflyttinger fra et mottak"),
        subcommands: [departureRecord] + corrections(.departures))

    static let departureRecord = record(
        summary: Text("record people who left a facility", nb: "registrer personer som forlot et mottak"),
        discussion: help(
            """
            Reasons: \(reasons). With --to (and --reason transferred) the same people are
            recorded as arriving at that facility, in the same step.
            """,
            nb: """
            Årsaker: \(reasons). Med --to (og --reason transferred) registreres de samme
            personene som ankommet til det mottaket, i samme steg.
            """,
            examples: [
                "beredskap departure record refstad 8 --reason settled",
                "beredskap departure record refstad 40 --reason transferred --to torshov --category adult",
            ]),
        options: [
            .option("reason", short: "r", value: "REASON", help: Text("why they left (required): \(reasons)", nb: "hvorfor de reiste (påkrevd): \(reasons)")),
            .option("to", value: "FACILITY", help: Text("the facility they were moved to", nb: "mottaket de ble flyttet til")),
            .option("category", short: "c", value: "CATEGORY", help: Text("with --to: who they are (default other)", nb: "med --to: hvem de er (standard other)")),
            Confirmation.forceOption,
        ])

    /// `arrival record` and `departure record`: `FACILITY COUNT`, their own options, then
    /// `--at` and `--note` as every record has them.
    private static func record(summary: Text, discussion: Text, options: [OptionSpec]) -> CommandSpec {
        CommandSpec("record", summary: summary, discussion: discussion, options: options + [atOption, noteOption], arguments: flowArguments)
    }

    static let occupancy = CommandSpec(
        "occupancy", summary: Text("report, list and correct head counts", nb: "rapporter, vis og rett opptellinger"),
        subcommands: [occupancyReport] + corrections(.occupancy))

    static let occupancyReport = CommandSpec(
        "report",
        summary: Text("report how many people are at a facility now", nb: "rapporter hvor mange som er på et mottak nå"),
        discussion: help(
            """
            An absolute head count: it replaces the figure derived from arrivals and departures
            and resets the facility's 'stale' mark.
            """,
            nb: """
            En absolutt opptelling: den erstatter tallet som er regnet ut fra ankomster og
            utflyttinger, og fjerner mottakets «utdatert»-merke.
            """,
            examples: [
                "beredskap occupancy report refstad 287",
                "beredskap occupancy report torshov 190 --at 08:00",
            ]),
        options: [atOption, noteOption, Confirmation.forceOption],
        arguments: [facilityArgument, .required("OCCUPIED", help: Text("people there now", nb: "personer der nå"))])

    // MARK: list, void, amend

    /// `list`, `void` and `amend` for one kind of record.
    private static func corrections(_ collection: RecordCollection) -> [CommandSpec] {
        let (what, whatNB, command) = switch collection {
        case .arrivals: ("arrivals", "ankomster", "arrival")
        case .departures: ("departures", "utflyttinger", "departure")
        case .occupancy: ("head counts", "opptellinger", "occupancy")
        }
        let id = ArgumentSpec.required("ID", help: Text(
            "the record's number, as recorded and in 'beredskap \(command) list'", nb: "registreringens nummer, som ved registrering og i «beredskap \(command) list»"))
        let reason = reasonOption(Text("why the record is wrong, for the incident log", nb: "hvorfor registreringen er feil, til hendelsesloggen"))
        let transfer = collection == .occupancy ? Text("", nb: "") : Text(
            " A transfer is one pair (a departure and its arrival): correcting either half corrects both.",
            nb: " En overføring er ett par (en utflytting og ankomsten): retter du den ene halvdelen, rettes begge.")
        let list = CommandSpec(
            "list",
            summary: Text("the latest \(what) recorded, with their numbers", nb: "de siste registrerte \(whatNB), med nummer"),
            discussion: help(
                "Newest recorded first, voided ones included (dimmed), so the number of one typed by mistake is easy to find.",
                nb: "Sist registrert først, også annullerte (nedtonet), så nummeret på en feilregistrering er lett å finne.",
                examples: ["beredskap \(command) list --facility refstad", "beredskap \(command) list --limit 50 --csv"]),
            options: [
                only("facility", value: "FACILITY", Text("this facility", nb: "dette mottaket")),
                .option("limit", value: "N", help: Text("at most N (default 20, at most 500)", nb: "høyst N (standard 20, høyst 500)")),
                .option("before", value: "ID", help: Text("older than record ID (the next page)", nb: "eldre enn registrering ID (neste side)")),
            ])
        let void = CommandSpec(
            "void",
            summary: Text("void \(what.dropLast()) recorded by mistake", nb: "annuller en feilregistrering"),
            discussion: help(
                """
                The record stays, marked voided with who, when and why, and counts nowhere any more: not in the
                facility's occupancy, the surge figures, the forecast or the history. The correction is an event
                and an incident-log entry.\(transfer.en)
                """,
                nb: """
                Registreringen blir stående, merket annullert med hvem, når og hvorfor, og teller ikke lenger
                noe sted: ikke i belegget, ankomsttallene, prognosen eller historikken. Rettingen er en hendelse
                og en oppføring i hendelsesloggen.\(transfer.nb)
                """,
                examples: ["beredskap \(command) void 12 --reason \"Registrert på feil mottak\""]),
            options: [reason], arguments: [id])
        var amendOptions = [
            OptionSpec.option("count", value: "N", help: Text("the right number of people", nb: "riktig antall personer")),
            .option("at", value: "TIME", help: Text(
                "the right time (2026-11-22T09:30:00Z, or a date for its local midnight)",
                nb: "riktig tidspunkt (2026-11-22T09:30:00Z, eller en dato for midnatt lokal tid)")),
        ]
        switch collection {
        case .arrivals:
            amendOptions.append(.option("category", short: "c", value: "CATEGORY", help: Text("the right category: \(categories)", nb: "riktig kategori: \(categories)")))
        case .departures:
            amendOptions.append(.option("departure-reason", value: "REASON", help: Text(
                "the right reason they left: \(reasons) (a transfer stays transferred)",
                nb: "riktig årsak til at de reiste: \(reasons) (en overføring forblir transferred)")))
        case .occupancy: break
        }
        let amend = CommandSpec(
            "amend",
            summary: Text("correct the figures of \(what.dropLast())", nb: "rett tallene i en registrering"),
            discussion: help(
                """
                Give what is wrong and --reason; the rest stays. Everything counts as amended from then on:
                occupancy, surge figures, forecast and history, and the old and new figures are an event
                and an incident-log entry.\(transfer.en)
                """,
                nb: """
                Gi det som er feil og --reason; resten blir som det er. Alt teller som endret fra da av:
                belegg, ankomsttall, prognose og historikk, og gamle og nye tall er en hendelse og en
                oppføring i hendelsesloggen.\(transfer.nb)
                """,
                examples: [
                    "beredskap \(command) amend 12 --count 20 --reason \"Tastefeil, 20 ikke 200\"",
                    "beredskap \(command) amend 12 --at 2026-11-21T18:00:00Z --reason \"Kom i går kveld\"",
                ]),
            options: amendOptions + [reason, Confirmation.forceOption], arguments: [id])
        return [list, void, amend]
    }

    // MARK: capacity, surge

    static let capacity = CommandSpec(
        "capacity",
        summary: Text("capacity for the city, by kind and by district", nb: "kapasitet for byen, per type og per bydel"),
        discussion: help(
            """
            Only open and closing facilities count as places. OVER is people without a
            counted place; STANDBY is what could be opened (planned and standby facilities and
            the expansion headroom of operating ones).
            """,
            nb: """
            Bare åpne mottak og mottak under avvikling teller som plasser. OVER er personer uten
            en talt plass; RESERVE er det som kan åpnes (planlagte mottak, mottak i beredskap og
            utvidelsesrommet i mottak i drift).
            """,
            examples: [
                "beredskap capacity",
                "beredskap capacity --json | jq .total",
            ]))

    static let surge = CommandSpec(
        "surge",
        summary: Text("the surge level, arrival figures and days until full", nb: "ankomstnivå, ankomsttall og dager til fullt"),
        discussion: help(
            """
            Levels: normal, elevated, high, crisis. The forecast divides each kind's free places
            by its net inflow; 'not filling' means more are leaving than arriving.
            """,
            nb: """
            Nivåer: normal, forhøyet, høy, krise. Prognosen deler ledige plasser per type på
            nettotilstrømningen; «fylles ikke» betyr at flere reiser enn kommer.
            """,
            examples: [
                "beredskap surge",
                "beredskap surge --json",
            ]))

    // MARK: history

    static let history = CommandSpec(
        "history",
        summary: Text("arrivals and occupancy over time, as charts", nb: "ankomster og belegg over tid, som diagram"),
        subcommands: [historyArrivals, historyOccupancy])

    private static let fromOption = OptionSpec.option("from", value: "DATE", help: Text(
        "first day (default: 30 days ago)", nb: "første dag (standard: for 30 dager siden)"))
    private static let toOption = OptionSpec.option("to", value: "DATE", help: Text("last day (default: today)", nb: "siste dag (standard: i dag)"))

    private static let facilityFilter = only("facility", value: "FACILITY", Text("this facility", nb: "dette mottaket"))

    static let historyArrivals = CommandSpec(
        "arrivals",
        summary: Text("arrivals per day or week", nb: "ankomster per dag eller uke"),
        discussion: help(
            """
            Days and weeks are Oslo days (the daemon's time zone). Each bucket gets a bar;
            the trend line below sums up the whole range.
            """,
            nb: """
            Dager og uker er Oslo-dager (tjenestens tidssone). Hver periode får en stolpe;
            utviklingslinjen under oppsummerer hele perioden.
            """,
            examples: [
                "beredskap history arrivals",
                "beredskap history arrivals --from 2026-09-01 --week --kind transit",
                "beredskap history arrivals --facility refstad --csv > ankomster.csv",
            ]),
        options: [
            fromOption, toOption,
            .flag("week", help: Text("one bar per ISO week instead of per day", nb: "én stolpe per ISO-uke i stedet for per dag")),
            facilityFilter,
            only("kind", value: "KIND", Text("facilities of this kind", nb: "mottak av denne typen"), kinds),
            only("district", value: "DISTRICT", Text("facilities in this district", nb: "mottak i denne bydelen")),
            only("category", value: "CATEGORY", Text("this category", nb: "denne kategorien"), categories),
        ])

    static let historyOccupancy = CommandSpec(
        "occupancy",
        summary: Text("the head count at the end of each day", nb: "antall beboere ved slutten av hver dag"),
        discussion: help(
            """
            Bars are scaled to the places available, so a full bar is a full house. Without
            --facility, the total of all facilities, then a trend per facility.
            """,
            nb: """
            Stolpene er skalert til tilgjengelige plasser, så en full stolpe er fullt hus. Uten
            --facility vises summen for alle mottak, og så utviklingen per mottak.
            """,
            examples: [
                "beredskap history occupancy",
                "beredskap history occupancy --facility refstad --from 2026-11-01",
            ]),
        options: [
            facilityFilter, fromOption, toOption,
        ])

    static let districts = CommandSpec(
        "districts",
        summary: Text("list the city districts (ids, numbers, population)", nb: "vis bydelene (id, nummer, folketall)"),
        discussion: help(
            """
            The ids are what --district takes. Population (1 January, from SSB) is loaded with
            'beredskap seed'.
            """,
            nb: """
            Id-ene er det --district tar. Folketall (1. januar, fra SSB) lastes inn med
            «beredskap seed».
            """,
            examples: [
                "beredskap districts",
                "beredskap districts --csv > bydeler.csv",
            ]))

    // MARK: import, seed

    static let importGroup = CommandSpec(
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
        examples: ["beredskap import arrivals ankomster.csv --dry-run", "beredskap import arrivals ankomster.csv"])

    static let importOccupancy = importCommand(
        "occupancy", what: Text("head counts", nb: "opptellinger"), columns: ImportFile.occupancyColumns,
        required: ImportFile.occupancyRequired, extra: Text("", nb: ""),
        exampleFile: ["facility,occupied,at", "refstad,287,2026-11-22 08:00", "torshov,190,2026-11-22 08:00"],
        examples: ["beredskap import occupancy opptelling.csv"])

    /// An import command, its help built from the columns `ImportFile` checks, so the two
    /// cannot disagree.
    private static func importCommand(
        _ name: String, what: Text, columns: [String], required: [String], extra: Text, exampleFile: [String],
        examples: [String]
    ) -> CommandSpec {
        let optional = columns.filter { !required.contains($0) }.joined(separator: ", ")
        let list = columns.joined(separator: ";")
        let needed = required.joined(separator: ", ")
        return CommandSpec(
            name,
            summary: Text("import \(what.en) (\(list))", nb: "importer \(what.nb) (\(list))"),
            discussion: help(
                "Columns: \(needed); optional \(optional)." + extra.en, nb: "Kolonner: \(needed); valgfritt \(optional)." + extra.nb,
                exampleFile: exampleFile, examples: examples),
            options: [dryRun, Confirmation.forceOption],
            arguments: [.required("FILE", help: Text("the CSV file", nb: "CSV-filen"))])
    }

    static let seed = CommandSpec(
        "seed",
        summary: Text("load districts and facilities from a directory", nb: "last inn bydeler og mottak fra en mappe"),
        discussion: help(
            """
            Reads DIR/districts.json5 and DIR/facilities.json5 (either may be missing), checks
            everything, then writes it. Safe to repeat: districts are written (an unchanged one
            changes nothing); facilities that already exist are kept unless --replace is given.
            """,
            nb: """
            Leser DIR/districts.json5 og DIR/facilities.json5 (én av dem kan mangle), sjekker
            alt og skriver det så. Trygt å gjenta: bydeler skrives (en uendret endrer ingenting);
            mottak som finnes fra før beholdes med mindre --replace er gitt.
            """,
            examples: [
                "beredskap seed Config/oslo",
                "beredskap seed Config/oslo --replace",
            ]),
        options: [
            .flag("replace", help: Text(
                "overwrite existing facilities with the file's definitions", nb: "overskriv eksisterende mottak med definisjonene i filen")),
        ],
        arguments: [.required("DIR", help: Text("the directory, e.g. Config/oslo", nb: "mappen, f.eks. Config/oslo"))])
}
