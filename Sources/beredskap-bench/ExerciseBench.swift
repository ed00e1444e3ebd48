import BeredskapAPI
import BeredskapClient
import BeredskapCore
import BeredskapDaemon
import Foundation

/// Exercises (issue 14): `autumn-2015` — about four months of injects — run once at maximum
/// speed on a fresh state, through the daemon's own path (`POST /v1/exercises`: the copy, the
/// second world, `ExerciseRunner`), timed from the request to the run's recorded end. The
/// issue asks for under 60 s on this machine, and for the simulated-to-real time ratio.
enum ExerciseBench {
    static let name = "exercise autumn-2015 at max"
    static let scenario = "autumn-2015"
    /// How long the run may take before the measurement gives up.
    static let timeout = 900.0

    /// The shipped `Playbooks/` (cards and scenarios), next to these sources or here.
    static var playbooks: String? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return [root.appendingPathComponent("Playbooks").path, FileManager.default.currentDirectoryPath + "/Playbooks"]
            .first { FileManager.default.fileExists(atPath: $0 + "/exercises/\(scenario).json5") }
    }

    static func run(directory: String, report: (String) -> Void) throws {
        guard let playbooks else { throw BenchError("no Playbooks/exercises/\(scenario).json5 next to the sources or here") }
        var configuration = try ConfigurationLoader.loadEmbedded()
        configuration.state.directory = directory
        configuration.playbooks.directory = playbooks
        let daemon = try RunningDaemon(configuration: configuration, configurationFile: nil, environment: [:])
        defer { daemon.stop() }
        let client = BeredskapClient(socketPath: daemon.socketPath, timeout: 60)
        defer { client.close() }
        guard let span = try client.exerciseScenarios().scenarios.first(where: { $0.id == scenario })?.span else {
            throw BenchError("\(scenario) does not validate: see beredskap exercise scenarios")
        }
        let began = DispatchTime.now().uptimeNanoseconds
        var exercise = try client.startExercise(StartExerciseBody(scenario: scenario, speed: .maximum))
        while exercise.state == .running {
            guard Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9 < timeout else {
                _ = try? client.stopExercise(id: exercise.id)
                throw BenchError("\(name): not done after \(Int(timeout)) s (\(exercise.injectsDone) of \(exercise.injectsTotal) injects)")
            }
            Thread.sleep(forTimeInterval: 0.05)
            exercise = try client.exercise(id: exercise.id)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9
        report("")
        report(String(
            format: "%@: %.1f s for %@ simulated (%.0f× real time), %@; %d of %d injects, %d alerts, %d runs, %d notifications, %d of %d expectations met",
            name, seconds, span.name.en, span.seconds / seconds, exercise.state.rawValue, exercise.injectsDone, exercise.injectsTotal,
            exercise.alerts, exercise.runs, exercise.notifications, exercise.met, exercise.results.count))
    }
}
