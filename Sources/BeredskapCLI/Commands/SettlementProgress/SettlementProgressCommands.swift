import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore

/// `settlement quotas adopt|show`, `settlement record`, `settlement import` and
/// `settlement progress`, declared with their actions (`QuotaCommands`, `SettlementRecordCommands`,
/// `ProgressCommand`).
extension CommandTree {
    /// What this folder adds to the `settlement` group (`SettlementCommands.swift`).
    static let settlementProgressCommands: [Command] = [settlementQuotas, settlementRecord, settlementRecords, settlementImport, settlementProgress]

    static let settlementQuotas = Command(
        "quotas", summary: Text("adopt and show a year's district quotas", nb: "vedta og vis årets kvoter per bydel"),
        subcommands: [quotasAdopt, quotasShow])

    static let quotasAdopt = Command(
        "adopt",
        summary: Text("adopt every district's quota for a year (a new version)", nb: "vedta kvoten for hver bydel for et år (en ny versjon)"),
        discussion: help(
            """
            Every one of the 15 districts needs a quota (0 for none): from a file (CSV with the
            columns district and quota, or JSON {"district": quota, …}) or as district=n
            arguments. Adopting stores a new version with who, when, the method and the reason;
            earlier versions are kept (settlement quotas show YEAR --history). Adopting the
            quotas in force again changes nothing.
            """,
            nb: """
            Hver av de 15 bydelene trenger en kvote (0 for ingen): fra en fil (CSV med kolonnene
            district og quota, eller JSON {"bydel": kvote, …}) eller som bydel=n-argumenter.
            Vedtaket lagres som en ny versjon med hvem, når, metode og begrunnelse; tidligere
            versjoner beholdes (settlement quotas show ÅR --history). Å vedta kvotene som
            gjelder, på nytt endrer ingenting.
            """,
            exampleFile: ["district;quota", "gamle-oslo;78", "grunerlokka;85", "…"],
            examples: [
                "beredskap settlement quotas adopt 2016 --file kvoter-2016.csv --reason \"Bystyrets vedtak\"",
                "beredskap settlement quotas adopt 2016 --file kvoter.json --method population",
            ]),
        options: [
            .option("file", value: "FILE", help: Text("the quotas: CSV (district,quota) or JSON", nb: "kvotene: CSV (district,quota) eller JSON")),
            .choice("method", among: QuotaCommands.adoptableMethods.map(\.rawValue), help: Text(
                "how they were arrived at (default manual)", nb: "hvordan de ble funnet (standard manual)")),
            .option("reason", value: "TEXT", help: Text("why: the decision they carry out", nb: "hvorfor: vedtaket de gjennomfører")),
        ],
        arguments: [settlementYearArgument, .variadic("DISTRICT=N", help: Text("quotas as arguments instead of a file", nb: "kvoter som argumenter i stedet for en fil"))],
        run: QuotaCommands.adopt)

    static let quotasShow = Command(
        "show",
        summary: Text("show a year's quotas in force, an older version, or every version", nb: "vis kvotene som gjelder, en eldre versjon, eller alle versjoner"),
        discussion: help(
            "The quotas per district with who adopted them, when, how and why.",
            nb: "Kvotene per bydel med hvem som vedtok dem, når, hvordan og hvorfor.",
            examples: ["beredskap settlement quotas show 2016", "beredskap settlement quotas show 2016 --history"]),
        options: [
            .option("version", value: "N", help: Text("an earlier version", nb: "en tidligere versjon")),
            .flag("history", help: Text("every version, the first first", nb: "alle versjoner, den første først")),
        ],
        arguments: [settlementYearArgument],
        run: QuotaCommands.show)

    static let settlementRecord = Command(
        "record",
        summary: Text("record persons settled in a district", nb: "registrer personer bosatt i en bydel"),
        discussion: help(
            """
            Counts towards the year's quota (the date's year unless --year is given; persons
            settled early in a year may count towards the last one). The date may not be in the
            future. Modes: \(SettlementMode.allCases.map(\.rawValue).joined(separator: ", ")).
            """,
            nb: """
            Teller mot årets kvote (datoens år med mindre --year er gitt; personer bosatt tidlig
            på året kan telle mot fjorårets). Datoen kan ikke være fram i tid. Måter:
            \(SettlementMode.allCases.map(\.rawValue).joined(separator: ", ")).
            """,
            examples: ["beredskap settlement record --district ullern --date 2016-09-01 --count 4 --mode ordinary"]),
        options: [
            .option("district", value: "ID", help: Text("the district (beredskap districts)", nb: "bydelen (beredskap districts)")),
            .option("date", value: "YYYY-MM-DD", help: Text("the date they were settled", nb: "datoen de ble bosatt")),
            .option("count", value: "N", help: Text("persons settled", nb: "personer bosatt")),
            .oneOf("mode", value: "MODE", SettlementMode.self, help: Text("how they were settled", nb: "hvordan de ble bosatt")),
            .option("year", value: "YEAR", help: Text("the quota year (default: the date's)", nb: "kvoteåret (standard: datoens)")),
            .option("case", value: "N", help: Text("the settlement case, if any", nb: "bosettingssaken, hvis noen")),
        ],
        run: SettlementRecordCommands.record)

    static let settlementRecords = Command(
        "records",
        summary: Text("list the settlement records of a year", nb: "vis bosettingene for et år"),
        discussion: help(
            """
            Every record counted towards the year's quota, by date: recorded, imported, from a
            settled case or from the reference data.
            """,
            nb: """
            Hver bosetting som teller mot årets kvote, etter dato: registrert, importert, fra en
            bosatt sak eller fra referansetallene.
            """,
            examples: ["beredskap settlement records 2016 --district ullern", "beredskap settlement records 2016 --csv"]),
        options: [.option("district", value: "ID", help: Text("only this district", nb: "bare denne bydelen"))],
        arguments: [settlementYearArgument],
        run: SettlementRecordCommands.list)

    static let settlementImport = Command(
        "import",
        summary: Text("import settlement records from a CSV file", nb: "importer bosettinger fra en CSV-fil"),
        discussion: help(
            """
            Columns: district, date, count, mode; optional year. ';' or ',' between fields. Every
            line is checked, here and by the daemon; then all rows are imported or none.
            """,
            nb: """
            Kolonner: district, date, count, mode; valgfritt year. «;» eller «,» mellom feltene.
            Hver linje sjekkes, her og av tjenesten; så importeres alle radene eller ingen.
            """,
            exampleFile: ["district;date;count;mode", "ullern;2016-09-01;4;ordinary", "alna;2016-09-02;2;familyReunification"],
            examples: ["beredskap settlement import bosatt.csv --dry-run", "beredskap settlement import bosatt.csv"]),
        options: [.flag("dry-run", help: Text(
            "check every line, here and with the daemon, and import nothing",
            nb: "sjekk hver linje, her og hos tjenesten, og importer ingenting"))],
        arguments: [.required("FILE", help: Text("the CSV file", nb: "CSV-filen"))],
        run: SettlementRecordCommands.importFile)

    static let settlementProgress = Command(
        "progress",
        summary: Text("settled against the quotas, per district, at a date", nb: "bosatt mot kvotene, per bydel, på en dato"),
        discussion: help(
            """
            Expected by the date is the quota spread evenly over the days of the year (1 January
            through the date, leap years included); the lag is expected − settled. Figures are
            rounded half up to whole persons. A district is marked lagging when its lag is above
            both thresholds of the settlement_lag rule (persons and share of the expected).
            """,
            nb: """
            Ventet til datoen er kvoten fordelt jevnt over årets dager (1. januar til og med
            datoen, skuddår medregnet); etterslepet er ventet − bosatt. Tallene avrundes halvt opp
            til hele personer. En bydel merkes som etter når etterslepet er over begge tersklene
            i regelen settlement_lag (personer og andel av det ventede).
            """,
            examples: ["beredskap settlement progress 2016 --at 2016-09-01", "beredskap settlement progress 2016 --csv"]),
        options: [.option("at", value: "YYYY-MM-DD", help: Text("the date (default today)", nb: "datoen (standard i dag)"))],
        arguments: [settlementYearArgument],
        run: ProgressCommand.run)
}

extension ParsedCommand {
    /// `--name`, which this command needs.
    func required(_ name: String) throws(UsageError) -> String {
        guard let value = value(name) else {
            throw usageError(Text("--\(name) is required", nb: "--\(name) er påkrevd"))
        }
        return value
    }
}
