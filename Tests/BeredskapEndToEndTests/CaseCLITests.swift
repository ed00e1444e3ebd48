import BeredskapJSON
import Foundation
import Testing

/// A settlement case from request to settled with a home assigned, and the mismatch before and
/// after, with the real binaries (issue 11).
@Suite struct CaseCLITests {
    func json(_ daemon: DaemonProcess, _ arguments: [String]) throws -> JSONValue {
        try CorrectionCLITests().json(daemon, arguments)
    }

    @Test func aHouseholdIsRequestedHousedAndSettledAndTheMismatchFollows() throws {
        let daemon = try DaemonProcess()
        let requested = try daemon.cli([
            "case", "request", "--district", "alna", "--household", "4", "--minors", "1", "--mode", "ordinary",
            "--reference", "IMDi-4711",
        ])
        #expect(requested.code == 0, "\(requested.stderr)")
        #expect(requested.stdout.hasPrefix("Case #1 (alna, 4 persons) is requested (event "), "\(requested.stdout)")
        #expect(try daemon.cli(["case", "consent", "1"]).code == 0)
        for arguments in [
            ["housing", "set", "alna-1", "--district", "alna", "--kind", "municipalLeased", "--rooms", "3", "--available", "2024-02-29"],
            ["housing", "set", "vestre-aker-1", "--district", "vestre-aker", "--kind", "private", "--rooms", "2", "--available", "2026-01-01"],
        ] {
            let set = try daemon.cli(arguments)
            #expect(set.code == 0, "\(set.stderr)")
        }
        #expect(try json(daemon, ["housing", "show", "alna-1"])["lease_end"] == "2027-02-28")

        let before = try json(daemon, ["housing", "mismatch"])
        #expect(before["homes_without_households"] == ["vestre-aker"])
        #expect(before["households_without_homes"] == [])
        let table = try daemon.cli(["housing", "mismatch"])
        #expect(table.stdout.contains("DISTRICT"), "\(table.stdout)")
        #expect(table.stdout.contains("Homes, no one waiting: Vestre Aker"), "districts by name for people")
        #expect(table.stdout.contains("Søndre Nordstrand"))

        #expect(try daemon.cli(["housing", "assign", "alna-1", "--case", "1"]).code == 0)
        #expect(try daemon.cli(["case", "settle", "1"]).code == 1, "not decided yet: refused by the daemon")
        #expect(try daemon.cli(["case", "decide", "1"]).code == 2, "--planned is required")
        #expect(try daemon.cli(["case", "decide", "1", "--planned", "2030-06-01"]).code == 0)
        let settled = try daemon.cli(["case", "settle", "1"])
        #expect(settled.stdout.contains("is settled"), "\(settled.stdout) \(settled.stderr)")

        let after = try json(daemon, ["housing", "mismatch"])
        let alna = after["districts"]?.arrayValue?.first { $0["district"] == "alna" }
        #expect(alna?["free_units"] == 0 && alna?["waiting_households"] == 0)
        #expect(try json(daemon, ["housing", "show", "alna-1"])["status"] == "occupied")
        let shown = try daemon.cli(["case", "show", "1", "--lang", "nb"])
        #expect(shown.stdout.contains("bosatt") && shown.stdout.contains("IMDi-4711"), "\(shown.stdout)")
        let listed = try daemon.cli(["case", "list", "--csv"])
        #expect(listed.stdout.hasPrefix("id,state,district,year,mode,"), "\(listed.stdout)")
        #expect(!listed.stdout.contains("IMDi-4711"), "the list has no person data")
        #expect(try daemon.cli(["case", "request", "--district", "alna", "--mode", "ordinary"]).code == 2)
        #expect(try daemon.cli(["case", "show", "tolv"]).code == 2)
        #expect(try daemon.cli(["housing", "--help"]).stdout.contains("mismatch"))
    }
}
