import BeredskapCore
import BeredskapJSON
import BeredskapTestSupport
import Foundation
import Testing

@testable import BeredskapDaemon

/// `GET /v1/exercises/{id}/report` through the daemon: the report of a finished run as
/// Markdown, HTML and JSON in bokmål and English; the errors; who may read it.
@Suite(.serialized) struct ExerciseReportAPITests {
    /// A daemon with the shipped cards, and the known-answer scenario run to its end on it.
    static func finishedRun() throws -> (DaemonHarness, Int64) {
        let harness = try DaemonHarness { $0.playbooks.directory = ExerciseRunnerTests.playbooksDirectory }
        let calendar = try #require(AfterActionReportRunTests.calendar)
        let runs = harness.daemon.services.exercises
        let id = try runs.start(
            AfterActionReportRunTests.scenario, speed: .maximum, configuration: harness.daemon.services.settings.configuration,
            calendar: calendar)
        #expect(waitUntil(timeout: 30) { (try? runs.exercise(id))??.state == .finished })
        return (harness, id)
    }

    @Test func aFinishedRunsReportComesAsMarkdownHTMLOrJSON() throws {
        let (harness, id) = try Self.finishedRun()
        let client = try harness.connect()

        let markdown = try client.request("GET", "/v1/exercises/\(id)/report")
        #expect(markdown.status == 200)
        #expect(markdown.headers["Content-Type"] == "text/markdown; charset=utf-8")
        // Bokmål by default; the title from the scenario's file is not there (a test scenario has none).
        #expect(markdown.text.hasPrefix("# Evaluering av øvelsen: report-test\n"))
        #expect(markdown.text.contains("- **Tid til oppdagelse: første endring av ankomstnivået:** 2 t (2026-11-23 10:00:00 CET)"))
        #expect(markdown.text.contains("- **Steg for sent:** 3 av "))

        let english = try client.request("GET", "/v1/exercises/\(id)/report?format=md&lang=en")
        #expect(english.text.hasPrefix("# After-action report: report-test\n"))
        #expect(english.text.contains("| transit | 95 | 100 | 95% | 2026-11-25 09:00:00 CET |"))

        let html = try client.request("GET", "/v1/exercises/\(id)/report?format=html&lang=en")
        #expect(html.status == 200 && html.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(html.text.hasPrefix("<!DOCTYPE html>") && html.text.components(separatedBy: "<svg ").count == 5)

        let json = try client.request("GET", "/v1/exercises/\(id)/report?format=json")
        #expect(json.status == 200 && json.headers["Content-Type"]?.hasPrefix("application/json") == true)
        #expect(json.json["scenario"]?.stringValue == "report-test")
        #expect(json.json["steps_late"] == .integer(3))
        #expect(json.json["arrivals_per_day"]?.arrayValue?.first?["arrivals"] == .integer(40))
        #expect(json.json["time_to_surge_level"]?["after"]?.stringValue == "PT2H")
    }

    @Test func unknownRunsBadOptionsAndARunningOneAreRefused() throws {
        let (harness, id) = try Self.finishedRun()
        let client = try harness.connect()
        let unknown = try client.request("GET", "/v1/exercises/\(id + 50)/report")
        #expect(unknown.status == 404 && unknown.errorCode == "not_found")
        #expect(try client.request("GET", "/v1/exercises/x/report").json["error"]?["details"]?["field"]?.stringValue == "id")
        for (query, field) in [("format=pdf", "format"), ("lang=de", "lang"), ("colour=red", "colour")] {
            let bad = try client.request("GET", "/v1/exercises/\(id)/report?\(query)")
            #expect(bad.status == 400 && bad.errorCode == "invalid_field", "\(query)")
            #expect(bad.json["error"]?["details"]?["field"]?.stringValue == field, "\(query)")
        }

        // A run at real time lasts days: it is running when asked.
        let calendar = try #require(AfterActionReportRunTests.calendar)
        let runs = harness.daemon.services.exercises
        let running = try runs.start(
            AfterActionReportRunTests.scenario, speed: .factor(1), configuration: harness.daemon.services.settings.configuration,
            calendar: calendar)
        let conflict = try client.request("GET", "/v1/exercises/\(running)/report")
        #expect(conflict.status == 409 && conflict.errorCode == "conflict")
        #expect(conflict.json["error"]?["details"]?["state"]?.stringValue == "running")
        // Stopped, it keeps a report of what happened until the stop.
        #expect(runs.stop(running))
        #expect(waitUntil(timeout: 30) { (try? runs.exercise(running))??.state == .stopped })
        let stopped = try client.request("GET", "/v1/exercises/\(running)/report?format=json")
        #expect(stopped.status == 200 && stopped.json["stopped"] == .bool(true))
    }

    @Test func readingAReportNeedsTheReadPermission() throws {
        let (harness, id) = try Self.finishedRun()
        let viewer = try harness.connect(as: People.viewer)
        #expect(try viewer.request("GET", "/v1/exercises/\(id)/report").status == 200)
        let stranger = try harness.connect(as: People.stranger)
        let refused = try stranger.request("GET", "/v1/exercises/\(id)/report")
        #expect(refused.status == 403 && refused.errorCode == "forbidden")
    }
}
