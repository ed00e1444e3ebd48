import Foundation

/// Where the CLI looks for the daemon's socket, in order: `--socket`, `BEREDSKAP_SOCKET`,
/// `./.beredskap/beredskap.sock` (a daemon started from this checkout), then
/// `/run/beredskap/beredskap.sock` (the installed service).
public enum SocketLocator {
    public static let checkoutDefault = ".beredskap/beredskap.sock"
    public static let installedDefault = "/run/beredskap/beredskap.sock"

    public static func locate(
        option: String?, environment: [String: String], fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }
    ) -> String {
        if let option, !option.isEmpty { return option }
        if let variable = environment["BEREDSKAP_SOCKET"], !variable.isEmpty { return variable }
        if fileExists(checkoutDefault) { return checkoutDefault }
        return installedDefault
    }
}
