import BeredskapAPI
import BeredskapClient
import BeredskapCore

/// Whole lists read page by page, for tests that check everything the daemon kept.
extension BeredskapClient {
    /// Every event (of `type`, when given), by seq.
    func allEvents(type: String? = nil) throws -> [Int64: Event] {
        var events: [Int64: Event] = [:]
        var since: Int64 = 0
        while true {
            let page = try self.events(since: since, limit: 1000, type: type)
            for event in page.events { events[event.seq] = event }
            guard page.events.count == 1000 else { return events }
            since = page.next
        }
    }

    /// Every incident-log entry, by id.
    func allLogEntries() throws -> [Int64: IncidentLogEntry] {
        var entries: [Int64: IncidentLogEntry] = [:]
        var query = LogListQuery()
        query.limit = 1000
        while true {
            let page = try logEntries(query)
            for entry in page.entries { entries[entry.id] = entry }
            guard let next = page.next else { return entries }
            query.cursor = next
        }
    }
}
