import BeredskapJSON
import BeredskapTestSupport
import Foundation
import Testing

/// An introduction programme with the real binaries (issue 13): started, interrupted, extended,
/// ended and followed up through the CLI, the intro_start deadline met, and the results — the
/// reference for 2014 and this programme's own year, suppressed with one participant.
@Suite struct IntroCLITests {
    @Test func aProgrammeIsFollowedThroughAndTheResultsAreShown() throws {
        let daemon = try DaemonProcess()
        let added = try daemon.cli([
            "person", "add", "--duf", "202500005001", "--given", "Hawa", "--family", "Yusuf", "--born", "1988-02-29", "--sex", "female",
            "--category", "resettlement", "--arrived", "2025-01-06", "--district", "grorud",
        ])
        #expect(added.code == 0, "\(added.stderr)")
        #expect(try daemon.cli(["milestone", "record", "1", "residence_granted", "--date", "2025-02-01"]).code == 0)
        #expect(try daemon.cli(["milestone", "record", "1", "settled", "--date", "2025-03-01"]).code == 0)
        #expect(try daemon.cli(["intro", "start", "1"]).code == 2, "--goal is required")

        let started = try daemon.cli(["intro", "start", "1", "--goal", "work", "--months", "12", "--date", "2025-04-01", "-m", "Kokk"])
        #expect(started.code == 0, "\(started.stderr)")
        #expect(started.stdout.hasPrefix("Person #1's programme is active, planned to end 2026-04-01. (event "), "\(started.stdout)")
        let deadlines = try daemon.cli(["person", "show", "1", "--json"])
        #expect(deadlines.stdout.contains("\"intro_started\""), "the milestone is recorded")
        #expect(try daemon.cli(["intro", "interrupt", "1", "--date", "2025-06-01"]).code == 0)
        let resumed = try daemon.cli(["intro", "resume", "1", "--date", "2025-06-11"])
        #expect(resumed.stdout.contains("planned to end 2026-04-11"), "\(resumed.stdout) \(resumed.stderr)")
        let again = try daemon.cli(["intro", "resume", "1"])
        #expect(again.code == 1 && again.stderr.contains("active"), "\(again.stderr)")
        #expect(try daemon.cli(["intro", "extend", "1", "--months", "6"]).stdout.contains("2026-10-11"))
        let ended = try daemon.cli(["intro", "end", "1", "work", "--date", "2026-09-30", "--lang", "nb"])
        #expect(ended.stdout.hasPrefix("Person #1 avsluttet programmet 2026-09-30: arbeid."), "\(ended.stdout) \(ended.stderr)")
        #expect(try daemon.cli(["intro", "follow-up", "1", "work", "--date", "2026-11-30"]).code == 0)
        let shown = try daemon.cli(["intro", "show", "1"])
        #expect(shown.stdout.contains("Kokk") && shown.stdout.contains("2025-06-11"), "\(shown.stdout)")

        let reference = try daemon.cli(["intro", "results", "--year", "2014"])
        #expect(reference.code == 0, "\(reference.stderr)")
        #expect(reference.stdout.contains("reference") && reference.stdout.contains("national average"), "\(reference.stdout)")
        #expect(reference.stdout.contains("Suppressed (too few participants to publish): Ullern, Søndre Nordstrand"), "\(reference.stdout)")
        let own = try daemon.cli(["intro", "results", "--year", "2026", "--csv"])
        #expect(own.stdout.contains("\n2026,recorded,grorud,1,,true,,1,,true,\n"), "one participant: suppressed, \(own.stdout)")
        let json = try daemon.cli(["intro", "results", "--year", "2026", "--json"])
        #expect(!json.stdout.contains("Hawa") && !json.stdout.contains("\"person\""), "aggregates only")
    }
}
