import BeredskapJSON
import BeredskapTestSupport
import Foundation
import Testing

/// The alert commands of the real `beredskap` against a real `beredskapd`: arrivals over the
/// threshold open an alert that an operator lists, acknowledges and follows to the outbox.
@Suite struct AlertCLITests {
    /// A daemon whose facility alerts fire at once (the default waits ten minutes).
    static func daemon() throws -> DaemonProcess {
        let directory = DaemonProcess.makeDirectory()
        try #"{ alerts: { facility_utilization: { for: "PT0S" } } }"#
            .write(toFile: directory + "/c.json5", atomically: true, encoding: .utf8)
        return try DaemonProcess(arguments: ["--config", "c.json5"], directory: directory)
    }

    @Test func arrivalsOverTheThresholdAreListedAcknowledgedAndNotified() throws {
        let daemon = try Self.daemon()
        let added = try daemon.cli(CapacityCLITests.add("refstad", capacity: 200))
        #expect(added.code == 0, "\(added.stderr)")
        #expect(try daemon.cli(["arrival", "record", "refstad", "194", "--category", "adult"]).code == 0)

        var listed = CLIResult(code: -1, stdout: "", stderr: "")
        #expect(waitUntil {
            listed = (try? daemon.cli(["alerts", "--rule", "facility_utilization"])) ?? listed
            return listed.stdout.contains("facility/refstad")
        })
        #expect(listed.code == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("SEVERITY"))
        #expect(listed.stdout.contains("critical"))
        #expect(listed.stdout.contains("firing"))
        #expect(listed.stdout.contains("97 %"))
        #expect(!listed.stdout.contains("\u{1B}["), "no colour into a pipe")

        let json = try JSONParser.parse(try daemon.cli(["alerts", "--rule", "facility_utilization", "--json"]).stdout)
        let id = try #require(json["alerts"]?.arrayValue?.first?["id"]?.intValue)
        let csv = try daemon.cli(["alerts", "--csv"])
        #expect(csv.stdout.hasPrefix("id,rule,subject,severity,state,acknowledged"))

        let missingComment = try daemon.cli(["alert", "ack", String(id)])
        #expect(missingComment.code == 2)
        let acked = try daemon.cli(["alert", "ack", String(id), "--comment", "Ringer Hero om flere plasser"])
        #expect(acked.code == 0, "\(acked.stderr)")
        #expect(acked.stdout.hasPrefix("Alert \(id) acknowledged (event "))
        let shown = try daemon.cli(["alert", "show", String(id), "--lang", "nb"])
        #expect(shown.stdout.contains("Ringer Hero om flere plasser"))
        #expect(shown.stdout.contains("Historikk"))
        #expect(try daemon.cli(["alert", "show", "99999"]).code == 2, "an unknown id is a usage error")

        let notifications = try daemon.cli(["notification", "list"])
        #expect(notifications.code == 0, "\(notifications.stderr)")
        #expect(notifications.stdout.contains("CHANNEL"))
        #expect(notifications.stdout.contains("firing"))
        let retried = try daemon.cli(["notification", "retry", "1"])
        #expect(retried.code == 1, "only a dead notification can be retried")
        #expect(retried.stderr.contains("conflict"))

        let rules = try daemon.cli(["rules"])
        #expect(rules.stdout.contains("facility_utilization"))
        #expect(rules.stdout.contains("85 % / 95 % / 80 %"))
    }

    @Test func aSilenceThatMatchesNothingIsRefusedWithTheClosestKnownValue() throws {
        let daemon = try Self.daemon()
        #expect(try daemon.cli(CapacityCLITests.add("refstad", capacity: 200)).code == 0)
        let typo = try daemon.cli(["silence", "add", "--subject", "facility/refstd", "--for", "PT2H", "--comment", "Tømmes"])
        #expect(typo.code != 0)
        #expect(typo.stderr.contains("unknown facility refstd (known: facility/refstad)"), "\(typo.stderr)")
        #expect(typo.stderr.contains("Did you mean facility/refstad?"), "\(typo.stderr)")
        let rule = try daemon.cli([
            "silence", "add", "--rule", "facility_utilisation", "--for", "PT2H", "--comment", "Tømmes", "--lang", "nb",
        ])
        #expect(rule.code != 0)
        #expect(rule.stderr.lowercased().contains("mente du facility_utilization?"), "\(rule.stderr)")
        #expect(try daemon.cli(["silence", "list"]).stdout.contains("No silences."))
    }
}
