import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore

/// `report scheduled`: what the schedules of `reports.schedules` made, and where each file is.
extension CommandTree {
    static let reportScheduled = Command(
        "scheduled",
        summary: Text("list the reports the schedules made, newest first", nb: "vis rapportene planene har laget, nyeste først"),
        discussion: Text(
            """
            The schedules are in the configuration (reports.schedules): times of day or an
            interval, and the lowest surge level at which a slot makes a report. SLOT is when a
            report was due, MADE when its figures were taken (later for a slot made at start
            after the daemon was down), FILES how many of its files are written. A file that
            could not be written (a full disk, a missing permission) is tried again until it
            is; its error is shown below the table. --csv: one row per file.

            Examples:
              beredskap report scheduled
              beredskap report scheduled --csv > rapporter.csv
            """,
            nb: """
            Planene står i konfigurasjonen (reports.schedules): klokkeslett eller et intervall,
            og laveste pågangsnivå der et tidspunkt gir en rapport. TIDSPUNKT er når rapporten
            skulle lages, LAGET når tallene ble hentet (senere for et tidspunkt som ble tatt
            igjen ved oppstart etter at tjenesten var nede), FILER hvor mange av filene som er
            skrevet. En fil som ikke kunne skrives (full disk, manglende tilgang) prøves igjen
            til den er skrevet; feilen vises under tabellen. --csv: én rad per fil.

            Eksempler:
              beredskap report scheduled
              beredskap report scheduled --csv > rapporter.csv
            """),
        options: [.option("limit", short: "n", value: "N", help: Text(
            "at most N reports (1–500, default 50)", nb: "høyst N rapporter (1–500, standard 50)"))],
        run: ScheduledReportCommand.run)
}

/// The action of `report scheduled`, and how its list reads.
enum ScheduledReportCommand {
    static func run(_ context: CommandContext) throws(CommandFailure) {
        let limit = try usage { () throws(UsageError) in try context.parsed.int("limit", in: 1...500) }
        let list = try call { () throws(ClientError) in try context.client.scheduledReports(limit: limit) }
        let output = context.output
        if output.printedForScripts(list, csv: { (csvHeader, list.reports.flatMap(csvRows)) }) { return }
        guard !list.reports.isEmpty else {
            return output.line(Text(
                "No scheduled reports yet. Schedules are set in the configuration: reports.schedules.",
                nb: "Ingen planlagte rapporter ennå. Planene settes i konfigurasjonen: reports.schedules."))
        }
        output.table(columns, rows: list.reports.map { row($0, output) })
        for report in list.reports {
            for file in report.files where file.writtenAt == nil {
                let error = file.lastError ?? Text("not tried yet", nb: "ikke prøvd ennå")(output.language)
                output.line(Text(
                    "#\(report.id) \(file.path): not written (\(file.attempts) attempts): \(error)",
                    nb: "#\(report.id) \(file.path): ikke skrevet (\(file.attempts) forsøk): \(error)"))
            }
        }
    }

    static let columns: [ListColumn] = [
        ListColumn.number("ID", nb: "ID"),
        ListColumn("SCHEDULE", nb: "PLAN"),
        ListColumn("SLOT", nb: "TIDSPUNKT"),
        ListColumn("MADE", nb: "LAGET"),
        ListColumn("SURGE", nb: "PÅGANG"),
        ListColumn.number("FILES", nb: "FILER"),
    ]

    static func row(_ report: ScheduledReportResource, _ output: Output) -> [String] {
        let written = report.files.filter { $0.writtenAt != nil }.count
        return [
            "\(report.id)", report.schedule, output.time(report.slot), output.time(report.madeAt),
            report.surgeLevel.name(output.language), "\(written)/\(report.files.count)",
        ]
    }

    static let csvHeader = ["id", "schedule", "slot", "made_at", "surge_level", "path", "written_at", "attempts", "last_error"]

    static func csvRows(_ report: ScheduledReportResource) -> [[String]] {
        let head = ["\(report.id)", report.schedule, report.slot.rfc3339, report.madeAt.rfc3339, report.surgeLevel.rawValue]
        guard !report.files.isEmpty else { return [head + ["", "", "", ""]] }
        return report.files.map { file in
            head + [file.path, file.writtenAt?.rfc3339 ?? "", "\(file.attempts)", file.lastError ?? ""]
        }
    }
}
