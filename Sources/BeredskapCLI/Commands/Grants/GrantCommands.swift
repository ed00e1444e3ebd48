import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore

/// `grants forecast YEAR [--district D] | missing [--within DAYS] | apply PERSON t1|t2 --date D [--amount NOK]`.
extension CommandTree {
    static let grants = Command(
        "grants",
        summary: Text(
            "state grants: the forecast per district, missing disability-grant applications, an application",
            nb: "statlige tilskudd: prognosen per bydel, manglende søknader om tilskudd ved funksjonshemming, en søknad"),
        subcommands: [grantsForecast, grantsMissing, grantsApply])

    static let grantsForecast = Command(
        "forecast",
        summary: Text("the grants a year brings per district, and what is left unclaimed", nb: "tilskuddene et år gir per bydel, og hva som ikke er søkt"),
        discussion: help(
            """
            The integration grant for everyone settled in YEAR and the four years before it, the
            grant for unaccompanied minors (prorated in the settlement year, then through the year
            they turn 20) and the disability grants applied for (T1 once, T2 yearly for at most
            five years), in NOK with the persons counted. UNCLAIMED is the one-off disability
            grant for persons with a disability in their first two years and no application. The
            rates are the configuration's (grants.rates); a year without its own uses the latest
            earlier year's, and says so. Counts and money only: the read permission is enough.
            """,
            nb: """
            Integreringstilskuddet for alle bosatt i YEAR og de fire årene før, tilskuddet for
            enslige mindreårige (forholdsmessig i bosettingsåret, så til og med året de fyller 20)
            og tilskuddene ved funksjonshemming det er søkt om (tilskudd 1 én gang, tilskudd 2
            årlig i høyst fem år), i kroner med personene talt. IKKE SØKT er engangstilskuddet for
            personer med nedsatt funksjonsevne i sine to første år uten søknad. Satsene er
            konfigurasjonens (grants.rates); et år uten egne bruker siste tidligere års, og sier
            det. Bare tall og beløp: tillatelsen read holder.
            """,
            examples: ["beredskap grants forecast 2026", "beredskap grants forecast 2026 --district alna --csv"]),
        options: [only("district", value: "DISTRICT", Text("this district", nb: "denne bydelen"))],
        arguments: [.required("YEAR", help: Text("the year, e.g. 2026", nb: "året, f.eks. 2026"))],
        run: GrantCommands.forecast)

    static let grantsMissing = Command(
        "missing",
        summary: Text(
            "persons with a disability and no grant application as the deadline nears (the read is recorded)",
            nb: "personer med nedsatt funksjonsevne uten søknad om tilskudd når fristen nærmer seg (lesingen logges)"),
        discussion: help(
            """
            Settled persons with the disability flag and no application, with the disability_grant
            deadline (14 months after settlement): every one overdue, then those due within DAYS
            (default 60), by due date. Needs the cases permission; the read is recorded.
            """,
            nb: """
            Bosatte personer med flagget for nedsatt funksjonsevne og uten søknad, med fristen
            disability_grant (14 måneder etter bosetting): alle over fristen, så de med frist innen
            DAYS dager (standard 60), etter frist. Krever tillatelsen cases; lesingen logges.
            """,
            examples: ["beredskap grants missing", "beredskap grants missing --within 120 --csv"]),
        options: [.option("within", value: "DAYS", help: Text("due within DAYS days (default 60)", nb: "frist innen DAYS dager (standard 60)"))],
        run: GrantCommands.missing)

    static let grantsApply = Command(
        "apply",
        summary: Text(
            "record a disability-grant application (meets the disability_grant deadline)",
            nb: "registrer en søknad om tilskudd ved funksjonshemming (oppfyller fristen disability_grant)"),
        discussion: help(
            """
            t1 is the one-off grant, t2 the yearly one (--amount: what is applied for, at most the
            year's cap; without it the cap). One application per person: it is recorded as the
            disability_grant_applied milestone, so a wrong date is corrected with
            `beredskap milestone correct PERSON disability_grant_applied`.
            """,
            nb: """
            t1 er engangstilskuddet, t2 det årlige (--amount: beløpet det søkes om, høyst årets
            tak; uten det taket). Én søknad per person: den registreres som milepælen
            disability_grant_applied, så en feil dato korrigeres med
            `beredskap milestone correct PERSON disability_grant_applied`.
            """,
            examples: ["beredskap grants apply 12 t1 --date 2026-11-20", "beredskap grants apply 12 t2 --date 2026-11-20 --amount 450000"]),
        options: [
            .option("date", value: "DATE", help: Text("the day the application was sent (required)", nb: "dagen søknaden ble sendt (påkrevd)")),
            .option("amount", value: "NOK", help: Text("T2: the amount applied for, whole NOK", nb: "tilskudd 2: beløpet det søkes om, hele kroner")),
        ],
        arguments: [
            .required("PERSON", help: Text("the person's number, e.g. 12", nb: "personens nummer, f.eks. 12")),
            .required("GRANT", help: Text("t1 or t2", nb: "t1 eller t2")),
        ],
        run: GrantCommands.apply)
}

/// The actions of `grants …`.
enum GrantCommands {
    static func forecast(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let year = try usage { () throws(UsageError) in try Self.year(parsed) }
        let forecast = try call { () throws(ClientError) in try context.client.grantForecast(year: year, district: parsed.value("district")) }
        GrantPresentation.forecast(forecast, context.output)
    }

    static func missing(_ context: CommandContext) throws(CommandFailure) {
        let within = try usage { () throws(UsageError) in try context.parsed.int("within", in: 0...3650) }
        let list = try call { () throws(ClientError) in try context.client.missingGrantApplications(within: within) }
        GrantPresentation.missing(list, context.output)
    }

    static func apply(_ context: CommandContext) throws(CommandFailure) {
        let (person, body) = try usage { () throws(UsageError) in try Self.application(context.parsed) }
        let key = context.idempotencyKey()
        let answer = try call { () throws(ClientError) in try context.client.applyForGrant(person: person, body, idempotencyKey: key) }
        GrantPresentation.applied(answer, context.output)
    }

    static func year(_ parsed: ParsedCommand) throws(UsageError) -> Int {
        let text = parsed.argument("YEAR") ?? ""
        guard let year = Int(text), (2000...2100).contains(year) else {
            throw .invalidValue(option: "YEAR", value: text, expected: Text("a year from 2000 to 2100", nb: "et år fra 2000 til 2100"), path: parsed.path)
        }
        return year
    }

    static func application(_ parsed: ParsedCommand) throws(UsageError) -> (Int64, GrantApplicationBody) {
        let text = parsed.argument("PERSON") ?? ""
        guard let person = Int64(text.hasPrefix("#") ? String(text.dropFirst()) : text), person > 0 else {
            throw parsed.usageError(Text("expected a person's number such as 12, got '\(text)'", nb: "forventet et personnummer som 12, fikk «\(text)»"))
        }
        let grants: [String: DisabilityGrant] = ["t1": .t1, "t2": .t2, "disability_t1": .t1, "disability_t2": .t2]
        let name = parsed.argument("GRANT") ?? ""
        guard let grant = grants[name] else {
            throw .invalidValue(option: "GRANT", value: name, expected: Text("t1, t2", nb: "t1, t2"), path: parsed.path)
        }
        guard let date = try parsed.date("date") else {
            throw parsed.usageError(Text("--date is required (the day the application was sent)", nb: "--date er påkrevd (dagen søknaden ble sendt)"))
        }
        let amount = try parsed.int("amount", in: 1...Int(Int32.max)).map(Int64.init)
        if amount != nil, grant == .t1 {
            throw parsed.usageError(Text("--amount is for t2: t1 has a fixed rate", nb: "--amount gjelder t2: t1 har fast sats"))
        }
        return (person, GrantApplicationBody(grant: grant, applied: date, amount: amount))
    }
}
