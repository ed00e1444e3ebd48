import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore

/// `silence add|list|expire`. Declared beside their implementations; `CommandTree.root` lists them.
extension CommandTree {
    private static let silenceStates = SilenceStateFilter.allCases.map(\.rawValue).joined(separator: ", ")
    private static let silenceSeverities = AlertSeverity.allCases.map(\.rawValue).joined(separator: ", ")

    static let silence = CommandSpec(
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

    static let silenceAdd = CommandSpec(
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
            .option("severity", value: "SEVERITY", help: Text(
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
        ])

    static let silenceList = CommandSpec(
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
            .option("state", value: "STATE", help: Text(
                "only these: \(silenceStates) (ended includes expired)", nb: "bare disse: \(silenceStates) (ended tar med expired)")),
            .option("limit", short: "n", value: "N", help: Text(
                "at most N rows, newest first (1–1000, default 100)", nb: "høyst N rader, nyeste først (1–1000, standard 100)")),
        ])

    static let silenceExpire = CommandSpec(
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
        arguments: [ArgumentSpec.required("ID", help: Text("the silence id, e.g. s-3", nb: "dempingens id, f.eks. s-3"))])
}
