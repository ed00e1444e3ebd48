import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore

/// The actions of `milestone …`.
enum MilestoneCommands {
    static func record(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let (id, body) = try usage { () throws(UsageError) in
            (try PersonCommands.personID(parsed),
             NewMilestone(milestone: try milestone(parsed), date: try parsed.date("date"), note: parsed.value("note")))
        }
        let key = context.idempotencyKey()
        let answer = try call { () throws(ClientError) in try context.client.recordMilestone(person: id, body, idempotencyKey: key) }
        PersonCommands.report(answer, Text("has \(body.milestone.name.en) recorded", nb: "har fått \(body.milestone.name.nb) registrert"), context)
    }

    static func correct(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let (id, kind, body) = try usage { () throws(UsageError) in
            guard let date = try parsed.date("date") else {
                throw parsed.usageError(Text("--date is required (the right date)", nb: "--date er påkrevd (riktig dato)"))
            }
            guard let reason = parsed.value("reason") else {
                throw parsed.usageError(Text("--reason is required: say why", nb: "--reason er påkrevd: si hvorfor"))
            }
            return (try PersonCommands.personID(parsed), try milestone(parsed), MilestoneCorrection(date: date, reason: reason))
        }
        let key = context.idempotencyKey()
        let answer = try call { () throws(ClientError) in
            try context.client.correctMilestone(person: id, kind, body, idempotencyKey: key)
        }
        PersonCommands.report(
            answer, Text("has \(kind.name.en) corrected to \(body.date)", nb: "har fått \(kind.name.nb) korrigert til \(body.date)"), context)
    }

    private static func milestone(_ parsed: ParsedCommand) throws(UsageError) -> Milestone {
        let text = parsed.argument("MILESTONE") ?? ""
        guard let milestone = Milestone(rawValue: text) else {
            let accepted = Milestone.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalidValue(option: "MILESTONE", value: text, expected: Text(accepted, nb: accepted), path: parsed.path)
        }
        return milestone
    }
}
