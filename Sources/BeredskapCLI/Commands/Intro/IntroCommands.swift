import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore
import BeredskapJSON

/// `intro start|interrupt|resume|extend|end|follow-up|show|results`, each declared with its
/// action (`IntroActions`).
extension CommandTree {
    private static func choices<E: JSONStringEnum>(_ type: E.Type) -> String { E.allCases.map(\.rawValue).joined(separator: ", ") }

    private static let introPerson = ArgumentSpec.required("PERSON", help: Text("the person's number, e.g. 12", nb: "personens nummer, f.eks. 12"))
    private static let introDate = OptionSpec.option(
        "date", value: "DATE", help: Text("when it happened (default today)", nb: "når det skjedde (standard i dag)"))
    private static let introNote = OptionSpec.option(
        "note", short: "m", value: "TEXT", help: Text("a note with the step (person data)", nb: "et notat til steget (personopplysning)"))

    static let intro = Command(
        "intro",
        summary: Text(
            "the introduction programme of a person, and the results per district",
            nb: "introduksjonsprogrammet for en person, og resultatene per bydel"),
        discussion: Text(
            """
            A right for refugees aged 18–55 on the day of their residence permit (the
            residence_granted milestone), none after settlement on own initiative. The start and
            the end are the intro_started and intro_ended milestones, which the intro_start and
            skills_mapping deadlines read. Steps need the cases permission; results need read.
            """,
            nb: """
            En rett for flyktninger som er 18–55 år den dagen de får oppholdstillatelse
            (milepælen residence_granted), ingen etter bosetting på egen hånd. Start og slutt er
            milepælene intro_started og intro_ended, som fristene intro_start og skills_mapping
            leser. Stegene krever tillatelsen cases; resultatene read.
            """),
        subcommands: [introStart, introInterrupt, introResume, introExtend, introEnd, introFollowUp, introShow, introResults])

    static let introStart = Command(
        "start", summary: Text("start the programme (today unless --date)", nb: "start programmet (i dag med mindre --date)"),
        discussion: help(
            """
            GOAL is one of \(choices(IntroGoal.self)). The planned months default to the longest
            the duration table allows for the goal (intro.durations: 24, or 36 towards upper
            secondary). Without the right the start is refused unless --voluntary: the district
            chooses to offer the programme, and that is recorded.
            """,
            nb: """
            GOAL er en av \(choices(IntroGoal.self)). Planlagte måneder er som standard det lengste
            varighetstabellen tillater for målet (intro.durations: 24, eller 36 mot
            videregående). Uten rett avvises starten med mindre --voluntary: bydelen velger å tilby
            programmet, og det registreres.
            """,
            examples: [
                "beredskap intro start 12 --goal work --date 2026-11-01",
                "beredskap intro start 13 --goal upper_secondary --months 36 --voluntary",
            ]),
        options: [
            .oneOf("goal", value: "GOAL", IntroGoal.self, help: Text("the final goal (required)", nb: "sluttmålet (påkrevd)")),
            .option("months", value: "N", help: Text("planned months", nb: "planlagte måneder")),
            .flag("voluntary", help: Text(
                "offer it without the right (the district's choice)", nb: "tilby det uten rett (bydelens valg)")),
            .oneOf("settlement-mode", value: "MODE", SettlementMode.self, help: Text(
                "how the person was settled: \(choices(SettlementMode.self))", nb: "hvordan personen ble bosatt: \(choices(SettlementMode.self))")),
            introDate, introNote,
        ],
        arguments: [introPerson], run: IntroActions.step)

    static let introInterrupt = Command(
        "interrupt", summary: Text("pause the programme (leave, illness)", nb: "avbryt programmet (permisjon, sykdom)"),
        discussion: help("The days paused move the planned end.", nb: "Dagene i avbrudd flytter planlagt slutt.",
                         examples: ["beredskap intro interrupt 12 --date 2027-02-01"]),
        options: [introDate, introNote], arguments: [introPerson], run: IntroActions.step)

    static let introResume = Command(
        "resume", summary: Text("resume after an interruption", nb: "gjenoppta etter et avbrudd"),
        discussion: help(
            "The planned end moves by the days paused.", nb: "Planlagt slutt flyttes med dagene i avbrudd.",
            examples: ["beredskap intro resume 12 --date 2027-03-01"]),
        options: [introDate, introNote], arguments: [introPerson], run: IntroActions.step)

    static let introExtend = Command(
        "extend", summary: Text("extend the programme once", nb: "forleng programmet én gang"),
        discussion: help(
            "Up to intro.durations.extension_months (12).", nb: "Inntil intro.durations.extension_months (12).",
            examples: ["beredskap intro extend 12 --months 6"]),
        options: [.option("months", value: "N", help: Text("months added (required)", nb: "måneder lagt til (påkrevd)")), introNote],
        arguments: [introPerson], run: IntroActions.step)

    static let introEnd = Command(
        "end", summary: Text("end the programme with the reason", nb: "avslutt programmet med årsaken"),
        discussion: help(
            "Work, upper_secondary and primary_school count as work or education in the results.",
            nb: "Arbeid, upper_secondary og primary_school teller som arbeid eller utdanning i resultatene.",
            examples: ["beredskap intro end 12 work --date 2027-06-30"]),
        options: [introDate, introNote],
        arguments: [introPerson, .required("REASON", help: Text(choices(IntroEndReason.self), nb: choices(IntroEndReason.self)))],
        run: IntroActions.step)

    static let introFollowUp = Command(
        "follow-up", summary: Text("record the status one year after", nb: "registrer statusen ett år etter"),
        discussion: help(
            "Work and education count as work or education in the results.",
            nb: "Arbeid og utdanning teller som arbeid eller utdanning i resultatene.",
            examples: ["beredskap intro follow-up 12 education --date 2028-06-30"]),
        options: [introDate, introNote],
        arguments: [introPerson, .required("STATUS", help: Text(choices(IntroFollowUpStatus.self), nb: choices(IntroFollowUpStatus.self)))],
        run: IntroActions.step)

    static let introShow = Command(
        "show", summary: Text("the person's programme (the read is recorded)", nb: "personens program (lesingen logges)"),
        arguments: [introPerson], run: IntroActions.show)

    static let introResults = Command(
        "results",
        summary: Text(
            "share in work or education per district, against the national average",
            nb: "andel i arbeid eller utdanning per bydel, mot landsgjennomsnittet"),
        discussion: help(
            """
            Right after the programme (those whose programme ended in YEAR) and one year after.
            A share of fewer than intro.minimum_participants (5) is not published: shown as
            "suppressed", never as 0 %. 2010–2015 come from the strategy's tables (source
            reference) until programmes of that year are recorded.
            """,
            nb: """
            Rett etter programmet (de som avsluttet i YEAR) og ett år etter. En andel av færre
            enn intro.minimum_participants (5) publiseres ikke: vist som «u.off.», aldri som 0 %.
            2010–2015 kommer fra strategiens tabeller (kilde reference) til programmer fra det
            året er registrert.
            """,
            examples: ["beredskap intro results --year 2014", "beredskap intro results --year 2015 --csv"]),
        options: [.option("year", value: "YEAR", help: Text("the year programmes ended (required)", nb: "året programmene ble avsluttet (påkrevd)"))],
        run: IntroActions.results)
}

/// The actions of `intro …`.
enum IntroActions {
    /// Every step: the command line read into the request (`step(_:)`), then sent.
    static func step(_ context: CommandContext) throws(CommandFailure) {
        let (id, step) = try usage { () throws(UsageError) in try Self.step(context.parsed) }
        let key = context.idempotencyKey()
        let answer = try call { () throws(ClientError) in try context.client.introStep(person: id, step, idempotencyKey: key) }
        let output = context.output
        if output.format == .json { return output.json(answer) }
        output.line(IntroPresentation.summary(answer.resource, output.language) + " " + Text(
            "(event \(answer.eventSeq))", nb: "(hendelse \(answer.eventSeq))")(output.language))
    }

    /// The person and the step a command line of `intro start|interrupt|resume|extend|end|follow-up` asks for.
    static func step(_ parsed: ParsedCommand) throws(UsageError) -> (Int64, IntroStep) {
        let id = try person(parsed)
        let date = try parsed.date("date")
        let note = parsed.value("note")
        switch parsed.path.last {
        case "start":
            guard let goal = try parsed.enumValue("goal", IntroGoal.self) else {
                throw parsed.usageError(Text(
                    "--goal is required: \(IntroGoal.allCases.map(\.rawValue).joined(separator: ", "))",
                    nb: "--goal er påkrevd: \(IntroGoal.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
            return (id, IntroStep(
                action: .start, goal: goal, months: try parsed.int("months", in: 1...120), voluntary: parsed.flag("voluntary") ? true : nil,
                settlementMode: try parsed.enumValue("settlement-mode", SettlementMode.self), date: date, note: note))
        case "extend":
            guard let months = try parsed.int("months", in: 1...120) else {
                throw parsed.usageError(Text("--months is required", nb: "--months er påkrevd"))
            }
            return (id, IntroStep(action: .extend, months: months, note: note))
        case "end":
            return (id, IntroStep(action: .end, date: date, reason: try argument("REASON", IntroEndReason.self, parsed), note: note))
        case "follow-up":
            return (id, IntroStep(
                action: .followUp, date: date, status: try argument("STATUS", IntroFollowUpStatus.self, parsed), note: note))
        case "resume":
            return (id, IntroStep(action: .resume, date: date, note: note))
        default:
            return (id, IntroStep(action: .interrupt, date: date, note: note))
        }
    }

    static func show(_ context: CommandContext) throws(CommandFailure) {
        let id = try usage { () throws(UsageError) in try person(context.parsed) }
        let programme = try call { () throws(ClientError) in try context.client.intro(person: id) }
        if context.output.format == .json { return context.output.json(programme) }
        IntroPresentation.show(programme, context.output)
    }

    static func results(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let year = try usage { () throws(UsageError) in
            guard let year = try parsed.int("year", in: 1990...2100) else {
                throw parsed.usageError(Text("--year is required", nb: "--year er påkrevd"))
            }
            return year
        }
        let results = try call { () throws(ClientError) in try context.client.introResults(year: year) }
        IntroPresentation.results(results, context.output)
    }

    private static func person(_ parsed: ParsedCommand) throws(UsageError) -> Int64 {
        try PersonCommands.personID(parsed, argument: "PERSON")
    }

    private static func argument<E: JSONStringEnum>(_ name: String, _ type: E.Type, _ parsed: ParsedCommand) throws(UsageError) -> E {
        let text = parsed.argument(name) ?? ""
        guard let value = E(rawValue: text) else {
            let accepted = E.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalidValue(option: name, value: text, expected: Text(accepted, nb: accepted), path: parsed.path)
        }
        return value
    }
}
