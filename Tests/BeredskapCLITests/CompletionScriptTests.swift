import BeredskapCLIKit
import BeredskapCore
import Foundation
import Testing

@testable import BeredskapCLI

/// `beredskap completion bash|zsh|fish`: the scripts are generated from the real tree, so a
/// walk over the tree says what each must offer; bash runs its script for every command.
@Suite struct CompletionScriptTests {
    /// Every command below the root with its own options, depth first.
    static let commands: [(path: [String], spec: CommandSpec)] = {
        var all: [(path: [String], spec: CommandSpec)] = []
        func visit(_ spec: CommandSpec, _ path: [String]) {
            all.append((path, spec))
            for subcommand in spec.subcommands { visit(subcommand, path + [subcommand.name]) }
        }
        for command in CommandTree.root.subcommands { visit(command, [command.name]) }
        return all
    }()

    static func script(_ shell: String, lang: String = "en") -> String {
        let run = CLIRun.run(["completion", shell, "--lang", lang])
        #expect(run.code == 0, "\(run.err)")
        return run.out
    }

    @Test(arguments: CompletionShell.allCases) func everyCommandAndOptionIsInTheScript(_ shell: CompletionShell) {
        let script = Self.script(shell.rawValue)
        for (path, spec) in Self.commands {
            #expect(script.contains(spec.name), "\(shell): \(path)")
            if !spec.subcommands.isEmpty {
                let key = shell == .fish ? "case '\(path.joined(separator: " "))'" : "'\(path.joined(separator: " "))')"
                #expect(script.contains(key), "\(shell): the subcommands of \(path)")
            }
            for option in spec.options {
                #expect(script.contains(shell == .fish ? "-l \(option.name)" : "--\(option.name)"), "\(shell): \(path) --\(option.name)")
            }
        }
        for option in CommandTree.globalOptions {
            #expect(script.contains(shell == .fish ? "-l \(option.name)" : "--\(option.name)"), "\(shell): --\(option.name)")
        }
        #expect(script.contains("help"))
    }

    @Test func theHelpSaysHowToInstallEachScriptInBothLanguages() {
        let english = CLIRun.run(["completion", "--help"]).out
        let bokmål = CLIRun.run(["completion", "--help", "--lang", "nb"]).out
        for line in [
            "beredskap completion bash > /etc/bash_completion.d/beredskap", "beredskap completion zsh >",
            "beredskap completion fish > ~/.config/fish/completions/beredskap.fish",
        ] {
            #expect(english.contains(line) && bokmål.contains(line), "\(line)")
        }
        #expect(bokmål.contains("Installer") && english.contains("Install"))
    }

    @Test func anUnknownShellIsAUsageError() {
        let run = CLIRun.run(["completion", "tcsh"])
        #expect(run.code == 2 && run.err.contains("bash, zsh, fish"), "\(run.err)")
        #expect(CLIRun.run(["completion"]).code == 2)
    }

    @Test(arguments: CompletionShell.allCases) func theShellAcceptsItsScript(_ shell: CompletionShell) throws {
        guard let program = Shells.path(shell.rawValue) else {
            print("skipped: \(shell.rawValue) is not installed, so `\(shell.rawValue) -n` was not run")
            return
        }
        let file = try Shells.temporaryFile(Self.script(shell.rawValue), suffix: shell.rawValue)
        let result = try Shells.run(program, ["-n", file])
        #expect(result.code == 0, "\(shell): \(result.output)")
    }

    /// Sources the bash script and completes, for every command: its subcommands after a
    /// space, its options after `--`; and the values of a few options and arguments.
    @Test func bashCompletesEveryCommandOfTheTree() throws {
        guard let bash = Shells.path("bash") else {
            print("skipped: bash is not installed")
            return
        }
        var queries: [(words: [String], expected: [String])] = [
            (["exercise", "report", "1", "--format", ""], ["md", "html", "json"]),
            (["exercise", "report", "1", "--format", "=", "h"], ["html"]),
            (["--lang", ""], ["en", "nb"]),
            (["completion", ""], ["bash", "zsh", "fish"]),
            (["man", "beredskap"], ["beredskap", "beredskapd"]),
            (["help", "exer"], ["exercise"]),
            (["--socket", "/tmp/x.sock", "exercise", "r"], ["report", "run"]),
            (["facility", "list", "--district", "gr"], ["grunerlokka", "grorud"]),
        ]
        for (path, spec) in Self.commands {
            if !spec.subcommands.isEmpty { queries.append((path + [""], spec.subcommands.map(\.name))) }
            queries.append((path + ["--"], spec.options.map { "--\($0.name)" } + ["--json", "--help"]))
        }
        let calls = queries.map { query in
            "t " + (["beredskap"] + query.words).map { "'\($0)'" }.joined(separator: " ")
        }
        let program = """
            \(Self.script("bash"))
            t() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=(); _beredskap; echo "${COMPREPLY[*]}"; }
            \(calls.joined(separator: "\n"))
            """
        let result = try Shells.run(bash, ["--norc", "--noprofile", try Shells.temporaryFile(program, suffix: "bash")])
        #expect(result.code == 0, "\(result.output)")
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map { Set($0.split(separator: " ").map(String.init)) }
        #expect(lines.count >= queries.count)
        for (index, query) in queries.enumerated() where index < lines.count {
            let missing = Set(query.expected).subtracting(lines[index])
            #expect(missing.isEmpty, "beredskap \(query.words.joined(separator: " ")): missing \(missing.sorted())")
        }
    }
}

extension CompletionScriptTests {
    /// Lines typed, and what completing the last word must offer (among what is offered).
    static let samples: [(line: [String], expected: [String])] = [
        (["fac"], ["facility"]),
        (["facility", ""], ["list", "show", "add", "set"]),
        (["exercise", "report", "1", "--format", ""], ["md", "html", "json"]),
        (["--lang", ""], ["en", "nb"]),
        (["completion", ""], ["bash", "zsh", "fish"]),
        (["help", "exer"], ["exercise"]),
        (["--socket", "/tmp/x.sock", "exercise", "r"], ["report", "run"]),
        (["exercise", "report", "--f"], ["--format"]),
        (["facility", "list", "--kind", ""], ["transit", "arrival"]),
        (["facility", "list", "--district", "gr"], ["grunerlokka", "grorud"]),
    ]

    /// fish's own completer (`complete -C`) on the sourced script.
    @Test func fishCompletesWhatTheTreeSays() throws {
        guard let fish = Shells.path("fish") else {
            print("skipped: fish is not installed")
            return
        }
        let file = try Shells.temporaryFile(Self.script("fish"), suffix: "fish")
        for sample in Self.samples {
            let line = (["beredskap"] + sample.line).joined(separator: " ")
            let result = try Shells.run(fish, ["--no-config", "-c", "source \(file); complete -C '\(line)'"])
            let offered = Set(result.output.split(separator: "\n").map { String($0.prefix { $0 != "\t" }) })
            #expect(Set(sample.expected).isSubset(of: offered), "\(line): \(result.output)")
        }
    }

    /// zsh's completion functions stubbed to print their candidates (zsh filters by prefix
    /// itself), then `_beredskap` called with `words` and `CURRENT` set as zsh sets them.
    @Test func zshOffersWhatTheTreeSays() throws {
        guard let zsh = Shells.path("zsh") else {
            print("skipped: zsh is not installed")
            return
        }
        let calls = Self.samples.map { sample in
            "t beredskap " + sample.line.map { "'\($0)'" }.joined(separator: " ")
        }
        let program = """
            compdef() { :; }
            _describe() { local name=${@[-1]}; print -r -- "${(P@)name%%:*}"; }
            compadd() { shift; print -r -- "$@"; }
            _files() { print -r -- files; }
            compset() { :; }
            source \(try Shells.temporaryFile(Self.script("zsh"), suffix: "zsh"))
            t() { words=("$@"); CURRENT=${#words}; _beredskap | tr '\\n' ' '; print; }
            \(calls.joined(separator: "\n"))
            """
        let result = try Shells.run(zsh, ["-f", try Shells.temporaryFile(program, suffix: "zsh")])
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map { Set($0.split(separator: " ").map(String.init)) }
        for (index, sample) in Self.samples.enumerated() {
            let offered = index < lines.count ? lines[index] : []
            #expect(Set(sample.expected).isSubset(of: offered), "beredskap \(sample.line.joined(separator: " ")): \(result.output)")
        }
    }
}

/// Shells and other programs a test may run, found on PATH.
enum Shells {
    static func path(_ name: String) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return ((directories.map(String.init)) + ["/usr/bin", "/bin"]).map { $0 + "/" + name }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func temporaryFile(_ contents: String, suffix: String) throws -> String {
        let path = NSTemporaryDirectory() + "beredskap-\(UUID().uuidString.prefix(8)).\(suffix)"
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Runs `program` to its end: its exit code, and standard output and error together.
    static func run(_ program: String, _ arguments: [String]) throws -> (code: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
