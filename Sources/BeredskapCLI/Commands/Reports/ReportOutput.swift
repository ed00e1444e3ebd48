import BeredskapCLIKit
import BeredskapCore
import Foundation

/// Where a report the daemon rendered goes: standard output, or a file (`--output FILE`)
/// whose path is printed.
///
/// Why one place: the after-action report and the situation report are written the same
/// way — atomically, so a half-written page is never opened or mailed.
enum ReportOutput {
    /// `--format md|html|json` and `--output FILE`, as both report commands take them.
    static let formatOption = OptionSpec.choice(
        "format", among: ReportFormat.allCases.map(\.rawValue), help: Text("what to print (default md)", nb: "hva som skrives ut (standard md)"))
    static let outputOption = OptionSpec.option("output", short: "o", value: "FILE", help: Text(
        "write it to FILE and print the path", nb: "skriv den til FILE og skriv ut stien"))

    static func deliver(_ report: String, to path: String?, _ context: CommandContext) throws(CommandFailure) {
        guard let path else {
            return context.output.raw(report.hasSuffix("\n") ? report : report + "\n")
        }
        do {
            try Data(report.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .message(Text(
                "cannot write \(path): \(error.localizedDescription)", nb: "kan ikke skrive \(path): \(error.localizedDescription)"),
                .usage)
        }
        context.output.line(path)
    }
}
