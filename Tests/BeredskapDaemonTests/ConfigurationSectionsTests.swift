import BeredskapCore
import Testing

@testable import BeredskapDaemon

/// How the file's sections are read and reloaded, pinned before each feature contributed its
/// own sections: the order of the sections in an unknown-key error, and what a reload that
/// changes every section reports and applies.
@Suite struct ConfigurationSectionsTests {
    static let sections = "state, socket, time_zone, http, store, events, shutdown, access, capacity, surge, alerts, notifications, playbooks, housing, privacy, deadlines, minors, grants, intro, reports"

    @Test func anUnknownSectionListsEverySectionInReadingOrder() {
        do {
            _ = try ConfigurationLoader.parse(Array("{ sockets: {} }".utf8), file: "test.json5")
            Issue.record("an unknown section was accepted")
        } catch {
            #expect(error.description == "test.json5: sockets: unknown field (expected one of: \(Self.sections))")
        }
    }

    @Test func theFirstBadSectionInReadingOrderIsTheOneReported() {
        do {
            _ = try ConfigurationLoader.parse(
                Array("{ playbooks: { escalation_limit: -1 }, capacity: { cap: 0 }, shutdown: { grace_period: 5 } }".utf8),
                file: "test.json5")
            Issue.record("bad sections were accepted")
        } catch {
            #expect(error.description == "test.json5: shutdown.grace_period: expected a string")
        }
        do {
            _ = try ConfigurationLoader.parse(
                Array("{ playbooks: { escalation_limit: -1 }, capacity: { cap: 0 } }".utf8), file: "test.json5")
            Issue.record("bad sections were accepted")
        } catch {
            #expect(error.description == "test.json5: capacity.cap: expected an integer between 1 and 100000")
        }
    }

    /// A reload that changes every section: what needs a restart keeps its running value and
    /// is named, the rest applies and is named, in the order the reload event lists them.
    @Test func aReloadOfEverySectionNamesEachOnceInOrder() {
        let running = DaemonConfiguration()
        var new = running
        new.state.directory = "/var/lib/other"
        new.socket.group = "beredskap"
        new.timeZone = "UTC"
        new.http.maxConnections = 3
        new.store.busyTimeout = .seconds(9)
        new.events.heartbeatInterval = .seconds(30)
        new.shutdown.gracePeriod = .seconds(3)
        new.access.roles["x"] = DaemonConfiguration.Role(permissions: [.read], users: ["ola"], groups: [])
        new.capacity.cap = 900
        new.surge.recentDays = 5
        new.alerts.facilityCap.enabled = false
        new.notifications.language = .en
        new.playbooks.directory = "/etc/beredskap/playbooks"
        new.playbooks.escalationLimit = 1
        new.housing.leaseReviewDays = 30
        new.deadlines.rules[0].enabled = false
        new.minors.placementCosts[.fosterHome] = 700_000
        #expect(ConfigurationDiff.restartRequired(from: running, to: new) == ["state", "socket", "http", "store", "playbooks.directory"])
        #expect(
            ConfigurationDiff.liveChanges(from: running, to: new)
                == ["access", "time_zone", "events", "shutdown", "capacity", "surge", "alerts", "notifications", "playbooks", "housing", "deadlines", "minors"])
        let applied = ConfigurationDiff.keepingRestartOnly(running, appliedFrom: new)
        #expect(applied.state == running.state)
        #expect(applied.socket == running.socket)
        #expect(applied.http == running.http)
        #expect(applied.store == running.store)
        #expect(applied.playbooks.directory == running.playbooks.directory)
        var expected = new
        expected.state = running.state
        expected.socket = running.socket
        expected.http = running.http
        expected.store = running.store
        expected.playbooks.directory = running.playbooks.directory
        #expect(applied == expected)
    }

    @Test func onlyTheDirectoryOfThePlaybooksNeedsARestart() {
        let running = DaemonConfiguration()
        var new = running
        new.playbooks.directory = "/etc/beredskap/playbooks"
        #expect(ConfigurationDiff.restartRequired(from: running, to: new) == ["playbooks.directory"])
        #expect(ConfigurationDiff.liveChanges(from: running, to: new).isEmpty)
        new = running
        new.playbooks.automaticAttemptLimit = 5
        #expect(ConfigurationDiff.restartRequired(from: running, to: new).isEmpty)
        #expect(ConfigurationDiff.liveChanges(from: running, to: new) == ["playbooks"])
    }
}

/// `GET /v1/status` as the whole document, pinned before each feature contributed its fields.
@Suite(.serialized) struct StatusDocumentTests {
    @Test func theStatusIsOneDocumentOfEveryFeaturesFields() throws {
        let harness = try DaemonHarness()
        let session = try Session(harness)
        #expect(try session.putFacility("refstad").status == 201)
        // Below the surge thresholds: the level would change on its own, after the answer.
        #expect(try session.arrive("refstad", 12).status == 201)
        var status = try session.send("GET", "/v1/status").json
        #expect(status["uptime_s"]?.intValue != nil)
        guard case .object(var fields) = status else {
            Issue.record("not an object: \(status)")
            return
        }
        fields["uptime_s"] = .integer(0)
        status = .object(fields)
        let seq = status["last_event_seq"]?.intValue ?? 0
        #expect(seq > 0)
        #expect(
            status.serializedString()
                == #"{"surge_level":"normal","capacity":{"capacity":200,"blocked":0,"available":200,"occupied":12,"free":188,"over_capacity":0,"utilization":0.06,"standby_capacity":0},"alerts":{"firing":0,"pending":0,"unacknowledged":0},"runs_active":0,"notifications":{"pending":0,"dead":0},"deadlines_overdue":0,"last_event_seq":\#(seq),"uptime_s":0,"server_version":"0.1.0"}"#)
    }
}
