import BeredskapCore
import BeredskapJSON
import BeredskapStore
import Foundation
import Testing

@testable import BeredskapDaemon

/// An exercise's notifications reach only the channels marked `exercise: true`, each with the
/// `[ØVELSE]` prefix; the live state's channels hear nothing of it.
@Suite(.serialized) struct ExerciseChannelTests {
    @Test func theQuickDrillWritesOnlyToTheFileChannelMarkedForExercisesEachLinePrefixed() throws {
        let setup = try ExerciseRunnerTests.Setup()
        var configuration = setup.live.configuration
        configuration.notifications.channels["ovelse"] = ChannelConfiguration(.file(path: "ovelse.ndjson"), exercise: true)
        for group in configuration.notifications.routing.groups.keys {
            configuration.notifications.routing.groups[group, default: []].append("ovelse")
        }
        let runner = ExerciseRunner(
            scenario: setup.scenario, speed: .maximum, configuration: configuration, calendar: setup.calendar,
            livePath: setup.live.directory + "/state.db")

        let outcome = try runner.run()

        // Beside the live state, not in the copy's directory (which went with the run).
        let exercisePath = setup.live.directory + "/ovelse.ndjson"
        let lines = try String(contentsOfFile: exercisePath, encoding: .utf8).split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            let document = try JSONParser.parse(Array(line.utf8))
            #expect(document["subject_line"]?.stringValue?.hasPrefix("[ØVELSE]") == true, "\(line)")
            #expect(document["text"]?.stringValue?.hasPrefix("[ØVELSE]") == true)
            #expect(document["exercise"]?.boolValue == true)
        }
        // The channel not marked for exercises (`logg`, the default file) got nothing.
        #expect(!FileManager.default.fileExists(atPath: setup.live.directory + "/notifications.ndjson"))
        // Its rows were written all the same, and stayed in the copy, undelivered.
        let delivered = outcome.events.filter { $0.is(NotificationEvents.delivered) }
        #expect(delivered.count == lines.count)
        #expect(delivered.allSatisfy { $0.data["channel"]?.stringValue == "ovelse" })
        let queued = outcome.events.filter { $0.is(NotificationEvents.queued) }
        #expect(queued.contains { $0.data["channel"]?.stringValue == "logg" })
        #expect(outcome.progress.notifications == queued.count)
        // The live outbox is as it was.
        #expect(try setup.live.world.readPool.read { try $0.notifications(state: nil, limit: 100) }.isEmpty)
    }

    @Test func aChannelIsNotForExercisesUnlessItSaysSo() throws {
        let decode = { (text: String) throws in
            try JSONValueDecoder().decode(ChannelConfiguration.self, from: Array(text.utf8), options: .json5)
        }
        #expect(try decode(#"{"kind": "file", "path": "x.ndjson"}"#).exercise == false)
        #expect(try decode(#"{"kind": "file", "path": "x.ndjson", "exercise": true}"#).exercise == true)
        #expect(try decode(#"{"kind": "webhook", "url": "http://localhost/x", "exercise": true}"#).exercise == true)
        #expect(throws: (any Error).self) { try decode(#"{"kind": "file", "path": "x.ndjson", "exercise": "yes"}"#) }
    }

    @Test func relativeFilePathsOfAnExercisesChannelsAreAnchoredInTheLiveStateDirectory() {
        var notifications = DaemonConfiguration.Notifications()
        notifications.channels["ovelse"] = ChannelConfiguration(.file(path: "ovelse.ndjson"), exercise: true)
        notifications.channels["fast"] = ChannelConfiguration(.file(path: "/var/log/fast.ndjson"), exercise: true)
        let anchored = notifications.anchoringFiles(in: "/var/lib/beredskap")
        #expect(anchored.channels["ovelse"]?.settings == .file(path: "/var/lib/beredskap/ovelse.ndjson"))
        #expect(anchored.channels["fast"]?.settings == .file(path: "/var/log/fast.ndjson"))
        #expect(anchored.channels["ovelse"]?.exercise == true)
        // The default state directory is relative: the path must not be, or the copy's
        // notifier would put it in the copy's directory, which goes with the run.
        let relative = notifications.anchoringFiles(in: ".beredskap", workingDirectory: "/srv/oslo")
        #expect(relative.channels["ovelse"]?.settings == .file(path: "/srv/oslo/.beredskap/ovelse.ndjson"))
        #expect(notifications.exerciseChannels == ["ovelse", "fast"])
    }
}
