import BeredskapJSON
import Foundation

/// One thing wrong in a playbook file: `surge-high.json5: steps[2].depends_on[0]: unknown step x`.
///
/// Why the file and field are kept apart: `POST /v1/playbooks/reload` answers 422 with
/// `details.file` and `details.field`, and the CLI prints them joined. `field` is empty for a
/// problem with the whole file (a syntax error, whose problem starts with its line and column).
public struct PlaybookProblem: Sendable, Equatable, Error, CustomStringConvertible {
    public var file: String
    public var field: String
    public var problem: Text

    public init(file: String, field: String, problem: Text) {
        self.file = file
        self.field = field
        self.problem = problem
    }

    /// `file: field: problem` (or `file: problem`) in `language`.
    public func message(_ language: Language) -> String {
        field.isEmpty ? "\(file): \(problem(language))" : "\(file): \(field): \(problem(language))"
    }

    public var description: String { message(.en) }
}

/// Why a playbook set was refused: every problem in every file.
public struct PlaybookSetFailure: Error, Sendable, Equatable {
    public var problems: [PlaybookProblem]

    public init(problems: [PlaybookProblem]) { self.problems = problems }
}

/// The playbooks the daemon runs: every `*.json5` file of a directory, all valid, ids unique.
///
/// Why all or nothing: a set with one playbook silently missing is worse than the old set —
/// the coordinator who fixed a typo in `surge-high` would otherwise lose the high-surge card
/// during the very surge. The caller keeps the running set when loading fails.
public struct PlaybookSet: Sendable, Equatable {
    public static let fileExtension = ".json5"

    /// In file-name order.
    public let playbooks: [PlaybookDefinition]
    /// Playbook id → the file it came from.
    public let files: [String: String]

    public init() {
        playbooks = []
        files = [:]
    }

    private init(playbooks: [PlaybookDefinition], files: [String: String]) {
        self.playbooks = playbooks
        self.files = files
    }

    public subscript(id: String) -> PlaybookDefinition? { playbooks.first { $0.id == id } }

    /// The playbooks an alert with this key and severity starts.
    public func started(by key: AlertKey, severity: AlertSeverity) -> [PlaybookDefinition] {
        playbooks.filter { $0.trigger.matches(key, severity: severity) }
    }

    /// The playbooks a rise to `level` starts.
    public func started(bySurgeLevel level: SurgeLevel) -> [PlaybookDefinition] {
        playbooks.filter { $0.trigger.matches(surgeLevel: level) }
    }

    /// Reads the `*.json5` files of `directory` (sorted by name; hidden files such as editor
    /// backups are skipped) and checks them as `make(files:context:)` does.
    public static func load(directory: String, context: PlaybookValidationContext) -> Result<PlaybookSet, PlaybookSetFailure> {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
                .filter { $0.hasSuffix(fileExtension) && !$0.hasPrefix(".") }
                .sorted()
        } catch {
            return .failure(PlaybookSetFailure(problems: [PlaybookProblem(
                file: directory, field: "",
                problem: Text("cannot read the playbook directory", nb: "kan ikke lese katalogen med tiltakskort"))]))
        }
        var files: [(name: String, text: String)] = []
        var problems: [PlaybookProblem] = []
        for name in names {
            switch readText(name, in: directory) {
            case .success(let text): files.append((name, text))
            case .failure(let problem): problems.append(problem)
            }
        }
        switch make(files: files, context: context) {
        case .success(let set) where problems.isEmpty: return .success(set)
        case .success: return .failure(PlaybookSetFailure(problems: problems))
        case .failure(let failure): return .failure(PlaybookSetFailure(problems: problems + failure.problems))
        }
    }

    /// The text of the file `name` in `directory`, or why it cannot be had.
    static func readText(_ name: String, in directory: String) -> Result<String, PlaybookProblem> {
        let path = (directory as NSString).appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(PlaybookProblem(file: name, field: "", problem: Text("cannot be read", nb: "kan ikke leses")))
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            return .failure(PlaybookProblem(file: name, field: "", problem: Text("not valid UTF-8", nb: "ikke gyldig UTF-8")))
        }
        return .success(text)
    }

    /// The set from file contents, in the given order: each parsed as JSON5, decoded strictly
    /// and validated; then ids must be unique across files. Fails with every problem found.
    public static func make(files: [(name: String, text: String)], context: PlaybookValidationContext)
        -> Result<PlaybookSet, PlaybookSetFailure>
    {
        var playbooks: [PlaybookDefinition] = []
        var fileOfId: [String: String] = [:]
        var problems: [PlaybookProblem] = []
        for (name, text) in files {
            let playbook: PlaybookDefinition
            switch decode(PlaybookDefinition.self, from: text) {
            case .failure(let problem):
                problems.append(PlaybookProblem(file: name, field: problem.field, problem: problem.problem))
                continue
            case .success(let decoded):
                playbook = decoded
            }
            problems += PlaybookValidation.problems(of: playbook, context: context).map {
                PlaybookProblem(file: name, field: $0.field, problem: $0.problem)
            }
            if let other = fileOfId[playbook.id] {
                problems.append(PlaybookProblem(file: name, field: "id", problem: Text(
                    "playbook id \(playbook.id) is already used by \(other)",
                    nb: "tiltakskort-id \(playbook.id) brukes allerede av \(other)")))
            } else {
                fileOfId[playbook.id] = name
            }
            playbooks.append(playbook)
        }
        guard problems.isEmpty else { return .failure(PlaybookSetFailure(problems: problems)) }
        return .success(PlaybookSet(playbooks: playbooks, files: fileOfId))
    }

    /// Parses and decodes one file (a playbook, an exercise scenario). The decoder's messages
    /// are English only, so both renderings carry them; a syntax error's line and column are
    /// translated.
    static func decode<Value: Decodable>(_ type: Value.Type = Value.self, from text: String) -> Result<Value, FieldProblem> {
        let value: JSONValue
        do {
            value = try JSONParser.parse(text, options: .json5)
        } catch {
            return .failure(FieldProblem("", Text(
                error.description, nb: "linje \(error.line), kolonne \(error.column): \(error.message)")))
        }
        do {
            return .success(try JSONValueDecoder().decode(Value.self, from: value))
        } catch {
            return .failure(FieldProblem(error.field, Text(error.problem, nb: error.problem)))
        }
    }
}
