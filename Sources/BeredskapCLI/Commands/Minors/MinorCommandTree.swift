import BeredskapCLIKit
import BeredskapCore

/// `minor list|show|place|representative|aftercare|costs`, each declared with its action
/// (`MinorCommands`).
extension CommandTree {
    private static let minorPerson = ArgumentSpec.required("ID", help: Text("the person's number, e.g. 12", nb: "personens nummer, f.eks. 12"))
    private static let placementTypes = PlacementType.allCases.map(\.rawValue).joined(separator: ", ")

    static let minor = Command(
        "minor",
        summary: Text(
            "unaccompanied minors: placements, representative, the choice at 18, costs",
            nb: "enslige mindreårige: tiltak, representant, valget ved 18 år, kostnader"),
        discussion: Text(
            """
            Placements follow each other: a new one ends the current one the day before it
            starts. At 18 the young person chooses to stay or move on (the minor_turns_18
            deadline announces it 90 days ahead); a placement from the 18th birthday needs the
            choice to stay, and none starts on or after the 25th birthday. Person data needs the
            cases permission and every read is recorded; the costs are sums only (read).
            """,
            nb: """
            Tiltak følger etter hverandre: et nytt avslutter det gjeldende dagen før det
            starter. Ved 18 år velger ungdommen å bli eller flytte (fristen minor_turns_18
            varsler 90 dager før); et tiltak fra 18-årsdagen krever valget om å bli, og ingen
            starter på eller etter 25-årsdagen. Personopplysninger krever tillatelsen cases og
            all lesing logges; kostnadene er bare summer (read).
            """),
        subcommands: [minorList, minorShow, minorPlace, minorRepresentative, minorAftercare, minorCosts])

    static let minorList = Command(
        "list",
        summary: Text(
            "unaccompanied persons under 25 with their placement today (the read is recorded)",
            nb: "enslige mindreårige under 25 år med dagens tiltak (lesingen logges)"),
        discussion: help(
            "Age, 18th birthday, the placement running today and the service that answers for it.",
            nb: "Alder, 18-årsdag, tiltaket i dag og tjenesten som har ansvaret.",
            examples: ["beredskap minor list --district sagene", "beredskap minor list --csv"]),
        options: [only("district", value: "DISTRICT", Text("persons in this district", nb: "personer i denne bydelen"))],
        run: MinorCommands.list)

    static let minorShow = Command(
        "show",
        summary: Text(
            "one person's placements, representative and choice at 18 (the read is recorded)",
            nb: "én persons tiltak, representant og valg ved 18 år (lesingen logges)"),
        arguments: [minorPerson], run: MinorCommands.show)

    static let minorPlace = Command(
        "place",
        summary: Text("place a minor from a day on", nb: "registrer et tiltak fra en dag"),
        discussion: help(
            """
            TYPE is one of \(placementTypes). The cost is NOK a year; without --cost the
            configured cost of the type (minors.placement_costs) applies, and a type with none
            needs --cost. The responsible service is the person's district's.
            """,
            nb: """
            TYPE er en av \(placementTypes). Kostnaden er kroner i året; uten --cost gjelder
            den konfigurerte kostnaden for typen (minors.placement_costs), og en type uten
            trenger --cost. Ansvarlig tjeneste er den i personens bydel.
            """,
            examples: [
                "beredskap minor place 12 foster_home --from 2026-09-01 --cost 650000",
                "beredskap minor place 12 folk_high_school --from 2027-08-15",
            ]),
        options: [
            .option("from", value: "DATE", help: Text("the first day (required)", nb: "første dag (påkrevd)")),
            .option("cost", value: "NOK", help: Text("the cost a year in whole NOK", nb: "kostnaden i året i hele kroner")),
            .option("note", short: "m", value: "TEXT", help: Text("a note (person data)", nb: "et notat (personopplysning)")),
        ],
        arguments: [minorPerson, .required("TYPE", help: Text(placementTypes, nb: placementTypes))],
        run: MinorCommands.place)

    static let minorRepresentative = Command(
        "representative",
        summary: Text("record the representative appointed for a minor", nb: "registrer representanten som er oppnevnt"),
        discussion: help(
            "The first one records representative_appointed, which meets the representative deadline.",
            nb: "Den første registrerer representative_appointed, som oppfyller fristen for representant.",
            examples: ["beredskap minor representative 12 \"Kari Nordmann\" --appointed 2026-09-02"]),
        options: [.option("appointed", value: "DATE", help: Text("the day of the appointment (required)", nb: "dagen for oppnevningen (påkrevd)"))],
        arguments: [minorPerson, .required("NAME", help: Text("the representative's name (person data)", nb: "representantens navn (personopplysning)"))],
        run: MinorCommands.representative)

    static let minorAftercare = Command(
        "aftercare",
        summary: Text("record the young person's choice at 18: stay or move on", nb: "registrer ungdommens valg ved 18 år: bli eller flytte"),
        discussion: help(
            """
            Recorded once; it meets minor_turns_18. --until is the last day of follow-up the
            young person asked for, before the 25th birthday. Staying keeps the placement
            until then; moving on ends it the day before the move.
            """,
            nb: """
            Registreres én gang; det oppfyller minor_turns_18. --until er siste dag med
            oppfølging ungdommen ba om, før 25-årsdagen. Å bli beholder tiltaket til da; å
            flytte avslutter det dagen før flyttingen.
            """,
            examples: ["beredskap minor aftercare 12 stay --date 2027-04-01 --until 2030-12-31"]),
        options: [
            .option("date", value: "DATE", help: Text("the day of the choice (required)", nb: "dagen for valget (påkrevd)")),
            .option("until", value: "DATE", help: Text("follow-up until this day", nb: "oppfølging til denne dagen")),
        ],
        arguments: [minorPerson, .required("CHOICE", help: Text("stay or move-on", nb: "stay (bli) eller move-on (flytte)"))],
        run: MinorCommands.aftercare)

    static let minorCosts = Command(
        "costs",
        summary: Text("placements and their cost in a year, per district and type", nb: "tiltak og kostnadene deres i et år, per bydel og type"),
        discussion: help(
            "Each placement's annual cost counts for its days in the year. Sums only: the read permission is enough.",
            nb: "Hvert tiltaks årskostnad teller for dagene i året. Bare summer: tillatelsen read holder.",
            examples: ["beredskap minor costs --year 2026", "beredskap minor costs --csv"]),
        options: [.option("year", value: "YEAR", help: Text("the year (default this year)", nb: "året (standard i år)"))],
        run: MinorCommands.costs)
}
