import BeredskapCore

/// Where the CLI looks for the daemon's socket: `--socket` if given, else `BEREDSKAP_SOCKET`
/// if set, else `./.beredskap/beredskap.sock` (a daemon started from this checkout) and then
/// `/run/beredskap/beredskap.sock` (the installed service), the first that answers.
///
/// A path given explicitly is the only one tried: a typo in `--socket` must not quietly reach
/// some other daemon.
public enum SocketLocator {
    public static let checkoutDefault = ".beredskap/beredskap.sock"
    public static let installedDefault = "/run/beredskap/beredskap.sock"

    /// A path to try and where it came from, so an error can say why it was tried.
    public struct Candidate: Sendable, Equatable {
        public enum Origin: String, Sendable {
            case option, environment, checkout, installed
        }

        public var path: String
        public var origin: Origin

        /// `--socket`, `BEREDSKAP_SOCKET`, `the daemon of this directory`, `the service`.
        public var originText: Text {
            switch origin {
            case .option: Text("--socket", nb: "--socket")
            case .environment: Text("BEREDSKAP_SOCKET", nb: "BEREDSKAP_SOCKET")
            case .checkout: Text("a daemon started in this directory", nb: "en tjeneste startet i denne mappen")
            case .installed: Text("the installed service", nb: "den installerte tjenesten")
            }
        }
    }

    public static func candidates(option: String?, environment: [String: String]) -> [Candidate] {
        if let option, !option.isEmpty { return [Candidate(path: option, origin: .option)] }
        if let variable = environment["BEREDSKAP_SOCKET"], !variable.isEmpty {
            return [Candidate(path: variable, origin: .environment)]
        }
        return [Candidate(path: checkoutDefault, origin: .checkout), Candidate(path: installedDefault, origin: .installed)]
    }
}
