import BeredskapCore
import BeredskapDaemon
import BeredskapHTTP
import BeredskapHTTPParser
import BeredskapJSON
import BeredskapSQLite
import BeredskapStore
import Dispatch
import Foundation
import Synchronization

/// People at national scale (issue 12): persons with their milestones generated straight into
/// the store (about eight milestones each), then the daemon started on it and measured —
/// start-up with the deadline engine rebuilding, resident memory, `GET /v1/deadlines/summary`
/// and one person's deadlines (`GET /v1/persons/{id}`, an audited read) while 32 clients record
/// milestones — at a small and at the full scale, so that the cost per milestone is a ratio.
enum PeopleScenario {
    static let name = "people at national scale"

    struct Options {
        var directory: String
        var persons: Int
        var smallPersons: Int
        var seconds: Double
        var clientThreads: Int
    }

    /// The milestones every generated person has, in the order of a case (arrival dates as
    /// rows too, as an import from UDI's data would have them).
    static let generated: [(Milestone, days: Int)] = [
        (.arrivedNorway, 0), (.arrivedArrivalCentre, 0), (.leftArrivalCentre, 2), (.arrivedMunicipality, 3), (.tbScreening, 9),
        (.healthExam, 60), (.residenceGranted, 120), (.settled, 200),
    ]
    /// Those the load records: no generated person has them, so each (person, kind) is new.
    static let recorded: [Milestone] = [
        .schoolOffer, .representativeAppointed, .skillsMapping, .introStarted, .introEnded, .disabilityGrantApplied,
    ]
    static let districts = [
        "gamle-oslo", "grunerlokka", "sagene", "st-hanshaugen", "frogner", "ullern", "vestre-aker", "nordre-aker", "bjerke",
        "grorud", "stovner", "alna", "ostensjo", "nordstrand", "sondre-nordstrand",
    ]

    struct Scale {
        var persons: Int
        var milestones: Int
        var generateSeconds: Double
        var startSeconds: Double
        var integrityCheckSeconds: Double
        var residentMegabytes: Double
        var summaryP50: Double
        var personP50: Double
        /// One person's deadlines from the engine, in process (no request, no audit row).
        var engineLookupP50: Double
        var milestoneRate: Double
        var milestoneP50: Double
        var microsecondsPerMilestone: Double
        var failures: Int
    }

    static func run(_ options: Options, report: (String) -> Void) throws {
        let small = try measure(persons: options.smallPersons, options, seconds: min(options.seconds, 2))
        let large = try measure(persons: options.persons, options, seconds: options.seconds)
        report("")
        report("| people (issue 12) | \(small.persons) persons | \(large.persons) persons |")
        report("|---|---:|---:|")
        for (label, value) in [
            ("milestones generated", { (scale: Scale) in "\(scale.milestones)" }),
            ("generated in (s)", { String(format: "%.1f", $0.generateSeconds) }),
            ("start-up until the summary answers (s)", { String(format: "%.2f", $0.startSeconds) }),
            ("… of which the store's integrity check, alone (s)", { String(format: "%.2f", $0.integrityCheckSeconds) }),
            ("resident memory after start (MB, whole process)", { String(format: "%.0f", $0.residentMegabytes) }),
            ("GET /v1/deadlines/summary p50 (ms), under load", { String(format: "%.3f", $0.summaryP50) }),
            ("GET /v1/persons/{id} p50 (ms, audited read), under load", { String(format: "%.3f", $0.personP50) }),
            ("one person's deadlines from the engine p50 (ms), under load", { String(format: "%.4f", $0.engineLookupP50) }),
            ("POST …/milestones, 32 clients (per s)", { String(format: "%.0f", $0.milestoneRate) }),
            ("POST …/milestones p50 (ms)", { String(format: "%.3f", $0.milestoneP50) }),
            ("writer execution per milestone (µs)", { String(format: "%.1f", $0.microsecondsPerMilestone) }),
            ("failures", { "\($0.failures)" }),
        ] as [(String, (Scale) -> String)] {
            report("| \(label) | \(value(small)) | \(value(large)) |")
        }
        report(String(format: "cost per milestone, %d vs %d persons: %.2f× (writer execution), %.2f× (rate)",
                      large.persons, small.persons, large.microsecondsPerMilestone / max(small.microsecondsPerMilestone, 0.001),
                      small.milestoneRate / max(large.milestoneRate, 0.001)))
    }

    private static func measure(persons: Int, _ options: Options, seconds: Double) throws -> Scale {
        var configuration = try ConfigurationLoader.loadEmbedded()
        configuration.state.directory = options.directory + "/\(persons)"
        configuration.playbooks.directory = options.directory + "/no-playbooks"
        // The schema and the districts, as the daemon makes them.
        if let once = try? RunningDaemon(configuration: configuration, configurationFile: nil, environment: [:]) { once.stop() }
        let generateStarted = DispatchTime.now().uptimeNanoseconds
        let milestones = try generate(persons: persons, directory: configuration.state.directory)
        let generateSeconds = Double(DispatchTime.now().uptimeNanoseconds - generateStarted) / 1e9

        // What the start spends on the store's integrity check (PRAGMA quick_check), which grows
        // with the file, whatever the deadlines: measured alone, on the same file, first.
        let checkStarted = DispatchTime.now().uptimeNanoseconds
        _ = try Database(configuration: Database.Configuration(directory: configuration.state.directory)).openForReading()
            .query("PRAGMA quick_check(5)") { $0.text(0) }
        let checkSeconds = Double(DispatchTime.now().uptimeNanoseconds - checkStarted) / 1e9
        let started = DispatchTime.now().uptimeNanoseconds
        let daemon = try RunningDaemon(configuration: configuration, configurationFile: nil, environment: [:])
        defer { daemon.stop() }
        try waitForSummary(daemon.socketPath)
        let startSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let resident = residentMegabytes()

        let writerBefore = daemon.services.writer.currentStatistics
        let counter = Atomic<Int>(0)
        let record: @Sendable (Int, Int) -> [UInt8] = { _, _ in
            let n = counter.add(1, ordering: .relaxed).oldValue
            let person = n % persons + 1
            let kind = recorded[(n / persons) % recorded.count]
            return BenchHTTP.request("POST", "/v1/persons/\(person)/milestones", json: #"{"milestone":"\#(kind.rawValue)"}"#)
        }
        let summary: @Sendable (Int, Int) -> [UInt8] = { _, _ in
            HTTPRequestEncoder.encode(method: "GET", target: "/v1/deadlines/summary", headers: ["Host": "beredskap"], body: [])
        }
        let show: @Sendable (Int, Int) -> [UInt8] = { _, iteration in
            HTTPRequestEncoder.encode(
                method: "GET", target: "/v1/persons/\((iteration * 7919) % persons + 1)", headers: ["Host": "beredskap"], body: [])
        }
        let socket = daemon.socketPath
        let results = Mutex<[String: (LoadResult, Double)]>([:])
        let group = DispatchGroup()
        for (name, clients, status, request) in [
            ("record", 32, 201, record), ("summary", 1, 200, summary), ("show", 1, 200, show),
        ] as [(String, Int, Int, @Sendable (Int, Int) -> [UInt8])] {
            group.enter()
            Thread.detachNewThread {
                let outcome = Load.run(
                    socket: socket, clients: clients, threads: name == "record" ? options.clientThreads : 1, seconds: seconds,
                    expectedStatus: status, request: request)
                results.withLock { $0[name] = outcome }
                group.leave()
            }
        }
        let lookups = Mutex<[UInt64]>([])
        let sampling = Atomic<Bool>(true)
        let engine = daemon.world.deadlines
        Thread.detachNewThread {
            var n = 0
            var samples: [UInt64] = []
            while sampling.load(ordering: .relaxed) {
                n += 1
                let started = DispatchTime.now().uptimeNanoseconds
                _ = engine.deadlines(of: Int64((n * 7919) % persons + 1))
                samples.append(DispatchTime.now().uptimeNanoseconds - started)
                usleep(1000)
            }
            lookups.withLock { $0 = samples }
        }
        group.wait()
        sampling.store(false, ordering: .relaxed)
        let lookupSamples = waitForSamples(lookups)
        let writerAfter = daemon.services.writer.currentStatistics
        let measured = results.withLock { $0 }
        let recordResult = measured["record"] ?? (LoadResult(), 1)
        let commands = Double(max(writerAfter.commands - writerBefore.commands, 1))
        return Scale(
            persons: persons, milestones: milestones, generateSeconds: generateSeconds, startSeconds: startSeconds,
            integrityCheckSeconds: checkSeconds,
            residentMegabytes: resident, summaryP50: measured["summary"]?.0.latenciesNanoseconds.quantileMilliseconds(0.5) ?? 0,
            personP50: measured["show"]?.0.latenciesNanoseconds.quantileMilliseconds(0.5) ?? 0,
            engineLookupP50: lookupSamples.quantileMilliseconds(0.5),
            milestoneRate: Double(recordResult.0.requests) / recordResult.1,
            milestoneP50: recordResult.0.latenciesNanoseconds.quantileMilliseconds(0.5),
            microsecondsPerMilestone: (writerAfter.executeSeconds - writerBefore.executeSeconds) * 1e6 / commands,
            failures: measured.values.reduce(0) { $0 + $1.0.failures })
    }

    /// Writes `persons` persons with `generated` milestones each in one transaction, as the
    /// store's own functions would leave them (an event per person, the details as JSON).
    private static func generate(persons: Int, directory: String) throws -> Int {
        let database = Database(configuration: Database.Configuration(directory: directory))
        let connection = try database.openForWriting(now: 0)
        let now = Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
        let first = CalendarDate(parsing: "2015-09-01") ?? CalendarDate(daysSinceEpoch: 0)
        let span = Int(max(1, CalendarDate(daysSinceEpoch: now.millisecondsSinceEpoch / 86_400_000).daysSinceEpoch - first.daysSinceEpoch - 1))
        let encoder = JSONValueEncoder()
        var milestones = 0
        try connection.execute("BEGIN IMMEDIATE")
        for id in 1...persons {
            let arrived = first.adding(days: (id * 7919) % span)
            guard let duf = DUFNumber(parsing: String(format: "2015%08d", id)) else { throw BenchError("no DUF number for \(id)") }
            let draft = PersonDraft(
                duf: duf,
                givenName: "Person", familyName: "Nummer \(id)", birth: .estimatedYear(1960 + id % 45), sex: id % 2 == 0 ? .female : .male,
                nationality: "SY", languages: ["ar"], category: .asylumSeeker, status: .settled, arrivedNorway: arrived,
                arrivedCity: arrived.adding(days: 3), district: districts[id % districts.count])
            try connection.run(
                "INSERT INTO events(time_ms, actor_uid, actor_user, type, subject, data, exercise) VALUES (?, 0, 'root', ?, ?, ?, 0)",
                now.millisecondsSinceEpoch, PersonEvents.registered.name, "person/\(id)", #"{"person":\#(id)}"#)
            let seq = connection.lastInsertRowID
            try connection.run(
                """
                INSERT INTO persons(id, duf, category, status, district, arrival_year, details, last_seq)
                VALUES (?, ?, 'asylumSeeker', 'settled', ?, ?, ?, ?)
                """,
                Int64(id), draft.duf.description, draft.district, Int64(arrived.year), try encoder.encode(draft).serializedString(), seq)
            for (milestone, days) in generated {
                let date = arrived.adding(days: days)
                guard date.daysSinceEpoch * 86_400_000 <= now.millisecondsSinceEpoch else { continue }
                try connection.run(
                    "INSERT INTO person_milestones(person_id, milestone, date, seq) VALUES (?, ?, ?, ?)", Int64(id), milestone.rawValue,
                    date.description, seq)
                milestones += 1
            }
        }
        try connection.execute("COMMIT")
        return milestones
    }

    /// Until `GET /v1/deadlines/summary` answers (the engine has rebuilt), or, without that
    /// route, `GET /v1/health`.
    private static func waitForSummary(_ socket: String) throws {
        let connection = try UnixSocketConnection(path: socket)
        defer { connection.close() }
        let deadline = DispatchTime.now().uptimeNanoseconds + 120_000_000_000
        while DispatchTime.now().uptimeNanoseconds < deadline {
            let summary = HTTPRequestEncoder.encode(method: "GET", target: "/v1/deadlines/summary", headers: ["Host": "beredskap"], body: [])
            let (status, _) = try BenchHTTP.exchange(connection, summary)
            if status == 200 || status == 404 { return }
        }
        throw BenchError("the deadline summary did not answer within 120 s")
    }

    /// The sampler's figures, once it has handed them over.
    private static func waitForSamples(_ samples: borrowing Mutex<[UInt64]>) -> [UInt64] {
        for _ in 0..<1000 {
            let taken = samples.withLock { $0 }
            if !taken.isEmpty { return taken }
            usleep(1000)
        }
        return []
    }

    /// VmRSS of this process in MB.
    private static func residentMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
        else { return 0 }
        return kilobytes / 1024
    }
}
