import BeredskapAPI

/// `status --csv` and `surge --csv`: one column per figure, named as in the JSON, with plain
/// numbers (a ratio as a fraction, times in RFC 3339 UTC), so a spreadsheet can add a row
/// per snapshot and a script can read a figure by its column. Sentences are for people.
enum FigureTables {
    static let statusHeader = [
        "surge_level", "capacity", "blocked", "available", "occupied", "free", "over_capacity", "utilization",
        "standby_capacity", "alerts_firing", "alerts_pending",
        "alerts_unacknowledged", "runs_active", "notifications_pending", "notifications_dead", "deadlines_overdue",
        "last_event_seq", "uptime_s", "server_version",
    ]

    /// One row: the overview as it is now.
    static func status(_ status: StatusResponse) -> (header: [String], rows: [[String]]) {
        let capacity = status.capacity, alerts = status.alerts
        let figures: [any CustomStringConvertible] = [
            status.surgeLevel, capacity.capacity, capacity.blocked, capacity.available, capacity.occupied, capacity.free,
            capacity.overCapacity, capacity.utilization,
            capacity.standbyCapacity, alerts.firing, alerts.pending, alerts.unacknowledged, status.runsActive,
            status.notifications.pending, status.notifications.dead, status.deadlinesOverdue, status.lastEventSeq,
            status.uptimeS, status.serverVersion,
        ]
        return (statusHeader, [figures.map(\.description)])
    }

    static let surgeHeader = [
        "level", "since", "reason", "arrivals_24h", "arrivals_7d", "baseline_per_day", "ratio", "baseline_days", "recent_days",
        "at", "kind", "free", "net_per_day", "days_to_full",
    ]

    /// One row per kind in the forecast (in `kinds` order), each with the level and the
    /// figures behind it; one row with empty kind columns when nothing is forecast. Empty
    /// cells are nulls (no `since` at normal, no ratio without a baseline, not filling).
    static func surge(_ surge: SurgeResponse, kinds: [String]) -> (header: [String], rows: [[String]]) {
        let level = [
            surge.level.rawValue, surge.since?.rfc3339 ?? "", surge.reason ?? "", String(surge.arrivals24h),
            String(surge.arrivals7d), String(surge.baselinePerDay), surge.ratio.map { String($0) } ?? "",
            String(surge.baselineDays), String(surge.recentDays), surge.at.rfc3339,
        ]
        let forecast = kinds.compactMap { kind in
            surge.forecast[kind].map { item in
                [kind, String(item.free), String(item.netPerDay), item.daysToFull.map { String($0) } ?? ""]
            }
        }
        return (surgeHeader, (forecast.isEmpty ? [["", "", "", ""]] : forecast).map { level + $0 })
    }
}
