/// Every endpoint of the API, grouped as the daemon's features are (`Endpoints.Capacity.facility`).
/// The daemon declares each route from one of these and the client calls through the same
/// value; `all` lets a test check that both sides cover every endpoint exactly once.
public enum Endpoints {
    public static var all: [EndpointSpec] {
        Service.all + Events.all + IncidentLog.all + Audit.all + Capacity.all + Playbooks.all + Alerts.all + SettlementYears.all + SettlementProgress.all
            + SettlementCases.all + People.all + Deadlines.all + Exercises.all + ExerciseReports.all + Minors.all + Grants.all + ScheduledReports.all
            + Intro.all
    }

    /// The service itself: `/v1/health`, `/v1`, `/v1/status`, `/v1/metrics`.
    public enum Service {
        public static let health = Endpoint<NoBody, HealthResponse>(.get, "/v1/health", permission: nil)
        public static let version = Endpoint<NoBody, VersionResponse>(.get, "/v1", permission: .read)
        public static let status = Endpoint<NoBody, StatusResponse>(.get, "/v1/status", permission: .read)
        /// Prometheus text, not JSON.
        public static let metrics = Endpoint<NoBody, String>(.get, "/v1/metrics", permission: .read)
        /// An online backup of the state to a file on the daemon's host, verified before the answer.
        public static let backup = Endpoint<BackupRequest, BackupResult>(.post, "/v1/backup", permission: .admin)

        public static var all: [EndpointSpec] { [health.spec, version.spec, status.spec, metrics.spec, backup.spec] }
    }

    /// The event log.
    public enum Events {
        /// A page, or with `follow=true` a live NDJSON stream of `Event`s and heartbeats.
        public static let events = Endpoint<NoBody, EventPage>(
            .get, "/v1/events", permission: .read, query: ["since", "limit", "type", "follow"])

        public static var all: [EndpointSpec] { [events.spec] }
    }

    /// The incident log (hendelseslogg).
    public enum IncidentLog {
        public static let add = Endpoint<NewLogEntry, LogEntryCreated>(.post, "/v1/log", permission: .operate)
        public static let list = Endpoint<NoBody, LogPage>(
            .get, "/v1/log", permission: .read, query: ["since", "until", "subject", "limit", "after", "before", "order"])

        public static var all: [EndpointSpec] { [add.spec, list.spec] }
    }

    /// Who did what.
    public enum Audit {
        public static let trail = Endpoint<NoBody, AuditPage>(
            .get, "/v1/audit", permission: .admin, query: ["since", "actor", "after", "limit"])

        public static var all: [EndpointSpec] { [trail.spec] }
    }
}
