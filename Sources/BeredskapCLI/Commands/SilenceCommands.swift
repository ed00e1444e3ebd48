import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore

/// `silence add`, `silence list` and `silence expire`.
enum SilenceCommands {
    static func add(_ context: CommandContext) throws(CommandFailure) {
        let output = context.output
        let body = try usage { () throws(UsageError) in try newSilence(context.parsed, calendar: output.calendar) }
        let key = context.idempotencyKey()
        let answer = try call { () throws(ClientError) in try context.client.createSilence(body, idempotencyKey: key) }
        if output.format == .json { return output.json(answer) }
        let silence = answer.silence
        output.line(Text(
            "Silence \(silence.id) (\(matchers(silence))) until \(output.time(silence.endsAt)) (event \(answer.eventSeq)).",
            nb: "Demping \(silence.id) (\(matchers(silence))) til \(output.time(silence.endsAt)) (hendelse \(answer.eventSeq))."))
    }

    static func list(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let (state, limit) = try usage { () throws(UsageError) in
            (try parsed.enumValue("state", SilenceStateFilter.self), try parsed.int("limit", in: 1...1000))
        }
        let list = try call { () throws(ClientError) in try context.client.silences(state: state, limit: limit) }
        let output = context.output
        if output.printedForScripts(list, csv: { (csvHeader, list.silences.map(csvRow)) }) { return }
        guard !list.silences.isEmpty else { return output.line(Text("No silences.", nb: "Ingen dempinger.")) }
        let rows = list.silences.map { silence -> [String] in
            [
                silence.id, silence.state.name(output.language), matchers(silence), output.time(silence.startsAt),
                output.time(silence.expiredAt ?? silence.endsAt), silence.author, silence.comment,
            ]
        }
        let style = output.style
        let plain: (String) -> String = { $0 }
        output.table(columns, rows: rows, rowStyles: list.silences.map { silence -> (String) -> String in
            switch silence.state {
            case .active: style.yellow
            case .pending: plain
            case .ended, .expired: style.dim
            }
        })
    }

    static func expire(_ context: CommandContext) throws(CommandFailure) {
        let id = context.parsed.argument("ID") ?? ""
        let key = context.idempotencyKey()
        let answer = try call { () throws(ClientError) in try context.client.expireSilence(id: id, idempotencyKey: key) }
        let output = context.output
        if output.format == .json { return output.json(answer) }
        output.line(Text(
            "Silence \(id) expired (event \(answer.eventSeq)).", nb: "Demping \(id) er avsluttet (hendelse \(answer.eventSeq))."))
    }

    /// The request body from `silence add`'s options. Rule and subject default to `*` here
    /// and are checked by the daemon, which names the field that is wrong.
    static func newSilence(_ parsed: ParsedCommand, calendar: LocalCalendar) throws(UsageError) -> NewSilence {
        guard let comment = parsed.value("comment") else {
            throw parsed.usageError(Text(
                "--comment is required: say why nobody should hear about these alerts",
                nb: "--comment er påkrevd: si hvorfor ingen skal høre om disse varslene"))
        }
        let duration = try parsed.duration("for")
        let until = try parsed.instant("until", calendar: calendar)
        guard (duration == nil) != (until == nil) else {
            throw parsed.usageError(Text(
                "give exactly one of --for (2h) and --until (a time)", nb: "oppgi nøyaktig én av --for (2h) og --until (et tidspunkt)"))
        }
        let matchers = SilenceMatchersBody(
            rule: parsed.value("rule"), subject: parsed.value("subject"),
            severity: try parsed.enumValue("severity", AlertSeverity.self), matchAll: parsed.flag("match-all") ? true : nil)
        return NewSilence(
            matchers: matchers, startsAt: try parsed.instant("starts", calendar: calendar), endsAt: until, duration: duration,
            comment: comment)
    }

    /// `facility_utilization facility/refstad critical`, leaving out what matches anything.
    static func matchers(_ silence: SilenceResource) -> String {
        let matchers = silence.matchers
        if matchers.matchAll { return "*" }
        return [matchers.rule, matchers.subject, matchers.severity?.rawValue ?? AlertKeyPattern.any]
            .filter { $0 != AlertKeyPattern.any }.joined(separator: " ")
    }

    static let columns: [ListColumn] = [
        ListColumn("ID", nb: "ID"),
        ListColumn("STATE", nb: "TILSTAND"),
        ListColumn("MATCHES", nb: "GJELDER", maxWidth: 48),
        ListColumn("STARTS", nb: "STARTER"),
        ListColumn("ENDS", nb: "SLUTTER"),
        ListColumn("BY", nb: "AV"),
        ListColumn("COMMENT", nb: "KOMMENTAR", maxWidth: 40),
    ]

    static let csvHeader = [
        "id", "state", "rule", "subject", "severity", "match_all", "starts_at", "ends_at", "expired_at", "author", "comment",
        "created_at",
    ]

    static func csvRow(_ silence: SilenceResource) -> [String] {
        let matchers = silence.matchers
        return [
            silence.id, silence.state.rawValue, matchers.rule, matchers.subject, matchers.severity?.rawValue ?? "",
            String(matchers.matchAll), silence.startsAt.rfc3339, silence.endsAt.rfc3339, silence.expiredAt?.rfc3339 ?? "",
            silence.author, silence.comment, silence.createdAt.rfc3339,
        ]
    }
}
