import BeredskapStore

extension Feature {
    /// The event log: a page of it, or the live stream.
    static let events = Feature(
        name: "events",
        status: { _ in StatusFields(read: { connection, _, status in status.lastEventSeq = try connection.lastEventSeq() }) },
        routes: { wiring in
            EventRoutes(reads: wiring.services.reads, bus: wiring.services.bus, settings: wiring.services.settings).routes
        })
}
