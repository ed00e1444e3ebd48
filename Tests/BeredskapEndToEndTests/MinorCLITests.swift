import BeredskapCore
import BeredskapJSON
import BeredskapTestSupport
import Foundation
import Testing

/// An unaccompanied minor placed, given a representative and announced as turning 18, with the
/// real binaries (issue 13). Dates are counted from today in Oslo: the daemon runs on the real clock.
@Suite struct MinorCLITests {
    @Test func aMinorIsPlacedAndTheTurning18DeadlineIsDueSoon() throws {
        let calendar = try #require(LocalCalendar(identifier: "Europe/Oslo"))
        let today = calendar.date(of: SystemWallClock().now())
        // 18 in 30 days (inside the 90 days of warning); arrived 60 days ago.
        let turns18 = today.adding(days: 30)
        let born = try #require(CalendarDate(year: turns18.year - 18, month: turns18.month, day: min(turns18.day, 28)))
        let due = PersonBirth.date(born).birthday(turning: 18)
        let daemon = try DaemonProcess()
        let added = try daemon.cli([
            "person", "add", "--duf", "202500004711", "--given", "Amanuel", "--family", "Tesfaye", "--born", born.description,
            "--sex", "male", "--category", "asylumSeeker", "--arrived", today.adding(days: -60).description, "--unaccompanied", "yes",
            "--district", "sagene",
        ])
        #expect(added.code == 0, "\(added.stderr)")
        #expect(try daemon.cli(["milestone", "record", "1", "settled"]).code == 0)

        let placed = try daemon.cli(["minor", "place", "1", "foster_home", "--from", today.adding(days: -5).description, "--cost", "650000", "-m", "Hos Berg"])
        #expect(placed.code == 0, "\(placed.stderr)")
        #expect(placed.stdout.hasPrefix("Person #1 placed: foster_home from "), "\(placed.stdout)")
        #expect(try daemon.cli(["minor", "place", "1", "castle", "--from", today.description]).code == 2)
        let noCost = try daemon.cli(["minor", "place", "1", "foster_home", "--from", today.description])
        #expect(noCost.code != 0 && noCost.stderr.contains("annual_cost"), "no configured cost for foster homes: \(noCost.stderr)")
        let representative = try daemon.cli(["minor", "representative", "1", "Kari Nordmann", "--appointed", today.adding(days: -59).description])
        #expect(representative.code == 0, "\(representative.stderr)")

        let shown = try daemon.cli(["minor", "show", "1", "--lang", "nb"])
        #expect(shown.stdout.contains("fosterhjem") && shown.stdout.contains("NAV") && shown.stdout.contains("Kari Nordmann"), "\(shown.stdout)")
        #expect(shown.stdout.contains("650 000"))
        let listed = try daemon.cli(["minor", "list", "--district", "sagene", "--csv"])
        #expect(listed.stdout.hasPrefix("person,district,age,turns_18,placement,service\n1,sagene,17,\(due),foster_home,nav"), "\(listed.stdout)")
        let costs = try daemon.cli(["minor", "costs", "--json"])
        #expect(costs.code == 0, "\(costs.stderr)")
        #expect(!costs.stdout.contains("Amanuel") && !costs.stdout.contains("\"person\""), "sums only")

        // The deadline engine announces the 18th birthday three months ahead.
        let expected = "1,minor_turns_18,due_soon,\(due),sagene"
        #expect(
            waitUntil { (try? daemon.cli(["deadlines", "--due-soon", "--rule", "minor_turns_18", "--csv"]))?.stdout.contains(expected) == true },
            "\((try? daemon.cli(["deadlines", "--csv"]))?.stdout ?? "")")
        let chosen = try daemon.cli(["minor", "aftercare", "1", "stay", "--date", today.description])
        #expect(chosen.code == 0, "\(chosen.stderr)")
        #expect(
            waitUntil { (try? daemon.cli(["deadlines", "--due-soon", "--rule", "minor_turns_18", "--csv"]))?.stdout == "person,rule,state,due_date,district\n" },
            "met by the choice")
        #expect(try daemon.cli(["minor", "aftercare", "1", "move-on", "--date", today.description]).code == 1, "chosen once")
    }
}
