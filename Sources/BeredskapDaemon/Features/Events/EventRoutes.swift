import BeredskapAPI
import BeredskapCore
import BeredskapStore

/// `GET /v1/events`: a page of the event log, or with `follow=true` a live NDJSON stream.
///
/// A caller sees only the kinds of event their permissions allow (`EventKind.visibility`: the
/// access trail is for administrators). Events left out still move the cursor: `next` is past
/// them, so paging never stops short of the end nor reads them again.
struct EventRoutes {
    let reads: StoreReads
    let bus: EventBus
    let settings: CurrentSettings

    var routes: [Route] {
        [
            Route(Endpoints.Events.events) { context throws(APIError) in
                let since = try context.queryInteger("since", in: 0...Int64.max)
                let typePrefix = context.query("type").flatMap { $0.isEmpty ? nil : $0 }
                let visible = EventCatalogue.visibleNames(with: settings.policy.permissions(for: context.identity))
                if try context.queryBool("follow") == true {
                    guard context.query("limit") == nil else {
                        throw .invalidField("limit", Text("cannot be combined with follow=true", nb: "kan ikke kombineres med follow=true"))
                    }
                    EventFollower.start(
                        on: context.exchange, bus: bus, pool: reads.pool, settings: settings, since: since ?? bus.lastSeq,
                        typePrefix: typePrefix, visibleTypes: visible)
                    return .answered
                }
                let limit = try context.pageSize()
                let after = since ?? 0
                // A page is up to 1000 events with their data: read and encoded off the loop.
                // (A stream starts here and is fed by its loop as the client takes it.)
                return .slowRead { () throws(APIError) in
                    // Every event up to this seq is committed before the read below begins.
                    let durable = bus.lastSeq
                    let events = try reads.read {
                        try $0.events(after: after, limit: limit, typePrefix: typePrefix, visibleTypes: visible)
                    }
                    let page = EventPage(events: events, next: Self.next(after: after, events, limit: limit, durable: durable))
                    return .json(status: 200, body: page)
                }
            }
        ]
    }

    /// Where the next page starts: after a full page, its last event; after a short one, every
    /// event up to `durable` has been looked at (those of other types or hidden from the caller
    /// too), so past them.
    static func next(after: Int64, _ events: [Event], limit: Int, durable: Int64) -> Int64 {
        let last = events.last?.seq ?? after
        return events.count == limit ? last : max(last, durable)
    }
}
