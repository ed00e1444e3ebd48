import BeredskapAPI
import BeredskapStore

extension Feature {
    /// Alerts and their rules, the notification outbox and its channels, and silences.
    static let alerts = Feature(
        name: "alerts",
        configuration: [ConfigurationSection("alerts", \.alerts), ConfigurationSection("notifications", \.notifications)],
        status: { _ in
            StatusFields(read: { connection, now, status in
                let alerts = try connection.alertCounts(at: now)
                status.alerts = StatusResponse.Alerts(
                    firing: alerts.firing, pending: alerts.pending, unacknowledged: alerts.unacknowledged)
                let outbox = try connection.notificationCounts()
                status.notifications = StatusResponse.Notifications(pending: outbox.pending, dead: outbox.dead)
            })
        },
        routes: { wiring in
            let services = wiring.services
            let reads = services.reads, settings = services.settings, clock = services.clock
            return AlertRoutes(reads: reads, engine: services.alerts, settings: settings, clock: clock).routes
                + NotificationRoutes(reads: reads).routes
                + NotificationTestRoute(notifier: services.notifier, settings: settings, clock: clock).routes
                + SilenceRoutes(reads: reads, clock: clock).routes
        })
}
