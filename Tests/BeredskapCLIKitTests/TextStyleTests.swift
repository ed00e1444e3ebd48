import BeredskapCLIKit
import Testing

@Suite struct TextStyleTests {
    struct Case: Sendable {
        var isTTY: Bool
        var environment: [String: String]
        var noColorFlag: Bool
        var enabled: Bool
    }

    static let matrix: [Case] = [
        Case(isTTY: true, environment: ["TERM": "xterm-256color"], noColorFlag: false, enabled: true),
        Case(isTTY: true, environment: [:], noColorFlag: false, enabled: true),  // TERM unset is not "dumb"
        Case(isTTY: false, environment: ["TERM": "xterm-256color"], noColorFlag: false, enabled: false),
        Case(isTTY: true, environment: ["TERM": "xterm", "NO_COLOR": "1"], noColorFlag: false, enabled: false),
        Case(isTTY: true, environment: ["TERM": "xterm", "NO_COLOR": ""], noColorFlag: false, enabled: false),
        Case(isTTY: true, environment: ["TERM": "xterm", "NO_COLOR": "0"], noColorFlag: false, enabled: false),
        Case(isTTY: true, environment: ["TERM": "dumb"], noColorFlag: false, enabled: false),
        Case(isTTY: true, environment: ["TERM": "xterm"], noColorFlag: true, enabled: false),
        Case(isTTY: false, environment: ["NO_COLOR": "1", "TERM": "dumb"], noColorFlag: true, enabled: false),
    ]

    @Test(arguments: matrix)
    func detect(_ example: Case) {
        let style = TextStyle.detect(isTTY: example.isTTY, environment: example.environment, noColorFlag: example.noColorFlag)
        #expect(style.enabled == example.enabled)
    }

    @Test func disabledStyleIsPlainText() {
        let style = TextStyle.plain
        #expect(style.bold("Ø") == "Ø")
        #expect(style.red("full") == "full")
        #expect(style.dim(style.green("ok")) == "ok")
    }

    @Test func enabledStylesResetOnlyTheirOwnAttribute() {
        let style = TextStyle(enabled: true)
        #expect(style.bold("a") == "\u{1B}[1ma\u{1B}[22m")
        #expect(style.dim("a") == "\u{1B}[2ma\u{1B}[22m")
        #expect(style.red("a") == "\u{1B}[31ma\u{1B}[39m")
        #expect(style.yellow("a") == "\u{1B}[33ma\u{1B}[39m")
        #expect(style.green("a") == "\u{1B}[32ma\u{1B}[39m")
        #expect(style.bold(style.red("a")) == "\u{1B}[1m\u{1B}[31ma\u{1B}[39m\u{1B}[22m")
        #expect(style.red("") == "")
    }

    @Test func terminalColumnsPreferColumnsVariable() {
        #expect(Terminal.columns(fileDescriptor: -1, environment: ["COLUMNS": "132"]) == 132)
        #expect(Terminal.columns(fileDescriptor: -1, environment: ["COLUMNS": "wide"]) == 80)
        #expect(Terminal.columns(fileDescriptor: -1, environment: [:]) == 80)
        #expect(!Terminal.isTerminal(-1))
    }
}
