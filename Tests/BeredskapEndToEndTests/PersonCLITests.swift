import BeredskapJSON
import BeredskapTestSupport
import Foundation
import Testing

/// A person registered, given milestones, shown, exported and erased with the real binaries
/// (issue 12).
@Suite struct PersonCLITests {
    func json(_ daemon: DaemonProcess, _ arguments: [String]) throws -> JSONValue {
        try CorrectionCLITests().json(daemon, arguments)
    }

    @Test func aPersonIsRegisteredFollowedExportedAndErased() throws {
        let daemon = try DaemonProcess()
        let added = try daemon.cli([
            "person", "add", "--duf", "202500004711", "--given", "Åse", "--family", "Ødegård", "--born", "2012-03-04", "--sex", "female",
            "--category", "resettlement", "--arrived", "2025-10-06", "--household", "h-1", "--district", "alna",
        ])
        #expect(added.code == 0, "\(added.stderr)")
        #expect(added.stdout.hasPrefix("Person #1 (Åse Ødegård) registered (event "), "\(added.stdout)")
        let twice = try daemon.cli(["person", "add", "--duf", "202500004711", "--given", "B", "--family", "C", "--born-year", "1990",
                                    "--sex", "male", "--category", "other"])
        #expect(twice.code == 1, "refused by the daemon: the number is person #1's")
        #expect(twice.stderr.contains("#1"), "\(twice.stderr)")
        #expect(try daemon.cli(["person", "add", "--duf", "202500004712"]).code == 2, "the names and the rest are required")

        let recorded = try daemon.cli(["milestone", "record", "1", "tb_screening", "--date", "2025-10-15", "--note", "Ullevål"])
        #expect(recorded.code == 0, "\(recorded.stderr)")
        let corrected = try daemon.cli(["milestone", "correct", "1", "tb_screening", "--date", "2025-10-14", "--reason", "Feil dato"])
        #expect(corrected.stdout.contains("tb_screening corrected to 2025-10-14"), "\(corrected.stdout) \(corrected.stderr)")
        #expect(try daemon.cli(["milestone", "correct", "1", "tb_screening", "--date", "2025-10-14"]).code == 2, "--reason is required")
        #expect(try daemon.cli(["milestone", "record", "1", "baptism"]).code == 2)

        let shown = try daemon.cli(["person", "show", "1", "--lang", "nb"])
        #expect(shown.stdout.contains("Ødegård") && shown.stdout.contains("overføringsflyktning"), "\(shown.stdout)")
        #expect(shown.stdout.contains("tuberkuloseundersøkelse") && shown.stdout.contains("2025-10-15"), "corrected from, in bokmål")
        #expect(!shown.stdout.contains("tb_screening"), "milestones and rules by their bokmål names: \(shown.stdout)")
        let listed = try daemon.cli(["person", "list", "--household", "h-1", "--csv"])
        #expect(listed.stdout.hasPrefix("id,duf,given_name,family_name,"), "\(listed.stdout)")
        let export = try json(daemon, ["person", "export", "1"])
        #expect(export["reads"]?.arrayValue?.map(\.["route"]) == ["/v1/persons/{id}", "/v1/persons", "/v1/persons/{id}/export"])

        // The deadline engine: the health examination (3 months from 6 October 2025) is overdue,
        // the TB screening met; the summary has the count and no one's name.
        let overdue = try daemon.cli(["deadlines", "--overdue", "--rule", "health_exam", "--csv"])
        #expect(overdue.stdout == "person,rule,state,due_date,district\n1,health_exam,overdue,2026-01-06,alna\n", "\(overdue.stdout) \(overdue.stderr)")
        let summary = try daemon.cli(["deadlines", "summary", "--lang", "nb"])
        #expect(summary.stdout.contains("helseundersøkelse") && summary.stdout.contains("alna"), "\(summary.stdout) \(summary.stderr)")
        #expect(!summary.stdout.contains("Ødegård"))
        #expect(try daemon.cli(["deadlines", "--overdue", "--due-soon"]).code == 2)

        let erased = try daemon.cli(["person", "erase", "1", "--reason", "Begjæring om sletting"])
        #expect(erased.stdout.hasPrefix("Person #1 erased (event "), "\(erased.stdout) \(erased.stderr)")
        #expect(try daemon.cli(["person", "erase", "1"]).code == 2, "--reason is required")
        let after = try json(daemon, ["person", "show", "1"])
        #expect(after["erased"] == true && after["given_name"] == nil && after["district"] == "alna")
        #expect(try daemon.cli(["person", "list"]).stdout.contains("(erased)"))
        #expect(waitUntil { (try? daemon.cli(["deadlines", "--csv"]))?.stdout == "person,rule,state,due_date,district\n" }, "erased: no deadlines")
    }

    @Test func personsAreImportedFromAFileAllOrNothing() throws {
        let daemon = try DaemonProcess()
        #expect(try daemon.cli(CapacityCLITests.add("refstad", capacity: 100)).code == 0)
        let good = """
            duf;given_name;family_name;birth_date;birth_year;sex;category;languages;facility
            201600004711;Amanuel;Tesfaye;2001-03-04;;male;asylumSeeker;ti ar;refstad
            201600004712;Hawa;Yusuf;;1988;female;resettlement;so;refstad

            """
        try good.write(toFile: daemon.directory + "/personer.csv", atomically: true, encoding: .utf8)
        let bad = good.replacingOccurrences(of: "201600004712", with: "201600004711").replacingOccurrences(of: "female", with: "x")
        try bad.write(toFile: daemon.directory + "/feil.csv", atomically: true, encoding: .utf8)

        let refused = try daemon.cli(["person", "import", "feil.csv"])
        #expect(refused.code != 0, "\(refused.stdout)")
        #expect(refused.stderr.contains("sex"), "every problem with its line: \(refused.stderr)")
        let duplicate = bad.replacingOccurrences(of: ";x;", with: ";female;")
        try duplicate.write(toFile: daemon.directory + "/dobbel.csv", atomically: true, encoding: .utf8)
        let twice = try daemon.cli(["person", "import", "dobbel.csv"])
        #expect(twice.code != 0 && twice.stderr.contains("row 1"), "the same DUF number twice, found by the daemon: \(twice.stderr)")
        #expect(try daemon.cli(["person", "list", "--csv"]).stdout.split(separator: "\n").count == 1, "nothing imported")

        let dry = try daemon.cli(["person", "import", "personer.csv", "--dry-run"])
        #expect(dry.code == 0 && dry.stdout.contains("Nothing was imported"), "\(dry.stdout) \(dry.stderr)")
        let imported = try daemon.cli(["person", "import", "personer.csv"])
        #expect(imported.code == 0, "\(imported.stderr)")
        #expect(try daemon.cli(["person", "list", "--csv"]).stdout.split(separator: "\n").count == 3, "the header and two persons")
        let facility = try json(daemon, ["facility", "show", "refstad"])
        #expect(facility["occupied"] == 2, "they arrived at Refstad")
    }
}
