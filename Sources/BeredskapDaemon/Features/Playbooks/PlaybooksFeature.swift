import BeredskapStore

extension Feature {
    /// The action cards and their runs. The directory of the cards is read once at start; a
    /// reload reads the cards again but takes a new directory only after a restart.
    static let playbooks = Feature(
        name: "playbooks",
        configuration: [ConfigurationSection("playbooks", \.playbooks, restart: [RestartField("directory", \.directory)])],
        status: { _ in
            StatusFields(read: { connection, _, status in
                status.runsActive = try connection.activeRunCounts().values.reduce(0, +)
                status.deadlinesOverdue = try connection.overdueStepCount()
            })
        },
        routes: { wiring in
            let services = wiring.services
            return PlaybookRoutes(reads: services.reads, library: services.playbooks, settings: services.settings).routes
                + RunRoutes(reads: services.reads, library: services.playbooks, engine: services.runs, settings: services.settings)
                .routes
        })
}
