import BeredskapJSON
import Foundation
import Testing

/// The situation report with the real binaries (issue 15): the Oslo seed with arrivals, the
/// report written as one HTML page with `--output`, and the public variant on standard output.
@Suite struct SitrepCLITests {
    @Test func theSitrepIsWrittenAsOneHTMLPageAndThePublicOneHasNoFacilityName() throws {
        let daemon = try DaemonProcess()
        #expect(try daemon.cli(["seed", SettlementCLITests.seed]).code == 0)
        #expect(try daemon.cli(["arrival", "record", "refstad", "30", "--category", "adult"]).code == 0)
        #expect(try daemon.cli(["log", "add", "Refstad ber om flere senger"]).code == 0)

        let written = try daemon.cli(["report", "sitrep", "--format", "html", "--output", "sitrep.html"])
        #expect(written.code == 0, "\(written.stderr)")
        #expect(written.stdout == "sitrep.html\n", "\(written.stdout)")
        let page = (try? String(contentsOfFile: daemon.directory + "/sitrep.html", encoding: .utf8)) ?? ""
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"nb\""), "\(page.prefix(200))")
        #expect(page.contains("<h1>Situasjonsrapport</h1>") && page.contains("@page { size: A4"))
        // Arrivals per day and occupancy against places for each kind the seed has.
        #expect(page.components(separatedBy: "<svg ").count - 1 >= 2, "charts")
        #expect(!page.contains("<script") && !page.contains("src=") && !page.contains("href="))
        #expect(page.contains("Refstad ber om flere senger"))

        let english = try daemon.cli(["report", "sitrep", "--lang", "en", "--public"])
        #expect(english.code == 0, "\(english.stderr)")
        #expect(english.stdout.hasPrefix("# Situation report — public version\n"), "\(english.stdout.prefix(200))")
        #expect(!english.stdout.contains("Refstad") && !english.stdout.contains("flere senger"))

        let json = try JSONParser.parse(Array(try daemon.cli(["report", "sitrep", "--json"]).stdout.utf8))
        #expect(json["capacity"]?["total"]?["occupied"]?.intValue ?? 0 >= 30)

        let future = try daemon.cli(["report", "sitrep", "--at", "2999-01-01"])
        #expect(future.code != 0 && future.stderr.contains("at"), "\(future.stderr)")
        let bad = try daemon.cli(["report", "sitrep", "--format", "pdf"])
        #expect(bad.code == 2, "\(bad.stderr)")
    }
}
