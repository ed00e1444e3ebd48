import BeredskapCore
import Foundation
import Testing

@testable import BeredskapDaemon

@Suite struct ConfigurationTests {
    func parse(_ text: String) throws(ConfigurationError) -> DaemonConfiguration {
        try ConfigurationLoader.parse(Array(text.utf8), file: "test.json5")
    }

    func problem(_ text: String) -> String {
        do {
            _ = try parse(text)
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func embeddedDefaultIsValidAndMatchesTheStructDefaults() throws {
        let embedded = try ConfigurationLoader.loadEmbedded()
        var expected = DaemonConfiguration()
        expected.access = embedded.access
        #expect(embedded == expected)
        #expect(embedded.access.roles.keys.sorted() == ["admin", "caseworker", "operator", "viewer"])
        #expect(embedded.access.roles["operator"]?.permissions == [.read, .operate])
        #expect(embedded.socketPath == ".beredskap/beredskap.sock")
    }

    /// Our JSON5 reading must agree with Foundation's (the issue names JSONDecoder.allowsJSON5).
    @Test func foundationJSON5AcceptsTheEmbeddedFileToo() throws {
        struct Loose: Decodable {
            let state: [String: String]
            let time_zone: String
            let http: [String: FlexibleValue]
        }
        enum FlexibleValue: Decodable {
            case number(Double), text(String)
            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let number = try? container.decode(Double.self) { self = .number(number) } else { self = .text(try container.decode(String.self)) }
            }
        }
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        let loose = try decoder.decode(Loose.self, from: Data(ConfigurationLoader.embeddedText.utf8))
        #expect(loose.state["directory"] == ".beredskap")
        #expect(loose.time_zone == "Europe/Oslo")
        #expect(loose.http.count == 10)
    }

    @Test func aPartialFileKeepsEveryOtherDefault() throws {
        let configuration = try parse("{ http: { max_connections: 12 }, // comment\n }")
        var expected = DaemonConfiguration()
        expected.http.maxConnections = 12
        #expect(configuration == expected)
    }

    @Test func errorsNameTheFileTheFieldAndWhatWasExpected() {
        #expect(
            problem(#"{ access: { roles: { operator: { permissions: ["read"], groups: ["beredskap", 7] } } } }"#)
                == "test.json5: access.roles.operator.groups[1]: expected a string")
        #expect(problem("{ http: { max_conections: 5 } }").hasPrefix("test.json5: http.max_conections: unknown field (expected one of: "))
        #expect(problem("{ sockets: {} }").hasPrefix("test.json5: sockets: unknown field"))
        #expect(
            problem("{ http: { max_connections: 0 } }")
                == "test.json5: http.max_connections: expected an integer between 1 and 65536")
        #expect(problem("{ http: { request_timeout: 10 } }") == "test.json5: http.request_timeout: expected a string")
        #expect(problem(#"{ http: { request_timeout: "P1M" } }"#).contains("http.request_timeout: expected a fixed ISO 8601 duration"))
        #expect(problem(#"{ socket: { mode: "rw-rw----" } }"#) == #"test.json5: socket.mode: expected an octal mode such as "0660""#)
        #expect(problem(#"{ time_zone: "Europe/Olso" }"#).hasPrefix("test.json5: time_zone: unknown time zone"))
        #expect(problem(#"{ access: { roles: { x: { permissions: ["rule"] } } } }"#)
            == "test.json5: access.roles.x.permissions[0]: expected one of: read, operate, cases, admin")
        #expect(problem(#"{ store: { idempotency_retention: "PT1H" } }"#).contains("store.idempotency_retention: must be at least PT24H"))
        #expect(problem("[]") == "test.json5: (top level): expected an object")
    }

    @Test func capacityAndSurgeSettingsAreCheckedToo() throws {
        #expect(problem("{ capacity: { cap: 0 } }") == "test.json5: capacity.cap: expected an integer between 1 and 100000")
        #expect(problem(#"{ capacity: { stale_after: "PT5S" } }"#).contains("capacity.stale_after: must be at least"))
        #expect(
            problem("{ surge: { elevated: { arrivals_per_day: 40, ratio: 2, clear_arrivals_per_day: 50, clear_ratio: 1 } } }")
                == "test.json5: surge.elevated.clear_arrivals_per_day: must not be above arrivals_per_day (40)")
        #expect(
            problem("{ surge: { high: { arrivals_per_day: 30, ratio: 4, clear_arrivals_per_day: 20, clear_ratio: 3 } } }")
                == "test.json5: surge.high: arrivals_per_day and ratio must be above those of elevated")
        #expect(problem("{ surge: { crisis: { arrivals_per_day: 300, ratio: 8, clear_ratio: 6 } } }")
            == "test.json5: surge.crisis.clear_arrivals_per_day: is required")
        #expect(problem("{ surge: { baseline_days: 0 } }") == "test.json5: surge.baseline_days: expected an integer between 1 and 365")
        #expect(
            problem("{ surge: { high: { arrivals_per_day: 100, ratio: 4, ratio_from: 120, clear_arrivals_per_day: 75, clear_ratio: 3 } } }")
                == "test.json5: surge.high.ratio_from: must not be above arrivals_per_day (100): the ratio would never count")
        // Without ratio_from, a level's ratio counts from half its arrivals_per_day.
        let early = try parse("{ surge: { crisis: { arrivals_per_day: 300, ratio: 8, clear_arrivals_per_day: 200, clear_ratio: 6 } } }")
        #expect(early.surge.thresholds.crisis.ratioFrom == 150)
        let custom = try parse("{ capacity: { cap: 500 }, surge: { recent_days: 3 } }")
        #expect(custom.capacity.cap == 500)
        #expect(custom.surge.recentDays == 3)
        #expect(custom.surge.thresholds == SurgeThresholds())
    }

    @Test func syntaxErrorsGiveLineAndColumn() {
        let message = problem("{\n  http: {\n    max_connections: 5,,\n  },\n}")
        #expect(message.hasPrefix("test.json5: line 3, column "))
    }

    @Test func unreadableFilesSaySo() {
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader.load(file: "/nonexistent/beredskap.json5") }
        do {
            _ = try ConfigurationLoader.load(file: "/nonexistent/beredskap.json5")
        } catch {
            #expect(error.description == "/nonexistent/beredskap.json5: no such file")
        }
        do {
            _ = try ConfigurationLoader.load(file: NSTemporaryDirectory())
        } catch {
            #expect(error.description.hasSuffix(": is a directory"))
        }
    }

    @Test func reloadDiffSeparatesLiveChangesFromRestartOnes() {
        let running = DaemonConfiguration()
        var new = running
        new.http.maxConnections = 3
        new.access.roles["x"] = DaemonConfiguration.Role(permissions: [.read], users: ["ola"], groups: [])
        new.timeZone = "UTC"
        #expect(ConfigurationDiff.restartRequired(from: running, to: new) == ["http"])
        #expect(ConfigurationDiff.liveChanges(from: running, to: new) == ["access", "time_zone"])
        let applied = ConfigurationDiff.keepingRestartOnly(running, appliedFrom: new)
        #expect(applied.http == running.http)
        #expect(applied.access == new.access)
    }
}

@Suite struct DaemonCommandLineTests {
    @Test func parsesOptionsInBothForms() throws {
        #expect(try DaemonCommandLine.parse([]) == .run(DaemonOptions()))
        #expect(
            try DaemonCommandLine.parse(["--config", "a.json5", "--state-dir=/tmp/s", "--socket", "/tmp/s.sock"])
                == .run(DaemonOptions(configFile: "a.json5", stateDirectory: "/tmp/s", socketPath: "/tmp/s.sock")))
        #expect(try DaemonCommandLine.parse(["--check-config", "--config", "x"]) == .checkConfig(DaemonOptions(configFile: "x")))
        #expect(try DaemonCommandLine.parse(["--socket", "s", "--help"]) == .help)
        #expect(try DaemonCommandLine.parse(["--version"]) == .version)
        #expect(
            try DaemonCommandLine.parse(["--restore", "kopi.db", "--state-dir", "/tmp/s"])
                == .restore(DaemonOptions(stateDirectory: "/tmp/s"), file: "kopi.db"))
    }

    @Test func refusesWhatItDoesNotKnow() {
        #expect(throws: DaemonCommandLine.UsageError(message: "unknown option: --verbose")) { try DaemonCommandLine.parse(["--verbose"]) }
        #expect(throws: DaemonCommandLine.UsageError(message: "--config needs a value")) { try DaemonCommandLine.parse(["--config"]) }
        #expect(throws: DaemonCommandLine.UsageError(message: "--socket needs a value")) { try DaemonCommandLine.parse(["--socket="]) }
        #expect(throws: DaemonCommandLine.UsageError(message: "--check-config takes no value")) { try DaemonCommandLine.parse(["--check-config=yes"]) }
        #expect(throws: DaemonCommandLine.UsageError(message: "--restore and --check-config cannot be used together")) {
            try DaemonCommandLine.parse(["--restore", "k.db", "--check-config"])
        }
    }
}
