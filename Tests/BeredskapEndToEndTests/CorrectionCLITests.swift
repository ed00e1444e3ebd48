import BeredskapJSON
import Foundation
import Testing

/// Finding a record typed by mistake and correcting it, with the real binaries (issue 18).
@Suite struct CorrectionCLITests {
    func json(_ daemon: DaemonProcess, _ arguments: [String]) throws -> JSONValue {
        let result = try daemon.cli(arguments + ["--json"])
        #expect(result.code == 0, "\(arguments): \(result.stderr)")
        return try JSONParser.parse(result.stdout)
    }

    @Test func aRecordIsListedAmendedAndVoidedByItsNumber() throws {
        let daemon = try DaemonProcess()
        #expect(try daemon.cli(CapacityCLITests.add("refstad", capacity: 100)).code == 0)
        let recorded = try daemon.cli(["arrival", "record", "refstad", "25", "--category", "family"])
        #expect(recorded.stdout.contains("now 25 there (arrival #1, event #"), "\(recorded.stdout)")

        let listed = try daemon.cli(["arrival", "list", "--facility", "refstad"])
        #expect(listed.code == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("ID  FACILITY  PEOPLE  CATEGORY"), "\(listed.stdout)")
        #expect(listed.stdout.contains("recorded"))

        let amended = try daemon.cli(["arrival", "amend", "1", "--count", "20", "--reason", "Tastefeil"])
        #expect(amended.code == 0, "\(amended.stderr)")
        #expect(amended.stdout.hasPrefix("Amended arrival #1: 20 people (family) at refstad, "), "\(amended.stdout)")
        #expect(amended.stdout.contains("Mottak refstad now has 20 (was 25)."))
        let voided = try daemon.cli(["arrival", "void", "1", "--reason", "Feil mottak", "--lang", "nb"])
        #expect(voided.code == 0, "\(voided.stderr)")
        #expect(voided.stdout.hasPrefix("Annullerte ankomst #1: 20 personer (familie) til refstad, "), "\(voided.stdout)")
        #expect(voided.stdout.contains("Mottak refstad har nå 0 (var 20)."))
        #expect(try json(daemon, ["facility", "show", "refstad"])["occupied"]?.intValue == 0)

        let again = try daemon.cli(["arrival", "void", "1", "--reason", "Igjen"])
        #expect(again.code == 1)
        #expect(again.stderr.contains("already voided"), "\(again.stderr)")
        #expect(try daemon.cli(["arrival", "void", "1"]).code == 2, "--reason is required")
        #expect(try daemon.cli(["arrival", "amend", "1", "--reason", "x"]).code == 2, "nothing to amend")
        #expect(try daemon.cli(["arrival", "void", "tolv", "--reason", "x"]).code == 2)
        let unknown = try daemon.cli(["arrival", "void", "99", "--reason", "x"])
        #expect(unknown.code != 0)
        #expect(unknown.stderr.contains("no arrival #99"), "\(unknown.stderr)")

        let records = try json(daemon, ["arrival", "list"])["records"]?.arrayValue ?? []
        #expect(records.first?["state"]?.stringValue == "voided")
        #expect(records.first?["voided"]?["reason"]?.stringValue == "Feil mottak")
        let csv = try daemon.cli(["arrival", "list", "--csv"])
        #expect(csv.stdout.hasPrefix("id,facility,count,category,transfer_from,at,transfer,state,recorded_at,recorded_by,corrected_at"))
        #expect(try daemon.cli(["arrival", "list", "--lang", "nb"]).stdout.contains("annullert"))

        // A transfer: the departure's number, and both halves voided together.
        #expect(try daemon.cli(CapacityCLITests.add("torshov", capacity: 50)).code == 0)
        #expect(try daemon.cli(["arrival", "record", "refstad", "30", "--category", "adult"]).code == 0)
        let moved = try daemon.cli(["departure", "record", "refstad", "10", "--reason", "transferred", "--to", "torshov"])
        #expect(moved.stdout.contains("(departure #1, event #"), "\(moved.stdout)")
        let undone = try daemon.cli(["departure", "void", "1", "--reason", "Ble ikke flyttet"])
        #expect(undone.code == 0, "\(undone.stderr)")
        #expect(undone.stdout.contains("Voided departure #1: 10 people (transferred) from refstad"))
        #expect(undone.stdout.contains("Voided arrival #3: 10 people (other) at torshov"))
        #expect(try json(daemon, ["facility", "show", "torshov"])["occupied"]?.intValue == 0)

        let count = try json(daemon, ["occupancy", "report", "refstad", "28"])
        let id = try #require(count["id"]?.intValue)
        #expect(try daemon.cli(["occupancy", "amend", String(id), "--count", "29", "--reason", "Talte feil"]).code == 0)
        #expect(try json(daemon, ["occupancy", "list"])["records"]?.arrayValue?.first?["count"]?.intValue == 29)
        #expect(try daemon.cli(["occupancy", "void", String(id), "--reason", "Dobbelt"]).code == 0)
        #expect(try json(daemon, ["facility", "show", "refstad"])["last_report_at"]?.isNull == true)
    }

    @Test func withoutATerminalAnImplausibleRecordNeedsForce() throws {
        let daemon = try DaemonProcess()
        #expect(try daemon.cli(CapacityCLITests.add("refstad", capacity: 100)).code == 0)
        let refused = try daemon.cli(["arrival", "record", "refstad", "400", "--category", "adult"])
        #expect(refused.code == 1)
        #expect(refused.stderr.contains("this looks like a mistake, so nothing was recorded:\n  400 people is more than the 100 places of Mottak refstad"), "\(refused.stderr)")
        #expect(refused.stderr.contains("run the command again with --force"))
        let old = try daemon.cli(["occupancy", "report", "refstad", "5", "--at", "2020-01-01", "--lang", "nb"])
        #expect(old.code == 1)
        #expect(old.stderr.contains("er mer enn 90 dager siden"), "\(old.stderr)")
        #expect(old.stderr.contains("--force"))
        let scripted = try daemon.cli(["arrival", "record", "refstad", "400", "--category", "adult", "--json"])
        #expect(scripted.code == 1)
        #expect(scripted.stderr.contains("implausible"), "\(scripted.stderr)")
        #expect(try json(daemon, ["arrival", "list"])["records"]?.arrayValue?.isEmpty == true)

        let forced = try daemon.cli(["arrival", "record", "refstad", "400", "--category", "adult", "--force"])
        #expect(forced.code == 0, "\(forced.stderr)")
        let amend = try daemon.cli(["arrival", "amend", "1", "--count", "900", "--reason", "Buss nummer to"])
        #expect(amend.code == 1)
        #expect(amend.stderr.contains("--force"))

        let file = daemon.directory + "/counts.csv"
        try "facility,occupied,at\nrefstad,50,\nrefstad,500,\n".write(toFile: file, atomically: true, encoding: .utf8)
        let imported = try daemon.cli(["import", "occupancy", file])
        #expect(imported.code == 1)
        #expect(imported.stderr.contains("line 3, occupied: 500 people is more than the 100 places of Mottak refstad"), "\(imported.stderr)")
        #expect(try daemon.cli(["import", "occupancy", file, "--force"]).code == 0)
    }

    @Test func atATerminalThePersonIsAsked() throws {
        let daemon = try DaemonProcess()
        #expect(try daemon.cli(CapacityCLITests.add("refstad", capacity: 100)).code == 0)
        let declined = try TerminalSession.run(
            ["arrival", "record", "refstad", "400", "--category", "adult"], in: daemon.directory, question: "[y/N] ", answer: "n")
        #expect(declined.code == 1)
        #expect(declined.terminal.contains("This looks like a mistake:"), "\(declined.terminal)")
        #expect(declined.terminal.contains("400 people is more than the 100 places of Mottak refstad"))
        #expect(declined.terminal.contains("Nothing was recorded."))

        let confirmed = try TerminalSession.run(
            ["arrival", "record", "refstad", "400", "--category", "adult", "--lang", "nb"], in: daemon.directory,
            question: "Registrere likevel? [j/N] ", answer: "j")
        #expect(confirmed.code == 0, "\(confirmed.terminal)")
        #expect(confirmed.stdout.contains("nå 400 der (ankomst #1,"), "\(confirmed.stdout)")
        #expect(try json(daemon, ["arrival", "list"])["records"]?.arrayValue?.count == 1)
    }
}
