import BeredskapCore
import BeredskapJSON
import BeredskapSQLite

extension SQLiteConnection {
    /// Silences not yet ended (nor expired by hand) at `now`, including those that start later.
    public func currentSilences(at now: Timestamp) throws -> SilenceSet {
        SilenceSet(try query(
            "SELECT silence FROM silences WHERE expired_ms IS NULL AND ends_ms > ? ORDER BY id", [now.millisecondsSinceEpoch]
        ) { row in try JSONValueDecoder().decode(Silence.self, from: Array(row.text(0).utf8)) })
    }

    /// Every silence, newest first, with when it was expired by hand (if it was).
    public func silences(limit: Int) throws -> [(silence: Silence, expiredAt: Timestamp?)] {
        try query("SELECT silence, expired_ms FROM silences ORDER BY rowid DESC LIMIT ?", [limit]) { row in
            (try JSONValueDecoder().decode(Silence.self, from: Array(row.text(0).utf8)),
             row.optionalInt64(1).map(Timestamp.init(millisecondsSinceEpoch:)))
        }
    }

    public func silence(id: String) throws -> (silence: Silence, expiredAt: Timestamp?)? {
        try queryFirst("SELECT silence, expired_ms FROM silences WHERE id = ?", [id]) { row in
            (try JSONValueDecoder().decode(Silence.self, from: Array(row.text(0).utf8)),
             row.optionalInt64(1).map(Timestamp.init(millisecondsSinceEpoch:)))
        }
    }
}

extension WriteTransaction {
    public func saveSilence(_ silence: Silence) throws {
        try connection.run(
            "INSERT INTO silences(id, silence, ends_ms) VALUES (?, ?, ?)", silence.id,
            try JSONValueEncoder().encode(silence).serializedString(), silence.endsAt.millisecondsSinceEpoch)
    }

    /// Ends a silence now (DELETE); false when it had already ended or was expired.
    public func expireSilence(id: String) throws -> Bool {
        try connection.run(
            "UPDATE silences SET expired_ms = ? WHERE id = ? AND expired_ms IS NULL AND ends_ms > ?",
            now.millisecondsSinceEpoch, id, now.millisecondsSinceEpoch) == 1
    }
}
