import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore
import BeredskapJSON
import Foundation

/// `events`, declared with its action (`EventCommands`).
extension CommandTree {
    static let events = Command(
        "events",
        summary: Text("show the event log, or follow it live", nb: "vis hendelsesloggen, eller følg den fortløpende"),
        discussion: Text(
            """
            Every change the daemon records is an event with a sequence number (seq).
            Without --follow: a page of events after --since. With --follow: new events as
            they happen (from --since if given); a lost connection is resumed where it stopped.

            Examples:
              beredskap events --since 100 --limit 20
              beredskap events --follow --type log.
              beredskap events --follow --json | jq .
            """,
            nb: """
            Hver endring tjenesten registrerer er en hendelse med et løpenummer (seq).
            Uten --follow: en side med hendelser etter --since. Med --follow: nye hendelser
            etter hvert som de skjer (fra --since om gitt); et brudd gjenopptas der det stoppet.

            Eksempler:
              beredskap events --since 100 --limit 20
              beredskap events --follow --type log.
              beredskap events --follow --json | jq .
            """),
        options: [
            .flag("follow", short: "f", help: Text("keep printing new events", nb: "fortsett å skrive nye hendelser")),
            .option("since", value: "SEQ", help: Text("start after this sequence number", nb: "start etter dette løpenummeret")),
            .option("type", value: "PREFIX", help: Text("only types starting with PREFIX (e.g. log.)", nb: "bare typer som starter med PREFIX (f.eks. log.)")),
            .option("limit", short: "n", value: "N", help: Text("at most N events (1–1000, default 100)", nb: "høyst N hendelser (1–1000, standard 100)")),
            .option("count", value: "N", help: Text("with --follow: stop after N events", nb: "med --follow: stopp etter N hendelser")),
        ],
        run: EventCommands.events)
}

/// `events` and `events --follow`.
enum EventCommands {
    static func events(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let since = try int64(parsed, "since")
        let type = parsed.value("type")
        if parsed.flag("follow") {
            guard parsed.value("limit") == nil else {
                throw .usage(parsed.usageError(Text(
                    "--limit cannot be used with --follow (use --count)", nb: "--limit kan ikke brukes med --follow (bruk --count)")))
            }
            let count = try usage { () throws(UsageError) in try parsed.positiveInt("count") }
            return try follow(context, since: since, type: type, count: count)
        }
        guard parsed.value("count") == nil else {
            throw .usage(parsed.usageError(Text("--count needs --follow (use --limit)", nb: "--count krever --follow (bruk --limit)")))
        }
        let limit = try usage { () throws(UsageError) in try parsed.int("limit", in: 1...APIContract.maximumPageSize) }
        let page = try call { () throws(ClientError) in try context.client.events(since: since, limit: limit, type: type) }
        print(page, context.output)
    }

    static func print(_ page: EventPage, _ output: Output) {
        switch output.format {
        case .json:
            output.json(page)
        case .csv:
            output.csv(header: ["seq", "time", "type", "actor", "subject", "data"], rows: page.events.map(csvRow))
        case .human:
            guard !page.events.isEmpty else {
                return output.line(Text("No events after #\(page.next).", nb: "Ingen hendelser etter #\(page.next)."))
            }
            let titles = headers(output.language)
            var table = Table(columns: [
                Table.Column(titles[0], alignment: .right), Table.Column(titles[1]), Table.Column(titles[2]),
                Table.Column(titles[3]), Table.Column(titles[4]), Table.Column(titles[5], maxWidth: max(20, output.width - 90)),
            ])
            for event in page.events { table.addRow(humanRow(event, output)) }
            output.table(table)
            output.line(output.style.dim(Text("Next page: --since \(page.next)", nb: "Neste side: --since \(page.next)")(output.language)))
        }
    }

    /// Follows the stream; reconnects (from the last seq seen) if the daemon goes away after
    /// the first connection succeeded (see `EventFollow`).
    static func follow(_ context: CommandContext, since: Int64?, type: String?, count: Int?) throws(CommandFailure) {
        let output = context.output
        var printed = 0
        if output.format == .csv { output.raw(CSV.line(["seq", "time", "type", "actor", "subject", "data"])) }
        if let count, count <= 0 { return }
        try EventFollow.resuming(context, since: since, type: type) { event, raw in
            switch output.format {
            case .json: output.json(raw)
            case .csv: output.raw(CSV.line(csvRow(event)))
            case .human: output.line(streamLine(event, output))
            }
            printed += 1
            return count.map { printed < $0 } ?? true
        }
    }

    static func headers(_ language: Language) -> [String] {
        language == .nb
            ? ["SEQ", "TID", "TYPE", "AKTØR", "GJELDER", "DATA"]
            : ["SEQ", "TIME", "TYPE", "ACTOR", "SUBJECT", "DATA"]
    }

    static func humanRow(_ event: Event, _ output: Output) -> [String] {
        [
            "#\(event.seq)", output.time(event.time), event.type + (event.exercise ? " [ØVELSE]" : ""),
            event.actor.user, event.subject ?? "", event.data.serializedString(),
        ]
    }

    static func csvRow(_ event: Event) -> [String] {
        [
            String(event.seq), event.time.rfc3339, event.type, event.actor.user, event.subject ?? "",
            event.data.serializedString(),
        ]
    }

    /// One line per event with fixed columns, since a stream cannot be measured in advance.
    static func streamLine(_ event: Event, _ output: Output) -> String {
        let columns = [
            pad("#\(event.seq)", 7), output.time(event.time), pad(event.type, 22), pad(event.actor.user, 12),
            pad(event.subject ?? "-", 20),
        ]
        let data = event.data.serializedString()
        let room = max(10, output.width - columns.map(displayWidth).reduce(0, +) - 2 * columns.count)
        return columns.joined(separator: "  ") + "  " + output.style.dim(truncated(data, toDisplayWidth: room))
    }

    static func pad(_ text: String, _ width: Int) -> String {
        let current = displayWidth(text)
        return current >= width ? text : text + String(repeating: " ", count: width - current)
    }

    static func int64(_ parsed: ParsedCommand, _ name: String) throws(CommandFailure) -> Int64? {
        guard let text = parsed.value(name) else { return nil }
        guard let value = Int64(text), value >= 0 else {
            throw .usage(parsed.usageError(Text(
                "--\(name) expects a sequence number (0 or more), not '\(text)'",
                nb: "--\(name) forventer et løpenummer (0 eller mer), ikke «\(text)»")))
        }
        return value
    }
}
