import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore

/// `capacity` and `surge`, each declared with its action (`PictureCommands`).
extension CommandTree {
    static let capacity = Command(
        "capacity",
        summary: Text("capacity for the city, by kind and by district", nb: "kapasitet for byen, per type og per bydel"),
        discussion: help(
            """
            Only open and closing facilities count as places. OVER is people without a
            counted place; STANDBY is what could be opened (planned and standby facilities and
            the expansion headroom of operating ones).
            """,
            nb: """
            Bare åpne mottak og mottak under avvikling teller som plasser. OVER er personer uten
            en talt plass; RESERVE er det som kan åpnes (planlagte mottak, mottak i beredskap og
            utvidelsesrommet i mottak i drift).
            """,
            examples: [
                "beredskap capacity",
                "beredskap capacity --json | jq .total",
            ]),
        run: PictureCommands.capacity)

    static let surge = Command(
        "surge",
        summary: Text("the surge level, arrival figures and days until full", nb: "ankomstnivå, ankomsttall og dager til fullt"),
        discussion: help(
            """
            Levels: normal, elevated, high, crisis. The forecast divides each kind's free places
            by its net inflow; 'not filling' means more are leaving than arriving.
            """,
            nb: """
            Nivåer: normal, forhøyet, høy, krise. Prognosen deler ledige plasser per type på
            nettotilstrømningen; «fylles ikke» betyr at flere reiser enn kommer.
            """,
            examples: [
                "beredskap surge",
                "beredskap surge --json",
            ]),
        run: PictureCommands.surge)
}

/// `capacity` and `surge`: the picture a coordination meeting starts with.
enum PictureCommands {
    static func capacity(_ context: CommandContext) throws(CommandFailure) {
        let picture = try call { () throws(ClientError) in try context.client.capacity() }
        let output = context.output
        let kinds = picture.byKind.sorted { kindOrder($0.key) < kindOrder($1.key) }
        let districts = picture.byDistrict.sorted { districtOrder($0.key) < districtOrder($1.key) }
        let groups = [("total", [("city", picture.total)]), ("kind", kinds), ("district", districts)]
        guard !output.printedForScripts(picture, csv: {
            (
                [
                    "group", "name", "facilities", "capacity", "blocked", "available", "occupied", "free", "utilization",
                    "over_capacity", "standby_capacity",
                ],
                groups.flatMap { group, rows in rows.map { [group, $0.0] + totalsCells($0.1, csv: true) } }
            )
        }) else { return }
        guard picture.total.facilities > 0 else {
            return output.line(Text(
                "No facilities yet: add them with 'beredskap facility add' or 'beredskap seed Config/oslo'.",
                nb: "Ingen mottak ennå: legg dem til med «beredskap facility add» eller «beredskap seed Config/oslo»."))
        }
        output.line(output.style.bold(Text(
            "Capacity at \(output.time(picture.at)) (cap \(picture.cap) places per facility)",
            nb: "Kapasitet \(output.time(picture.at)) (tak \(picture.cap) plasser per mottak)")(output.language)))
        output.line("")
        totalsTable(Text("", nb: ""), [(Text("City", nb: "Byen")(output.language), picture.total)], output)
        output.line("")
        totalsTable(Text("KIND", nb: "TYPE"), kinds.map { (kindName($0.key, output.language), $0.value) }, output)
        output.line("")
        let noDistrict = Text("(no district)", nb: "(uten bydel)")(output.language)
        totalsTable(
            Text("DISTRICT", nb: "BYDEL"), districts.map { ($0.key == CapacityPicture.noDistrict ? noDistrict : $0.key, $0.value) },
            output)
        let notes: [(Text, [String], (String) -> String)] = [
            (Text("Over capacity", nb: "Overbelagt"), picture.overCapacityFacilities, output.style.red),
            (Text("Over the cap", nb: "Over taket"), picture.overCapFacilities, output.style.red),
            (Text("Stale (no recent head count)", nb: "Utdatert (ingen fersk opptelling)"), picture.staleFacilities, output.style.yellow),
        ]
        for (label, facilities, colour) in notes where !facilities.isEmpty {
            output.line(colour("\(label(output.language)): \(facilities.joined(separator: ", "))"))
        }
    }

    static func surge(_ context: CommandContext) throws(CommandFailure) {
        let surge = try call { () throws(ClientError) in try context.client.surge() }
        let output = context.output
        let language = output.language
        let forecast = surge.forecast.sorted { kindOrder($0.key) < kindOrder($1.key) }
        guard !output.printedForScripts(surge, csv: { FigureTables.surge(surge, kinds: forecast.map(\.key)) }) else { return }
        var headline = Text("Surge level: ", nb: "Ankomstnivå: ")(language) + CapacityFormat.surgeLevel(surge.level, output)
        if let since = surge.since { headline += Text("  since \(output.time(since))", nb: "  siden \(output.time(since))")(language) }
        output.line(output.style.bold(headline))
        if let reason = surge.reason {
            let words = SurgeReason(code: reason)?.text(language) ?? reason
            output.line(output.style.dim(Text("Because: \(words)", nb: "Fordi: \(words)")(language)))
        }
        output.line("")
        let ratio = surge.ratio.map { " (×" + CapacityFormat.decimal($0, language) + ")" } ?? ""
        output.keyValues([
            (Text("Arrivals, last 24 hours", nb: "Ankomster siste døgn"), "\(surge.arrivals24h)\(ratio)"),
            (Text("Arrivals, last 7 days", nb: "Ankomster siste 7 dager"), String(surge.arrivals7d)),
            (Text("Normal per day", nb: "Normalt per dag"),
             Text("\(CapacityFormat.decimal(surge.baselinePerDay, language)) (mean of the \(surge.baselineDays) days before the last \(surge.recentDays))",
                  nb: "\(CapacityFormat.decimal(surge.baselinePerDay, language)) (snitt av de \(surge.baselineDays) dagene før de siste \(surge.recentDays))")(language)),
            (Text("As of", nb: "Per"), output.time(surge.at)),
        ])
        output.line("")
        output.line(output.style.bold(Text(
            "Forecast by kind, at the recent net inflow (arrivals less departures)",
            nb: "Prognose per type, med den siste nettotilstrømningen (ankomster minus utflyttinger)")(language)))
        guard !forecast.isEmpty else { return output.line(Text("No operating facilities.", nb: "Ingen mottak i drift.")) }
        output.table(
            [
                ListColumn("KIND", nb: "TYPE"), .number("FREE", nb: "LEDIG"),
                .number("NET/DAY", nb: "NETTO/DAG"),
                ListColumn("FULL IN", nb: "FULLT OM"),
            ],
            rows: forecast.map { kind, item in
                [kindName(kind, language), String(item.free), signed(item.netPerDay, language), daysToFull(item.daysToFull, language)]
            },
            rowStyles: forecast.map { urgency($0.value.daysToFull, output.style) })
    }

    // MARK: Totals

    /// The capacity figures as one sentence, as `status` and `facility list` print them beside
    /// the `capacity` table: the same figures (`CapacityFigures`), and they visibly add up
    /// (available − occupied = free − over capacity): "630 occupied of 549 available places
    /// (115 %): 99 free, 81 over capacity".
    static func summary(available: Int, occupied: Int, free: Int, overCapacity: Int, utilization: Double?) -> Text {
        let percent = CapacityFormat.percent(utilization)
        let places = available == 1
            ? Text("1 available place", nb: "1 tilgjengelig plass") : Text("\(available) available places", nb: "\(available) tilgjengelige plasser")
        var text = Text("\(occupied) occupied of ", nb: "\(occupied) belagt av ") + places
            + Text(" (\(percent)): \(free) free", nb: " (\(percent)): \(free) \(free == 1 ? "ledig" : "ledige")")
        if overCapacity > 0 {
            text = text + Text(", \(overCapacity) over capacity", nb: ", \(overCapacity) over kapasiteten")
        }
        return text
    }

    static func summary(_ totals: CapacityTotals) -> Text {
        summary(
            available: totals.available, occupied: totals.occupied, free: totals.free, overCapacity: totals.overCapacity,
            utilization: totals.utilization)
    }

    // MARK: Totals tables

    static let totalsColumns: [ListColumn] = [
        .number("FACILITIES", nb: "MOTTAK"),
        .number("CAPACITY", nb: "PLASSER"),
        .number("BLOCKED", nb: "UTE AV BRUK"),
        .number("AVAILABLE", nb: "TILGJENGELIG"),
        .number("OCCUPIED", nb: "BELAGT"),
        .number("FREE", nb: "LEDIG"),
        .number("UTIL", nb: "BELEGG"),
        .number("OVER", nb: "OVER"),
        .number("STANDBY", nb: "RESERVE"),
    ]

    static func totalsCells(_ totals: CapacityTotals, csv: Bool) -> [String] {
        let utilization = csv
            ? totals.utilization.map { String($0) } ?? ""
            : CapacityFormat.Marks(overCapacity: totals.overCapacity > 0).utilization(totals.utilization)
        return [
            String(totals.facilities), String(totals.capacity), String(totals.blocked), String(totals.available),
            String(totals.occupied), String(totals.free), utilization, String(totals.overCapacity), String(totals.standbyCapacity),
        ]
    }

    /// One table of totals: a name column titled `title`, the figures, and red rows where
    /// people have no counted place.
    static func totalsTable(_ title: Text, _ rows: [(String, CapacityTotals)], _ output: Output) {
        output.table(
            [ListColumn(title)] + totalsColumns,
            rows: rows.map { [$0.0] + totalsCells($0.1, csv: false) },
            rowStyles: rows.map { CapacityFormat.Marks(overCapacity: $0.1.overCapacity > 0).rowStyle(output.style) })
    }

    // MARK: Helpers

    /// A kind by its name in the reader's language (an unknown one as the daemon sent it).
    static func kindName(_ key: String, _ language: Language) -> String {
        FacilityKind(rawValue: key)?.name(language) ?? key
    }

    /// Kinds in the order of the domain (arrival first), unknown ones after.
    static func kindOrder(_ key: String) -> (Int, String) {
        (FacilityKind(rawValue: key).flatMap { FacilityKind.allCases.firstIndex(of: $0) } ?? FacilityKind.allCases.count, key)
    }

    /// Districts by their official number (Gamle Oslo 01 first), facilities without one last.
    static func districtOrder(_ key: String) -> (Int, String) {
        (District.oslo.first { $0.id == key }?.number ?? (key == CapacityPicture.noDistrict ? 100 : 99), key)
    }

    static func signed(_ value: Double, _ language: Language) -> String {
        (value > 0 ? "+" : "") + CapacityFormat.decimal(value, language)
    }

    static func daysToFull(_ days: Double?, _ language: Language) -> String {
        guard let days else { return Text("not filling", nb: "fylles ikke")(language) }
        return Text("\(CapacityFormat.decimal(days, language)) days", nb: "\(CapacityFormat.decimal(days, language)) dager")(language)
    }

    /// Red when a kind is full within three days (less than the time it takes to open a
    /// standby facility), yellow within a week.
    static func urgency(_ days: Double?, _ style: TextStyle) -> (String) -> String {
        guard let days else { return { $0 } }
        if days <= 3 { return style.red }
        if days <= 7 { return style.yellow }
        return { $0 }
    }
}
