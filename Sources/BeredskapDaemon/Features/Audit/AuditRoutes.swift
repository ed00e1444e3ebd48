import BeredskapAPI
import BeredskapCore
import BeredskapStore

/// `GET /v1/audit`: who did what — every event caused by a person (mutations, denials, and
/// the reads of audited routes, `access.read`), filtered by time and actor.
struct AuditRoutes {
    let reads: StoreReads
    let settings: CurrentSettings

    var routes: [Route] {
        [
            Route(Endpoints.Audit.trail) { context throws(APIError) in
                let since = try context.queryTime("since", in: settings.calendar)
                let actor = context.query("actor")
                let after = try context.queryInteger("after", in: 0...Int64.max) ?? 0
                let limit = try context.pageSize()
                // A search of the whole event log by time and actor: off the loop.
                return .slowRead { () throws(APIError) in
                    let entries = try reads.read { try $0.auditEvents(after: after, since: since, actor: actor, limit: limit) }
                    return .json(status: 200, body: AuditPage(entries: entries, next: entries.last?.seq ?? after))
                }
            }
        ]
    }
}
