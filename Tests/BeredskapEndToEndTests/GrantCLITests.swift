import BeredskapJSON
import BeredskapTestSupport
import Foundation
import Testing

/// The grants with the real binaries (issue 13, item 4): a settled person with a disability
/// shows up as a missing application, the application is recorded and meets the deadline, and
/// the forecast counts it in NOK grouped as the reader's language writes it.
@Suite struct GrantCLITests {
    @Test func aMissingApplicationIsRecordedAndTheForecastCountsIt() throws {
        let daemon = try DaemonProcess()
        for (duf, extra) in [
            ("202400005001", ["--born-year", "1979", "--vulnerable", "disability", "--district", "grorud"]),
            ("202400005002", ["--born", "2010-06-01", "--unaccompanied", "yes", "--district", "alna"]),
        ] {
            let added = try daemon.cli(
                ["person", "add", "--duf", duf, "--given", "Samira", "--family", "Haddad", "--sex", "female", "--category", "resettlement"] + extra)
            #expect(added.code == 0, "\(added.stderr)")
        }
        #expect(try daemon.cli(["milestone", "record", "1", "settled", "--date", "2024-09-01"]).code == 0)
        #expect(try daemon.cli(["milestone", "record", "2", "settled", "--date", "2024-07-01"]).code == 0)

        #expect(waitUntil { (try? daemon.cli(["grants", "missing", "--csv"]))?.stdout
            == "person,district,due_date,state\n1,grorud,2025-11-01,overdue\n" })
        let missing = try daemon.cli(["grants", "missing", "--lang", "nb"])
        #expect(missing.stdout.contains("#1") && missing.stdout.contains("over fristen"), "\(missing.stdout)")
        #expect(!missing.stdout.contains("Haddad"))

        let applied = try daemon.cli(["grants", "apply", "1", "t2", "--date", "2025-12-01", "--amount", "450000"])
        #expect(applied.code == 0, "\(applied.stderr)")
        #expect(applied.stdout.hasPrefix("Person #1: disability_t2 applied for on 2025-12-01 (450,000 NOK) (event "), "\(applied.stdout)")
        #expect(try daemon.cli(["grants", "apply", "1", "t1", "--date", "2025-12-02"]).code == 1, "one application per person")
        #expect(try daemon.cli(["grants", "apply", "2", "t3", "--date", "2025-12-01"]).code == 2)
        let refused = try daemon.cli(["grants", "apply", "2", "t1", "--date", "2025-12-01"])
        #expect(refused.code == 1, "no disability flag: \(refused.stderr)")
        #expect(waitUntil { (try? daemon.cli(["grants", "missing", "--csv"]))?.stdout == "person,district,due_date,state\n" })

        let forecast = try daemon.cli(["grants", "forecast", "2025", "--lang", "nb"])
        #expect(forecast.code == 0, "\(forecast.stderr)")
        #expect(forecast.stdout.contains("satsene for 2016 er brukt"), "\(forecast.stdout)")
        #expect(forecast.stdout.contains("450 000 (1)") && forecast.stdout.contains("233 000 (1)"), "\(forecast.stdout)")
        #expect(forecast.stdout.contains("207 000 (1)"), "the minors' grant for a whole year: \(forecast.stdout)")
        let csv = try daemon.cli(["grants", "forecast", "2024", "--district", "alna", "--csv"])
        #expect(csv.stdout.contains("2024,2016,alna,minor,1,104066\n"), "184 of 366 days of 207,000 (2024 is a leap year): \(csv.stdout)")
        #expect(try daemon.cli(["grants", "forecast", "2026", "--district", "oslo"]).code == 2)
        #expect(try daemon.cli(["grants", "forecast", "1999"]).code == 2)
    }
}
