import Testing

@testable import BeredskapDaemon

/// The options `--help` and `beredskap man beredskapd` list are the ones `parse` takes.
@Suite struct DaemonCommandLineSpecTests {
    @Test func everyListedOptionIsAccepted() throws {
        for option in DaemonCommandLine.options {
            for name in option.name.split(separator: ",").map({ $0.trimmingPrefix(" ") }) {
                let arguments = [String(name)] + (option.value.map { _ in ["x"] } ?? [])
                #expect(throws: Never.self, "\(name)") { try DaemonCommandLine.parse(arguments) }
            }
        }
    }

    @Test func theHelpListsEveryOptionAndExitStatus() {
        for option in DaemonCommandLine.options { #expect(DaemonCommandLine.usage.contains(option.name)) }
        #expect(DaemonCommandLine.ExitStatus.usage.rawValue == 2 && DaemonCommandLine.ExitStatus.allCases.count == 3)
    }
}
