import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore
import BeredskapJSON

/// The capacity commands (issue 3): facilities, arrivals, departures, head counts, the
/// capacity picture, surge, history, imports and seeding, each declared beside its action in
/// this folder; and the options and help text they share.
extension CommandTree {
    static let capacityCommands = [
        facility, arrival, departure, occupancy, capacity, surge, history, districts, importGroup, seed,
    ]

    static func values(_ cases: [String]) -> String { cases.joined(separator: ", ") }
    static let kinds = values(FacilityKind.allCases.map(\.rawValue))
    static let statuses = values(FacilityStatus.allCases.map(\.rawValue))
    static let authorities = values(Authority.allCases.map(\.rawValue))
    static let categories = values(ArrivalCategory.allCases.map(\.rawValue))
    static let reasons = values(DepartureReason.allCases.map(\.rawValue))

    static let atOption = OptionSpec.option("at", value: "TIME", help: Text(
        "when it happened, local time: '2026-11-22 09:30', '09:30' (today), or a date (its midnight); default now",
        nb: "når det skjedde, lokal tid: «2026-11-22 09:30», «09:30» (i dag) eller en dato (midnatt); standard nå"))
    static let noteOption = OptionSpec.option("note", value: "TEXT", help: Text("a short note", nb: "en kort merknad"))
    static let facilityArgument = ArgumentSpec.required("FACILITY", help: Text("the facility id, e.g. refstad", nb: "mottakets id, f.eks. refstad"))

    /// `FACILITY COUNT`, as `arrival record` and `departure record` take them.
    static let flowArguments = [
        facilityArgument, ArgumentSpec.required("COUNT", help: Text("how many people", nb: "hvor mange personer")),
    ]

    static let idArgument = ArgumentSpec.required("ID", help: Text("the facility id, e.g. refstad", nb: "mottakets id, f.eks. refstad"))

    /// Help text: a paragraph in each language, then an example file and examples under
    /// headings in that language. Commands and file lines are the same in both languages
    /// (the notes in them are what an Oslo operator would type), so they are written once.
    static func help(_ en: String, nb: String, exampleFile: [String] = [], examples: [String] = []) -> Text {
        func section(_ heading: Text, _ lines: [String]) -> Text {
            guard !lines.isEmpty else { return Text("", nb: "") }
            let body = lines.map { "\n  " + $0 }.joined()
            return heading + Text(":" + body, nb: ":" + body)
        }
        let paragraph = Text(en, nb: nb)
        let file = section(Text("Example file", nb: "Eksempelfil"), exampleFile)
        let usage = section(examples.count == 1 ? Text("Example", nb: "Eksempel") : Text("Examples", nb: "Eksempler"), examples)
        let parts = [paragraph, file, usage].filter { !$0.en.isEmpty }
        return parts.dropFirst().reduce(parts.first ?? Text("", nb: "")) { $0 + Text("\n\n", nb: "\n\n") + $1 }
    }

    /// A filter option of a list taking one of `Value`'s cases: `--kind KIND  only this kind (…)`.
    static func only<Value: JSONStringEnum>(_ name: String, value: String, _ what: Text, _ type: Value.Type) -> OptionSpec {
        var option = only(name, value: value, what, values(Value.allCases.map(\.rawValue)))
        option.choices = OptionSpec.choices(of: type)
        return option
    }

    /// A filter option of a list: `--kind KIND  only this kind (…)`.
    static func only(_ name: String, value: String, _ what: Text, _ choices: String? = nil) -> OptionSpec {
        let list = choices.map { Text(" (\($0))", nb: " (\($0))") } ?? Text("", nb: "")
        return .option(name, value: value, help: Text("only ", nb: "bare ") + what + list)
    }
}
