import BeredskapCLIKit
import BeredskapCore
import Foundation

/// `man [PAGE]`, declared with its action; the pages are `ManPages`.
extension CommandTree {
    /// The same lines in both languages of the help.
    private static let manInstallLines = """
          beredskap man | man -l -
          beredskap man beredskapd | man -l -
          beredskap man beredskap > /usr/local/share/man/man1/beredskap.1
          beredskap man beredskapd > /usr/local/share/man/man8/beredskapd.8
        """

    static let man = Command(
        "man",
        summary: Text("print the manual page beredskap(1) or beredskapd(8) in roff", nb: "skriv ut manualsiden beredskap(1) eller beredskapd(8) i roff"),
        discussion: Text(
            """
            Generated from the commands and options this beredskap and beredskapd have, so the
            page says what the programs accept. In English; with --lang nb, beredskap(1) is in
            bokmål. Read it at once, or install it:

            \(manInstallLines)
            """,
            nb: """
            Laget fra kommandoene og valgene denne beredskap og beredskapd har, så siden sier
            det programmene godtar. På engelsk; med --lang nb er beredskap(1) på bokmål. Les den
            med en gang, eller installer den:

            \(manInstallLines)
            """),
        arguments: [.optionalChoice("PAGE", among: ManPages.Page.allCases.map(\.rawValue), help: Text(
            "beredskap (the default) or beredskapd", nb: "beredskap (standard) eller beredskapd"))],
        run: { context throws(CommandFailure) in
            let page = context.parsed.argument("PAGE").flatMap(ManPages.Page.init(rawValue:)) ?? .beredskap
            context.output.raw(ManPages.page(page, language: context.parsed.value("lang") == nil ? .en : context.language).render())
        })
}
