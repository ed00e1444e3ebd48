import BeredskapCore
import BeredskapSQLite

/// The surge level as last decided, persisted so a restart neither forgets a crisis nor
/// announces it again.
public struct SurgeState: Sendable, Equatable {
    public var level: SurgeLevel
    public var since: Timestamp?
    public var reason: String?

    public init(level: SurgeLevel, since: Timestamp?, reason: String?) {
        self.level = level
        self.since = since
        self.reason = reason
    }
}

extension SQLiteConnection {
    public func surgeState() throws -> SurgeState {
        try queryFirst("SELECT level, since_ms, reason FROM surge_state WHERE id = 1") { row in
            SurgeState(
                level: SurgeLevel(rawValue: row.text(0)) ?? .normal,
                since: row.optionalInt64(1).map(Timestamp.init(millisecondsSinceEpoch:)), reason: row.optionalText(2))
        } ?? SurgeState(level: .normal, since: nil, reason: nil)
    }
}

extension WriteTransaction {
    public func saveSurgeState(_ state: SurgeState, seq: Int64) throws {
        try connection.run(
            "UPDATE surge_state SET level = ?, since_ms = ?, reason = ?, seq = ? WHERE id = 1",
            state.level.rawValue, state.since?.millisecondsSinceEpoch, state.reason, seq)
    }
}
