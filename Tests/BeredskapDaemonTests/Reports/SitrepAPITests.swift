import BeredskapCore
import BeredskapJSON
import Foundation
import Testing

@testable import BeredskapDaemon

/// `GET /v1/reports/sitrep` through the daemon (the harness's clock: 22 November 2026, 10:00
/// in Oslo): the formats and languages, the errors, who may read it, an earlier instant, and
/// the public variant scanned for every personal and internal string the test data has.
@Suite(.serialized) struct SitrepAPITests {
    /// Strings that must never be in the public report: names, DUF numbers, birth dates and
    /// notes of persons, the incident log's text, a settlement case's reference and note,
    /// facility names and ids, a record's note, contact points and notification channels.
    static let secrets = [
        "Zerihun", "Qwabenaxyz", "201987654321", "1987-06-05", "Ringte Zerihun", "Hemmelig logg om Zerihun",
        "IMDi 2026/4711", "Familien Haddad", "Refstad transittmottak", "refstad", "Torshov mottak", "torshov",
        "Buss fra Storskog med Zerihun", "bosetting@bsa.oslo.kommune.no", "+47 21 80 21 80", "Bosettingskontoret",
        "hooks.example.invalid", "vakt.hemmelig@oslo.kommune.no", "nav-alna", "group:",
    ]

    /// A daemon with persons, a log entry, a settlement case, quotas, two facilities with
    /// arrivals, a district contact and channels with contact details.
    static func populated() throws -> (DaemonHarness, Session) {
        let harness = try DaemonHarness { configuration in
            if let url = URL(string: "https://hooks.example.invalid/beredskap") {
                configuration.notifications.channels["hook"] = ChannelConfiguration(.webhook(.init(url: url, timeout: .seconds(2))))
            }
            configuration.notifications.channels["vakt"] = ChannelConfiguration(.sendmail(.init(
                from: "beredskap@oslo.kommune.no", to: ["vakt.hemmelig@oslo.kommune.no"])))
        }
        let ops = try Session(harness)
        #expect(try ops.putFacility("refstad").status == 201)
        #expect(try ops.putFacility("torshov", ["name": "Torshov mottak", "kind": "ordinary", "district": "sagene", "capacity": 100]).status == 201)
        #expect(try ops.arrive("refstad", 40, ["note": "Buss fra Storskog med Zerihun"]).status == 201)
        #expect(try ops.arrive("torshov", 3).status == 201)
        #expect(try ops.post("/v1/log", ["text": "Hemmelig logg om Zerihun", "subject": "facility/refstad"]).status == 201)
        #expect(try Session(harness, as: People.admin).put("/v1/districts/sagene", DistrictReferenceAPITests.sagene).status == 200)
        #expect(try ops.put("/v1/settlement/years/2026/quotas", ["quotas": SettlementProgressAPITests.quotas()]).status == 200)
        #expect(try ops.post("/v1/settlement/records", SettlementProgressAPITests.record(["district": "sagene", "count": 2])).status == 201)
        let caseworker = try Session(harness, as: People.caseworker)
        let id = try PersonAPITests.register(caseworker, PersonAPITests.body([
            "duf": "201987654321", "given_name": "Zerihun", "family_name": "Qwabenaxyz-Ødegård", "birth": ["date": "1987-06-05"],
        ]))
        #expect(try caseworker.post("/v1/persons/\(id)/milestones", ["milestone": "tb_screening", "date": "2026-11-20",
                                                                     "note": "Ringte Zerihun sin tante"]).status == 201)
        _ = try SettlementCaseAPITests.open(caseworker)
        return (harness, ops)
    }

    @Test func theReportComesAsMarkdownHTMLOrJSONInBokmaalOrEnglish() throws {
        let (harness, _) = try Self.populated()
        let client = try harness.connect()
        let markdown = try client.request("GET", "/v1/reports/sitrep")
        #expect(markdown.status == 200, "\(markdown.text)")
        #expect(markdown.headers["Content-Type"] == "text/markdown; charset=utf-8")
        #expect(markdown.text.hasPrefix("# Situasjonsrapport\n"))
        #expect(markdown.text.contains("- **Per:** 2026-11-22 10:00:00 CET"))
        #expect(markdown.text.contains("| transittmottak | 1 | 200 | 40 | 160 | 20 % | 0 |"))
        #expect(markdown.text.contains("Hemmelig logg om Zerihun"), "the internal report has the log")
        #expect(markdown.text.contains("| 2026-11-22 | 43 |"))

        let english = try client.request("GET", "/v1/reports/sitrep?format=md&lang=en")
        #expect(english.text.hasPrefix("# Situation report\n"))
        #expect(english.text.contains("| Sagene | 10 | 2 | 20% |"))

        let html = try client.request("GET", "/v1/reports/sitrep?format=html")
        #expect(html.status == 200 && html.headers["Content-Type"] == "text/html; charset=utf-8")
        // Settlement per district, arrivals per day, occupancy against places for transit and ordinary.
        #expect(html.text.hasPrefix("<!DOCTYPE html>") && html.text.components(separatedBy: "<svg ").count == 5)
        #expect(!html.text.contains("<script"))

        let json = try client.request("GET", "/v1/reports/sitrep?format=json")
        #expect(json.status == 200 && json.headers["Content-Type"]?.hasPrefix("application/json") == true)
        #expect(json.json["audience"] == "internal")
        #expect(json.json["capacity"]?["total"]?["occupied"] == .integer(43))
        // 43 arrivals in a day against no baseline: the level rose at once.
        #expect(json.json["surge"]?["level"] == "elevated" && json.json["surge"]?["changes"]?.arrayValue?.count == 1)
        #expect(json.json["arrivals"]?["days"]?.arrayValue?.count == 28)
        #expect(json.json["settlement"]?["year"] == .integer(2026))
    }

    @Test func anEmptyStateGivesAShortReport() throws {
        let harness = try DaemonHarness()
        let json = try harness.connect().request("GET", "/v1/reports/sitrep?format=json")
        #expect(json.status == 200, "\(json.text)")
        #expect(json.json["capacity"] == nil && json.json["settlement"] == nil && json.json["incident_log"] == nil)
        #expect(json.json["surge"]?["level"] == "normal")
        let markdown = try harness.connect().request("GET", "/v1/reports/sitrep?lang=en")
        #expect(markdown.text.contains("No alert is firing."))
    }

    @Test func anEarlierInstantCutsTheSeriesAndSaysWhatIsAsOfNow() throws {
        let (harness, ops) = try Self.populated()
        harness.advance(hours: 2)
        #expect(try ops.arrive("refstad", 7).status == 201)
        let client = try harness.connect()
        let earlier = try client.request("GET", "/v1/reports/sitrep?format=json&at=2026-11-22T10:00:00Z")
        #expect(earlier.status == 200, "\(earlier.text)")
        #expect(earlier.json["arrivals"]?["total"] == .integer(43), "the arrival after at is not counted")
        #expect(earlier.json["capacity"]?["as_of"] == "2026-11-22T11:00:00.000Z")
        #expect(earlier.json["arrivals"]?["as_of"] == "2026-11-22T10:00:00.000Z")
        let markdown = try client.request("GET", "/v1/reports/sitrep?lang=en&at=2026-11-22T10:00:00Z")
        #expect(markdown.text.contains("As of now (2026-11-22 12:00:00 CET), not as of 2026-11-22 11:00:00 CET"))
        #expect(try client.request("GET", "/v1/reports/sitrep?format=json").json["arrivals"]?["total"] == .integer(50))
    }

    @Test func badOptionsAreRefusedNamingTheField() throws {
        let harness = try DaemonHarness()
        let client = try harness.connect()
        for (query, field) in [
            ("format=pdf", "format"), ("lang=de", "lang"), ("public=maybe", "public"), ("at=yesterday", "at"),
            ("at=2026-11-23T09:00:00Z", "at"), ("colour=red", "colour"),
        ] {
            let bad = try client.request("GET", "/v1/reports/sitrep?\(query)")
            #expect(bad.status == 400 && bad.errorCode == "invalid_field", "\(query)")
            #expect(bad.json["error"]?["details"]?["field"]?.stringValue == field, "\(query)")
        }
    }

    @Test func readingTheReportNeedsTheReadPermission() throws {
        let harness = try DaemonHarness()
        #expect(try harness.connect(as: People.viewer).request("GET", "/v1/reports/sitrep?public=true").status == 200)
        let refused = try harness.connect(as: People.stranger).request("GET", "/v1/reports/sitrep")
        #expect(refused.status == 403 && refused.errorCode == "forbidden")
    }

    @Test func thePublicReportHasNoPersonalOrInternalStringInAnyFormatOrLanguage() throws {
        let (harness, _) = try Self.populated()
        let client = try harness.connect()
        // The internal report does show some of them: the scan would find them.
        let full = try client.request("GET", "/v1/reports/sitrep?format=json").text
        #expect(full.contains("facility/refstad") && full.contains("Hemmelig logg om Zerihun"))
        for format in ["md", "html", "json"] {
            for language in ["nb", "en"] {
                let answer = try client.request("GET", "/v1/reports/sitrep?public=true&format=\(format)&lang=\(language)")
                #expect(answer.status == 200, "\(answer.text)")
                let found = Self.secrets.filter { answer.text.localizedCaseInsensitiveContains($0) }
                #expect(found.isEmpty, "public \(format) \(language) shows \(found)")
            }
        }
        let json = try client.request("GET", "/v1/reports/sitrep?public=true&format=json")
        let sagene = json.json["capacity"]?["by_district"]?.arrayValue?.first { $0["key"] == "sagene" }
        #expect(sagene?["occupied"] == .null && sagene?["suppressed"] == .bool(true))
        #expect(json.json["incident_log"] == nil && json.json["playbooks"] == nil && json.json["deadlines"] == nil)
        let markdown = try client.request("GET", "/v1/reports/sitrep?public=true").text
        #expect(markdown.contains("færre enn 5"))
    }
}

/// `reports.public_minimum_count`: its default, its range, and the public report following it.
@Suite(.serialized) struct ReportsConfigurationTests {
    @Test func theMinimumIsFiveUnlessConfiguredAndAHigherOneHidesMore() throws {
        #expect(try ConfigurationLoader.loadEmbedded().reports == DaemonConfiguration.Reports())
        #expect(DaemonConfiguration.Reports().publicMinimumCount == 5)
        let harness = try DaemonHarness { $0.reports.publicMinimumCount = 100 }
        let ops = try Session(harness)
        #expect(try ops.putFacility("refstad").status == 201)
        #expect(try ops.arrive("refstad", 40).status == 201)
        let json = try harness.connect().request("GET", "/v1/reports/sitrep?public=true&format=json")
        #expect(json.json["minimum_count"] == .integer(100))
        #expect(json.json["capacity"]?["total"]?["suppressed"] == .bool(true))
        #expect(try harness.connect().request("GET", "/v1/reports/sitrep?format=json").json["capacity"]?["total"]?["occupied"] == .integer(40))
    }
}
