import BeredskapCore

/// The process exit status of `beredskap`.
///
/// Scripts and the operators' runbooks branch on these, so they are part of the contract and
/// never renumbered: distinguishing "the daemon said no" from "you typed it wrong" from "the
/// daemon is not there" lets a wrapper retry only what is worth retrying.
public enum ExitCode: Int32, Sendable, CaseIterable {
    /// The command did what was asked.
    case ok = 0
    /// The daemon understood a valid request and refused it in its present state (a conflict,
    /// the cap, a step that is not ready).
    case refused = 1
    /// What was typed is wrong: the command line, an id that does not exist or a value the
    /// daemon refuses; nothing changed.
    case usage = 2
    /// The daemon could not be reached (no socket, connection refused, timed out).
    case unreachable = 3
    /// The daemon refused because the caller lacks the permission.
    case forbidden = 4
    /// An exercise finished with expectations missed (`exercise run`): the run itself worked.
    case missed = 5
    /// Stopped with Ctrl-C (128 + SIGINT, as shells report it) after the command undid what it
    /// started (`exercise run` stops its exercise first).
    case interrupted = 130

    /// What it means, for the manual page (`beredskap man`).
    var meaning: Text {
        switch self {
        case .ok: Text("the command did what was asked", nb: "kommandoen gjorde det den ble bedt om")
        case .refused: Text(
            "the daemon refused a valid request in its present state (a conflict, the cap); the message says why",
            nb: "tjenesten avviste en gyldig forespørsel slik tilstanden er nå (en konflikt, taket); meldingen sier hvorfor")
        case .usage: Text(
            "what was typed is wrong: the command line, an unknown id or a value refused; nothing changed",
            nb: "det som ble skrevet er feil: kommandolinjen, en ukjent id eller en verdi som ble avvist; ingenting ble endret")
        case .unreachable: Text(
            "the daemon could not be reached (no socket, connection refused, timed out)",
            nb: "tjenesten kunne ikke nås (ingen socket, tilkobling avvist, tidsavbrudd)")
        case .forbidden: Text("the caller lacks the permission", nb: "den som spør mangler tillatelsen")
        case .missed: Text(
            "an exercise finished with expectations missed (the run itself worked)",
            nb: "en øvelse ble fullført med forventninger som ikke ble oppfylt (selve kjøringen virket)")
        case .interrupted: Text(
            "stopped with Ctrl-C, after undoing what the command had started",
            nb: "stoppet med Ctrl-C, etter å ha avsluttet det kommandoen hadde startet")
        }
    }
}
