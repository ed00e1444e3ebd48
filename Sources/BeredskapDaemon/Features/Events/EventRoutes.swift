import BeredskapAPI
import BeredskapCore
import BeredskapStore

/// `GET /v1/events`: a page of the event log, or with `follow=true` a live NDJSON stream.
struct EventRoutes {
    let reads: StoreReads
    let bus: EventBus
    let settings: CurrentSettings

    var routes: [Route] {
        [
            Route(Endpoints.Events.events) { context throws(APIError) in
                let since = try context.queryInteger("since", in: 0...Int64.max)
                let typePrefix = context.query("type").flatMap { $0.isEmpty ? nil : $0 }
                if try context.queryBool("follow") == true {
                    guard context.query("limit") == nil else {
                        throw .invalidField("limit", Text("cannot be combined with follow=true", nb: "kan ikke kombineres med follow=true"))
                    }
                    EventFollower.start(
                        on: context.exchange, bus: bus, pool: reads.pool, settings: settings, since: since ?? bus.lastSeq,
                        typePrefix: typePrefix)
                    return .answered
                }
                let limit = try context.pageSize()
                let after = since ?? 0
                // A page is up to 1000 events with their data: read and encoded off the loop.
                // (A stream starts here and is fed by its loop as the client takes it.)
                return .slowRead { () throws(APIError) in
                    let events = try reads.read { try $0.events(after: after, limit: limit, typePrefix: typePrefix) }
                    return .json(status: 200, body: EventPage(events: events, next: events.last?.seq ?? after))
                }
            }
        ]
    }
}
