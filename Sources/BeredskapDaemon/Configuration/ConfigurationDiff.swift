/// What a reload may change while running, and what needs a restart.
///
/// Why the split: the socket, the store and the HTTP limits are set up once at start (the
/// socket is bound, the loops are sized), and so is what a feature's section marks as such
/// (`ConfigurationSection`: the playbook directory; the cards themselves are re-read on every
/// reload); access roles, the time zone, the heartbeat, the shutdown grace period and the
/// features' other settings are read each time they are used, so they change on SIGHUP.
enum ConfigurationDiff {
    static func restartRequired(
        from running: DaemonConfiguration, to new: DaemonConfiguration,
        sections: [ConfigurationSection] = Features.configurationSections
    ) -> [String] {
        var changed: [String] = []
        if running.state != new.state { changed.append("state") }
        if running.socket != new.socket { changed.append("socket") }
        if running.http != new.http { changed.append("http") }
        if running.store != new.store { changed.append("store") }
        return changed + sections.flatMap { $0.restartRequired(running, new) }
    }

    static func liveChanges(
        from running: DaemonConfiguration, to new: DaemonConfiguration,
        sections: [ConfigurationSection] = Features.configurationSections
    ) -> [String] {
        var changed: [String] = []
        if running.access != new.access { changed.append("access") }
        if running.timeZone != new.timeZone { changed.append("time_zone") }
        if running.events != new.events { changed.append("events") }
        if running.shutdown != new.shutdown { changed.append("shutdown") }
        return changed + sections.flatMap { $0.liveChanges(running, new) }
    }

    /// `new`, except what needs a restart keeps its running values.
    static func keepingRestartOnly(
        _ running: DaemonConfiguration, appliedFrom new: DaemonConfiguration,
        sections: [ConfigurationSection] = Features.configurationSections
    ) -> DaemonConfiguration {
        var result = new
        result.state = running.state
        result.socket = running.socket
        result.http = running.http
        result.store = running.store
        for section in sections { section.keepRestartOnly(&result, running) }
        return result
    }
}
