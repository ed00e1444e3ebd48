import BeredskapTestSupport
import BeredskapAPI
import BeredskapClient
import BeredskapCore
import Foundation
import Glibc
import Synchronization
import Testing

@Suite struct CrashSafetyTests {
    struct Acknowledged: Hashable {
        let text: String
        let id: Int64
        let eventSeq: Int64
    }

    /// The durability promise: kill -9 while 8 clients write; everything acknowledged survives.
    @Test func killNineWhileEightClientsWriteLosesNothingAcknowledged() throws {
        let daemon = try DaemonProcess()
        let acknowledged = Mutex<[Acknowledged]>([])
        let writers = DispatchGroup()
        for clientNumber in 0..<8 {
            writers.enter()
            let socket = daemon.socketPath
            Thread.detachNewThread {
                defer { writers.leave() }
                let client = BeredskapClient(socketPath: socket, timeout: 10)
                defer { client.close() }
                for index in 0... {
                    let text = "klient \(clientNumber) melding \(index) — Grünerløkka"
                    guard let entry = try? client.addLogEntry(text: text, idempotencyKey: "c\(clientNumber)-\(index)") else { return }
                    acknowledged.withLock { $0.append(Acknowledged(text: text, id: entry.id, eventSeq: entry.eventSeq)) }
                }
            }
        }
        #expect(waitUntil(timeout: 60) { acknowledged.withLock { $0.count } >= 1500 })
        daemon.kill9()
        #expect(writers.wait(timeout: .now() + 30) == .success, "every writer notices the daemon is gone")
        let acked = acknowledged.withLock { $0 }

        try daemon.killAndRestart()
        let client = daemon.client()
        defer { client.close() }
        var stored: [Int64: IncidentLogEntry] = [:]
        var query = LogListQuery()
        query.limit = 1000
        while true {
            let page = try client.logEntries(query)
            for entry in page.entries { stored[entry.id] = entry }
            guard let next = page.next else { break }
            query.cursor = next
        }
        var missing = 0
        for ack in acked {
            guard let entry = stored[ack.id], entry.text == ack.text, entry.seq == ack.eventSeq else {
                missing += 1
                continue
            }
        }
        #expect(missing == 0, "\(missing) of \(acked.count) acknowledged entries are missing")
        // The event log agrees: each acknowledged event is there with its text.
        var events: [Int64: Event] = [:]
        var since: Int64 = 0
        while true {
            let page = try client.events(since: since, limit: 1000, type: "log.added")
            for event in page.events { events[event.seq] = event }
            guard page.events.count == 1000 else { break }
            since = page.next
        }
        #expect(acked.allSatisfy { events[$0.eventSeq]?.data["text"]?.stringValue == $0.text })
        #expect(stored.count == events.count, "the incident log and its events were written together")
    }
}
