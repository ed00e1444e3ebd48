import BeredskapAPI
import BeredskapClient
import BeredskapCore
import BeredskapSQLite
import BeredskapTestSupport
import Foundation
import Glibc
import Synchronization
import Testing

/// Issue 16, item 2: `kill -9` at random moments while 32 clients write, round after round on
/// the same state. After each kill the file passes `PRAGMA integrity_check` before anything
/// opens it for the restart; every acknowledged write is there with what was acknowledged; and
/// the state is what a replay of the event log gives — each facility's head count is the sum
/// of its flow events, the incident log holds exactly the entries its events name, and the
/// surge window counts every arrival.
///
/// `swift test` runs the 20 rounds (about 30 s); `BEREDSKAP_FAULT_ROUNDS=N` runs N,
/// and `BEREDSKAP_FAULT_SEED` moves the kill points.
@Suite(.serialized) struct KillNineRoundsTests {
    static let defaultRounds = 20
    static let clients = 32
    static let facilities = ["refstad", "torshov", "ila", "toyen"]
    /// Each facility starts half full, and each flow moves one person, so arrivals and
    /// departures keep it far from both empty and the cap over many rounds.
    static let startingHeadCount = 500

    enum Write: Hashable {
        case arrival(facility: String, eventSeq: Int64)
        case departure(facility: String, eventSeq: Int64)
        case log(id: Int64, text: String, eventSeq: Int64)
    }

    @Test func everyRoundKeepsTheAcknowledgedWritesTheFileSoundAndTheStateAReplayOfTheLog() throws {
        let daemon = try DaemonProcess()
        try Self.setUp(daemon)
        var random = SplitMix64(seed: FaultBudget.seed(16_002))
        var acknowledged: [Write] = []
        for round in 1...FaultBudget.rounds(default: Self.defaultRounds) {
            // The kill point: after a random number of acknowledgements, then a random delay
            // of up to 20 ms, so that it falls inside commits, between them and mid-answer.
            let killAfter = Int.random(in: 50...400, using: &random)
            let delayMicroseconds = UInt32.random(in: 0...20_000, using: &random)
            acknowledged += Self.writeUntilKilled(daemon, round: round, killAfter: killAfter, delay: delayMicroseconds)
            #expect(try Self.integrityCheck(daemon) == ["ok"], "round \(round): the file after the kill")
            try daemon.killAndRestart()
            try Self.verify(daemon, acknowledged: acknowledged, round: round)
        }
    }

    private static func setUp(_ daemon: DaemonProcess) throws {
        let client = daemon.client()
        defer { client.close() }
        for id in facilities {
            _ = try client.putFacility(
                id: id,
                FacilityBody(
                    name: "Mottak \(id)", kind: .transit, status: .open, operator: "Hero", district: nil, authority: .udi,
                    capacity: 1000))
            _ = try client.recordArrival(ArrivalBody(facility: id, count: startingHeadCount, category: .adult))
        }
    }

    /// 32 clients write arrivals, departures and incident-log entries until the daemon is
    /// killed; returns what was acknowledged (a 2xx answer read in full).
    private static func writeUntilKilled(_ daemon: DaemonProcess, round: Int, killAfter: Int, delay: UInt32) -> [Write] {
        let acknowledged = Mutex<[Write]>([])
        let writers = DispatchGroup()
        for clientNumber in 0..<clients {
            writers.enter()
            let socket = daemon.socketPath
            Thread.detachNewThread {
                defer { writers.leave() }
                let client = BeredskapClient(socketPath: socket, timeout: 10)
                defer { client.close() }
                for index in 0... {
                    let key = "r\(round)-c\(clientNumber)-\(index)"
                    let facility = facilities[(clientNumber + index) % facilities.count]
                    let write: Write
                    do throws(ClientError) {
                        switch (clientNumber + index) % 3 {
                        case 0:
                            let answer = try client.recordArrival(
                                ArrivalBody(facility: facility, count: 1, category: .family), idempotencyKey: key)
                            write = .arrival(facility: answer.facility, eventSeq: answer.eventSeq)
                        case 1:
                            let answer = try client.recordDeparture(
                                DepartureBody(facility: facility, count: 1, reason: .settled), idempotencyKey: key)
                            write = .departure(facility: answer.facility, eventSeq: answer.eventSeq)
                        default:
                            let text = "runde \(round), klient \(clientNumber), melding \(index) — Grünerløkka"
                            let answer = try client.addLogEntry(text: text, idempotencyKey: key)
                            write = .log(id: answer.id, text: text, eventSeq: answer.eventSeq)
                        }
                    } catch {
                        if case .connection = error { return }  // the daemon is gone
                        continue  // refused (it must not be, but then it is not acknowledged either)
                    }
                    acknowledged.withLock { $0.append(write) }
                }
            }
        }
        #expect(waitUntil(timeout: 60) { acknowledged.withLock { $0.count } >= killAfter })
        usleep(delay)
        daemon.kill9()
        #expect(writers.wait(timeout: .now() + 30) == .success, "round \(round): every writer notices the daemon is gone")
        return acknowledged.withLock { $0 }
    }

    /// What SQLite finds in the file as the kill left it (with its WAL), before a restart
    /// could repair or rewrite anything.
    private static func integrityCheck(_ daemon: DaemonProcess) throws -> [String] {
        let connection = try SQLiteConnection(path: daemon.directory + "/.beredskap/beredskap.db", mode: .readWriteCreate)
        return try connection.query("PRAGMA integrity_check") { $0.text(0) }
    }

    private static func verify(_ daemon: DaemonProcess, acknowledged: [Write], round: Int) throws {
        let client = daemon.client()
        defer { client.close() }
        let events = try client.allEvents()
        // Every acknowledged write has its event, saying what was acknowledged.
        var missing: [Write] = []
        for write in acknowledged {
            switch write {
            case .arrival(let facility, let seq):
                if events[seq]?.type != "arrival.recorded" || events[seq]?.data["facility"]?.stringValue != facility { missing.append(write) }
            case .departure(let facility, let seq):
                if events[seq]?.type != "departure.recorded" || events[seq]?.data["facility"]?.stringValue != facility { missing.append(write) }
            case .log(let id, _, let seq):
                if events[seq]?.type != "log.added" || events[seq]?.data["id"]?.intValue != id { missing.append(write) }
            }
        }
        #expect(missing.isEmpty, "round \(round): \(missing.count) of \(acknowledged.count) acknowledged writes lost: \(missing.prefix(3))")

        // The state is the replay of the log.
        var replayed: [String: Int] = [:]
        var arrivals = 0
        var loggedIDs: Set<Int64> = []
        for event in events.values {
            let facility = event.data["facility"]?.stringValue ?? ""
            let count = Int(event.data["count"]?.intValue ?? 0)
            switch event.type {
            case "arrival.recorded":
                replayed[facility, default: 0] += count
                arrivals += count
            case "departure.recorded":
                replayed[facility, default: 0] -= count
            case "log.added":
                if let id = event.data["id"]?.intValue { loggedIDs.insert(id) }
            default:
                break
            }
        }
        let stored = try client.facilities().facilities
        for id in facilities {
            #expect(stored.first { $0.id == id }?.occupied == replayed[id], "round \(round), \(id): head count against the replay")
        }
        let entries = try client.allLogEntries()
        #expect(Set(entries.keys) == loggedIDs, "round \(round): the incident log is exactly what its events name")
        for case .log(let id, let text, _) in acknowledged {
            #expect(entries[id]?.text == text, "round \(round): log entry \(id) as acknowledged")
        }
        #expect(try client.surge().arrivals24h == arrivals, "round \(round): the surge window counts every arrival")
    }
}
