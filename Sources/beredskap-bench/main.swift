// beredskap-bench — measures the foundation's throughput against a baseline taken in the
// same run (the machine is shared and noisy; only ratios travel between runs).
//
//   swift run -c release beredskap-bench [--seconds S] [--client-threads N] [--only TEXT] [--writer-only]
//
// 1. Baseline: the rows POST /v1/log writes (an event and an incident-log entry), inserted
//    directly through SQLite with the same durability (WAL, synchronous=FULL), one
//    transaction per row — what each acknowledged request needs without group commit.
// 2. Durable acknowledged POST /v1/log per second with 1 and with 32 keep-alive clients.
// 3. GET /v1/health requests per second with 1 and 32 clients.
// 4. Capacity (issue 3): with 300 facilities, durable acknowledged POST /v1/arrivals per
//    second with 1 and 32 clients (the single client's p50 against one durable
//    transaction's p50, i.e. about one fsync), GET /v1/capacity latency, and the surge
//    evaluation cost per arrival with an empty and a full 35-day window.
// 5. Exercises (issue 14): autumn-2015 at maximum speed on a fresh state, its seconds and the
//    simulated-to-real time ratio (`--only exercise` runs it alone, after the baseline).
import BeredskapCore
import BeredskapJSON
import BeredskapDaemon
import BeredskapHTTPParser
import BeredskapSQLite
import BeredskapStore
import Dispatch
import Foundation

let arguments = CommandLine.arguments
if arguments.contains("--help") || arguments.contains("-h") {
    print("""
        usage: beredskap-bench [--seconds S] [--client-threads N] [--only TEXT] [--writer-only]
                               [--alert-samples N] [--alert-burst N] [--alert-timeout S]
                               [--playbook-samples N] [--playbook-burst N] [--playbook-timeout S] [--playbook-card FILE]
                               [--people N] [--people-small N] [--growth-events N]

        Measures the daemon in this process over its real socket, each figure against a baseline
        taken in the same run (the machine is shared and noisy: only ratios travel between runs).
        Build it in release mode: swift build -c release --product beredskap-bench.
        When PostgreSQL is installed (Debian: /usr/lib/postgresql/N/bin), a throw-away cluster
        in a temporary directory takes the same single-row durable inserts through pgbench with
        1 and 32 clients, and the daemon's writes are also given as ratios of its (as root it
        runs as the postgres user); without it the bench says so and runs the rest.

          --seconds S          length of each measurement (default 5)
          --client-threads N   threads of the load generator (default 1)
          --only TEXT          only the measurements whose name contains TEXT
                               (e.g. "arrivals", "alert", "playbook", "people")
          --writer-only        the writer alone, 32 submitters, no HTTP
          --people N           persons at the national scale (default 200000; ~8 milestones each)
          --people-small N     persons at the small scale the cost per milestone is compared with (default 2000)
          --growth-events N    events the large log of the growth measurement is padded with (default 10000000)
        """)
    exit(0)
}
let seconds = arguments.firstIndex(of: "--seconds").flatMap { Double(arguments[$0 + 1]) } ?? 5
/// Threads of the load generator (each multiplexes its share of the connections with poll).
let clientThreads = arguments.firstIndex(of: "--client-threads").flatMap { Int(arguments[$0 + 1]) } ?? 1
let workspace = "/tmp/beredskap-bench-\(getpid())"
try? FileManager.default.removeItem(atPath: workspace)
try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: workspace) }

func line(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }

// MARK: 1. Baseline through SQLite directly

/// Durable single-row transactions per second, and their median latency (about one fsync).
func sqliteBaseline(seconds: Double) throws -> (rate: Double, p50: Double) {
    let database = Database(configuration: Database.Configuration(directory: workspace + "/baseline"))
    try FileManager.default.createDirectory(atPath: database.configuration.directory, withIntermediateDirectories: true)
    let connection = try database.openForWriting(now: 0)
    let end = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
    let began = DispatchTime.now().uptimeNanoseconds
    var rows = 0
    var latencies: [UInt64] = []
    while DispatchTime.now().uptimeNanoseconds < end {
        let started = DispatchTime.now().uptimeNanoseconds
        try connection.execute("BEGIN IMMEDIATE")
        try connection.run(
            "INSERT INTO events(time_ms, actor_uid, actor_user, type, subject, data, exercise) VALUES (?, ?, ?, ?, ?, ?, ?)",
            Int64(rows), 0, "root", IncidentLogEvents.added.name, nil as String?, #"{"id":\#(rows + 1),"source":"person"}"#, false)
        let seq = connection.lastInsertRowID
        try connection.run(
            "INSERT INTO incident_log(seq, time_ms, actor_uid, actor_user, source, subject, text, exercise) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            seq, Int64(rows), 0, "root", "person", nil as String?, "benchmark entry", false)
        try connection.execute("COMMIT")
        latencies.append(DispatchTime.now().uptimeNanoseconds - started)
        rows += 1
    }
    return (Double(rows) / (Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9), latencies.quantileMilliseconds(0.5))
}

// MARK: 2–3. The real daemon, in this process, over its real socket

var configuration = try ConfigurationLoader.loadEmbedded()
configuration.state.directory = workspace + "/daemon"
// No action cards, whatever the directory the benchmark is started in: the figures are those
// of the write path, comparable across runs.
configuration.playbooks.directory = workspace + "/no-playbooks"
DaemonLog.setQuiet(true)
let daemon = try RunningDaemon(configuration: configuration, configurationFile: nil, environment: [:])
let socket = daemon.socketPath

let logBody = Array(#"{"text":"benchmark entry"}"#.utf8)
let postLog: @Sendable (Int, Int) -> [UInt8] = { _, _ in
    HTTPRequestEncoder.encode(
        method: "POST", target: "/v1/log",
        headers: ["Host": "beredskap", "Content-Type": "application/json"], body: logBody)
}
let getHealth: @Sendable (Int, Int) -> [UInt8] = { _, _ in
    HTTPRequestEncoder.encode(method: "GET", target: "/v1/health", headers: ["Host": "beredskap"], body: [])
}

struct Row {
    let name: String
    let rate: Double
    let p50: Double
    let p99: Double
    let failures: Int
    /// CPU used by the whole process (daemon and load generator) per wall second: 2.0 is both cores.
    let cpu: Double
}

/// User + system CPU seconds of this process so far.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// `--only TEXT`: run only the measurements whose name contains TEXT (for profiling one path).
let only = arguments.firstIndex(of: "--only").map { arguments[$0 + 1] }

func measure(_ name: String, clients: Int, status: Int, _ request: @escaping @Sendable (Int, Int) -> [UInt8]) -> Row {
    if let only, !name.contains(only) { return Row(name: name, rate: 0, p50: 0, p99: 0, failures: 0, cpu: 0) }
    let cpuBefore = cpuSeconds()
    let (result, elapsed) = Load.run(socket: socket, clients: clients, threads: clientThreads, seconds: seconds, expectedStatus: status, request: request)
    return Row(
        name: name, rate: Double(result.requests) / elapsed, p50: result.latenciesNanoseconds.quantileMilliseconds(0.5),
        p99: result.latenciesNanoseconds.quantileMilliseconds(0.99), failures: result.failures,
        cpu: (cpuSeconds() - cpuBefore) / elapsed)
}

if !arguments.contains("--writer-only") {
line("beredskap-bench: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(Int(seconds)) s per measurement, \(clientThreads) load-generator thread(s)")
let (baseline, fsyncP50) = try sqliteBaseline(seconds: seconds)
// The peer in the same window, before the daemon starts working (when the run includes arrivals).
let peer = only.map { "POST /v1/arrivals PostgreSQL".contains($0) } ?? true
    ? PostgresPeer.measure(in: workspace + "/postgres", seconds: seconds) : nil
let writerBefore = daemon.services.writer.currentStatistics
var rows = [
    measure("POST /v1/log, 1 client", clients: 1, status: 201, postLog),
    measure("POST /v1/log, 32 clients", clients: 32, status: 201, postLog),
    measure("GET /v1/health, 1 client", clients: 1, status: 200, getHealth),
    measure("GET /v1/health, 32 clients", clients: 32, status: 200, getHealth),
]
let writerAfter = daemon.services.writer.currentStatistics
try CapacityScenario.createFacilities(socket: socket, count: CapacityScenario.facilities)
let arrivalsBefore = daemon.services.writer.currentStatistics
let arrivalRows = [
    measure("POST /v1/arrivals, 1 client", clients: 1, status: 201, CapacityScenario.postArrival),
    measure("POST /v1/arrivals, 32 clients", clients: 32, status: 201, CapacityScenario.postArrival),
]
let arrivalsAfter = daemon.services.writer.currentStatistics
rows += arrivalRows
rows.append(measure("GET /v1/capacity (300 facilities), 1 client", clients: 1, status: 200, CapacityScenario.getCapacity))
rows.append(measure("GET /v1/surge (300 facilities), 1 client", clients: 1, status: 200, CapacityScenario.getSurge))
let freshPicture = try CapacityScenario.freshPicture(daemon)
let statusCommand = only.map { StatusCommandBench.name.contains($0) } ?? true ? StatusCommandBench.measure(socket: socket) : nil
daemon.stop()

line("")
line("| measurement | per second | × baseline | p50 ms | p99 ms | CPU cores busy |")
line("|---|---:|---:|---:|---:|---:|")
line("| SQLite direct, 1 row per durable transaction (baseline) | \(Int(baseline)) | 1.00 | | | |")
if case .success(let figures) = peer {
    line("| PostgreSQL \(figures.version), 1 INSERT per transaction, 1 client (pgbench) | \(Int(figures.oneClient)) | "
        + String(format: "%.2f", figures.oneClient / baseline) + " | | | |")
    line("| PostgreSQL \(figures.version), 1 INSERT per transaction, 32 clients (pgbench) | \(Int(figures.thirtyTwoClients)) | "
        + String(format: "%.2f", figures.thirtyTwoClients / baseline) + " | | | |")
}
for row in rows {
    let ratio = row.name.hasPrefix("POST") ? String(format: "%.2f", row.rate / baseline) : ""
    line("| \(row.name) | \(Int(row.rate)) | \(ratio) | \(String(format: "%.3f", row.p50)) | \(String(format: "%.3f", row.p99)) | "
        + String(format: "%.2f", row.cpu) + " |" + (row.failures > 0 ? " (\(row.failures) failures)" : ""))
}
let batches = writerAfter.batches - writerBefore.batches
let commands = writerAfter.commands - writerBefore.commands
line("")
line(String(format: "32 clients vs 1 client (POST /v1/log): %.1f×", rows[1].rate / rows[0].rate))
switch peer {
case .success(let figures)?:
    for (name, one, many) in [("POST /v1/arrivals", arrivalRows[0], arrivalRows[1]), ("POST /v1/log", rows[0], rows[1])] where one.rate > 0 {
        line(String(format: "against PostgreSQL (same run): %@ %.2f× (1 client) and %.2f× (32 clients)",
                    name, one.rate / figures.oneClient, many.rate / figures.thirtyTwoClients))
    }
case .failure(let reason)?:
    line("PostgreSQL: \(reason)")
case nil:
    break
}
line(String(format: "32 clients vs 1 client (POST /v1/arrivals): %.1f×", arrivalRows[1].rate / arrivalRows[0].rate))
line(String(format: "one durable transaction (≈ one fsync): p50 %.3f ms; single-client arrival p50 is %.2f× that",
            fsyncP50, arrivalRows[0].p50 / fsyncP50))
line(String(format: "group commit: %d commands in %d transactions (%.1f per commit on average, largest %d); per transaction %.3f ms executing + %.3f ms committing",
            commands, batches, Double(commands) / Double(max(batches, 1)), writerAfter.largestBatch,
            (writerAfter.executeSeconds - writerBefore.executeSeconds) * 1000 / Double(max(batches, 1)),
            (writerAfter.commitSeconds - writerBefore.commitSeconds) * 1000 / Double(max(batches, 1))))
let arrivalBatches = arrivalsAfter.batches - arrivalsBefore.batches
let arrivalCommands = arrivalsAfter.commands - arrivalsBefore.commands
line(String(format: "arrivals group commit: %d commands in %d transactions (%.1f per commit); %.1f µs executing per command",
            arrivalCommands, arrivalBatches, Double(arrivalCommands) / Double(max(arrivalBatches, 1)),
            (arrivalsAfter.executeSeconds - arrivalsBefore.executeSeconds) * 1e6 / Double(max(arrivalCommands, 1))))
line(String(format: "capacity picture after a change (fresh read of 300 facilities + picture + %d bytes of JSON): p50 %.3f ms",
            freshPicture.bytes, freshPicture.milliseconds))
switch statusCommand {
case .success(let figures)?:
    line(String(format: "beredskap status --json: %.1f ms (median of 30 runs); curl --unix-socket on /v1/status: %.1f ms; %.2f× curl",
                figures.cliMilliseconds, figures.curlMilliseconds, figures.cliMilliseconds / figures.curlMilliseconds))
case .failure(let reason)?:
    line("beredskap status vs curl: \(reason)")
case nil:
    break
}
for (label, filled) in [("empty", false), ("35 days full", true)] {
    let evaluation = CapacityScenario.evaluationMicroseconds(filledWindow: filled)
    line(String(format: "surge evaluation per arrival, window %@: %.2f µs (level reached: %@)", label, evaluation.microseconds, evaluation.level.rawValue))
}
} else {
    daemon.stop()
}

// MARK: Writer alone (diagnostic): 32 submitters straight into the writer, no HTTP.
if arguments.contains("--writer-only") {
    let database = Database(configuration: Database.Configuration(directory: workspace + "/writer-only"))
    try FileManager.default.createDirectory(atPath: database.configuration.directory, withIntermediateDirectories: true)
    let writer = Writer(connection: try database.openForWriting(now: 0), clock: SystemWallClock())
    for submitters in [1, 32] {
        let before = writer.currentStatistics
        let done = DispatchGroup()
        let stop = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
        let began = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<submitters {
            done.enter()
            Thread.detachNewThread {
                while DispatchTime.now().uptimeNanoseconds < stop {
                    _ = writer.perform(WriteCommand(actor: Principal(uid: 0, user: "root")) { transaction in
                        let entry = try transaction.addIncidentLogEntry(text: "benchmark entry", subject: nil)
                        return CommandReply(status: 201, body: Array(String(entry.id).utf8))
                    })
                }
                done.leave()
            }
        }
        done.wait()
        let after = writer.currentStatistics
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9
        let transactions = Double(max(after.batches - before.batches, 1))
        line(String(format: "writer only, %d submitters: %.0f commands/s, %.1f per transaction, %.3f ms executing + %.3f ms committing per transaction",
                    submitters, Double(after.commands - before.commands) / elapsed,
                    Double(after.commands - before.commands) / transactions,
                    (after.executeSeconds - before.executeSeconds) * 1000 / transactions,
                    (after.commitSeconds - before.commitSeconds) * 1000 / transactions))
    }
    writer.close()
}


// MARK: Alerts (issue 4): a write crossing a threshold → the webhook; a burst of alerts against API writes
//
//   --alert-samples N   crossings measured one at a time (default 200)
//   --alert-burst N     alerts in the burst (default 10000)
//   --alert-timeout S   how long the burst may take to drain (default 120)

/// The value after `name` on the command line, if there is one.
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}

/// The options of a scenario that pushes facilities over the threshold, read from
/// `--<prefix>-samples`, `--<prefix>-burst` and `--<prefix>-timeout`.
func thresholdOptions(_ prefix: String, directory: String, burst: Int) -> AlertScenario.Options {
    AlertScenario.Options(
        directory: workspace + "/" + directory, only: only, samples: option("--\(prefix)-samples").flatMap { Int($0) } ?? 200,
        burst: option("--\(prefix)-burst").flatMap { Int($0) } ?? burst, baselineSeconds: seconds,
        drainTimeout: option("--\(prefix)-timeout").flatMap { Double($0) } ?? 120, logRequest: postLog)
}

let alertOptions = thresholdOptions("alert", directory: "alerts", burst: 10_000)
if !arguments.contains("--writer-only"), alertOptions.selected(any: [AlertScenario.latencyName, AlertmanagerPeer.name, AlertScenario.burstName]) {
    try AlertScenario.run(alertOptions, report: line)
}

// MARK: Playbooks (issue 5): an alert → its action card's run started; a burst of alerts with and without the card
//
//   --playbook-samples N   crossings measured one at a time (default 200)
//   --playbook-burst N     alerts in the burst, on each of the two daemons (default 2000)
//   --playbook-timeout S   how long each burst may take to drain (default 120)
//   --playbook-card FILE   the card (default: the shipped Playbooks/facility-near-full.json5)

let playbookOptions = thresholdOptions("playbook", directory: "playbooks", burst: 2_000)
if !arguments.contains("--writer-only"), playbookOptions.selected(any: [PlaybookScenario.latencyName, PlaybookScenario.burstName]) {
    guard let card = option("--playbook-card") ?? PlaybookScenario.shippedCard else {
        throw BenchError("no Playbooks/facility-near-full.json5 next to the sources or here; name a card with --playbook-card FILE")
    }
    try PlaybookScenario.run(playbookOptions, card: card, report: line)
}

// MARK: People at national scale (issue 12)
//
//   --people N         persons generated (default 200000, about eight milestones each)
//   --people-small N   the small scale the cost per milestone is compared with (default 2000)

if !arguments.contains("--writer-only"), only.map({ PeopleScenario.name.contains($0) }) ?? true {
    try PeopleScenario.run(
        PeopleScenario.Options(
            directory: workspace + "/people", persons: option("--people").flatMap { Int($0) } ?? 200_000,
            smallPersons: option("--people-small").flatMap { Int($0) } ?? 2_000, seconds: seconds, clientThreads: clientThreads),
        report: line)
}

// MARK: Slow clients (issue 16): 8 normal clients alone, then beside 1000 slowloris clients

if !arguments.contains("--writer-only"), only.map({ SlowClientBench.name.contains($0) }) ?? true {
    try SlowClientBench.run(directory: workspace + "/slow", seconds: seconds, clientThreads: clientThreads, request: postLog, report: line)
}

// MARK: Growth (issue 16): the same work with a small and a large event log
//
//   --growth-events N   events the large log is padded with (default 10000000)

if !arguments.contains("--writer-only"), only.map({ GrowthBench.name.contains($0) }) ?? true {
    try GrowthBench.run(
        directory: workspace + "/growth", padding: option("--growth-events").flatMap { Int($0) } ?? 10_000_000, seconds: seconds,
        samples: option("--alert-samples").flatMap { Int($0) } ?? 200, clientThreads: clientThreads, report: line)
}

// MARK: Exercises (issue 14): autumn-2015 at maximum speed on a fresh state

if !arguments.contains("--writer-only"), only.map({ ExerciseBench.name.contains($0) }) ?? true {
    try ExerciseBench.run(directory: workspace + "/exercise", report: line)
}
