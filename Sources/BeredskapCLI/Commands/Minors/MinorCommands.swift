import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore

/// The actions of `minor …`. Parsing is apart from calling (`placement`, `aftercare`), so the
/// tests can check what a command line asks for without a daemon.
enum MinorCommands {
    static func list(_ context: CommandContext) throws(CommandFailure) {
        let list = try call { () throws(ClientError) in try context.client.minors(district: context.parsed.value("district")) }
        MinorPresentation.list(list, context.output)
    }

    static func show(_ context: CommandContext) throws(CommandFailure) {
        let id = try usage { () throws(UsageError) in try PersonCommands.personID(context.parsed) }
        let shown = try call { () throws(ClientError) in try context.client.minorCase(person: id) }
        if context.output.format == .json { return context.output.json(shown) }
        MinorPresentation.show(shown, context.output)
    }

    static func place(_ context: CommandContext) throws(CommandFailure) {
        let (id, body) = try usage { () throws(UsageError) in (try PersonCommands.personID(context.parsed), try placement(context.parsed)) }
        let key = context.idempotencyKey()
        let answer = try call { () throws(ClientError) in try context.client.place(person: id, body, idempotencyKey: key) }
        report(answer, Text("placed: \(body.type.name.en) from \(body.from)", nb: "har tiltak: \(body.type.name.nb) fra \(body.from)"), context)
    }

    static func representative(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let (id, body) = try usage { () throws(UsageError) in
            guard let appointed = try parsed.date("appointed") else {
                throw parsed.usageError(Text(
                    "--appointed is required (the day of the appointment)", nb: "--appointed er påkrevd (dagen for oppnevningen)"))
            }
            return (try PersonCommands.personID(parsed), Representative(name: parsed.argument("NAME") ?? "", appointed: appointed))
        }
        let key = context.idempotencyKey()
        let answer = try call { () throws(ClientError) in try context.client.setRepresentative(person: id, body, idempotencyKey: key) }
        report(answer, Text("has a representative from \(body.appointed)", nb: "har representant fra \(body.appointed)"), context)
    }

    static func aftercare(_ context: CommandContext) throws(CommandFailure) {
        let (id, body) = try usage { () throws(UsageError) in (try PersonCommands.personID(context.parsed), try aftercare(context.parsed)) }
        let key = context.idempotencyKey()
        let answer = try call { () throws(ClientError) in try context.client.chooseAftercare(person: id, body, idempotencyKey: key) }
        report(answer, Text("chose to \(body.choice.name.en)", nb: "valgte å \(body.choice.name.nb)"), context)
    }

    static func costs(_ context: CommandContext) throws(CommandFailure) {
        let year = try usage { () throws(UsageError) in try context.parsed.int("year", in: 2000...2100) }
        let costs = try call { () throws(ClientError) in try context.client.minorCosts(year: year) }
        MinorPresentation.costs(costs, context.output)
    }

    // MARK: - Parsing

    static func placement(_ parsed: ParsedCommand) throws(UsageError) -> NewPlacement {
        let text = parsed.argument("TYPE") ?? ""
        guard let type = PlacementType(rawValue: text) ?? PlacementType(rawValue: text.replacingOccurrences(of: "-", with: "_")) else {
            let accepted = PlacementType.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalidValue(option: "TYPE", value: text, expected: Text(accepted, nb: accepted), path: parsed.path)
        }
        guard let from = try parsed.date("from") else {
            throw parsed.usageError(Text("--from is required (the first day)", nb: "--from er påkrevd (første dag)"))
        }
        let cost = try parsed.int("cost", in: 0...Int(Placement.maximumAnnualCost)).map(Int64.init)
        return NewPlacement(type: type, from: from, annualCost: cost, note: parsed.value("note"))
    }

    static func aftercare(_ parsed: ParsedCommand) throws(UsageError) -> Aftercare {
        let text = parsed.argument("CHOICE") ?? ""
        guard let choice = AftercareChoice(rawValue: text.replacingOccurrences(of: "-", with: "_")) else {
            throw .invalidValue(option: "CHOICE", value: text, expected: Text("stay, move-on", nb: "stay, move-on"), path: parsed.path)
        }
        guard let date = try parsed.date("date") else {
            throw parsed.usageError(Text("--date is required (the day of the choice)", nb: "--date er påkrevd (dagen for valget)"))
        }
        return Aftercare(choice: choice, date: date, followUpUntil: try parsed.date("until"))
    }

    /// What a change answers: the person's number, what changed and its event.
    private static func report(_ answer: Mutation<MinorCase>, _ what: Text, _ context: CommandContext) {
        let output = context.output
        if output.format == .json { return output.json(answer) }
        output.line(Text(
            "Person #\(answer.resource.person) \(what.en) (event \(answer.eventSeq)).",
            nb: "Person #\(answer.resource.person) \(what.nb) (hendelse \(answer.eventSeq))."))
    }
}
