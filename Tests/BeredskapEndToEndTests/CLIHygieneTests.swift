import BeredskapJSON
import BeredskapTestSupport
import Foundation
import Testing

/// What a newcomer notices first with the real binaries: output that ends its lines, errors
/// that say which option was wrong and what was probably meant, and a dry run that asks the
/// daemon.
@Suite struct CLIHygieneTests {
    static let oslo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Config/oslo").path

    @Test func outputAndErrorsEndWithANewline() throws {
        let daemon = try DaemonProcess()
        for arguments in [["status"], ["history", "arrivals"], ["surge"], ["facility", "list"], ["status", "--csv"]] {
            let result = try daemon.cli(arguments)
            #expect(result.code == 0, "\(arguments): \(result.stderr)")
            #expect(result.stdout.hasSuffix("\n"), "\(arguments)")
        }
        for arguments in [["facility", "show", "nosuch"], ["facility", "show"], ["--json", "facility", "show", "nosuch"]] {
            let result = try daemon.cli(arguments)
            #expect(result.code == 2, "\(arguments)")
            #expect(result.stderr.hasSuffix("\n"), "\(arguments): \(result.stderr)")
        }
    }

    @Test func statusAndSurgeGiveFiguresInColumnsForSpreadsheets() throws {
        let daemon = try DaemonProcess()
        #expect(try daemon.cli(CapacityCLITests.add("refstad", capacity: 300)).code == 0)
        #expect(try daemon.cli(["arrival", "record", "refstad", "45", "--category", "family"]).code == 0)
        let status = try daemon.cli(["status", "--csv"]).stdout.split(separator: "\n").map(String.init)
        #expect(status.count == 2)
        #expect(status.first?.hasPrefix("surge_level,capacity,blocked,available,occupied,free,over_capacity,utilization,") == true, "\(status)")
        #expect(status.last?.contains(",300,0,300,45,255,0,0.15,") == true, "\(status)")
        let surge = try daemon.cli(["surge", "--csv"]).stdout.split(separator: "\n").map(String.init)
        #expect(surge.first?.hasPrefix("level,since,reason,arrivals_24h,arrivals_7d,baseline_per_day,ratio,") == true)
        #expect(surge.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 14 }, "\(surge)")
        #expect(surge.contains { $0.contains(",transit,255,") }, "\(surge)")
    }

    @Test func aMistypedIDGetsTheNearestKnownOne() throws {
        let daemon = try PlaybookCLITests.daemon()
        #expect(try daemon.cli(["seed", Self.oslo]).code == 0)
        let facility = try daemon.cli(["facility", "show", "refstd"])
        #expect(facility.code == 2)
        #expect(facility.stderr.hasPrefix("beredskap: no facility 'refstd'; did you mean refstad?"), "\(facility.stderr)")
        let arrival = try daemon.cli(["arrival", "record", "refstd", "3", "--category", "family"])
        #expect(arrival.stderr.contains("did you mean refstad?"), "\(arrival.stderr)")
        let district = try daemon.cli(["facility", "set", "refstad", "--district", "bjrke"])
        #expect(district.code == 2)
        #expect(district.stderr.contains("--district: unknown district 'bjrke'"), "\(district.stderr)")
        #expect(district.stderr.contains("did you mean bjerke?"))
        let playbook = try daemon.cli(["playbook", "show", "surge-hihg"])
        #expect(playbook.stderr.contains("did you mean surge-high?"), "\(playbook.stderr)")
        // Filters the daemon takes whatever their value are checked before the command runs.
        let history = try daemon.cli(["history", "arrivals", "--facility", "refstd"])
        #expect(history.code == 2)
        #expect(history.stderr.hasPrefix("beredskap: --facility: no facility 'refstd'; did you mean refstad?"), "\(history.stderr)")
        #expect(history.stdout.isEmpty)
        #expect(try daemon.cli(["facility", "list", "--district", "bjrke"]).stderr.contains("did you mean bjerke?"))
        #expect(try daemon.cli(["run", "list", "--playbook", "surge-hihg"]).stderr.contains("did you mean surge-high?"))
        #expect(try daemon.cli(["history", "arrivals", "--facility", "refstad"]).code == 0)

        let started = try JSONParser.parse(
            try daemon.cli(["playbook", "run", "surge-elevated", "--reason", "Øvelse", "--json"]).stdout)
        let run = try #require(started["id"]?.intValue)
        let step = try #require(started["steps"]?.arrayValue?.first?["id"]?.stringValue)
        let typo = String(step.dropLast())
        let skipped = try daemon.cli(["run", "skip", String(run), typo, "--reason", "x"])
        #expect(skipped.code == 2)
        #expect(skipped.stderr.contains("did you mean \(step)?"), "\(skipped.stderr)")

        let json = try daemon.cli(["--json", "facility", "show", "refstd"])
        let error = try JSONParser.parse(json.stderr)["error"]
        #expect(error?["code"] == "not_found")
        #expect(error?["details"]?["suggestion"] == "refstad")
        #expect(error?["details"]?["option"] == "<ID>")
    }

    @Test func aDryRunImportChecksFacilityIDsWithTheDaemon() throws {
        let daemon = try DaemonProcess()
        #expect(try daemon.cli(CapacityCLITests.add("refstad", capacity: 300)).code == 0)
        let path = daemon.directory + "/ankomster.csv"
        try "facility,count,category\nrefstad,4,family\nrefstd,2,adult\n\nnowhere,1,adult\n".write(toFile: path, atomically: true, encoding: .utf8)
        let checked = try daemon.cli(["import", "arrivals", path, "--dry-run"])
        #expect(checked.code == 1)
        #expect(checked.stderr.contains("line 3, facility: no facility 'refstd'"), "\(checked.stderr)")
        #expect(checked.stderr.contains("line 5, facility: no facility 'nowhere'"))
        let good = daemon.directory + "/god.csv"
        try "facility,count,category\nrefstad,4,family\n".write(toFile: good, atomically: true, encoding: .utf8)
        let passed = try daemon.cli(["import", "arrivals", good, "--dry-run"])
        #expect(passed.code == 0, "\(passed.stderr)")
        #expect(passed.stdout.contains("checked by the daemon. Nothing was imported (--dry-run)."))
        #expect(try JSONParser.parse(try daemon.cli(["facility", "show", "refstad", "--json"]).stdout)["occupied"] == 0)
    }
}

/// A daemon started where there are no action cards warns at start, and `playbook list` says so.
@Suite struct PlaybookWarningCLITests {
    @Test func aDaemonWithoutPlaybooksSaysSoAtStartAndInTheList() throws {
        let daemon = try DaemonProcess()
        let warning = "no playbooks loaded from \(daemon.directory)/Playbooks (no such directory); surge and alert cards will not start"
        #expect(waitUntil { daemon.process.standardError.contains("warning: " + warning) }, "\(daemon.process.standardError)")
        let list = try daemon.cli(["playbook", "list"])
        #expect(list.code == 0)
        #expect(list.stdout == warning + "\n")

        let withCards = try PlaybookCLITests.daemon()
        #expect(try withCards.cli(["playbook", "list"]).stdout.contains("surge-high"))
        #expect(!withCards.process.standardError.contains("no playbooks loaded"))
    }
}
