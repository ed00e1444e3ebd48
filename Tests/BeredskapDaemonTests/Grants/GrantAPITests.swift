import BeredskapCore
import BeredskapJSON
import BeredskapTestSupport
import Testing

@testable import BeredskapDaemon

/// The grants through the real daemon (the harness's clock: 22 November 2026, the shipped
/// 2016 rates): the application recorded as the milestone that meets the disability-grant
/// deadline, the missing applications, and the forecast per district.
@Suite(.serialized) struct GrantAPITests {
    /// A person numbered `number` (distinct DUF number), an adult by default, with `changes`.
    static func person(_ number: Int, _ changes: [String: JSONValue] = [:]) -> JSONValue {
        var fields: [String: JSONValue] = [
            "duf": .string("2026 0000\(5000 + number)"), "given_name": "Hawa", "family_name": .string("Yusuf \(number)"),
            "birth": ["year": 1980, "estimated": true], "unaccompanied": false, "household": .null, "vulnerabilities": [],
            "district": "alna",
        ]
        for (key, value) in changes { fields[key] = value }
        return PersonAPITests.body(fields)
    }

    /// Registers and settles a person on `settled`; their id.
    static func settled(_ caseworker: Session, _ number: Int, on settled: String, _ changes: [String: JSONValue] = [:]) throws -> Int64 {
        let id = try PersonAPITests.register(caseworker, person(number, changes))
        let recorded = try caseworker.post("/v1/persons/\(id)/milestones", ["milestone": "settled", "date": .string(settled)])
        #expect(recorded.status == 201, "\(recorded.text)")
        return id
    }

    @Test func anApplicationIsTheMilestoneThatMeetsTheDeadlineAndLeavesTheMissingList() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        let id = try Self.settled(caseworker, 1, on: "2025-09-01", ["vulnerabilities": ["disability"]])
        let soon = try Self.settled(caseworker, 2, on: "2025-10-05", ["vulnerabilities": ["disability"], "district": "grorud"])
        let later = try Self.settled(caseworker, 3, on: "2026-06-01", ["vulnerabilities": ["disability"]])
        harness.daemon.world.deadlines.settle()

        let missing = try caseworker.get("/v1/grants/missing-applications")
        #expect(missing["within"] == 60)
        #expect(missing["persons"] == [
            ["person": .integer(id), "district": "alna", "due_date": "2026-11-01", "state": "overdue"],
            ["person": .integer(soon), "district": "grorud", "due_date": "2026-12-05", "state": "due_soon"],
        ])
        let wide = try caseworker.get("/v1/grants/missing-applications?within=400")["persons"]?.arrayValue ?? []
        #expect(wide.map { $0["person"]?.intValue } == [id, soon, later], "overdue first, then by due date")

        let applied = try caseworker.post(
            "/v1/persons/\(id)/grant-applications", ["grant": "disability_t2", "applied": "2026-11-20", "amount": 500_000])
        #expect(applied.status == 201, "\(applied.text)")
        #expect(applied.json["grant"] == "disability_t2")
        #expect(applied.json["amount"] == 500_000)
        #expect(applied.json["event_seq"]?.intValue != nil)
        let shown = try caseworker.get("/v1/persons/\(id)")
        #expect(MilestoneAPITests.deadline(shown, "disability_grant")?["state"] == "met")
        #expect(MilestoneAPITests.deadline(shown, "disability_grant")?["late"] == true)
        harness.daemon.world.deadlines.settle()
        let after = try caseworker.get("/v1/grants/missing-applications")["persons"]?.arrayValue ?? []
        #expect(after.map { $0["person"]?.intValue } == [soon])

        let again = try caseworker.post("/v1/persons/\(id)/grant-applications", ["grant": "disability_t1", "applied": "2026-11-21"])
        expectError(again, 409, "conflict")
        #expect(again.details?["milestone"] == "disability_grant_applied")

        let export = try caseworker.get("/v1/persons/\(id)/export")
        #expect(export["grant_application"] == [
            "person": .integer(id), "grant": "disability_t2", "applied": "2026-11-20", "amount": 500_000,
        ])
        let events = try caseworker.events("person.grant_applied")
        #expect(events.map { $0["data"] } == [["person": .integer(id), "grant": "disability_t2", "amount": 500_000]])
        #expect(!events.map { $0.serializedString() }.joined().contains("Yusuf"))
    }

    @Test func everyBadFieldIsNamedAndAnApplicationNeedsTheFlagAndTheSettlement() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        let id = try Self.settled(caseworker, 1, on: "2025-09-01", ["vulnerabilities": ["disability"]])
        let path = "/v1/persons/\(id)/grant-applications"
        expectError(try caseworker.post(path, ["grant": "disability_t3", "applied": "2026-11-20"]), 400, "invalid_field", field: "grant")
        expectError(try caseworker.post(path, ["grant": "disability_t1"]), 400, "invalid_field", field: "applied")
        expectError(try caseworker.post(path, ["grant": "disability_t1", "applied": "2026-11-23"]), 400, "invalid_field", field: "applied")
        expectError(try caseworker.post(path, ["grant": "disability_t1", "applied": "2025-08-31"]), 400, "invalid_field", field: "applied")
        expectError(
            try caseworker.post(path, ["grant": "disability_t1", "applied": "2026-11-20", "amount": 181_000]), 400, "invalid_field",
            field: "amount")
        expectError(
            try caseworker.post(path, ["grant": "disability_t2", "applied": "2026-11-20", "amount": 1_111_001]), 400, "invalid_field",
            field: "amount")
        expectError(
            try caseworker.post(path, ["grant": "disability_t2", "applied": "2026-11-20", "amount": 0]), 400, "invalid_field",
            field: "amount")
        expectError(try caseworker.post("/v1/persons/99/grant-applications", ["grant": "disability_t1", "applied": "2026-11-20"]), 404, "not_found")

        let without = try Self.settled(caseworker, 2, on: "2025-09-01")
        let noFlag = try caseworker.post("/v1/persons/\(without)/grant-applications", ["grant": "disability_t1", "applied": "2026-11-20"])
        expectError(noFlag, 409, "conflict")
        #expect(noFlag.details?["state"] == "no_disability")
        let unsettled = try PersonAPITests.register(caseworker, Self.person(3, ["vulnerabilities": ["disability"]]))
        let notSettled = try caseworker.post(
            "/v1/persons/\(unsettled)/grant-applications", ["grant": "disability_t1", "applied": "2026-11-20"])
        expectError(notSettled, 409, "conflict")
        #expect(notSettled.details?["state"] == "not_settled")

        expectError(try caseworker.send("GET", "/v1/grants/missing-applications?within=-1"), 400, "invalid_field", field: "within")
        expectError(try caseworker.send("GET", "/v1/grants/forecast"), 400, "invalid_field", field: "year")
        expectError(try caseworker.send("GET", "/v1/grants/forecast?year=1999"), 400, "invalid_field", field: "year")
        expectError(try caseworker.send("GET", "/v1/grants/forecast?year=2015"), 400, "invalid_field", field: "year")
        expectError(try caseworker.send("GET", "/v1/grants/forecast?year=2026&district=oslo"), 400, "invalid_field", field: "district")
        #expect(try caseworker.events("person.grant_applied").isEmpty, "nothing was recorded")
    }

    /// The forecast is counts and NOK (`read`); the list and the application are about persons (`cases`).
    @Test func theForecastNeedsReadAndTheRestCases() throws {
        let harness = try DaemonHarness()
        for identity in [People.viewer, People.operatorByGroup] {
            let session = try Session(harness, as: identity)
            #expect(try session.send("GET", "/v1/grants/forecast?year=2026").status == 200)
            expectError(try session.send("GET", "/v1/grants/missing-applications"), 403, "forbidden")
            expectError(
                try session.post("/v1/persons/1/grant-applications", ["grant": "disability_t1", "applied": "2026-11-20"]), 403,
                "forbidden")
        }
        let stranger = try Session(harness, as: People.identity(uid: 2999, "fremmed"))
        expectError(try stranger.send("GET", "/v1/grants/forecast?year=2026"), 403, "forbidden")
        let caseworker = try Session(harness, as: People.caseworker)
        #expect(try caseworker.send("GET", "/v1/grants/missing-applications").status == 200)
        let reads = try Session(harness).events("access.read").map { $0["data"]?["route"]?.stringValue }
        #expect(reads.contains("/v1/grants/missing-applications"), "\(reads)")
    }

    @Test func theForecastCountsCohortsTheMinorsGrantAndTheUnclaimedPerDistrict() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        _ = try Self.settled(caseworker, 1, on: "2026-03-01", ["household": "h-1", "vulnerabilities": ["disability"]])
        _ = try Self.settled(caseworker, 2, on: "2026-03-01", ["household": "h-1", "birth": ["date": "2015-01-01"]])
        _ = try Self.settled(
            caseworker, 3, on: "2026-07-01", ["birth": ["date": "2010-06-01"], "unaccompanied": true, "district": "grorud"])
        _ = try Self.settled(caseworker, 4, on: "2022-05-01")
        _ = try Self.settled(caseworker, 5, on: "2021-12-31")
        let viewer = try Session(harness, as: People.viewer)
        let forecast = try viewer.get("/v1/grants/forecast?year=2026")
        #expect(forecast["year"] == 2026)
        #expect(forecast["rates_year"] == 2016, "no rates after 2016: the latest earlier year's")
        let alna = try #require(forecast["districts"]?.arrayValue?.first)
        #expect(alna["district"] == "alna")
        #expect(alna["grants"]?.arrayValue?.first == ["grant": "integration", "persons": 3, "nok": .integer(180_000 + 180_000 + 55_000)])
        #expect(alna["settlement_year_split"] == ["district": 270_000, "education_agency": 40_000])
        #expect(alna["unclaimed"] == ["persons": 1, "nok": 181_000])
        let grorud = try #require(forecast["districts"]?.arrayValue?.last)
        #expect(grorud["grants"]?.arrayValue?.map { $0["nok"] } == [180_000, 104_351, 0, 0], "184 of 365 days of 207,000")
        #expect(forecast["totals"]?["total_nok"] == .integer(415_000 + 180_000 + 104_351))
        #expect(forecast["totals"]?["district"] == .null)
        let one = try viewer.get("/v1/grants/forecast?year=2026&district=grorud")
        #expect(one["districts"]?.arrayValue?.map { $0["district"] } == ["grorud"])
        #expect(one["totals"]?["total_nok"] == .integer(180_000 + 104_351))
        for personal in ["Hawa", "Yusuf", "person/", "\"person\""] { #expect(!forecast.serializedString().contains(personal)) }
    }

    @Test func applicationsAndRatesOutliveARestart() throws {
        let daemon = try RestartableDaemon { configuration in
            var later = GrantRates.rates2016
            later.disabilityT2Max = 1_200_000
            configuration.grants.rates.years[2026] = later
        }
        let caseworker = try daemon.session(as: People.caseworker)
        let id = try Self.settled(caseworker, 1, on: "2025-09-01", ["vulnerabilities": ["disability"]])
        #expect(try caseworker.post("/v1/persons/\(id)/grant-applications", ["grant": "disability_t2", "applied": "2026-11-20"]).status == 201)
        try daemon.restart()
        let again = try daemon.session(as: People.caseworker)
        let forecast = try again.get("/v1/grants/forecast?year=2026")
        #expect(forecast["rates_year"] == 2026)
        #expect(forecast["totals"]?["grants"]?.arrayValue?.last == ["grant": "disability_t2", "persons": 1, "nok": 1_200_000], "the cap")
        #expect(forecast["totals"]?["unclaimed"] == ["persons": 0, "nok": 0])
        #expect(try again.get("/v1/grants/missing-applications")["persons"] == [])
    }
}

/// `grant_application_due` through the real daemon: one alert per district while someone
/// there has the disability-grant deadline due soon or overdue with no application, routed to
/// the district's contact point, with counts only; resolved by the application.
@Suite(.serialized) struct GrantApplicationDueAlertTests {
    @Test func itFiresForTheDistrictAndResolvesWithTheApplication() throws {
        let harness = try DaemonHarness()
        let caseworker = try Session(harness, as: People.caseworker)
        let ops = try Session(harness, as: People.operatorByGroup)
        let id = try GrantAPITests.settled(caseworker, 1, on: "2025-10-05", ["vulnerabilities": ["disability"]])
        _ = try GrantAPITests.settled(caseworker, 2, on: "2026-06-01", ["vulnerabilities": ["disability"], "district": "grorud"])
        #expect(waitUntil { AlertEngineTests.firstAlert(ops, rule: "grant_application_due")?["state"]?.stringValue == "firing" })
        let alert = try #require(AlertEngineTests.firstAlert(ops, rule: "grant_application_due"))
        #expect(alert["subject"] == "grants/disability/alna")
        #expect(alert["district"] == "alna")
        #expect(alert["value"]?.doubleValue == 1, "due soon (5 December), no application")
        let open = try ops.get("/v1/alerts?state=open&rule=grant_application_due")["alerts"]?.arrayValue ?? []
        #expect(open.count == 1, "Grorud's is not due for months")
        let alertID = try #require(alert["id"]?.intValue)
        #expect(waitUntil { (try? AlertEngineTests.queued(ops, alert: alertID).contains { $0.group == "bydel:alna" }) == true })
        let file = harness.directory + "/notifications.ndjson"
        #expect(waitUntil { ((try? String(contentsOfFile: file, encoding: .utf8)) ?? "").contains("\"id\":\(alertID)") })
        let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        #expect(text.contains("Alna: tilskudd ved nedsatt funksjonsevne: 1 personer uten søknad, fristen nær eller passert."), "\(text)")
        for personal in ["Hawa", "Yusuf", "5001", "person/"] { #expect(!text.contains(personal), "\(personal)") }

        #expect(try caseworker.post("/v1/persons/\(id)/grant-applications", ["grant": "disability_t1", "applied": "2026-11-22"]).status == 201)
        #expect(waitUntil { AlertEngineTests.firstAlert(ops, rule: "grant_application_due") == nil })
        let resolved = try ops.get("/v1/alerts?state=resolved&rule=grant_application_due")["alerts"]?.arrayValue ?? []
        #expect(resolved.map { $0["id"]?.intValue } == [alertID])
        #expect(try ops.events("grant.applications_due_changed").map { $0["data"] } == [
            ["district": "alna", "persons": 1], ["district": "alna", "persons": 0],
        ])
    }

    @Test func aSilenceNamesEveryDistrictOrOne() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        func silence(_ subject: String) throws -> RawClient.Response {
            try ops.post("/v1/silences", [
                "matchers": ["rule": "grant_application_due", "subject": .string(subject)], "duration": "PT2H",
                "comment": "Søknadene sendes i dag",
            ])
        }
        for subject in ["grants/disability/*", "grants/disability/alna"] {
            let created = try silence(subject)
            #expect(created.status == 201, "\(subject): \(created.text)")
        }
        let unknown = try silence("grants/disability/oslo")
        #expect(unknown.status == 400, "\(unknown.text)")
        #expect(unknown.field?.hasSuffix("subject") == true, "\(unknown.text)")
    }
}

@Suite struct GrantConfigurationTests {
    func problem(_ text: String) -> String { ConfigurationTests().problem(text) }

    @Test func theShippedFileHasTheSeedsRatesFor2016() throws {
        let embedded = try ConfigurationLoader.loadEmbedded()
        #expect(embedded.grants.rates == GrantRateTable([2016: .rates2016]))
        #expect(embedded.alerts.grantApplicationDue == DaemonConfiguration.Alerts().grantApplicationDue)
    }

    @Test func aYearGivenIsAddedAndEveryProblemNamesItsField() throws {
        let year = #"""
            integration: { adult: [200000, 2, 3, 4, 5], single_adult: [200000, 2, 3, 4, 5], child: [200000, 2, 3, 4, 5],
              unaccompanied_minor: [200000, 2, 3, 4, 5] },
            minor: 210000, disability_t1: 185000, disability_t2_max: 1150000,
            settlement_year_split: { district: 0, education_agency: 0 }
            """#
        #expect(problem("{ grants: { rates: { \"2017\": { \(year) } } } }")
            == "test.json5: grants.rates.2017.settlement_year_split.district: expected a positive whole amount of NOK, at most 100000000")
        // So large that a sum or a forecast would overflow: refused, not trapped.
        let huge = year.replacingOccurrences(of: "district: 0, education_agency: 0", with: "district: 9223372036854775807, education_agency: 1")
        #expect(problem("{ grants: { rates: { \"2017\": { \(huge) } } } }")
            == "test.json5: grants.rates.2017.settlement_year_split.district: expected a positive whole amount of NOK, at most 100000000")
        let good = year.replacingOccurrences(of: "district: 0, education_agency: 0", with: "district: 1, education_agency: 0")
            .replacingOccurrences(of: "education_agency: 0", with: "education_agency: 1")
        let configuration = try ConfigurationTests().parse("{ grants: { rates: { \"2017\": { \(good) } } } }")
        #expect(configuration.grants.rates.years.keys.sorted() == [2016, 2017], "2016 stays as shipped")
        #expect(configuration.grants.rates.years[2017]?.minor == 210_000)
        #expect(problem("{ grants: { rates: { \"2017\": { minor: 1 } } } }") == "test.json5: grants.rates.2017.integration: is required")
        #expect(problem("{ grants: { rates: { \"next\": {} } } }").hasPrefix("test.json5: grants.rates.next: expected a year"))
        #expect(problem("{ grants: { rates: { \"2017\": { \(good), bonus: 1 } } } }")
            .hasPrefix("test.json5: grants.rates.2017.bonus: unknown field"))
        let short = good.replacingOccurrences(of: "child: [200000, 2, 3, 4, 5]", with: "child: [200000, 2, 3, 4]")
        #expect(problem("{ grants: { rates: { \"2017\": { \(short) } } } }")
            == "test.json5: grants.rates.2017.integration.child: expected five amounts, cohort years 1 to 5")
        let fraction = good.replacingOccurrences(of: "minor: 210000", with: "minor: 2.5")
        #expect(problem("{ grants: { rates: { \"2017\": { \(fraction) } } } }")
            == "test.json5: grants.rates.2017.minor: expected a whole amount of NOK")
    }
}
