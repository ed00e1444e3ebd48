import Foundation

/// Why a scenario file was refused: every problem, each `file: field: problem` as for
/// playbooks (`quick-drill.json5: injects[3].arrivals.facility: unknown facility x`).
public struct ExerciseScenarioFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [PlaybookProblem]

    public init(problems: [PlaybookProblem]) { self.problems = problems }

    /// Every problem on its own line.
    public var description: String { problems.map { $0.message(.en) }.joined(separator: "\n") }
}

/// The scenario files of `Playbooks/exercises/`: each `*.json5` file on its own.
///
/// Why each file is judged alone, unlike the playbook set: a scenario is only read when
/// someone runs it, and a broken drill must not hide the others from `exercise list`; the
/// list shows a broken file with its problems instead.
public enum ExerciseScenarios {
    /// The folder under the playbook directory. The playbook loader reads only the
    /// directory's own `*.json5` files, so the scenarios are never taken for cards.
    public static let directoryName = "exercises"

    /// One file's scenario: parsed as JSON5, decoded strictly, validated, and its id the
    /// file's name (`quick-drill.json5` holds `quick-drill`, which `exercise run` names).
    public static func make(file: String, text: String, context: ExerciseValidationContext)
        -> Result<ExerciseScenario, ExerciseScenarioFailure>
    {
        let scenario: ExerciseScenario
        switch PlaybookSet.decode(ExerciseScenario.self, from: text) {
        case .failure(let problem):
            return .failure(ExerciseScenarioFailure(problems: [PlaybookProblem(file: file, field: problem.field, problem: problem.problem)]))
        case .success(let decoded):
            scenario = decoded
        }
        var problems = ExerciseValidation.problems(of: scenario, context: context)
        if file.hasSuffix(PlaybookSet.fileExtension), Slug.isValid(scenario.id), file != scenario.id + PlaybookSet.fileExtension {
            problems.append(FieldProblem("id", Text(
                "must be the file's name without \(PlaybookSet.fileExtension) (\(file))",
                nb: "må være filens navn uten \(PlaybookSet.fileExtension) (\(file))")))
        }
        guard problems.isEmpty else {
            return .failure(ExerciseScenarioFailure(problems: problems.map { PlaybookProblem(file: file, field: $0.field, problem: $0.problem) }))
        }
        return .success(scenario)
    }

    /// Every `*.json5` file of `directory` (by name; hidden files skipped), each with its
    /// scenario or its problems. A directory that does not exist holds no scenarios.
    public static func load(directory: String, context: ExerciseValidationContext)
        -> [(file: String, result: Result<ExerciseScenario, ExerciseScenarioFailure>)]
    {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(PlaybookSet.fileExtension) && !$0.hasPrefix(".") }
            .sorted()
        return names.map { name in
            switch PlaybookSet.readText(name, in: directory) {
            case .success(let text): (name, make(file: name, text: text, context: context))
            case .failure(let problem): (name, .failure(ExerciseScenarioFailure(problems: [problem])))
            }
        }
    }

    /// The scenario `id` from `directory`; nil when there is no such file.
    public static func load(id: String, directory: String, context: ExerciseValidationContext)
        -> Result<ExerciseScenario, ExerciseScenarioFailure>?
    {
        guard Slug.isValid(id) else { return nil }
        let name = id + PlaybookSet.fileExtension
        guard FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(name)) else { return nil }
        switch PlaybookSet.readText(name, in: directory) {
        case .success(let text): return make(file: name, text: text, context: context)
        case .failure(let problem): return .failure(ExerciseScenarioFailure(problems: [problem]))
        }
    }
}
