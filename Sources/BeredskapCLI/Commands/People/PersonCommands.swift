import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore
import BeredskapJSON

/// `person add|show|list|set|export|erase` and `milestone record|correct`, each declared with
/// its action (`PersonCommands`, `MilestoneCommands`).
extension CommandTree {
    static let peopleCommands = [person, milestone]

    private static let personID = ArgumentSpec.required("ID", help: Text("the person's number, e.g. 12", nb: "personens nummer, f.eks. 12"))
    private static func choices<E: JSONStringEnum>(_ type: E.Type) -> String { E.allCases.map(\.rawValue).joined(separator: ", ") }

    /// The options that set a person's fields, for `add` (where the first five are required) and `set`.
    static let personFieldOptions: [OptionSpec] = [
        .option("duf", value: "DUF", help: Text("UDI's 12-digit DUF number", nb: "UDIs 12-sifrede DUF-nummer")),
        .option("given", value: "NAME", help: Text("given name(s)", nb: "fornavn")),
        .option("family", value: "NAME", help: Text("family name", nb: "etternavn")),
        .option("born", value: "DATE", help: Text("date of birth, YYYY-MM-DD", nb: "fødselsdato, ÅÅÅÅ-MM-DD")),
        .option("born-year", value: "YEAR", help: Text("the estimated year of birth, when the date is unknown", nb: "anslått fødselsår, når datoen er ukjent")),
        .oneOf("sex", value: "SEX", PersonSex.self, help: Text(choices(PersonSex.self), nb: choices(PersonSex.self))),
        .oneOf("category", value: "CATEGORY", PersonCategory.self, help: Text(choices(PersonCategory.self), nb: choices(PersonCategory.self))),
        .oneOf("status", value: "STATUS", PersonStatus.self, help: Text(
            "\(choices(PersonStatus.self)) (default asylumSeeker)", nb: "\(choices(PersonStatus.self)) (standard asylumSeeker)")),
        .option("nationality", value: "CC", help: Text("ISO country code, e.g. SY", nb: "ISO-landkode, f.eks. SY")),
        .option("languages", value: "LIST", help: Text("ISO language codes, comma-separated: ar,ti", nb: "ISO-språkkoder, kommaseparert: ar,ti")),
        .option("household", value: "ID", help: Text("a household id shared by its members", nb: "en husstands-id som medlemmene deler")),
        .option("arrived", value: "DATE", help: Text("arrived in Norway", nb: "ankom Norge")),
        .option("arrived-city", value: "DATE", help: Text("arrived in Oslo", nb: "ankom Oslo")),
        .option("facility", value: "ID", help: Text("the facility the person lives in", nb: "mottaket personen bor i")),
        .option("district", short: "d", value: "DISTRICT", help: Text("the district, once assigned", nb: "bydelen, når den er tildelt")),
        .choice("unaccompanied", among: ["yes", "no"], help: Text("an unaccompanied minor", nb: "enslig mindreårig")),
        .option("vulnerable", value: "LIST", help: Text(
            "vulnerabilities, comma-separated: \(choices(Vulnerability.self))", nb: "sårbarheter, kommaseparert: \(choices(Vulnerability.self))")),
    ]

    static let person = Command(
        "person",
        summary: Text("persons the office follows: registered, changed, exported, erased", nb: "personer kontoret følger: registrert, endret, eksportert, slettet"),
        discussion: Text(
            """
            Person data needs the cases permission, and every read of it (show, list, export)
            is recorded: who read whom, when. Events name persons by number only. Erasing
            (admin) removes every personal field for good; what counts need stays.
            """,
            nb: """
            Personopplysninger krever tillatelsen cases, og hver lesing (show, list, export)
            logges: hvem leste hvem, når. Hendelser navngir personer bare med nummer. Sletting
            (admin) fjerner alle personlige felt for godt; det tellinger trenger, blir.
            """),
        subcommands: [personAdd, personShow, personList, personSet, personImport, personExport, personErase])

    static let personAdd = Command(
        "add", summary: Text("register a person", nb: "registrer en person"),
        discussion: help(
            "--duf, --given, --family, --born or --born-year, --sex and --category are required.",
            nb: "--duf, --given, --family, --born eller --born-year, --sex og --category er påkrevd.",
            examples: [
                "beredskap person add --duf 201612345678 --given Amanuel --family Tesfaye --born 2010-03-04 --sex male --category asylumSeeker --unaccompanied yes",
            ]),
        options: personFieldOptions, run: PersonCommands.add)

    static let personShow = Command(
        "show", summary: Text("one person with milestones and deadlines (the read is recorded)", nb: "én person med milepæler og frister (lesingen logges)"),
        arguments: [personID], run: PersonCommands.show)

    static let personList = Command(
        "list", summary: Text("persons by number (the read is recorded)", nb: "personer etter nummer (lesingen logges)"),
        discussion: help("STATUS is one of \(choices(PersonStatus.self)).", nb: "STATUS er en av \(choices(PersonStatus.self)).",
                         examples: ["beredskap person list --district alna", "beredskap person list --household h-4711 --csv"]),
        options: [
            only("district", value: "DISTRICT", Text("persons in this district", nb: "personer i denne bydelen")),
            only("facility", value: "ID", Text("persons in this facility", nb: "personer på dette mottaket")),
            only("status", value: "STATUS", Text("persons with this status", nb: "personer med denne statusen"), PersonStatus.self),
            only("household", value: "ID", Text("this household", nb: "denne husstanden")),
            .option("limit", value: "N", help: Text("at most N persons (default 100)", nb: "høyst N personer (standard 100)")),
        ],
        run: PersonCommands.list)

    static let personSet = Command(
        "set", summary: Text("change a person's fields", nb: "endre en persons felt"),
        discussion: help(
            """
            Only the fields given change; the event names them, never their values. A new
            --facility is a transfer in the facilities' head counts (--clear facility a
            departure). A status follows the order of a case (asylumSeeker → residenceGranted
            or refused → settled → departed); --force corrects a mistake outside it.
            """,
            nb: """
            Bare feltene som oppgis endres; hendelsen navngir dem, aldri verdiene. Nytt
            --facility er en overføring i mottakenes antall (--clear facility en utflytting).
            Status følger sakens gang (asylumSeeker → residenceGranted eller refused → settled
            → departed); --force retter en feil utenfor den.
            """,
            examples: [
                "beredskap person set 12 --status residenceGranted --district alna", "beredskap person set 12 --clear facility",
                "beredskap person set 12 --status asylumSeeker --force",
            ]),
        options: personFieldOptions + [
            .option("clear", value: "FIELD", help: Text(
                "clear an optional field: \(PersonFields.clearable.joined(separator: ", "))",
                nb: "tøm et valgfritt felt: \(PersonFields.clearable.joined(separator: ", "))"), repeatable: true),
            .flag("force", help: Text(
                "the status change corrects a mistake (outside the order of a case)",
                nb: "statusendringen retter en feil (utenfor sakens gang)")),
        ],
        arguments: [personID], run: PersonCommands.set)

    static let personImport = Command(
        "import",
        summary: Text("register persons from a CSV file, all or none", nb: "registrer personer fra en CSV-fil, alle eller ingen"),
        discussion: help(
            """
            Columns: duf, given_name, family_name, sex, category, and birth_date or birth_year
            (estimated); optional status, nationality, languages (separated by spaces),
            household, arrived_norway, arrived_city, facility, unaccompanied (yes/no),
            vulnerabilities (separated by spaces), district. ';' or ',' between fields. Every
            line is checked, here and by the daemon (districts, facilities, DUF numbers
            already registered or twice in the file); then all are registered or none. Persons
            with a facility arrive there in its head count.
            """,
            nb: """
            Kolonner: duf, given_name, family_name, sex, category, og birth_date eller birth_year
            (anslått); valgfritt status, nationality, languages (skilt med mellomrom),
            household, arrived_norway, arrived_city, facility, unaccompanied (ja/nei),
            vulnerabilities (skilt med mellomrom), district. «;» eller «,» mellom feltene. Hver
            linje sjekkes, her og av tjenesten (bydeler, mottak, DUF-numre som alt er
            registrert eller står to ganger i filen); så registreres alle eller ingen. Personer
            med mottak kommer inn i mottakets antall.
            """,
            exampleFile: [
                "duf;given_name;family_name;birth_date;birth_year;sex;category;languages;household",
                "201600004711;Amanuel;Tesfaye;2001-03-04;;male;asylumSeeker;ti ar;h-1",
                "201600004712;Hawa;Yusuf;;1988;female;resettlement;so;h-1",
            ],
            examples: ["beredskap person import personer.csv --dry-run", "beredskap person import personer.csv"]),
        options: [.flag("dry-run", help: Text(
            "check every line, here and with the daemon, and register nobody",
            nb: "sjekk hver linje, her og hos tjenesten, og registrer ingen"))],
        arguments: [.required("FILE", help: Text("the CSV file", nb: "CSV-filen"))],
        run: PersonImportFile.run)

    static let personExport = Command(
        "export", summary: Text("everything held on a person, and who read it (JSON)", nb: "alt som lagres om en person, og hvem som leste det (JSON)"),
        arguments: [personID], run: PersonCommands.export)

    static let personErase = Command(
        "erase", summary: Text("erase a person's personal fields for good (admin)", nb: "slett en persons personopplysninger for godt (admin)"),
        discussion: help(
            """
            Names, DUF number, birth, sex, nationality, languages, household, facility, arrival
            dates, flags, notes and correction reasons are erased; district, category, status,
            year of arrival and milestone dates stay for the counts.
            """,
            nb: """
            Navn, DUF-nummer, fødsel, kjønn, nasjonalitet, språk, husstand, mottak, ankomstdatoer,
            flagg, notater og begrunnelser for korrigeringer slettes; bydel, kategori, status,
            ankomstår og milepælsdatoer blir igjen for tellingene.
            """,
            examples: ["beredskap person erase 12 --reason \"Begjæring om sletting\""]),
        options: [.option("reason", value: "TEXT", help: Text("why (required)", nb: "hvorfor (påkrevd)"))],
        arguments: [personID], run: PersonCommands.erase)

    static let milestone = Command(
        "milestone",
        summary: Text("dated facts in a person's case: recorded once, corrected with a reason", nb: "daterte fakta i en persons sak: registrert én gang, korrigert med begrunnelse"),
        subcommands: [milestoneRecord, milestoneCorrect])

    private static let milestoneArgument = ArgumentSpec.required(
        "MILESTONE", help: Text(choices(Milestone.self), nb: choices(Milestone.self)))

    static let milestoneRecord = Command(
        "record", summary: Text("record a milestone (today unless --date)", nb: "registrer en milepæl (i dag med mindre --date)"),
        discussion: help("A kind is recorded once per person; a wrong date is corrected.",
                         nb: "Hver type registreres én gang per person; en feil dato korrigeres.",
                         examples: ["beredskap milestone record 12 tb_screening --date 2026-11-20"]),
        options: [
            .option("date", value: "DATE", help: Text("when it happened (default today)", nb: "når det skjedde (standard i dag)")),
            .option("note", short: "m", value: "TEXT", help: Text("a note (person data)", nb: "et notat (personopplysning)")),
        ],
        arguments: [personID, milestoneArgument], run: MilestoneCommands.record)

    static let milestoneCorrect = Command(
        "correct", summary: Text("correct a milestone's date, with the reason", nb: "korriger en milepæls dato, med begrunnelse"),
        discussion: help("The reason is kept with the correction; the event names the dates only.",
                         nb: "Begrunnelsen lagres med korrigeringen; hendelsen navngir bare datoene.",
                         examples: ["beredskap milestone correct 12 tb_screening --date 2026-11-19 --reason \"Feil dato i skjemaet\""]),
        options: [
            .option("date", value: "DATE", help: Text("the right date (required)", nb: "riktig dato (påkrevd)")),
            .option("reason", value: "TEXT", help: Text("why (required)", nb: "hvorfor (påkrevd)")),
        ],
        arguments: [personID, milestoneArgument], run: MilestoneCommands.correct)
}
