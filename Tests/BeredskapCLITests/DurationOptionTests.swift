import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore
import Foundation
import Testing

@testable import BeredskapCLI

/// Options that take a duration accept `2h` and `30m` beside ISO 8601, and send ISO 8601.
@Suite struct DurationOptionTests {
    let options = FacilityOptionsTests()

    func silence(_ arguments: [String]) throws -> NewSilence {
        try SilenceCommands.newSilence(
            try options.parsed(["silence", "add", "--rule", "facility_utilization", "--comment", "x"] + arguments),
            calendar: LocalCalendar(timeZone: TimeZone(identifier: "UTC") ?? .current))
    }

    @Test(arguments: [("2h", "PT2H"), ("30m", "PT30M"), ("1h30m", "PT1H30M"), ("1d", "PT24H"), ("90s", "PT1M30S"), ("PT2H", "PT2H")])
    func silenceForAcceptsHumanDurations(typed: String, sent: String) throws {
        #expect(try silence(["--for", typed]).duration?.description == sent)
    }

    @Test func aBadOrEmptyDurationNamesTheAcceptedForms() {
        for typed in ["two hours", "0m", "P1M"] {
            let message = options.usageMessage { _ = try silence(["--for", typed]) }
            #expect(message?.contains("2h") == true, "\(typed): \(message ?? "accepted")")
        }
    }

    @Test func theHelpOfEveryDurationOptionShowsBothForms() {
        let help = CLI.parser.help(for: ["silence", "add"], language: .en, width: 200)
        #expect(help.contains("2h") && help.contains("PT30M"))
    }
}
