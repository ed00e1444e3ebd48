import BeredskapCLIKit
import BeredskapCore

/// `top`, declared with its action (`DashboardCommand`); `watch --dashboard` is the same.
extension CommandTree {
    static let top = Command(
        "top",
        summary: Text("a live full-screen dashboard", nb: "en fortløpende oversikt i hele terminalen"),
        discussion: DashboardCommand.discussion,
        run: DashboardCommand.run)
}

/// `top` and `watch --dashboard`: the dashboard on a terminal, a line per change elsewhere.
enum DashboardCommand {
    static let discussion = Text(
        """
        One screen that is always current: capacity per kind of facility (occupied of
        available places, with the cap), the surge level, the firing alerts, the active
        playbook steps with their owners and due times (late ones first, in red), and the
        latest events. It is redrawn when events arrive on the stream, not on a timer; a burst
        of events is drawn once. It follows the window's size; on a small screen the latest
        events give way first, then the steps, then the alerts. A lost connection is resumed
        where it stopped ("reconnecting…" in the top line). Press q or Ctrl-C to quit.

        Into a pipe or a file it prints one plain line each time the picture changes (time,
        surge level, occupied/available per kind, firing alerts, active and late steps),
        without colour. --json is refused: use `beredskap watch --json` or
        `beredskap events --follow --json` for the events themselves.

        Exit codes: 0 after q, Ctrl-C or a signal to stop; 3 when the daemon cannot be
        reached at the start (later it is waited for).

        Examples:
          beredskap top
          beredskap watch --dashboard
          beredskap top > dashboard.log
        """,
        nb: """
        Én skjerm som alltid er oppdatert: kapasitet per type mottak (belagt av tilgjengelige
        plasser, med taket), ankomstnivået, aktive varsler, aktive steg i tiltakskort med eier
        og frist (forsinkede først, i rødt) og de siste hendelsene. Den tegnes på nytt når
        hendelser kommer, ikke på en tidtaker; en bølge av hendelser tegnes én gang. Den
        følger vinduets størrelse; på en liten skjerm viker de siste hendelsene først, så
        stegene, så varslene. Et brudd gjenopptas der det stoppet («kobler til igjen…» på
        øverste linje). Trykk q eller Ctrl-C for å avslutte.

        Til en pipe eller en fil skriver den én linje uten farger hver gang bildet endrer seg
        (tid, ankomstnivå, belagt/tilgjengelig per type, aktive varsler, aktive og forsinkede
        steg). --json avvises: bruk `beredskap watch --json` eller
        `beredskap events --follow --json` for selve hendelsene.

        Avslutningskoder: 0 etter q, Ctrl-C eller et signal om å stoppe; 3 når tjenesten ikke
        kan nås ved start (senere ventes det på den).

        Eksempler:
          beredskap top
          beredskap watch --dashboard
          beredskap top > oversikt.log
        """)

    static func run(_ context: CommandContext) throws(CommandFailure) {
        guard context.output.format == .human else {
            throw .usage(context.parsed.usageError(Text(
                "the dashboard has no --json or --csv; for the events as NDJSON use `beredskap watch --json` or `beredskap events --follow --json`",
                nb: "oversikten har ikke --json eller --csv; for hendelsene som NDJSON bruk `beredskap watch --json` eller `beredskap events --follow --json`")))
        }
        guard let wakeUp = DashboardWakeUp() else {
            throw .message(Text("cannot create a pipe for the dashboard", nb: "kan ikke lage en pipe for oversikten"), .refused)
        }
        let screen = context.output.width != Output.unlimitedWidth
        try DashboardLoop(context: context, wakeUp: wakeUp, screen: screen).run()
    }
}
