import BeredskapCore
import Testing

@testable import BeredskapCLIKit

/// Roff escaping and the page layout: text prints as written, whatever it contains.
@Suite struct RoffTests {
    @Test func requestsBackslashesMinusesAndNonASCIIAreEscaped() {
        #expect(Roff.escape(".hidden request") == "\\&.hidden request")
        #expect(Roff.escape("'quoted") == "\\&'quoted")
        #expect(Roff.escape("a \\ b") == "a \\e b")
        #expect(Roff.escape("use --json or -o, not after-action") == "use \\-\\-json or \\-o, not after-action")
        #expect(Roff.escape("--state-dir", everyMinus: true) == "\\-\\-state\\-dir")
        #expect(Roff.escape("Grünerløkka «x»") == "Gr\\[u00FC]nerl\\[u00F8]kka \\[u00AB]x\\[u00BB]")
        #expect(Roff.escape("two\nlines") == "two lines")
        #expect(Roff.argument("say \"hi\"") == "\"say \\(dqhi\\(dq\"")
    }

    @Test func helpTextBecomesParagraphsAndVerbatimExamples() {
        let blocks = ManPage.blocks(fromHelp: "First line\nsame paragraph.\n\nExamples:\n  tool run\n  tool stop\nAfter.")
        #expect(blocks == [
            .paragraph("First line same paragraph."), .paragraph("Examples:"), .example(["  tool run", "  tool stop"]),
            .paragraph("After."),
        ])
    }

    @Test func aPageHasTheManMacrosAndNoLineStartsARequestByAccident() {
        let page = ManPage(
            name: "tool", section: "1", date: "2026-12-03", source: "tool 1.0", manual: "tool manual", summary: "does things",
            synopsis: [[ManPage.Term("tool"), ManPage.Term("[options]", literal: false)]],
            sections: [ManPage.Section("Options", [.item(ManPage.Term("--lang", value: "en|nb"), ".so /etc/passwd")])])
        let lines = page.render().split(separator: "\n").map(String.init)
        #expect(lines.first == ".TH \"TOOL\" 1 \"2026-12-03\" \"tool 1.0\" \"tool manual\"")
        #expect(lines.contains(".SH NAME") && lines.contains("tool \\- does things") && lines.contains(".SH \"OPTIONS\""))
        #expect(lines.contains("\\fB\\-\\-lang\\fR \\fIen|nb\\fR") && lines.contains("\\&.so /etc/passwd"))
    }
}
