import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore

/// `silence add|list|expire`, each declared with its action (`SilenceCommands`).
extension CommandTree {
    private static let silenceStates = SilenceStateFilter.allCases.map(\.rawValue).joined(separator: ", ")

    private static let silenceSeverities = AlertSeverity.allCases.map(\.rawValue).joined(separator: ", ")

    static let silence = Command(
        "silence",
        summary: Text("silences: keep matching alerts quiet for a while", nb: "demping: hold samsvarende varsler stille en stund"),
        discussion: Text(
            """
            A silenced alert still opens, fires and resolves, and shows as silenced, but sends
            no notifications while the silence is active. If it still fires when the silence
            ends (or is expired), the groups are told then. Silences need operate.
            """,
            nb: """
            Et dempet varsel åpnes, blir aktivt og opphører som før, og vises som dempet, men
            sender ingen meldinger mens dempingen gjelder. Er det fortsatt aktivt når dempingen
            slutter (eller avsluttes), varsles gruppene da. Demping krever operate.
            """),
        subcommands: [silenceAdd, silenceList, silenceExpire])

    static let silenceAdd = Command(
        "add",
        summary: Text("silence alerts by rule, subject and severity", nb: "demp varsler etter regel, subjekt og alvorlighet"),
        discussion: Text(
            """
            --rule and --subject default to * (any); at least one of --rule, --subject and
            --severity must narrow it down, unless --match-all says you mean every alert.
            A subject may name one thing (facility/refstad), a kind (facility/*) or *. Give
            exactly one of --for and --until; a silence lasts at most 30 days.

            Examples:
              beredskap silence add --rule facility_utilization --subject facility/refstad --for 2h --comment "Refstad tømmes planmessig"
              beredskap silence add --subject "facility/*" --severity warning --until 2026-11-23T08:00:00Z --comment "Øvelse i natt"
              beredskap silence add --subject city --starts 2026-11-23T06:00:00Z --for 4h --comment "Vedlikehold av rapportering"
            """,
            nb: """
            --rule og --subject er * (alle) som standard; minst én av --rule, --subject og
            --severity må avgrense, med mindre --match-all sier at du mener alle varsler.
            Et subjekt kan være én ting (facility/refstad), en type (facility/*) eller *. Oppgi
            nøyaktig én av --for og --until; en demping varer høyst 30 dager.

            Eksempler:
              beredskap silence add --rule facility_utilization --subject facility/refstad --for 2h --comment "Refstad tømmes planmessig"
              beredskap silence add --subject "facility/*" --severity warning --until 2026-11-23T08:00:00Z --comment "Øvelse i natt"
              beredskap silence add --subject city --starts 2026-11-23T06:00:00Z --for 4h --comment "Vedlikehold av rapportering"
            """),
        options: [
            .option("rule", value: "RULE", help: Text(
                "a rule id such as facility_utilization, or * (default)", nb: "en regel-id som facility_utilization, eller * (standard)")),
            .option("subject", short: "s", value: "SUBJECT", help: Text(
                "facility/refstad, a kind such as facility/*, or * (default)",
                nb: "facility/refstad, en type som facility/*, eller * (standard)")),
            .oneOf("severity", value: "SEVERITY", AlertSeverity.self, help: Text(
                "only alerts of this severity: \(silenceSeverities)", nb: "bare varsler med denne alvorligheten: \(silenceSeverities)")),
            .flag("match-all", help: Text(
                "silence every alert (only without --rule, --subject and --severity)",
                nb: "demp alle varsler (bare uten --rule, --subject og --severity)")),
            .option("for", value: "DURATION", help: Text(
                "how long: \(HumanDuration.examples) (ISO 8601)", nb: "hvor lenge: \(HumanDuration.examples) (ISO 8601)")),
            .option("until", value: "TIME", help: Text(
                "when it ends, local time ('2026-11-23 08:00', '18:00' today, or a date for its midnight)",
                nb: "når den slutter, lokal tid («2026-11-23 08:00», «18:00» i dag, eller en dato for midnatt)")),
            .option("starts", value: "TIME", help: Text("when it starts (default now)", nb: "når den starter (standard nå)")),
            .option("comment", short: "m", value: "TEXT", help: Text(
                "why nobody should hear about these alerts (required)", nb: "hvorfor ingen skal høre om disse varslene (påkrevd)")),
        ],
        run: SilenceCommands.add)

    static let silenceList = Command(
        "list",
        summary: Text("list silences, newest first", nb: "vis dempinger, nyeste først"),
        discussion: Text(
            """
            STATE is pending (starts later), active, ended (ran out) or expired (ended by hand).
            Active silences are yellow on a terminal.

            Examples:
              beredskap silence list
              beredskap silence list --state active
            """,
            nb: """
            TILSTAND er pending (starter senere), active (gjelder), ended (utløpt) eller expired
            (avsluttet for hånd). Gjeldende dempinger er gule i en terminal.

            Eksempler:
              beredskap silence list
              beredskap silence list --state active
            """),
        options: [
            .oneOf("state", value: "STATE", SilenceStateFilter.self, help: Text(
                "only these: \(silenceStates) (ended includes expired)", nb: "bare disse: \(silenceStates) (ended tar med expired)")),
            .option("limit", short: "n", value: "N", help: Text(
                "at most N rows, newest first (1–1000, default 100)", nb: "høyst N rader, nyeste først (1–1000, standard 100)")),
        ],
        run: SilenceCommands.list)

    static let silenceExpire = Command(
        "expire",
        summary: Text("end a silence now", nb: "avslutt en demping nå"),
        discussion: Text(
            """
            Alerts it kept quiet that still fire are notified at once.

            Example:
              beredskap silence expire s-3
            """,
            nb: """
            Varsler den holdt stille som fortsatt er aktive, varsles med en gang.

            Eksempel:
              beredskap silence expire s-3
            """),
        arguments: [ArgumentSpec.required("ID", help: Text("the silence id, e.g. s-3", nb: "dempingens id, f.eks. s-3"))],
        run: SilenceCommands.expire)
}

/// `silence add`, `silence list` and `silence expire`.
enum SilenceCommands {
    static func add(_ context: CommandContext) throws(CommandFailure) {
        let output = context.output
        let body = try usage { () throws(UsageError) in try newSilence(context.parsed, calendar: output.calendar) }
        let key = context.idempotencyKey()
        let answer = try call { () throws(ClientError) in try context.client.createSilence(body, idempotencyKey: key) }
        if output.format == .json { return output.json(answer) }
        let silence = answer.silence
        output.line(Text(
            "Silence \(silence.id) (\(matchers(silence))) until \(output.time(silence.endsAt)) (event \(answer.eventSeq)).",
            nb: "Demping \(silence.id) (\(matchers(silence))) til \(output.time(silence.endsAt)) (hendelse \(answer.eventSeq))."))
    }

    static func list(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let (state, limit) = try usage { () throws(UsageError) in
            (try parsed.enumValue("state", SilenceStateFilter.self), try parsed.int("limit", in: 1...1000))
        }
        let list = try call { () throws(ClientError) in try context.client.silences(state: state, limit: limit) }
        let output = context.output
        if output.printedForScripts(list, csv: { (csvHeader, list.silences.map(csvRow)) }) { return }
        guard !list.silences.isEmpty else { return output.line(Text("No silences.", nb: "Ingen dempinger.")) }
        let rows = list.silences.map { silence -> [String] in
            [
                silence.id, silence.state.name(output.language), matchers(silence), output.time(silence.startsAt),
                output.time(silence.expiredAt ?? silence.endsAt), silence.author, silence.comment,
            ]
        }
        let style = output.style
        let plain: (String) -> String = { $0 }
        output.table(columns, rows: rows, rowStyles: list.silences.map { silence -> (String) -> String in
            switch silence.state {
            case .active: style.yellow
            case .pending: plain
            case .ended, .expired: style.dim
            }
        })
    }

    static func expire(_ context: CommandContext) throws(CommandFailure) {
        let id = context.parsed.argument("ID") ?? ""
        let key = context.idempotencyKey()
        let answer = try call { () throws(ClientError) in try context.client.expireSilence(id: id, idempotencyKey: key) }
        let output = context.output
        if output.format == .json { return output.json(answer) }
        output.line(Text(
            "Silence \(id) expired (event \(answer.eventSeq)).", nb: "Demping \(id) er avsluttet (hendelse \(answer.eventSeq))."))
    }

    /// The request body from `silence add`'s options. Rule and subject default to `*` here
    /// and are checked by the daemon, which names the field that is wrong.
    static func newSilence(_ parsed: ParsedCommand, calendar: LocalCalendar) throws(UsageError) -> NewSilence {
        guard let comment = parsed.value("comment") else {
            throw parsed.usageError(Text(
                "--comment is required: say why nobody should hear about these alerts",
                nb: "--comment er påkrevd: si hvorfor ingen skal høre om disse varslene"))
        }
        let duration = try parsed.duration("for")
        let until = try parsed.instant("until", calendar: calendar)
        guard (duration == nil) != (until == nil) else {
            throw parsed.usageError(Text(
                "give exactly one of --for (2h) and --until (a time)", nb: "oppgi nøyaktig én av --for (2h) og --until (et tidspunkt)"))
        }
        let matchers = SilenceMatchersBody(
            rule: parsed.value("rule"), subject: parsed.value("subject"),
            severity: try parsed.enumValue("severity", AlertSeverity.self), matchAll: parsed.flag("match-all") ? true : nil)
        return NewSilence(
            matchers: matchers, startsAt: try parsed.instant("starts", calendar: calendar), endsAt: until, duration: duration,
            comment: comment)
    }

    /// `facility_utilization facility/refstad critical`, leaving out what matches anything.
    static func matchers(_ silence: SilenceResource) -> String {
        let matchers = silence.matchers
        if matchers.matchAll { return "*" }
        return [matchers.rule, matchers.subject, matchers.severity?.rawValue ?? AlertKeyPattern.any]
            .filter { $0 != AlertKeyPattern.any }.joined(separator: " ")
    }

    static let columns: [ListColumn] = [
        ListColumn("ID", nb: "ID"),
        ListColumn("STATE", nb: "TILSTAND"),
        ListColumn("MATCHES", nb: "GJELDER", maxWidth: 48),
        ListColumn("STARTS", nb: "STARTER"),
        ListColumn("ENDS", nb: "SLUTTER"),
        ListColumn("BY", nb: "AV"),
        ListColumn("COMMENT", nb: "KOMMENTAR", maxWidth: 40),
    ]

    static let csvHeader = [
        "id", "state", "rule", "subject", "severity", "match_all", "starts_at", "ends_at", "expired_at", "author", "comment",
        "created_at",
    ]

    static func csvRow(_ silence: SilenceResource) -> [String] {
        let matchers = silence.matchers
        return [
            silence.id, silence.state.rawValue, matchers.rule, matchers.subject, matchers.severity?.rawValue ?? "",
            String(matchers.matchAll), silence.startsAt.rfc3339, silence.endsAt.rfc3339, silence.expiredAt?.rfc3339 ?? "",
            silence.author, silence.comment, silence.createdAt.rfc3339,
        ]
    }
}
