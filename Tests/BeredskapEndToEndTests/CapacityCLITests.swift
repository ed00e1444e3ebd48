import BeredskapJSON
import Foundation
import Testing

/// The capacity commands of the real `beredskap` against a real `beredskapd` (issue 3).
@Suite struct CapacityCLITests {
    /// `facility add` for a small open transit facility in Bjerke.
    static func add(_ id: String, capacity: Int, extra: [String] = []) -> [String] {
        [
            "facility", "add", id, "--name", "Mottak \(id)", "--kind", "transit", "--status", "open", "--operator", "Hero",
            "--authority", "UDI", "--capacity", String(capacity), "--district", "bjerke",
        ] + extra
    }

    /// Runs the CLI and parses its standard output as JSON.
    func json(_ daemon: DaemonProcess, _ arguments: [String]) throws -> JSONValue {
        let result = try daemon.cli(arguments + ["--json"])
        #expect(result.code == 0, "\(arguments): \(result.stderr)")
        return try JSONParser.parse(result.stdout)
    }

    func write(_ text: String, to name: String, in directory: String) throws -> String {
        let path = directory + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func facilitiesAndTheCap() throws {
        let daemon = try DaemonProcess()
        let created = try daemon.cli(Self.add("refstad", capacity: 300))
        #expect(created.code == 0, "\(created.stderr)")
        #expect(created.stdout.hasPrefix("Created refstad (Mottak refstad): open, 300 places available"))
        let again = try daemon.cli(Self.add("refstad", capacity: 250))
        #expect(again.code == 1, "add never replaces")
        #expect(again.stderr.contains("facility 'refstad' exists already"), "\(again.stderr)")
        #expect(again.stderr.contains("beredskap facility set refstad"))

        let refused = try daemon.cli(["facility", "set", "refstad", "--capacity", "1200"])
        #expect(refused.code == 1)
        #expect(refused.stderr.contains("cap_exceeded"))
        #expect(refused.stderr.contains("The cap is 1000 places per facility; --capacity asked for 1200."))
        #expect(refused.stderr.contains("--cap-override REASON"))
        let refusedNorwegian = try daemon.cli(["facility", "add", "stor", "--lang", "nb"] + Self.add("x", capacity: 1500).dropFirst(3))
        #expect(refusedNorwegian.code == 1)
        #expect(refusedNorwegian.stderr.contains("Taket er 1000 plasser per mottak; --capacity ba om 1500."))
        #expect(try json(daemon, ["facility", "show", "refstad"])["capacity"]?.intValue == 300)

        // The tests run as root, who has admin: the override is stored and marked.
        let overridden = try daemon.cli(["facility", "set", "refstad", "--capacity", "1200", "--cap-override", "Beredskapsrådet 22. nov"])
        #expect(overridden.code == 0, "\(overridden.stderr)")
        #expect(overridden.stdout.contains("Stored above the cap"))
        let listed = try daemon.cli(["facility", "list"])
        #expect(listed.stdout.contains("over cap"))
        #expect(listed.stdout.contains("NOTES"))
        let norwegian = try daemon.cli(["facility", "list", "--lang", "nb"])
        #expect(norwegian.stdout.contains("MERKNAD"))
        #expect(norwegian.stdout.contains("over taket"))

        let patched = try daemon.cli(["facility", "set", "refstad", "--capacity", "280", "--blocked", "20", "--district", "none"])
        #expect(patched.code == 0, "\(patched.stderr)")
        let shown = try json(daemon, ["facility", "show", "refstad"])
        #expect(shown["available"]?.intValue == 260)
        #expect(shown["district"]?.isNull == true)
        #expect(shown["over_cap"]?.boolValue == false)
        #expect(shown["name"]?.stringValue == "Mottak refstad")

        let unknown = try daemon.cli(["facility", "show", "nowhere"])
        #expect(unknown.code == 2, "an unknown id is a usage error")
        #expect(unknown.stderr.contains("not_found"))
    }

    @Test func arrivalsDeparturesAndHeadCountsMoveThePicture() throws {
        let daemon = try DaemonProcess()
        #expect(try daemon.cli(Self.add("refstad", capacity: 100)).code == 0)
        #expect(try daemon.cli(Self.add("torshov", capacity: 50)).code == 0)

        let arrived = try daemon.cli(["arrival", "record", "refstad", "40", "--category", "family"])
        #expect(arrived.code == 0, "\(arrived.stderr)")
        #expect(arrived.stdout.contains("now 40 there"))
        let transfer = try daemon.cli(["departure", "record", "refstad", "10", "--reason", "transferred", "--to", "torshov"])
        #expect(transfer.code == 0, "\(transfer.stderr)")
        #expect(transfer.stdout.contains("Arrived at torshov: now 10 there (arrival #2; correcting either corrects both)."))
        let counted = try daemon.cli(["occupancy", "report", "torshov", "55", "--force"])
        #expect(counted.stdout.hasPrefix("Head count for torshov: 55, "), "\(counted.stdout)")
        #expect(counted.stdout.contains(": now 55 there (was 10; head count #1"), "\(counted.stdout)")
        let tooMany = try daemon.cli(["departure", "record", "refstad", "500", "--reason", "settled"])
        #expect(tooMany.code == 1)

        let capacity = try json(daemon, ["capacity"])
        #expect(capacity["total"]?["capacity"]?.intValue == 150)
        #expect(capacity["total"]?["occupied"]?.intValue == 85)
        #expect(capacity["total"]?["free"]?.intValue == 70)
        #expect(capacity["total"]?["over_capacity"]?.intValue == 5)
        #expect(capacity["over_capacity_facilities"]?.arrayValue == ["torshov"])
        #expect(capacity["by_kind"]?["transit"]?["occupied"]?.intValue == 85)
        let table = try daemon.cli(["capacity"])
        #expect(table.stdout.contains("57 % !"))
        #expect(table.stdout.contains("Over capacity: torshov"))

        let history = try daemon.cli(["history", "arrivals"])
        #expect(history.code == 0, "\(history.stderr)")
        // Transfers between facilities are not new arrivals to the city.
        #expect(history.stdout.contains(": 40 in total"))
        #expect(history.stdout.contains("█"))
        #expect(history.stdout.contains("Trend"))
        let weekly = try json(daemon, ["history", "arrivals", "--week", "--facility", "refstad"])
        #expect(weekly["bucket"]?.stringValue == "week")
        #expect(weekly["total"]?.intValue == 40)
        let occupancy = try daemon.cli(["history", "occupancy", "--facility", "torshov"])
        #expect(occupancy.code == 0, "\(occupancy.stderr)")
        #expect(occupancy.stdout.contains("110 %"))

        let surge = try daemon.cli(["surge"])
        #expect(surge.code == 0, "\(surge.stderr)")
        #expect(surge.stdout.hasPrefix("Surge level: ELEVATED") || surge.stdout.hasPrefix("Surge level: NORMAL"))
        #expect(surge.stdout.contains("Arrivals, last 24 hours"))
    }

    /// The Oslo seed with Refstad over-full, Torshov partly out of use and Oslo mottak closed
    /// with people still there: `status`, `capacity` and `facility list` give the same figures,
    /// and they add up (issue 18: "719 places, 745 occupied, 14 free (104 %)" beside "37 %").
    @Test func statusCapacityAndFacilityListAgree() throws {
        let daemon = try DaemonProcess()
        let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Config/oslo").path
        #expect(try daemon.cli(["seed", seed]).code == 0)
        for arguments in [
            ["arrival", "record", "refstad", "200", "--category", "adult"], ["arrival", "record", "refstad", "140", "--category", "family"],
            ["occupancy", "report", "torshov", "150"], ["occupancy", "report", "oslo-mottak", "140"],
            ["facility", "set", "oslo-mottak", "--status", "closed"], ["facility", "set", "torshov", "--blocked", "20"],
        ] {
            let result = try daemon.cli(arguments)
            #expect(result.code == 0, "\(arguments): \(result.stderr)")
        }
        let total = try #require(try json(daemon, ["capacity"])["total"])
        let figures = ["available", "occupied", "free", "over_capacity"].map { total[$0]?.intValue ?? -1 }
        // 549 available (719 less Oslo mottak's 150 and Torshov's 20), 630 occupied, 30 + 39 + 30 free,
        // 40 too many at Refstad and 140 at the closed Oslo mottak.
        #expect(figures == [549, 630, 99, 180])
        let sentence = "630 occupied of 549 available places (115 %): 99 free, 180 over capacity"
        let status = try daemon.cli(["status"])
        #expect(status.stdout.contains(sentence), "\(status.stdout)")
        let list = try daemon.cli(["facility", "list"])
        #expect(list.stdout.contains("Together: " + sentence + "."), "\(list.stdout)")
        let capacity = try daemon.cli(["capacity"])
        let city = capacity.stdout.split(separator: "\n").first { $0.hasPrefix("City") }?.split(separator: " ")
        #expect(city == ["City", "11", "569", "20", "549", "630", "99", "115", "%", "!", "180", "0"], "\(capacity.stdout)")
        let norwegian = try daemon.cli(["status", "--lang", "nb"])
        #expect(norwegian.stdout.contains("630 belagt av 549 tilgjengelige plasser (115 %): 99 ledige, 180 over kapasiteten"))
        let closed = try json(daemon, ["facility", "show", "oslo-mottak"])
        #expect(closed["available"]?.intValue == 0)
        #expect(closed["free"]?.intValue == 0)
        #expect(closed["utilization"]?.isNull == true)
    }

    @Test func importsCheckEveryLineAndApplyAllOrNothing() throws {
        let daemon = try DaemonProcess()
        #expect(try daemon.cli(Self.add("refstad", capacity: 300)).code == 0)
        #expect(try daemon.cli(Self.add("torshov", capacity: 200)).code == 0)
        func arrivalsTotal() throws -> Int64? { try json(daemon, ["history", "arrivals"])["total"]?.intValue }

        // Found here: every bad line, nothing sent.
        let bad = try write(
            "\u{FEFF}facility;count;category;at\nrefstad;12;family;2026-11-20\ntorshov;x;adult;\n;3;kids;\nrefstad;2;adult;soon\n",
            to: "bad.csv", in: daemon.directory)
        let local = try daemon.cli(["import", "arrivals", bad])
        #expect(local.code == 1)
        #expect(local.stderr.contains("bad.csv has 4 problems; nothing was sent."))
        for line in ["line 3, count:", "line 4, facility:", "line 4, category:", "line 5, at:"] {
            #expect(local.stderr.contains(line), "\(line) in \(local.stderr)")
        }
        // Found by the daemon (unknown facilities, a time in the future): mapped to lines.
        let refused = try write(
            "facility,count,category,at\nrefstad,1,adult,\nnowhere,2,adult,\n\nrefstad,3,family,2099-01-01T00:00:00Z\n",
            to: "refused.csv", in: daemon.directory)
        let remote = try daemon.cli(["import", "arrivals", refused])
        #expect(remote.code == 1)
        #expect(remote.stderr.contains("the daemon refused refused.csv (2 problems); nothing was imported."))
        #expect(remote.stderr.contains("line 3, facility: no facility 'nowhere'"))
        #expect(remote.stderr.contains("line 5, at: lies in the future"))
        #expect(try arrivalsTotal() == 0)

        let good = try write(
            "facility,count,category,at,note\nrefstad,12,family,,Buss fra Storskog\ntorshov,3,minor_15_17,,\n",
            to: "good.csv", in: daemon.directory)
        let dryRun = try daemon.cli(["import", "arrivals", good, "--dry-run"])
        #expect(dryRun.stdout.contains("2 rows (15 people) valid (separator ',')"))
        #expect(try arrivalsTotal() == 0)
        let imported = try daemon.cli(["import", "arrivals", good])
        #expect(imported.code == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasPrefix("Imported 2 rows from good.csv (15 people)"))
        #expect(try arrivalsTotal() == 15)

        let counts = try write("facility;occupied\nrefstad;100\ntorshov;20\n", to: "counts.csv", in: daemon.directory)
        let headCounts = try json(daemon, ["import", "occupancy", counts])
        #expect(headCounts["imported"]?.intValue == 2)
        #expect(try json(daemon, ["capacity"])["total"]?["occupied"]?.intValue == 120)
    }

    @Test func seedingTwiceChangesNothingTheSecondTime() throws {
        let daemon = try DaemonProcess()
        let directory = daemon.directory + "/oslo"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        _ = try write(
            """
            // Test districts.
            { districts: [
                { id: "bjerke", number: 9, name: "Bjerke", population: { "2016": 30937, "2020": 33422 } },
                { id: "ny-bydel", number: 16, name: "Ny bydel" },
            ] }
            """,
            to: "districts.json5", in: directory)
        _ = try write(
            """
            { facilities: [
                { id: "refstad", name: "Refstad transittmottak", kind: "transit", status: "open", operator: "Hero",
                  district: "bjerke", authority: "UDI", capacity: 300 },
                { id: "ny", name: "Nytt mottak", kind: "ordinary", status: "planned", operator: "Oslo kommune",
                  district: "ny-bydel", authority: "municipality", capacity: 50, expansion_capacity: 80, note: "Østensjø" },
            ] }
            """,
            to: "facilities.json5", in: directory)

        let first = try json(daemon, ["seed", directory])
        #expect(first["districts"]?.arrayValue?.compactMap { $0["result"]?.stringValue } == ["changed", "created"])
        #expect(first["facilities"]?.arrayValue?.compactMap { $0["result"]?.stringValue } == ["created", "created"])
        func eventCount() throws -> Int { try json(daemon, ["events", "--since", "0", "--limit", "1000"])["events"]?.arrayValue?.count ?? -1 }
        let before = try eventCount()
        let second = try json(daemon, ["seed", directory])
        #expect(second["districts"]?.arrayValue?.compactMap { $0["result"]?.stringValue } == ["unchanged", "unchanged"])
        #expect(second["facilities"]?.arrayValue?.compactMap { $0["result"]?.stringValue } == ["unchanged", "unchanged"])
        #expect(try eventCount() == before)
        let summary = try daemon.cli(["seed", directory])
        #expect(summary.code == 0, "\(summary.stderr)")
        #expect(summary.stdout.contains("UNCHANGED"))
        #expect(try eventCount() == before)

        // Changed by operators since: kept, unless --replace.
        #expect(try daemon.cli(["facility", "set", "refstad", "--status", "standby"]).code == 0)
        let kept = try daemon.cli(["seed", directory])
        #expect(kept.stdout.contains("--replace overwrites them): refstad"))
        let replaced = try json(daemon, ["seed", directory, "--replace"])
        #expect(replaced["facilities"]?.arrayValue?.first?["result"]?.stringValue == "changed")
        #expect(try json(daemon, ["facility", "show", "refstad"])["status"]?.stringValue == "open")

        // A broken file sends nothing and names the file and field; an empty directory is a usage error.
        _ = try write("{ facilities: [{ id: \"x\", nmae: \"X\" }] }", to: "facilities.json5", in: directory)
        let broken = try daemon.cli(["seed", directory])
        #expect(broken.code == 1)
        #expect(broken.stderr.contains("facilities.json5: facilities[0]."))
        let empty = daemon.directory + "/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        #expect(try daemon.cli(["seed", empty]).code == 2)
    }
}
