import Foundation

/// `beredskap status` against `curl --unix-socket` on the same route (issue 16): what a
/// person waits for at the prompt, against the lightest client there is. Both are started as
/// processes, one after the other, `runs` times each; the ratio of the medians is the figure.
enum StatusCommandBench {
    static let name = "beredskap status vs curl"

    struct Figures {
        var cliMilliseconds: Double
        var curlMilliseconds: Double
    }

    /// The CLI is the `beredskap` built beside this benchmark (same configuration).
    static func measure(socket: String, runs: Int = 30) -> Result<Figures, BenchError> {
        let cli = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("beredskap").path
        guard FileManager.default.isExecutableFile(atPath: cli) else {
            return .failure(BenchError("no \(cli): build it too (swift build -c release --product beredskap)"))
        }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/curl") else { return .failure(BenchError("curl is not installed")) }
        do {
            let cliTimes = try times(runs, [cli, "status", "--socket", socket, "--json"])
            let curlTimes = try times(runs, ["/usr/bin/curl", "-sf", "--unix-socket", socket, "http://beredskap/v1/status"])
            return .success(Figures(cliMilliseconds: median(cliTimes), curlMilliseconds: median(curlTimes)))
        } catch let error as BenchError {
            return .failure(error)
        } catch {
            return .failure(BenchError("\(error)"))
        }
    }

    private static func times(_ runs: Int, _ argv: [String]) throws -> [Double] {
        var result: [Double] = []
        for _ in 0..<runs {
            let started = DispatchTime.now().uptimeNanoseconds
            let run = try Subprocess.run(argv)
            guard run.status == 0 else { throw BenchError("\(argv[0]) failed (exit \(run.status)): \(run.errors.prefix(300))") }
            result.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6)
        }
        return result
    }

    private static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
}
