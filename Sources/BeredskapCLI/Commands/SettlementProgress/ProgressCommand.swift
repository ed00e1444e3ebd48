import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore

/// `settlement progress YEAR [--at DATE]`: a row per district — quota, settled, expected by
/// the date, lag — with a bar of settled against expected, the lagging districts marked, and
/// the city total.
enum ProgressCommand {
    /// Cells of the bar at which settled equals expected (on track).
    static let barCells = 20

    static func run(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let year = try usage { () throws(UsageError) in try parsed.settlementYear() }
        let at = try usage { () throws(UsageError) in try parsed.date("at") }
        let progress = try call { () throws(ClientError) in try context.client.settlementProgress(year: year, at: at) }
        let output = context.output
        guard !output.printedForScripts(progress, csv: {
            (
                ["year", "at", "district", "quota", "settled", "expected", "lag", "share_of_expected", "lagging"],
                (progress.districts + [progress.total]).map { row in
                    [String(year), progress.at.description, row.district, String(row.quota), String(row.settled),
                     String(row.expected), String(row.lag), row.shareOfExpected.map { String($0) } ?? "", String(row.lagging)]
                }
            )
        }) else { return }
        for line in lines(progress, output) { output.line(line) }
    }

    /// The lines for people (without the trailing newline).
    static func lines(_ progress: SettlementProgressResponse, _ output: Output) -> [String] {
        let language = output.language
        var lines = [output.style.bold(Text(
            "Settlement \(progress.year) at \(progress.at): day \(progress.daysElapsed) of \(progress.daysInYear) (quota version \(progress.quotaVersion))",
            nb: "Bosetting \(progress.year) per \(progress.at): dag \(progress.daysElapsed) av \(progress.daysInYear) (kvoteversjon \(progress.quotaVersion))")(language))]
        var table = Table(columns: [
            Table.Column(Text("DISTRICT", nb: "BYDEL")(language)),
            Table.Column(Text("QUOTA", nb: "KVOTE")(language), alignment: .right),
            Table.Column(Text("SETTLED", nb: "BOSATT")(language), alignment: .right),
            Table.Column(Text("EXPECTED", nb: "VENTET")(language), alignment: .right),
            Table.Column(Text("LAG", nb: "ETTER")(language), alignment: .right),
            Table.Column(Text("SHARE", nb: "ANDEL")(language), alignment: .right),
            Table.Column(Text("SETTLED AGAINST EXPECTED", nb: "BOSATT MOT VENTET")(language)),
            Table.Column(""),
        ])
        let mark = Text("◀ behind", nb: "◀ etter")(language)
        for row in progress.districts + [progress.total] {
            table.addRow([
                row.name, String(row.quota), String(row.settled), String(SettlementProgress.persons(row.expected)),
                String(SettlementProgress.persons(row.lag)), row.shareOfExpected.map(percent) ?? "–", bar(row),
                row.lagging ? output.style.yellow(mark) : "",
            ])
        }
        lines.append(table.render(style: output.style))
        let lagging = progress.districts.filter(\.lagging).map(\.name)
        lines.append(lagging.isEmpty
            ? Text("No district is behind by more than \(whole(progress.minLag)) persons and \(percent(progress.minLagShare)) of the expected.",
                   nb: "Ingen bydel ligger mer enn \(whole(progress.minLag)) personer og \(percent(progress.minLagShare)) av det ventede etter.")(language)
            : Text("Behind (more than \(whole(progress.minLag)) persons and \(percent(progress.minLagShare)) of the expected): \(lagging.joined(separator: ", "))",
                   nb: "Etter (mer enn \(whole(progress.minLag)) personer og \(percent(progress.minLagShare)) av det ventede): \(lagging.joined(separator: ", "))")(language))
        return lines
    }

    /// Settled as a bar where `barCells` is the expected, then `│` at the expected: a bar that
    /// reaches the line is on track, one past it ahead.
    static func bar(_ row: SettlementProgressResponse.Row) -> String {
        guard row.expected > 0 else { return "" }
        let cells = barCells * 3 / 2
        let scaled = Int((Double(row.settled) / row.expected * Double(barCells * 8)).rounded())
        let bar = Chart.bar(value: min(scaled, cells * 8), maximum: barCells * 8, cells: barCells)
            + (scaled > barCells * 8 ? String(repeating: "█", count: min(cells - barCells, (scaled - barCells * 8 + 7) / 8)) : "")
        let width = bar.count
        return width >= barCells ? bar : bar + String(repeating: " ", count: barCells - width) + "│"
    }

    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded())) %" }

    private static func whole(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
