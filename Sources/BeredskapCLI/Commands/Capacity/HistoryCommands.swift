import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore

/// `history arrivals|occupancy`, each declared with its action (`HistoryCommands`).
extension CommandTree {
    static let history = Command(
        "history",
        summary: Text("arrivals and occupancy over time, as charts", nb: "ankomster og belegg over tid, som diagram"),
        subcommands: [historyArrivals, historyOccupancy])

    private static let fromOption = OptionSpec.option("from", value: "DATE", help: Text(
        "first day (default: 30 days ago)", nb: "første dag (standard: for 30 dager siden)"))

    private static let toOption = OptionSpec.option("to", value: "DATE", help: Text("last day (default: today)", nb: "siste dag (standard: i dag)"))

    private static let facilityFilter = only("facility", value: "FACILITY", Text("this facility", nb: "dette mottaket"))

    static let historyArrivals = Command(
        "arrivals",
        summary: Text("arrivals per day or week", nb: "ankomster per dag eller uke"),
        discussion: help(
            """
            Days and weeks are Oslo days (the daemon's time zone). Each bucket gets a bar;
            the trend line below sums up the whole range.
            """,
            nb: """
            Dager og uker er Oslo-dager (tjenestens tidssone). Hver periode får en stolpe;
            utviklingslinjen under oppsummerer hele perioden.
            """,
            examples: [
                "beredskap history arrivals",
                "beredskap history arrivals --from 2026-09-01 --week --kind transit",
                "beredskap history arrivals --facility refstad --csv > ankomster.csv",
            ]),
        options: [
            fromOption, toOption,
            .flag("week", help: Text("one bar per ISO week instead of per day", nb: "én stolpe per ISO-uke i stedet for per dag")),
            facilityFilter,
            only("kind", value: "KIND", Text("facilities of this kind", nb: "mottak av denne typen"), FacilityKind.self),
            only("district", value: "DISTRICT", Text("facilities in this district", nb: "mottak i denne bydelen")),
            only("category", value: "CATEGORY", Text("this category", nb: "denne kategorien"), ArrivalCategory.self),
        ],
        run: HistoryCommands.arrivals)

    static let historyOccupancy = Command(
        "occupancy",
        summary: Text("the head count at the end of each day", nb: "antall beboere ved slutten av hver dag"),
        discussion: help(
            """
            Bars are scaled to the places available, so a full bar is a full house. Without
            --facility, the total of all facilities, then a trend per facility.
            """,
            nb: """
            Stolpene er skalert til tilgjengelige plasser, så en full stolpe er fullt hus. Uten
            --facility vises summen for alle mottak, og så utviklingen per mottak.
            """,
            examples: [
                "beredskap history occupancy",
                "beredskap history occupancy --facility refstad --from 2026-11-01",
            ]),
        options: [
            facilityFilter, fromOption, toOption,
        ],
        run: HistoryCommands.occupancy)
}

/// `history arrivals` and `history occupancy`: the series behind the picture, as a bar per
/// day or week and a sparkline, so "is it rising?" is answered at a glance.
enum HistoryCommands {
    static func arrivals(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let query = try usage { () throws(UsageError) -> ArrivalSeriesQuery in
            let (from, to) = try range(parsed)
            return ArrivalSeriesQuery(
                from: from, to: to, bucket: parsed.flag("week") ? .week : .day, facility: parsed.value("facility"),
                kind: try parsed.enumValue("kind", FacilityKind.self), district: parsed.value("district"),
                category: try parsed.enumValue("category", ArrivalCategory.self))
        }
        let series = try call { () throws(ClientError) in try context.client.arrivalSeries(query) }
        let output = context.output
        let language = output.language
        let categories = ArrivalCategory.allCases.map(\.rawValue)
        guard !output.printedForScripts(series, csv: {
            (
                ["label", "start", "end", "count"] + categories,
                series.buckets.map { bucket in
                    [bucket.label, bucket.start.description, bucket.end.description, String(bucket.count)]
                        + categories.map { String(bucket.byCategory[$0] ?? 0) }
                }
            )
        }) else { return }
        let unit = series.bucket == .week ? Text("week", nb: "uke") : Text("day", nb: "dag")
        output.line(output.style.bold(Text(
            "Arrivals \(series.from) – \(series.to) by \(unit.en) (\(series.timeZone)): \(series.total) in total",
            nb: "Ankomster \(series.from) – \(series.to) per \(unit.nb) (\(series.timeZone)): \(series.total) i alt")(language)))
        let counts = series.buckets.map(\.count)
        chart(series.buckets.map { Chart.Bar(label: $0.label, value: $0.count) }, scale: nil, output)
        let average = counts.isEmpty ? 0 : Double(counts.reduce(0, +)) / Double(counts.count)
        trend(
            counts,
            Text(
                "most \(counts.max() ?? 0) per \(unit.en), average \(CapacityFormat.decimal(average, language))",
                nb: "flest \(counts.max() ?? 0) per \(unit.nb), snitt \(CapacityFormat.decimal(average, language))"),
            output)
    }

    static func occupancy(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let facility = parsed.value("facility")
        let (from, to) = try usage { () throws(UsageError) in try range(parsed) }
        let series = try call { () throws(ClientError) in
            try context.client.occupancySeries(facility: facility, from: from, to: to)
        }
        let output = context.output
        let language = output.language
        guard !output.printedForScripts(series, csv: {
            (
                ["date", "facility", "name", "occupied", "peak", "available", "utilization"],
                series.facilities.flatMap { item in
                    item.days.map { day in
                        [
                            day.date.description, item.facility, item.name, String(day.occupied), String(day.peak),
                            String(day.available), day.utilization.map { String($0) } ?? "",
                        ]
                    }
                }
            )
        }) else { return }
        let scope = facility.map { Text($0, nb: $0) } ?? Text("all facilities", nb: "alle mottak")
        output.line(output.style.bold(Text(
            "Occupancy \(series.from) – \(series.to), end of each day (\(scope.en), \(series.timeZone))",
            nb: "Belegg \(series.from) – \(series.to), ved slutten av hver dag (\(scope.nb), \(series.timeZone))")(language)))
        // Bars against the places available, so a full bar means a full house.
        let scale = max(series.total.map(\.available).max() ?? 0, series.total.map(\.occupied).max() ?? 0)
        chart(
            series.total.map { Chart.Bar(label: $0.date.description, value: $0.occupied, note: CapacityFormat.percent($0.utilization)) },
            scale: scale, output)
        trend(series.total.map(\.occupied), peakSummary(series.total), output)
        guard series.facilities.count > 1 else { return }
        output.line("")
        output.table(
            [
                ListColumn("FACILITY", nb: "MOTTAK"), ListColumn("TREND", nb: "UTVIKLING"),
                .number("NOW", nb: "NÅ"), .number("UTIL", nb: "BELEGG"),
            ],
            rows: series.facilities.map { item in
                let last = item.days.last
                return [
                    item.facility, Chart.sparkline(item.days.map(\.occupied), maximumWidth: sparklineWidth(output)),
                    CapacityFormat.optional(last?.occupied),
                    CapacityFormat.Marks(overCapacity: (last?.utilization ?? 0) > 1).utilization(last?.utilization),
                ]
            },
            rowStyles: series.facilities.map { CapacityFormat.Marks(overCapacity: ($0.days.last?.utilization ?? 0) > 1).rowStyle(output.style) })
    }

    /// The highest bar of the chart and its day, then the day's peak if it went higher within
    /// a day: both are figures of the series ("highest 153 (2026-11-20), within a day 160").
    static func peakSummary(_ days: [OccupancySeries.Day]) -> Text {
        guard let highest = days.max(by: { $0.occupied < $1.occupied }) else { return Text("", nb: "") }
        var text = Text("highest \(highest.occupied) (\(highest.date))", nb: "høyest \(highest.occupied) (\(highest.date))")
        if let peak = days.max(by: { $0.peak < $1.peak }), peak.peak > highest.occupied {
            text = text + Text(", within a day \(peak.peak) (\(peak.date))", nb: ", i løpet av en dag \(peak.peak) (\(peak.date))")
        }
        return text
    }

    // MARK: Shared

    /// `--from` and `--to` as dates, in order.
    static func range(_ parsed: ParsedCommand) throws(UsageError) -> (CalendarDate?, CalendarDate?) {
        let from = try parsed.date("from"), to = try parsed.date("to")
        if let from, let to, from > to {
            throw parsed.usageError(Text(
                "--from (\(from)) is after --to (\(to))", nb: "--from (\(from)) er etter --to (\(to))"))
        }
        return (from, to)
    }

    static func chart(_ bars: [Chart.Bar], scale: Int?, _ output: Output) {
        guard !bars.isEmpty else { return output.line(Text("No data in this range.", nb: "Ingen data i perioden.")) }
        output.line("")
        for line in Chart.bars(bars, width: output.width, scale: scale) { output.line(line) }
    }

    /// The sparkline of the whole series, with a short summary after it.
    static func trend(_ values: [Int], _ summary: Text, _ output: Output) {
        guard !values.isEmpty else { return }
        output.line("")
        output.line(
            Text("Trend", nb: "Utvikling")(output.language) + "  " + Chart.sparkline(values, maximumWidth: sparklineWidth(output))
                + "  " + output.style.dim(summary(output.language)))
    }

    /// Room for a sparkline beside its label and summary; a pipe gets the whole series.
    static func sparklineWidth(_ output: Output) -> Int { max(10, output.width - 50) }
}
