import BeredskapCore
import BeredskapJSON
import BeredskapTestSupport
import Foundation
import Testing

@testable import BeredskapDaemon

/// `GET /v1/events` shows each caller only the kinds of event their permissions allow (issue
/// 10, item 1): the access trail is for administrators. Paging and following skip what is
/// hidden without stopping short or reading anything twice.
@Suite(.serialized) struct EventVisibilityTests {
    /// daemon.started, a denial, a log entry, two more denials: seq 1 to 5.
    static func harness() throws -> DaemonHarness {
        let harness = try DaemonHarness()
        let stranger = try Session(harness, as: People.stranger)
        #expect(try stranger.send("GET", "/v1/status").status == 403)
        #expect(try Session(harness).post("/v1/log", ["text": "ny"]).status == 201)
        #expect(try stranger.send("GET", "/v1/status").status == 403)
        #expect(try stranger.send("GET", "/v1/capacity").status == 403)
        return harness
    }

    static func page(_ session: Session, _ query: String) throws -> (types: [String], next: Int64?) {
        let page = try session.get("/v1/events\(query)")
        return (page["events"]?.arrayValue?.compactMap { $0["type"]?.stringValue } ?? [], page["next"]?.intValue)
    }

    @Test func aViewerPagesPastTheAccessTrailAndAnAdministratorSeesIt() throws {
        let harness = try Self.harness()
        let viewer = try Session(harness, as: People.viewer)
        let admin = try Session(harness, as: People.admin)
        let all = try Self.page(admin, "?since=0")
        #expect(all.types == ["daemon.started", "access.denied", "log.added", "access.denied", "access.denied"])
        #expect(all.next == 5)

        let seen = try Self.page(viewer, "?since=0")
        #expect(seen.types == ["daemon.started", "log.added"])
        #expect(seen.next == 5, "the hidden denials at the end are behind the cursor")
        // One at a time: full pages end at their event; the last, empty, page moves to the end.
        #expect(try Self.page(viewer, "?since=0&limit=1") == (["daemon.started"], 1))
        #expect(try Self.page(viewer, "?since=1&limit=1") == (["log.added"], 3))
        #expect(try Self.page(viewer, "?since=3&limit=1") == ([], 5))
        #expect(try Self.page(viewer, "?since=5&limit=1") == ([], 5))
        // Asking for them by type shows nothing either.
        #expect(try Self.page(viewer, "?since=0&type=access.") == ([], 5))
        #expect(try Self.page(admin, "?since=0&type=access.").types.count == 3)
    }

    @Test func aViewersStreamLeavesOutTheAccessTrailAndAnAdministratorsHasIt() throws {
        let harness = try Self.harness()
        // Sessions: each connection's identity is fixed before the next one connects.
        let viewerStream = try Session(harness, as: People.viewer).client
        try viewerStream.send(raw: "GET /v1/events?follow=true&since=0 HTTP/1.1\r\nHost: b\r\n\r\n")
        let adminStream = try Session(harness, as: People.admin).client
        try adminStream.send(raw: "GET /v1/events?follow=true&since=0 HTTP/1.1\r\nHost: b\r\n\r\n")
        let viewer = EventStreamTests.LineReader(viewerStream)
        let admin = EventStreamTests.LineReader(adminStream)

        // Written while both follow: another denial, then an entry.
        #expect(try Session(harness, as: People.stranger).send("GET", "/v1/status").status == 403)
        #expect(try Session(harness).post("/v1/log", ["text": "etterpå"]).status == 201)

        var viewerSaw: [String] = []
        while viewerSaw.count < 3, let line = try viewer.next() { viewerSaw.append(line["type"]?.stringValue ?? "") }
        #expect(viewerSaw == ["daemon.started", "log.added", "log.added"])
        var adminSaw: [String] = []
        while adminSaw.count < 7, let line = try admin.next() { adminSaw.append(line["type"]?.stringValue ?? "") }
        #expect(adminSaw == [
            "daemon.started", "access.denied", "log.added", "access.denied", "access.denied", "access.denied", "log.added",
        ])
    }
}
