import Synchronization

/// Request counters and latency histograms for `GET /v1/metrics` (Prometheus text format).
///
/// Labels are route *patterns* (`/v1/facilities/{id}`), never raw paths, so a client cannot
/// grow the metric set without bound; unmatched requests share the label `unmatched`.
public final class Metrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds.
    public static let latencyBuckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

    struct RequestKey: Hashable, Comparable {
        let route: String
        let method: String
        let status: Int

        static func < (lhs: RequestKey, rhs: RequestKey) -> Bool {
            (lhs.route, lhs.method, lhs.status) < (rhs.route, rhs.method, rhs.status)
        }
    }

    struct Histogram {
        var buckets = [Int](repeating: 0, count: Metrics.latencyBuckets.count)
        var count = 0
        var sum = 0.0

        mutating func observe(_ seconds: Double) {
            count += 1
            sum += seconds
            if let index = Metrics.latencyBuckets.firstIndex(where: { seconds <= $0 }) { buckets[index] += 1 }
        }
    }

    struct State {
        var requests: [RequestKey: Int] = [:]
        var latency: [String: Histogram] = [:]
        var denials = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// Methods that get their own label; any other token a client sends counts as `other`,
    /// so nobody can grow the label set by inventing methods.
    static let labelledMethods: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    public func recordRequest(route: String, method: String, status: Int, seconds: Double) {
        let methodLabel = Self.labelledMethods.contains(method) || method == "-" ? method : "other"
        state.withLock { state in
            state.requests[RequestKey(route: route, method: methodLabel, status: status), default: 0] += 1
            state.latency[route, default: Histogram()].observe(seconds)
        }
    }

    public func recordDenial() { state.withLock { $0.denials += 1 } }

    /// Values that live elsewhere, gathered at scrape time.
    public struct Gauges: Sendable {
        public var openConnections: Int
        public var lastEventSeq: Int64
        public var uptimeSeconds: Double
        public var writerBatches: Int
        public var writerCommands: Int
        public var writerFailedCommits: Int
        public var writerLargestBatch: Int
        public var writerExecuteSeconds: Double
        public var writerCommitSeconds: Double
        public var eventListeners: Int
        public var serverVersion: String

        public init(
            openConnections: Int, lastEventSeq: Int64, uptimeSeconds: Double, writerBatches: Int, writerCommands: Int,
            writerFailedCommits: Int, writerLargestBatch: Int, writerExecuteSeconds: Double, writerCommitSeconds: Double,
            eventListeners: Int, serverVersion: String
        ) {
            self.openConnections = openConnections
            self.lastEventSeq = lastEventSeq
            self.uptimeSeconds = uptimeSeconds
            self.writerBatches = writerBatches
            self.writerCommands = writerCommands
            self.writerFailedCommits = writerFailedCommits
            self.writerLargestBatch = writerLargestBatch
            self.writerExecuteSeconds = writerExecuteSeconds
            self.writerCommitSeconds = writerCommitSeconds
            self.eventListeners = eventListeners
            self.serverVersion = serverVersion
        }
    }

    public func render(_ gauges: Gauges) -> String {
        let snapshot = state.withLock { $0 }
        var out = PrometheusText()
        out.family("beredskap_http_requests_total", "counter", "HTTP requests answered, by route pattern, method and status.")
        for (key, count) in snapshot.requests.sorted(by: { $0.key < $1.key }) {
            out.sample("beredskap_http_requests_total", ["route": key.route, "method": key.method, "status": String(key.status)], Double(count))
        }
        out.family("beredskap_http_request_duration_seconds", "histogram", "Time from a request being read to its answer being queued.")
        for (route, histogram) in snapshot.latency.sorted(by: { $0.key < $1.key }) {
            var cumulative = 0
            for (bound, count) in zip(Self.latencyBuckets, histogram.buckets) {
                cumulative += count
                out.sample("beredskap_http_request_duration_seconds_bucket", ["route": route, "le": PrometheusText.number(bound)], Double(cumulative))
            }
            out.sample("beredskap_http_request_duration_seconds_bucket", ["route": route, "le": "+Inf"], Double(histogram.count))
            out.sample("beredskap_http_request_duration_seconds_sum", ["route": route], histogram.sum)
            out.sample("beredskap_http_request_duration_seconds_count", ["route": route], Double(histogram.count))
        }
        out.gauge("beredskap_http_connections_open", "Open client connections.", Double(gauges.openConnections))
        out.counter("beredskap_access_denied_total", "Requests refused for lack of permission or from a browser.", Double(snapshot.denials))
        out.counter("beredskap_events_total", "Events in the event log (the newest seq).", Double(gauges.lastEventSeq))
        out.gauge("beredskap_event_listeners", "Live event-stream followers and other in-process listeners.", Double(gauges.eventListeners))
        out.counter("beredskap_writer_batches_total", "Transactions committed by the writer.", Double(gauges.writerBatches))
        out.counter("beredskap_writer_commands_total", "Commands the writer executed (commands / batches = group-commit size).", Double(gauges.writerCommands))
        out.counter("beredskap_writer_failed_commits_total", "Batches whose COMMIT failed (disk full, I/O).", Double(gauges.writerFailedCommits))
        out.gauge("beredskap_writer_largest_batch", "Most commands committed together so far.", Double(gauges.writerLargestBatch))
        out.counter("beredskap_writer_execute_seconds_total", "Time running commands inside transactions.", gauges.writerExecuteSeconds)
        out.counter("beredskap_writer_commit_seconds_total", "Time in COMMIT: writing the WAL and waiting for fsync.", gauges.writerCommitSeconds)
        out.gauge("beredskap_uptime_seconds", "Seconds since the daemon started.", gauges.uptimeSeconds)
        out.family("beredskap_build_info", "gauge", "The running version.")
        out.sample("beredskap_build_info", ["version": gauges.serverVersion], 1)
        return out.text
    }
}

/// Builds Prometheus text exposition format 0.0.4.
struct PrometheusText {
    private(set) var text = ""

    mutating func family(_ name: String, _ type: String, _ help: String) {
        text += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
    }

    mutating func sample(_ name: String, _ labels: [String: String], _ value: Double) {
        let rendered = labels.sorted { $0.key < $1.key }.map { "\($0.key)=\"\(Self.escape($0.value))\"" }
        text += rendered.isEmpty ? name : "\(name){\(rendered.joined(separator: ","))}"
        text += " \(Self.number(value))\n"
    }

    mutating func gauge(_ name: String, _ help: String, _ value: Double) {
        family(name, "gauge", help)
        sample(name, [:], value)
    }

    mutating func counter(_ name: String, _ help: String, _ value: Double) {
        family(name, "counter", help)
        sample(name, [:], value)
    }

    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    static func escape(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
