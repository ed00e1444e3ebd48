import BeredskapCLIKit
import BeredskapCore

/// `completion SHELL`, declared with its action.
extension CommandTree {
    /// The same lines in both languages of the help.
    private static let completionInstallLines = """
          beredskap completion bash > /etc/bash_completion.d/beredskap
          beredskap completion bash > ~/.local/share/bash-completion/completions/beredskap
          beredskap completion zsh > "${fpath[1]}/_beredskap"
          beredskap completion fish > ~/.config/fish/completions/beredskap.fish
        """

    static let completion = Command(
        "completion",
        summary: Text("print a shell completion script (bash, zsh, fish)", nb: "skriv ut et skallfullføringsskript (bash, zsh, fish)"),
        discussion: Text(
            """
            The script is generated from the commands this beredskap has: commands, options,
            the values an option takes where they are fixed (--format, --lang, --kind), district
            ids, files and directories. Descriptions (zsh, fish) are in the language of --lang. Install it
            once; after an upgrade, install it again.

            Install:
            \(completionInstallLines)

            Or for this shell only:
              source <(beredskap completion bash)
            """,
            nb: """
            Skriptet lages fra kommandoene denne beredskap har: kommandoer, valg, verdiene et
            valg tar når de er faste (--format, --lang, --kind), bydels-id-er, filer og mapper. Beskrivelsene (zsh,
            fish) er på språket fra --lang. Installer det én gang; etter en oppgradering,
            installer det på nytt.

            Installer:
            \(completionInstallLines)

            Eller bare for dette skallet:
              source <(beredskap completion bash)
            """),
        arguments: [.choice("SHELL", among: CompletionShell.allCases.map(\.rawValue), help: Text(
            "bash, zsh or fish", nb: "bash, zsh eller fish"))],
        run: { context throws(CommandFailure) in
            // The parser has checked the word against the same list.
            guard let shell = context.parsed.argument("SHELL").flatMap(CompletionShell.init(rawValue:)) else { return }
            // Oslo's districts are the API contract's, which the daemon checks a district against.
            let script = CompletionScript(
                root: CommandTree.root, globals: CommandTree.globalOptions, known: ["DISTRICT": District.oslo.map(\.id)])
            context.output.raw(script.render(shell, language: context.language))
        })
}
