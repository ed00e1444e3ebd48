import BeredskapTestSupport
import BeredskapAPI
import BeredskapClient
import BeredskapCore
import Foundation
import Glibc
import Synchronization
import Testing

@Suite struct CrashSafetyTests {
    /// Eight clients write (each until `write` returns nil, i.e. the daemon is gone); once
    /// `atLeast` writes are acknowledged, the daemon is killed with SIGKILL. Returns what was
    /// acknowledged.
    static func writeUntilKilled<Answer: Sendable>(
        _ daemon: DaemonProcess, atLeast count: Int,
        _ write: @escaping @Sendable (BeredskapClient, _ clientNumber: Int, _ index: Int) -> Answer?
    ) throws -> [Answer] {
        let acknowledged = Mutex<[Answer]>([])
        let writers = DispatchGroup()
        for clientNumber in 0..<8 {
            writers.enter()
            let socket = daemon.socketPath
            Thread.detachNewThread {
                defer { writers.leave() }
                let client = BeredskapClient(socketPath: socket, timeout: 10)
                defer { client.close() }
                for index in 0... {
                    guard let answer = write(client, clientNumber, index) else { return }
                    acknowledged.withLock { $0.append(answer) }
                }
            }
        }
        #expect(waitUntil(timeout: 60) { acknowledged.withLock { $0.count } >= count })
        daemon.kill9()
        #expect(writers.wait(timeout: .now() + 30) == .success, "every writer notices the daemon is gone")
        return acknowledged.withLock { $0 }
    }

    struct Acknowledged: Hashable {
        let text: String
        let id: Int64
        let eventSeq: Int64
    }

    /// The durability promise: kill -9 while 8 clients write; everything acknowledged survives.
    @Test func killNineWhileEightClientsWriteLosesNothingAcknowledged() throws {
        let daemon = try DaemonProcess()
        let acked = try Self.writeUntilKilled(daemon, atLeast: 1500) { client, clientNumber, index in
            let text = "klient \(clientNumber) melding \(index) — Grünerløkka"
            return (try? client.addLogEntry(text: text, idempotencyKey: "c\(clientNumber)-\(index)"))
                .map { Acknowledged(text: text, id: $0.id, eventSeq: $0.eventSeq) }
        }

        try daemon.killAndRestart()
        let client = daemon.client()
        defer { client.close() }
        let stored = try client.allLogEntries()
        var missing = 0
        for ack in acked {
            guard let entry = stored[ack.id], entry.text == ack.text, entry.seq == ack.eventSeq else {
                missing += 1
                continue
            }
        }
        #expect(missing == 0, "\(missing) of \(acked.count) acknowledged entries are missing")
        // The event log agrees: each acknowledged entry's event is there and names it.
        let events = try client.allEvents(type: "log.added")
        #expect(acked.allSatisfy { events[$0.eventSeq]?.data["id"]?.intValue == $0.id })
        #expect(stored.count == events.count, "the incident log and its events were written together")
    }

    /// The same promise for the hottest write: kill -9 while 8 clients record arrivals at 4
    /// facilities. Every acknowledged arrival is stored, each facility's head count is the sum
    /// of its acknowledged arrivals (nothing half-applied), and the surge window rebuilt at
    /// start counts them all.
    @Test func killNineWhileArrivalsAreRecordedKeepsCountsAndSurgeFiguresExact() throws {
        let daemon = try DaemonProcess()
        let setup = daemon.client()
        let facilities = ["refstad", "torshov", "ila", "toyen"]
        for id in facilities {
            _ = try setup.putFacility(
                id: id,
                FacilityBody(
                    name: "Mottak \(id)", kind: .transit, status: .open, operator: "Hero", district: nil, authority: .udi,
                    capacity: 1000))
        }
        setup.close()
        let acked = try Self.writeUntilKilled(daemon, atLeast: 1000) { client, clientNumber, index in
            let body = ArrivalBody(facility: facilities[(clientNumber + index) % facilities.count], count: 1 + index % 3, category: .family)
            return try? client.recordArrival(body, idempotencyKey: "a\(clientNumber)-\(index)")
        }

        try daemon.killAndRestart()
        let client = daemon.client()
        defer { client.close() }
        let stored = try client.facilities().facilities
        // Unacknowledged arrivals may also have committed (the answer was lost in the kill), so
        // the stored counts are at least the acknowledged sums, and the surge figure matches the
        // stored total exactly.
        var total = 0
        for id in facilities {
            let ackedSum = acked.filter { $0.facility == id }.reduce(0) { $0 + $1.count }
            let occupied = stored.first { $0.id == id }?.occupied ?? -1
            #expect(occupied >= ackedSum, "\(id): \(occupied) stored, \(ackedSum) acknowledged")
            total += occupied
        }
        // Each committed arrival event changed its facility's head count, and nothing else did.
        var committed: [String: Int] = [:]
        for event in try client.allEvents(type: "arrival.recorded").values {
            committed[event.data["facility"]?.stringValue ?? "", default: 0] += Int(event.data["count"]?.intValue ?? 0)
        }
        for id in facilities {
            #expect(committed[id] == stored.first { $0.id == id }?.occupied, "\(id): events and head count agree")
        }
        #expect(acked.allSatisfy { $0.eventSeq > 0 && $0.occupied > 0 })
        #expect(try client.surge().arrivals24h == total, "the surge window is rebuilt from the store")
    }
}

