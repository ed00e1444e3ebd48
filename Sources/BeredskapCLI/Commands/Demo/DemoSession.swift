import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore
import Foundation

/// What the steps of `beredskap demo` share: the client of the throw-away daemon, where to
/// print, the checkout, where reports go, the drill's run once it has ended, and the files
/// written so far.
final class DemoSession {
    let context: CommandContext
    let client: BeredskapClient
    let output: Output
    let checkout: DemoCheckout
    let outputDirectory: String
    /// The drill, once the drill step has run it.
    var exercise: ExerciseResource?
    /// Absolute paths, in the order written.
    private(set) var written: [String] = []

    init(context: CommandContext, client: BeredskapClient, output: Output, checkout: DemoCheckout, outputDirectory: String) {
        self.context = context
        self.client = client
        self.output = output
        self.checkout = checkout
        self.outputDirectory = outputDirectory
    }

    /// The reports' language: --lang when given, else bokmål, as `exercise report` writes them.
    var reportLanguage: Language {
        context.parsed.value("lang").flatMap(Language.init(identifier:)) ?? .nb
    }

    /// Runs a `beredskap` command line against the demo daemon, as typed, printing nothing
    /// (its errors are still reported): the demo reuses the commands rather than copying them.
    func runCommand(_ arguments: [String]) throws(CommandFailure) {
        guard case .run(let parsed) = try usage({ () throws(UsageError) in try CLI.parser.parse(arguments) }),
            let action = CLI.commands[parsed.path.joined(separator: " ")]
        else { return }
        let silent = Output(
            language: output.language, style: output.style, format: .human, width: output.width, zone: { nil },
            write: { _ in }, writeError: { [output] in output.error($0) })
        try action(CommandContext(parsed: parsed, client: client, output: silent, environment: context.environment))
    }

    /// Writes `contents` to `name` in the output directory and prints its path.
    func write(_ name: String, _ contents: String) throws(CommandFailure) {
        let path = (outputDirectory as NSString).appendingPathComponent(name)
        do {
            try Data(contents.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .message(Text(
                "cannot write \(path): \(error.localizedDescription)", nb: "kan ikke skrive \(path): \(error.localizedDescription)"),
                .refused)
        }
        written.append(path)
        output.line("  " + path)
    }
}

/// Where the demo finds Oslo's seed files and the action cards: the working directory when it
/// is a checkout (`swift run beredskap demo`), else the checkout this binary was built from.
struct DemoCheckout {
    let root: String

    var seeds: String { root + "/Config/oslo" }
    var playbooks: String { root + "/Playbooks" }

    static func find() throws(CommandFailure) -> DemoCheckout {
        // This file is Sources/BeredskapCLI/Commands/Demo/DemoSession.swift in the checkout.
        let built = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        for root in [FileManager.default.currentDirectoryPath, built] {
            let candidate = DemoCheckout(root: root)
            if FileManager.default.fileExists(atPath: candidate.seeds + "/facilities.json5"),
                FileManager.default.fileExists(atPath: candidate.playbooks + "/exercises/\(DemoCommand.scenario).json5")
            {
                return candidate
            }
        }
        throw .message(Text(
            "Config/oslo and Playbooks/exercises are not here nor in \(built); run the demo in the checkout",
            nb: "Config/oslo og Playbooks/exercises finnes verken her eller i \(built); kjør demoen i kildekoden"), .refused)
    }
}
