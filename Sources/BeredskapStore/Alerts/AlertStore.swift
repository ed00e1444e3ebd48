import BeredskapCore
import BeredskapJSON
import BeredskapSQLite

/// An alert as stored: its lifecycle (with every clock), its flap detector, and what the API
/// shows beside them.
public struct StoredAlert: Sendable, Equatable {
    public var id: Int64
    public var lifecycle: AlertLifecycle
    public var flap: FlapDetector
    /// The measured value that decided the verdict (a utilization, a capacity), if any.
    public var value: Double?
    public var threshold: Double?
    /// The district whose contact point hears about it.
    public var district: String?
    public var silenced: Bool
    public var exercise: Bool

    public init(
        id: Int64, lifecycle: AlertLifecycle, flap: FlapDetector, value: Double?, threshold: Double?, district: String?,
        silenced: Bool, exercise: Bool = false
    ) {
        self.id = id
        self.lifecycle = lifecycle
        self.flap = flap
        self.value = value
        self.threshold = threshold
        self.district = district
        self.silenced = silenced
        self.exercise = exercise
    }

    public var key: AlertKey { lifecycle.key }
}

/// Which alerts to list.
public struct AlertQuery: Sendable, Equatable {
    public var state: AlertState?
    /// Pending and firing together.
    public var openOnly = false
    public var severity: AlertSeverity?
    public var rule: String?
    public var limit = 500

    public init() {}
}

extension SQLiteConnection {
    private static let alertColumns = "id, lifecycle, flap, value, threshold, district, silenced, exercise"

    /// The open (pending or firing) alert for a rule and subject.
    public func openAlert(_ key: AlertKey) throws -> StoredAlert? {
        try queryFirst(
            "SELECT \(Self.alertColumns) FROM alerts WHERE rule = ? AND subject = ? AND state != 'resolved'",
            [key.rule, key.subject], Self.alert(from:))
    }

    /// The newest alert for a rule and subject, open or not: a new alert takes over its flap
    /// detector, since flapping is about the condition, not about one alert.
    public func latestAlert(_ key: AlertKey) throws -> StoredAlert? {
        try queryFirst(
            "SELECT \(Self.alertColumns) FROM alerts WHERE rule = ? AND subject = ? ORDER BY id DESC LIMIT 1",
            [key.rule, key.subject], Self.alert(from:))
    }

    public func alert(id: Int64) throws -> StoredAlert? {
        try queryFirst("SELECT \(Self.alertColumns) FROM alerts WHERE id = ?", [id], Self.alert(from:))
    }

    /// Every open alert: what the engine reschedules at start.
    public func openAlerts() throws -> [StoredAlert] {
        try query("SELECT \(Self.alertColumns) FROM alerts WHERE state != 'resolved' ORDER BY id", [], Self.alert(from:))
    }

    public func alerts(_ request: AlertQuery) throws -> [StoredAlert] {
        var conditions: [String] = []
        var parameters: [any SQLiteBindable] = []
        if let state = request.state {
            conditions.append("state = ?")
            parameters.append(state.rawValue)
        } else if request.openOnly {
            conditions.append("state != 'resolved'")
        }
        if let severity = request.severity {
            conditions.append("severity = ?")
            parameters.append(severity.rawValue)
        }
        if let rule = request.rule {
            conditions.append("rule = ?")
            parameters.append(rule)
        }
        parameters.append(request.limit)
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try query(
            "SELECT \(Self.alertColumns) FROM alerts \(filter) ORDER BY id DESC LIMIT ?", parameters, Self.alert(from:))
    }

    /// Counts for `/v1/status`: firing, pending, and firing without an acknowledgement.
    public func alertCounts(at now: Timestamp) throws -> (firing: Int, pending: Int, unacknowledged: Int) {
        let open = try openAlerts()
        let firing = open.filter { $0.lifecycle.state == .firing }
        return (firing.count, open.count - firing.count, firing.filter { !$0.lifecycle.isAcknowledged(at: now) }.count)
    }

    private static func alert(from row: SQLiteRow) throws -> StoredAlert {
        let decoder = JSONValueDecoder()
        return StoredAlert(
            id: row.int64(0), lifecycle: try decoder.decode(AlertLifecycle.self, from: Array(row.text(1).utf8)),
            flap: try decoder.decode(FlapDetector.self, from: Array(row.text(2).utf8)),
            value: row.isNull(3) ? nil : row.double(3), threshold: row.isNull(4) ? nil : row.double(4),
            district: row.optionalText(5), silenced: row.bool(6), exercise: row.bool(7))
    }
}

extension WriteTransaction {
    /// Inserts a new alert (id 0) or updates an existing one; returns its id.
    @discardableResult
    public func saveAlert(_ alert: StoredAlert) throws -> Int64 {
        let encoder = JSONValueEncoder()
        let lifecycle = alert.lifecycle
        let values: [any SQLiteBindable] = [
            lifecycle.key.rule, lifecycle.key.subject, lifecycle.state.rawValue, lifecycle.severity.rawValue, alert.value,
            alert.threshold, alert.district, alert.silenced, try encoder.encode(lifecycle).serializedString(),
            try encoder.encode(alert.flap).serializedString(), lifecycle.pendingSince.millisecondsSinceEpoch,
            lifecycle.firingSince?.millisecondsSinceEpoch, lifecycle.resolvedAt?.millisecondsSinceEpoch,
            now.millisecondsSinceEpoch, alert.exercise,
        ]
        if alert.id == 0 {
            try connection.run(
                """
                INSERT INTO alerts(rule, subject, state, severity, value, threshold, district, silenced, lifecycle, flap,
                    started_ms, fired_ms, resolved_ms, updated_ms, exercise) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, parameters: values)
            return connection.lastInsertRowID
        }
        try connection.run(
            """
            UPDATE alerts SET rule = ?, subject = ?, state = ?, severity = ?, value = ?, threshold = ?, district = ?,
                silenced = ?, lifecycle = ?, flap = ?, started_ms = ?, fired_ms = ?, resolved_ms = ?, updated_ms = ?,
                exercise = ? WHERE id = ?
            """, parameters: values + [alert.id])
        return alert.id
    }
}
