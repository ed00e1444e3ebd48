import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore

/// `deadlines [--overdue|--due-soon] [--rule R] [--district D]` and `deadlines summary`.
extension CommandTree {
    static let deadlines = Command(
        "deadlines",
        summary: Text(
            "persons' deadlines overdue or due soon (the read is recorded), or the counts per rule and district",
            nb: "personers frister som er overskredet eller nærmer seg (lesingen logges), eller tallene per regel og bydel"),
        discussion: help(
            """
            Without VIEW: the deadlines overdue and due soon, by person number (cases permission;
            the read is recorded, as every read of persons). With summary: how many persons are
            overdue with each rule in each district — counts only, the read permission is enough.
            The rules are the configuration's (deadlines.rules); states are for today in Oslo.
            """,
            nb: """
            Uten VIEW: fristene som er overskredet eller nærmer seg, etter personnummer
            (tillatelsen cases; lesingen logges, som all lesing av personer). Med summary: hvor
            mange personer som er over fristen med hver regel i hver bydel — bare tall,
            tillatelsen read holder. Reglene er konfigurasjonens (deadlines.rules); tilstandene
            gjelder i dag i Oslo.
            """,
            examples: [
                "beredskap deadlines --overdue --district alna", "beredskap deadlines --rule health_exam --csv",
                "beredskap deadlines summary",
            ]),
        options: [
            .flag("overdue", help: Text("only deadlines past their due day", nb: "bare frister som er overskredet")),
            .flag("due-soon", help: Text("only deadlines due soon", nb: "bare frister som nærmer seg")),
            only("rule", value: "RULE", Text("this deadline rule, e.g. health_exam", nb: "denne fristregelen, f.eks. health_exam")),
            only("district", value: "DISTRICT", Text("this district", nb: "denne bydelen")),
            .option("after", value: "PERSON", help: Text("persons after this number (the next page)", nb: "personer etter dette nummeret (neste side)")),
            .option("limit", value: "N", help: Text("at most N deadlines, whole persons (default 100)", nb: "høyst N frister, hele personer (standard 100)")),
        ],
        arguments: [.optional("VIEW", help: Text("summary: the counts per rule and district", nb: "summary: tallene per regel og bydel"))],
        run: DeadlineCommands.run)
}

/// The actions of `deadlines`.
enum DeadlineCommands {
    /// What the command line asks for: the list with its query, or the summary.
    enum Request: Equatable {
        case list(state: DeadlineState?, rule: String?, district: String?, after: Int64?, limit: Int?)
        case summary
    }

    static func run(_ context: CommandContext) throws(CommandFailure) {
        let request = try usage { () throws(UsageError) in try Self.request(context.parsed) }
        switch request {
        case .summary:
            let summary = try call { () throws(ClientError) in try context.client.deadlineSummary() }
            DeadlinePresentation.summary(summary, context.output)
        case .list(let state, let rule, let district, let after, let limit):
            let list = try call { () throws(ClientError) in
                try context.client.deadlines(state: state, rule: rule, district: district, after: after, limit: limit)
            }
            DeadlinePresentation.list(list, context.output)
        }
    }

    static func request(_ parsed: ParsedCommand) throws(UsageError) -> Request {
        let listOptions = ["overdue", "due-soon"].filter(parsed.flag) + ["rule", "district", "after", "limit"].filter { parsed.value($0) != nil }
        switch parsed.argument("VIEW") {
        case nil:
            break
        case "summary":
            guard let option = listOptions.first else { return .summary }
            throw parsed.usageError(Text(
                "--\(option) is for the list, not the summary", nb: "--\(option) gjelder listen, ikke oppsummeringen"))
        case let view?:
            throw parsed.usageError(Text("unknown view '\(view)' (expected summary)", nb: "ukjent visning «\(view)» (forventet summary)"))
        }
        if parsed.flag("overdue"), parsed.flag("due-soon") {
            throw parsed.usageError(Text(
                "--overdue and --due-soon exclude each other (give neither for both)",
                nb: "--overdue og --due-soon utelukker hverandre (oppgi ingen for begge)"))
        }
        let state: DeadlineState? = parsed.flag("overdue") ? .overdue : parsed.flag("due-soon") ? .dueSoon : nil
        let after = try parsed.int("after", in: 0...Int.max).map(Int64.init)
        return .list(
            state: state, rule: parsed.value("rule"), district: parsed.value("district"), after: after,
            limit: try parsed.int("limit", in: 1...APIContract.maximumPageSize))
    }
}
