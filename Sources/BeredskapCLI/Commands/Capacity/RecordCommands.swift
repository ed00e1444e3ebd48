import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore

/// `list`, `void` and `amend` of `arrival`, `departure` and `occupancy`, declared with their actions
/// (`RecordCommands`).
extension CommandTree {
    /// `list`, `void` and `amend` for one kind of record.
    static func corrections(_ collection: RecordCollection) -> [Command] {
        let (what, whatNB, command) = switch collection {
        case .arrivals: ("arrivals", "ankomster", "arrival")
        case .departures: ("departures", "utflyttinger", "departure")
        case .occupancy: ("head counts", "opptellinger", "occupancy")
        }
        let id = ArgumentSpec.required("ID", help: Text(
            "the record's number, as recorded and in 'beredskap \(command) list'", nb: "registreringens nummer, som ved registrering og i «beredskap \(command) list»"))
        let reason = reasonOption(Text("why the record is wrong, for the incident log", nb: "hvorfor registreringen er feil, til hendelsesloggen"))
        let transfer = collection == .occupancy ? Text("", nb: "") : Text(
            " A transfer is one pair (a departure and its arrival): correcting either half corrects both.",
            nb: " En overføring er ett par (en utflytting og ankomsten): retter du den ene halvdelen, rettes begge.")
        let list = Command(
            "list",
            summary: Text("the latest \(what) recorded, with their numbers", nb: "de siste registrerte \(whatNB), med nummer"),
            discussion: help(
                "Newest recorded first, voided ones included (dimmed), so the number of one typed by mistake is easy to find.",
                nb: "Sist registrert først, også annullerte (nedtonet), så nummeret på en feilregistrering er lett å finne.",
                examples: ["beredskap \(command) list --facility refstad", "beredskap \(command) list --limit 50 --csv"]),
            options: [
                only("facility", value: "FACILITY", Text("this facility", nb: "dette mottaket")),
                .option("limit", value: "N", help: Text("at most N (default 20, at most 500)", nb: "høyst N (standard 20, høyst 500)")),
                .option("before", value: "ID", help: Text("older than record ID (the next page)", nb: "eldre enn registrering ID (neste side)")),
            ],
            run: RecordCommands.list(collection))
        let void = Command(
            "void",
            summary: Text("void \(what.dropLast()) recorded by mistake", nb: "annuller en feilregistrering"),
            discussion: help(
                """
                The record stays, marked voided with who, when and why, and counts nowhere any more: not in the
                facility's occupancy, the surge figures, the forecast or the history. The correction is an event
                and an incident-log entry.\(transfer.en)
                """,
                nb: """
                Registreringen blir stående, merket annullert med hvem, når og hvorfor, og teller ikke lenger
                noe sted: ikke i belegget, ankomsttallene, prognosen eller historikken. Rettingen er en hendelse
                og en oppføring i hendelsesloggen.\(transfer.nb)
                """,
                examples: ["beredskap \(command) void 12 --reason \"Registrert på feil mottak\""]),
            options: [reason], arguments: [id], run: RecordCommands.void(collection))
        var amendOptions = [
            OptionSpec.option("count", value: "N", help: Text("the right number of people", nb: "riktig antall personer")),
            .option("at", value: "TIME", help: Text(
                "the right time (2026-11-22T09:30:00Z, or a date for its local midnight)",
                nb: "riktig tidspunkt (2026-11-22T09:30:00Z, eller en dato for midnatt lokal tid)")),
        ]
        switch collection {
        case .arrivals:
            amendOptions.append(.oneOf("category", short: "c", value: "CATEGORY", ArrivalCategory.self, help: Text("the right category: \(categories)", nb: "riktig kategori: \(categories)")))
        case .departures:
            amendOptions.append(.oneOf("departure-reason", value: "REASON", DepartureReason.self, help: Text(
                "the right reason they left: \(reasons) (a transfer stays transferred)",
                nb: "riktig årsak til at de reiste: \(reasons) (en overføring forblir transferred)")))
        case .occupancy: break
        }
        let amend = Command(
            "amend",
            summary: Text("correct the figures of \(what.dropLast())", nb: "rett tallene i en registrering"),
            discussion: help(
                """
                Give what is wrong and --reason; the rest stays. Everything counts as amended from then on:
                occupancy, surge figures, forecast and history, and the old and new figures are an event
                and an incident-log entry.\(transfer.en)
                """,
                nb: """
                Gi det som er feil og --reason; resten blir som det er. Alt teller som endret fra da av:
                belegg, ankomsttall, prognose og historikk, og gamle og nye tall er en hendelse og en
                oppføring i hendelsesloggen.\(transfer.nb)
                """,
                examples: [
                    "beredskap \(command) amend 12 --count 20 --reason \"Tastefeil, 20 ikke 200\"",
                    "beredskap \(command) amend 12 --at 2026-11-21T18:00:00Z --reason \"Kom i går kveld\"",
                ]),
            options: amendOptions + [reason, Confirmation.forceOption], arguments: [id], run: RecordCommands.amend(collection))
        return [list, void, amend]
    }
}

/// `arrival|departure|occupancy list`, `… void ID --reason TEXT` and `… amend ID … --reason
/// TEXT`: finding a record typed by mistake and correcting it.
enum RecordCommands {
    static let defaultLimit = 20

    static func list(_ collection: RecordCollection) -> Command.Action {
        { context throws(CommandFailure) in try list(collection, context) }
    }

    static func list(_ collection: RecordCollection, _ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let (limit, before) = try usage { () throws(UsageError) in
            (try parsed.int("limit", in: 1...500) ?? defaultLimit, try parsed.int("before", in: 1...Int.max).map(Int64.init))
        }
        let list = try call { () throws(ClientError) in
            try context.client.records(collection, facility: parsed.value("facility"), limit: limit, before: before)
        }
        let output = context.output
        if output.printedForScripts(list, csv: { (RecordFormat.csvHeader(collection), list.records.map { RecordFormat.csvRow($0, collection) }) }) {
            return
        }
        guard !list.records.isEmpty else { return output.line(Text("No records.", nb: "Ingen registreringer.")) }
        output.table(
            RecordFormat.columns(collection), rows: list.records.map { RecordFormat.row($0, collection, output) },
            rowStyles: list.records.map { record -> (String) -> String in
                record.state == .voided ? { output.style.dim($0) } : { $0 }
            })
        if let next = list.next {
            output.line(output.style.dim(Text(
                "Older: beredskap \(RecordFormat.command(collection)) list --before \(next)",
                nb: "Eldre: beredskap \(RecordFormat.command(collection)) list --before \(next)")(output.language)))
        }
    }

    static func void(_ collection: RecordCollection) -> Command.Action {
        { context throws(CommandFailure) in try void(collection, context) }
    }

    static func void(_ collection: RecordCollection, _ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let (id, reason) = try usage { () throws(UsageError) in
            (try parsed.number("ID"), try parsed.requiredReason(Text("say why the record is wrong", nb: "si hvorfor registreringen er feil")))
        }
        let key = context.idempotencyKey()
        let corrected = try call { () throws(ClientError) in
            try context.client.void(collection, id: id, VoidBody(reason: reason), idempotencyKey: key)
        }
        report(corrected, collection, verb: Text("Voided", nb: "Annullerte"), context.output)
    }

    static func amend(_ collection: RecordCollection) -> Command.Action {
        { context throws(CommandFailure) in try amend(collection, context) }
    }

    static func amend(_ collection: RecordCollection, _ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let calendar = context.output.calendar
        let (id, reason, count, at) = try usage { () throws(UsageError) in
            let id = try parsed.number("ID")
            let reason = try parsed.requiredReason(Text("say why the record is wrong", nb: "si hvorfor registreringen er feil"))
            let lower = collection == .occupancy ? 0 : 1
            return (id, reason, try parsed.int("count", in: lower...FlowCommands.maximumPeople), try parsed.instant("at", calendar: calendar))
        }
        let category = try usage { () throws(UsageError) in try parsed.enumValue("category", ArrivalCategory.self) }
        let departureReason = try usage { () throws(UsageError) in try parsed.enumValue("departure-reason", DepartureReason.self) }
        if count == nil && at == nil && category == nil && departureReason == nil {
            let options = switch collection {
            case .arrivals: "--count, --at or --category"
            case .departures: "--count, --at or --departure-reason"
            case .occupancy: "--count or --at"
            }
            throw .usage(parsed.usageError(Text(
                "nothing to amend: give \(options)", nb: "ingenting å endre: gi \(options.replacingOccurrences(of: " or ", with: " eller "))")))
        }
        let corrected = try Confirmation.send(context) { force, key throws(ClientError) in
            switch collection {
            case .arrivals:
                try context.client.amendArrival(
                    id: id, ArrivalAmendment(count: count, at: at, category: category, reason: reason, force: force), idempotencyKey: key)
            case .departures:
                try context.client.amendDeparture(
                    id: id, DepartureAmendment(count: count, at: at, departureReason: departureReason, reason: reason, force: force),
                    idempotencyKey: key)
            case .occupancy:
                try context.client.amendHeadCount(
                    id: id, HeadCountAmendment(occupied: count, at: at, reason: reason, force: force), idempotencyKey: key)
            }
        }
        report(corrected, collection, verb: Text("Amended", nb: "Endret"), context.output)
    }

    /// The corrected record (and the other half of a transfer) and what each facility now has.
    static func report(_ corrected: RecordCorrected, _ collection: RecordCollection, verb: Text, _ output: Output) {
        let records = [(corrected.record, collection)] + (corrected.transfer.map { [($0, RecordFormat.pairCollection(collection))] } ?? [])
        switch output.format {
        case .json: return output.json(corrected)
        case .csv:
            return output.csv(header: RecordFormat.csvHeader(collection), rows: records.map { RecordFormat.csvRow($0.0, $0.1) })
        case .human: break
        }
        for (record, collection) in records {
            output.line(verb + Text(" ", nb: " ") + RecordFormat.describe(record, collection, output) + Text(".", nb: "."))
        }
        for change in corrected.occupancy {
            output.line(Text(
                "\(change.name) now has \(change.occupied) (was \(change.previous)).",
                nb: "\(change.name) har nå \(change.occupied) (var \(change.previous))."))
        }
    }
}

/// How records read in lists and messages.
enum RecordFormat {
    static func command(_ collection: RecordCollection) -> String {
        switch collection {
        case .arrivals: "arrival"
        case .departures: "departure"
        case .occupancy: "occupancy"
        }
    }

    static func pairCollection(_ collection: RecordCollection) -> RecordCollection {
        collection == .arrivals ? .departures : .arrivals
    }

    /// `arrival #12: 25 people (family) at refstad, 2026-11-22 10:30:00`.
    static func describe(_ record: RecordResource, _ collection: RecordCollection, _ output: Output) -> Text {
        let language = output.language
        let label = self.label(record, language).map { " (\($0))" } ?? ""
        let time = output.time(record.at)
        switch collection {
        case .arrivals:
            return Text(
                "arrival #\(record.id): \(people(record.count, .en))\(label) at \(record.facility), \(time)",
                nb: "ankomst #\(record.id): \(people(record.count, .nb))\(label) til \(record.facility), \(time)")
        case .departures:
            return Text(
                "departure #\(record.id): \(people(record.count, .en))\(label) from \(record.facility), \(time)",
                nb: "utflytting #\(record.id): \(people(record.count, .nb))\(label) fra \(record.facility), \(time)")
        case .occupancy:
            return Text(
                "head count #\(record.id): \(record.count) at \(record.facility), \(time)",
                nb: "opptelling #\(record.id): \(record.count) på \(record.facility), \(time)")
        }
    }

    static func people(_ count: Int, _ language: Language) -> String {
        count == 1 ? Text("1 person", nb: "1 person")(language) : Text("\(count) people", nb: "\(count) personer")(language)
    }

    /// The category or departure reason in the reader's words.
    static func label(_ record: RecordResource, _ language: Language) -> String? {
        record.category?.name(language) ?? record.reason?.name(language)
    }

    static func columns(_ collection: RecordCollection) -> [ListColumn] {
        var columns = [ListColumn.number("ID", nb: "ID"), ListColumn("FACILITY", nb: "MOTTAK")]
        switch collection {
        case .arrivals:
            columns += [.number("PEOPLE", nb: "PERSONER"), ListColumn("CATEGORY", nb: "KATEGORI"), ListColumn("FROM", nb: "FRA")]
        case .departures:
            columns += [.number("PEOPLE", nb: "PERSONER"), ListColumn("REASON", nb: "ÅRSAK"), ListColumn("TO", nb: "TIL")]
        case .occupancy:
            columns += [.number("COUNTED", nb: "TALT")]
        }
        return columns + [
            ListColumn("TIME", nb: "TIDSPUNKT"), ListColumn("RECORDED", nb: "REGISTRERT"), ListColumn("BY", nb: "AV"),
            ListColumn("STATE", nb: "STATUS"), ListColumn("CORRECTION", nb: "RETTING", maxWidth: 40),
        ]
    }

    static func row(_ record: RecordResource, _ collection: RecordCollection, _ output: Output) -> [String] {
        let language = output.language
        var cells = [String(record.id), record.facility, String(record.count)]
        switch collection {
        case .arrivals: cells += [label(record, language) ?? "", record.transferFrom ?? ""]
        case .departures: cells += [label(record, language) ?? "", record.to ?? ""]
        case .occupancy: break
        }
        let correction = record.voided ?? record.amended
        return cells + [
            output.time(record.at), output.time(record.recordedAt), record.recordedBy, state(record.state)(language),
            correction.map { "\($0.reason) (\($0.by), \(output.time($0.at)))" } ?? "",
        ]
    }

    static func state(_ state: RecordResource.State) -> Text {
        switch state {
        case .recorded: Text("recorded", nb: "registrert")
        case .amended: Text("amended", nb: "endret")
        case .voided: Text("voided", nb: "annullert")
        }
    }

    /// The JSON field names, as `--csv` has them everywhere.
    static func csvHeader(_ collection: RecordCollection) -> [String] {
        let specific = switch collection {
        case .arrivals: ["category", "transfer_from"]
        case .departures: ["reason", "to"]
        case .occupancy: [String]()
        }
        return ["id", "facility", "count"] + specific
            + ["at", "transfer", "state", "recorded_at", "recorded_by", "corrected_at", "corrected_by", "correction_reason", "note"]
    }

    static func csvRow(_ record: RecordResource, _ collection: RecordCollection) -> [String] {
        let specific = switch collection {
        case .arrivals: [record.category?.rawValue ?? "", record.transferFrom ?? ""]
        case .departures: [record.reason?.rawValue ?? "", record.to ?? ""]
        case .occupancy: [String]()
        }
        let correction = record.voided ?? record.amended
        return [String(record.id), record.facility, String(record.count)] + specific + [
            record.at.rfc3339, record.transfer.map(String.init) ?? "", record.state.rawValue, record.recordedAt.rfc3339,
            record.recordedBy, correction?.at.rfc3339 ?? "", correction?.by ?? "", correction?.reason ?? "", record.note ?? "",
        ]
    }
}
