/// The process exit status of `beredskap`.
///
/// Scripts and the operators' runbooks branch on these, so they are part of the contract and
/// never renumbered: distinguishing "the daemon said no" from "you typed it wrong" from "the
/// daemon is not there" lets a wrapper retry only what is worth retrying.
public enum ExitCode: Int32, Sendable {
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
}
