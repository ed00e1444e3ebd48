import BeredskapCLIKit
import BeredskapClient
import BeredskapCore
import Foundation

/// What the API calls each command's options and arguments, and which of them name something
/// the daemon knows by id.
///
/// Why: the daemon names a wrong field as the API spells it (`expires_at`), but the person
/// typed `--expires`; and "no facility 'refstd'" helps less than "did you mean refstad?".
/// By default an option `--cap-override` is the field `cap_override` and an argument `<TEXT>`
/// the field `text`; `declared` lists only the inputs that differ from that or take ids.
/// `CommandInputsTests` checks that every entry names a real command and input.
enum CommandInputs {
    /// Where the ids an input may take can be listed.
    enum IDKind: Sendable, Equatable {
        case facility, district, playbook, rule
        /// The steps of the run whose number is the argument named here.
        case step(runArgument: String)

        /// What one is called in a message: "no facility 'x'".
        var noun: Text {
            switch self {
            case .facility: Text("facility", nb: "mottak")
            case .district: Text("district", nb: "bydel")
            case .playbook: Text("playbook", nb: "tiltakskort")
            case .rule: Text("rule", nb: "regel")
            case .step: Text("step", nb: "steg")
            }
        }
    }

    struct Input: Sendable {
        enum Source: Sendable, Equatable {
            case option(String)
            case argument(String)
        }

        var source: Source
        var field: String?
        var ids: IDKind?
        /// A filter the daemon takes whatever its value (an unknown id just matches nothing),
        /// so the CLI checks it against the known ids before running: "0 arrivals at refstd"
        /// would read as a fact.
        var checkedFirst = false

        static func option(_ name: String, field: String? = nil, ids: IDKind? = nil) -> Input {
            Input(source: .option(name), field: field, ids: ids)
        }

        /// A filter option checked before the command runs (see `checkedFirst`).
        static func filter(_ name: String, ids: IDKind) -> Input {
            Input(source: .option(name), ids: ids, checkedFirst: true)
        }

        static func argument(_ name: String, field: String? = nil, ids: IDKind? = nil) -> Input {
            Input(source: .argument(name), field: field, ids: ids)
        }
    }

    private static let facilityDefinition: [Input] = [
        .option("expansion", field: "expansion_capacity"), .option("district", ids: .district),
    ]
    private static let steps: [Input] = [.argument("STEP", ids: .step(runArgument: "ID"))]

    static let declared: [String: [Input]] = [
        "facility show": [.argument("ID", ids: .facility)],
        "facility add": facilityDefinition,
        "facility set": [.argument("ID", ids: .facility)] + facilityDefinition,
        "facility list": [.filter("district", ids: .district)],
        "arrival record": [.argument("FACILITY", ids: .facility)],
        "departure record": [.argument("FACILITY", ids: .facility), .option("to", ids: .facility)],
        // The facility is in the path there, which the daemon calls `id`.
        "occupancy report": [.argument("FACILITY", field: "id", ids: .facility)],
        "history arrivals": [.filter("facility", ids: .facility), .filter("district", ids: .district)],
        "history occupancy": [.option("facility", ids: .facility)],
        "alerts": [.option("rule", ids: .rule)],
        "alert ack": [.option("expires", field: "expires_at")],
        "silence add": [
            .option("rule", ids: .rule), .option("for", field: "duration"), .option("until", field: "ends_at"),
            .option("starts", field: "starts_at"),
        ],
        "playbook show": [.argument("ID", ids: .playbook)],
        "playbook run": [.argument("ID", ids: .playbook)],
        "run list": [.filter("playbook", ids: .playbook)],
        "run complete": steps,
        "run skip": steps,
        "settlement year set": [
            .option("request", field: "imdi_request"), .option("decision", field: "council_decision"),
            .option("request-minors", field: "imdi_request_minors"), .option("decision-minors", field: "council_decision_minors"),
        ],
        "settlement allocate": [.option("criterion", field: "criteria")],
        "district show": [.argument("ID", ids: .district)],
        "district set": [
            .argument("ID", ids: .district), .option("contact-name", field: "contact.name"),
            .option("contact-email", field: "contact.email"), .option("contact-phone", field: "contact.phone"),
            .option("housing-units", field: "municipal_housing_units"),
        ],
    ]

    /// An input of the command a person ran, as found from what the daemon said.
    struct Resolved: Equatable {
        var source: Input.Source
        var ids: IDKind?
        /// What was typed for it, nil when it was not given (a flag given is "").
        var typed: String?

        /// `--expires` or `<ID>`, as help shows it.
        var display: String {
            switch source {
            case .option(let name): "--\(name)"
            case .argument(let name): "<\(name)>"
            }
        }
    }

    /// Every option and argument of the command `parsed` ran, with its API field.
    static func inputs(of parsed: ParsedCommand, spec: CommandSpec) -> [(field: String, input: Resolved)] {
        let declared = declared[parsed.path.joined(separator: " ")] ?? []
        func declaration(_ source: Input.Source) -> Input? { declared.first { $0.source == source } }
        let options = spec.options.map { option -> (String, Resolved) in
            let source = Input.Source.option(option.name)
            let typed = option.isFlag ? (parsed.flag(option.name) ? "" : nil) : parsed.value(option.name)
            return (
                declaration(source)?.field ?? option.name.replacingOccurrences(of: "-", with: "_"),
                Resolved(source: source, ids: declaration(source)?.ids, typed: typed))
        }
        let arguments = spec.arguments.map { argument -> (String, Resolved) in
            let source = Input.Source.argument(argument.name)
            let words = parsed.arguments(argument.name)
            return (
                declaration(source)?.field ?? argument.name.lowercased(),
                Resolved(source: source, ids: declaration(source)?.ids, typed: words.isEmpty ? nil : words.joined(separator: " ")))
        }
        return options + arguments
    }

    /// The input the API field `field` names: the field itself, else its last or first part
    /// (`matchers.rule` is `--rule`, `cap_override.reason` is `--cap-override`).
    static func input(forField field: String, of parsed: ParsedCommand, spec: CommandSpec) -> Resolved? {
        let parts = field.split(whereSeparator: { $0 == "." || $0 == "[" }).map(String.init)
        let names = [field] + [parts.last, parts.first].compactMap { $0 }
        let all = inputs(of: parsed, spec: spec)
        for name in names {
            if let match = all.first(where: { $0.field == name }) { return match.input }
        }
        return nil
    }

    /// The first filter of `parsed`'s command given an id the daemon does not know, as a
    /// usage error with the nearest known id. Nothing when the ids cannot be listed (the
    /// command then meets the same trouble and reports it).
    static func unknownFilterValue(in parsed: ParsedCommand, client: BeredskapClient) -> UsageError? {
        for input in declared[parsed.path.joined(separator: " ")] ?? [] where input.checkedFirst {
            guard case .option(let name) = input.source, let typed = parsed.value(name), let kind = input.ids else { continue }
            let known = candidates(kind, parsed: parsed, client: client)
            guard !known.isEmpty, !known.contains(typed) else { continue }
            let suggestion = Suggestion.likelyID(for: typed, among: known).map { Text("; did you mean \($0)?", nb: "; mente du \($0)?") }
            return parsed.usageError(
                Text("--\(name): no \(kind.noun.en) '\(typed)'", nb: "--\(name): ingen \(kind.noun.nb) med id «\(typed)»")
                    + (suggestion ?? Text("", nb: "")))
        }
        return nil
    }

    /// The ids `kind` may take, asked of the daemon; empty when it cannot say.
    static func candidates(_ kind: IDKind, parsed: ParsedCommand, client: BeredskapClient) -> [String] {
        do {
            switch kind {
            case .facility: return try client.facilities().facilities.map(\.id)
            case .district: return try client.districts().districts.map(\.id)
            case .playbook: return try client.playbooks().playbooks.map(\.id)
            case .rule: return try client.rules().rules.map(\.id)
            case .step(let runArgument):
                guard let run = parsed.argument(runArgument).flatMap({ Int64($0) }) else { return [] }
                return try client.run(id: run).steps.map(\.id)
            }
        } catch {
            return []
        }
    }
}
