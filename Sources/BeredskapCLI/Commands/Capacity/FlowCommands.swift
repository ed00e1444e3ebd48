import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore

/// `arrival`, `departure` and `occupancy`: recording, declared with its actions (`FlowCommands`); listing
/// and correcting records, in `RecordCommands.swift`.
extension CommandTree {
    static let arrival = Command(
        "arrival", summary: Text("record, list and correct arrivals at a facility", nb: "registrer, vis og rett ankomster til et mottak"),
        subcommands: [arrivalRecord] + corrections(.arrivals))

    static let arrivalRecord = record(
        summary: Text("record people who arrived at a facility", nb: "registrer personer som kom til et mottak"),
        discussion: help(
            "Categories: \(categories).",
            nb: "Kategorier: \(categories).",
            examples: [
                "beredskap arrival record refstad 12 --category family",
                "beredskap arrival record refstad 3 --category minor_15_17 --at \"2026-11-22 07:40\" --note \"Buss fra Storskog\"",
            ]),
        options: [
            .oneOf("category", short: "c", value: "CATEGORY", ArrivalCategory.self, help: Text("who arrived (required): \(categories)", nb: "hvem som kom (påkrevd): \(categories)")),
            Confirmation.forceOption,
        ],
        run: FlowCommands.recordArrival)

    static let departure = Command(
        "departure", summary: Text("record, list and correct departures from a facility", nb: "registrer, vis og rett utflyttinger fra et mottak"),
        subcommands: [departureRecord] + corrections(.departures))

    static let departureRecord = record(
        summary: Text("record people who left a facility", nb: "registrer personer som forlot et mottak"),
        discussion: help(
            """
            Reasons: \(reasons). With --to (and --reason transferred) the same people are
            recorded as arriving at that facility, in the same step.
            """,
            nb: """
            Årsaker: \(reasons). Med --to (og --reason transferred) registreres de samme
            personene som ankommet til det mottaket, i samme steg.
            """,
            examples: [
                "beredskap departure record refstad 8 --reason settled",
                "beredskap departure record refstad 40 --reason transferred --to torshov --category adult",
            ]),
        options: [
            .oneOf("reason", short: "r", value: "REASON", DepartureReason.self, help: Text("why they left (required): \(reasons)", nb: "hvorfor de reiste (påkrevd): \(reasons)")),
            .option("to", value: "FACILITY", help: Text("the facility they were moved to", nb: "mottaket de ble flyttet til")),
            .oneOf("category", short: "c", value: "CATEGORY", ArrivalCategory.self, help: Text("with --to: who they are (default other)", nb: "med --to: hvem de er (standard other)")),
            Confirmation.forceOption,
        ],
        run: FlowCommands.recordDeparture)

    /// `arrival record` and `departure record`: `FACILITY COUNT`, their own options, then
    /// `--at` and `--note` as every record has them.
    private static func record(summary: Text, discussion: Text, options: [OptionSpec], run: @escaping Command.Action) -> Command {
        Command(
            "record", summary: summary, discussion: discussion, options: options + [atOption, noteOption], arguments: flowArguments,
            run: run)
    }

    static let occupancy = Command(
        "occupancy", summary: Text("report, list and correct head counts", nb: "rapporter, vis og rett opptellinger"),
        subcommands: [occupancyReport] + corrections(.occupancy))

    static let occupancyReport = Command(
        "report",
        summary: Text("report how many people are at a facility now", nb: "rapporter hvor mange som er på et mottak nå"),
        discussion: help(
            """
            An absolute head count: it replaces the figure derived from arrivals and departures
            and resets the facility's 'stale' mark.
            """,
            nb: """
            En absolutt opptelling: den erstatter tallet som er regnet ut fra ankomster og
            utflyttinger, og fjerner mottakets «utdatert»-merke.
            """,
            examples: [
                "beredskap occupancy report refstad 287",
                "beredskap occupancy report torshov 190 --at 08:00",
            ]),
        options: [atOption, noteOption, Confirmation.forceOption],
        arguments: [facilityArgument, .required("OCCUPIED", help: Text("people there now", nb: "personer der nå"))],
        run: FlowCommands.reportOccupancy)
}

/// `arrival record`, `departure record` and `occupancy report`: the facts that move the
/// head count of a facility.
enum FlowCommands {
    /// The most people one record may carry: the daemon's own limit (the same as a facility's
    /// largest possible capacity), so that what passes here is not refused there for its size.
    static let maximumPeople = FacilityDefinition.maximumPlaces

    static func recordArrival(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let body = try usage { () throws(UsageError) -> ArrivalBody in
            guard let category = try parsed.enumValue("category", ArrivalCategory.self) else {
                throw parsed.usageError(Text("missing --category (\(categories))", nb: "mangler --category (\(categories))"))
            }
            return ArrivalBody(
                facility: parsed.argument("FACILITY") ?? "", count: try parsed.count("COUNT", in: 1...maximumPeople),
                category: category, at: try parsed.instant("at", calendar: context.output.calendar), note: parsed.value("note"))
        }
        let recorded = try Confirmation.send(context) { force, key throws(ClientError) in
            var confirmed = body
            confirmed.force = force
            return try context.client.recordArrival(confirmed, idempotencyKey: key)
        }
        let output = context.output
        emit(
            recorded, output,
            csv: (
                ["id", "facility", "count", "category", "at", "occupied", "event_seq"],
                [
                    String(recorded.id), recorded.facility, String(recorded.count), recorded.category.rawValue,
                    recorded.at.rfc3339, String(recorded.occupied), String(recorded.eventSeq),
                ]),
            human: Text(
                "Recorded the arrival of \(recorded.count) (\(recorded.category.name.en)) at \(recorded.facility), \(output.time(recorded.at)): now \(recorded.occupied) there (arrival #\(recorded.id), event #\(recorded.eventSeq)).",
                nb: "Registrerte ankomst av \(recorded.count) (\(recorded.category.name.nb)) til \(recorded.facility), \(output.time(recorded.at)): nå \(recorded.occupied) der (ankomst #\(recorded.id), hendelse #\(recorded.eventSeq))."))
    }

    static func recordDeparture(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let body = try usage { () throws(UsageError) -> DepartureBody in
            guard let reason = try parsed.enumValue("reason", DepartureReason.self) else {
                throw parsed.usageError(Text(
                    "missing --reason (\(reasons))", nb: "mangler --reason (\(reasons))"))
            }
            let to = parsed.value("to")
            // The daemon would refuse it too; saying so here names the option to change.
            if to != nil && reason != .transferred {
                throw parsed.usageError(Text(
                    "--to needs --reason transferred", nb: "--to krever --reason transferred"))
            }
            return DepartureBody(
                facility: parsed.argument("FACILITY") ?? "", count: try parsed.count("COUNT", in: 1...maximumPeople),
                reason: reason, at: try parsed.instant("at", calendar: context.output.calendar), to: to,
                category: try parsed.enumValue("category", ArrivalCategory.self), note: parsed.value("note"))
        }
        let recorded = try Confirmation.send(context) { force, key throws(ClientError) in
            var confirmed = body
            confirmed.force = force
            return try context.client.recordDeparture(confirmed, idempotencyKey: key)
        }
        let output = context.output
        var human = Text(
            "Recorded the departure of \(recorded.count) (\(recorded.reason.name.en)) from \(recorded.facility), \(output.time(recorded.at)): now \(recorded.occupied) there (departure #\(recorded.id), event #\(recorded.eventSeq)).",
            nb: "Registrerte utflytting av \(recorded.count) (\(recorded.reason.name.nb)) fra \(recorded.facility), \(output.time(recorded.at)): nå \(recorded.occupied) der (utflytting #\(recorded.id), hendelse #\(recorded.eventSeq)).")
        if let arrival = recorded.arrival {
            human = human + Text(
                "\nArrived at \(arrival.facility): now \(arrival.occupied) there (arrival #\(arrival.id); correcting either corrects both).",
                nb: "\nAnkommet til \(arrival.facility): nå \(arrival.occupied) der (ankomst #\(arrival.id); retter du den ene, rettes begge).")
        }
        emit(
            recorded, output,
            csv: (
                ["id", "facility", "count", "reason", "at", "to", "occupied", "event_seq"],
                [
                    String(recorded.id), recorded.facility, String(recorded.count), recorded.reason.rawValue, recorded.at.rfc3339,
                    recorded.to ?? "", String(recorded.occupied), String(recorded.eventSeq),
                ]),
            human: human)
    }

    static func reportOccupancy(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let facility = parsed.argument("FACILITY") ?? ""
        let body = try usage { () throws(UsageError) in
            OccupancyBody(
                occupied: try parsed.count("OCCUPIED", in: 0...FacilityDefinition.maximumPlaces),
                at: try parsed.instant("at", calendar: context.output.calendar), note: parsed.value("note"))
        }
        let recorded = try Confirmation.send(context) { force, key throws(ClientError) in
            var confirmed = body
            confirmed.force = force
            return try context.client.reportOccupancy(facility: facility, confirmed, idempotencyKey: key)
        }
        let output = context.output
        emit(
            recorded, output,
            csv: (
                ["id", "facility", "counted", "occupied", "previous", "at", "event_seq"],
                [
                    String(recorded.id), recorded.facility, String(recorded.counted), String(recorded.occupied),
                    String(recorded.previous), recorded.at.rfc3339, String(recorded.eventSeq),
                ]),
            human: headCountLine(recorded, output))
    }

    /// "Head count for refstad: 240, 2026-12-03 08:00:00 CET: now 240 (was 200) …"; a count dated
    /// before later records says how they add to it, so the figure shown is not taken for the count.
    static func headCountLine(_ recorded: OccupancyRecorded, _ output: Output) -> Text {
        let time = output.time(recorded.at)
        let after = recorded.occupied - recorded.counted
        let now = after == 0
            ? Text("now \(recorded.occupied) there", nb: "nå \(recorded.occupied) der")
            : Text(
                "with the \(after > 0 ? "+" : "")\(after) recorded after it, now \(recorded.occupied) there",
                nb: "med \(after > 0 ? "+" : "")\(after) registrert etter den, nå \(recorded.occupied) der")
        return Text("Head count for \(recorded.facility): \(recorded.counted), \(time): ", nb: "Opptelling for \(recorded.facility): \(recorded.counted), \(time): ")
            + now
            + Text(
                " (was \(recorded.previous); head count #\(recorded.id), event #\(recorded.eventSeq)).",
                nb: " (var \(recorded.previous); opptelling #\(recorded.id), hendelse #\(recorded.eventSeq)).")
    }

    // MARK: Shared

    static var categories: String { ArrivalCategory.allCases.map(\.rawValue).joined(separator: ", ") }
    static var reasons: String { DepartureReason.allCases.map(\.rawValue).joined(separator: ", ") }

    /// Prints a recorded fact: the daemon's answer as JSON, one CSV row, or a sentence.
    static func emit(_ result: some Encodable, _ output: Output, csv: (header: [String], row: [String]), human: Text) {
        switch output.format {
        case .json: output.json(result)
        case .csv: output.csv(header: csv.header, rows: [csv.row])
        case .human: output.line(human)
        }
    }
}
