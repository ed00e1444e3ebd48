/// What a reload may change while running, and what needs a restart.
///
/// Why the split: the socket, the store, the HTTP limits and the playbook directory are set up
/// once at start (new runs take the reminder policy from the reloaded file) (the socket is bound, the loops are sized; the cards themselves are re-read
/// on every reload); access roles, the time zone, the heartbeat, the
/// shutdown grace period, the cap and the surge settings are read each time they are used
/// (the surge window is rebuilt from the store), so they can change on SIGHUP.
enum ConfigurationDiff {
    static func restartRequired(from running: DaemonConfiguration, to new: DaemonConfiguration) -> [String] {
        var changed: [String] = []
        if running.state != new.state { changed.append("state") }
        if running.socket != new.socket { changed.append("socket") }
        if running.http != new.http { changed.append("http") }
        if running.store != new.store { changed.append("store") }
        if running.playbooks.directory != new.playbooks.directory { changed.append("playbooks.directory") }
        return changed
    }

    static func liveChanges(from running: DaemonConfiguration, to new: DaemonConfiguration) -> [String] {
        var changed: [String] = []
        if running.access != new.access { changed.append("access") }
        if running.timeZone != new.timeZone { changed.append("time_zone") }
        if running.events != new.events { changed.append("events") }
        if running.shutdown != new.shutdown { changed.append("shutdown") }
        if running.capacity != new.capacity { changed.append("capacity") }
        if running.surge != new.surge { changed.append("surge") }
        if running.alerts != new.alerts { changed.append("alerts") }
        if running.notifications != new.notifications { changed.append("notifications") }
        if running.playbooks.runPolicy != new.playbooks.runPolicy { changed.append("playbooks") }
        return changed
    }

    /// `new`, except the sections that need a restart keep their running values.
    static func keepingRestartOnly(_ running: DaemonConfiguration, appliedFrom new: DaemonConfiguration)
        -> DaemonConfiguration
    {
        var result = new
        result.state = running.state
        result.socket = running.socket
        result.http = running.http
        result.store = running.store
        result.playbooks.directory = running.playbooks.directory
        return result
    }
}
