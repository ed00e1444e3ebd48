import BeredskapCore
import BeredskapJSON
import BeredskapSQLite

extension SQLiteConnection {
    /// Person `id`'s programme; nil when none was started (or the person is erased).
    public func introProgramme(_ person: Int64) throws -> IntroProgramme? {
        try queryFirst("SELECT programme FROM intro_programmes WHERE person_id = ? AND programme IS NOT NULL", [person]) { row in
            do {
                return try JSONValueDecoder().decode(IntroProgramme.self, from: Array(row.text(0).utf8))
            } catch {
                throw StoreDataError(table: "intro_programmes", row: "\(person)")
            }
        }
    }

    /// The notes written with person `id`'s steps, oldest first.
    public func introNotes(_ person: Int64) throws -> [IntroNote] {
        try query("SELECT action, note, seq FROM intro_notes WHERE person_id = ? AND note IS NOT NULL ORDER BY seq", [person]) { row in
            guard let action = IntroAction(rawValue: row.text(0)) else {
                throw StoreDataError(table: "intro_notes", row: "\(row.int64(2))")
            }
            return IntroNote(action: action, note: row.text(1), seq: row.int64(2))
        }
    }

    /// The outcomes of the programmes that ended in `year`, erased persons' included.
    public func introOutcomes(endedIn year: Int) throws -> [IntroOutcome] {
        try query(
            "SELECT district, end_reason, follow_up_status FROM intro_programmes WHERE end_year = ? ORDER BY person_id", [year]
        ) { row in
            guard let reason = IntroEndReason(rawValue: row.text(1)) else {
                throw StoreDataError(table: "intro_programmes", row: "end_year \(year)")
            }
            return IntroOutcome(
                district: row.optionalText(0), endYear: year, reason: reason,
                status: row.optionalText(2).flatMap(IntroFollowUpStatus.init(rawValue:)))
        }
    }
}

extension WriteTransaction {
    /// Stores `programme` as it now stands (after the `intro.*` event `seq`).
    public func saveIntroProgramme(_ programme: IntroProgramme, seq: Int64) throws {
        let json = try JSONValueEncoder().encode(programme).serializedString()
        try connection.run(
            """
            INSERT INTO intro_programmes(person_id, district, programme, end_year, end_reason, follow_up_status, seq)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(person_id) DO UPDATE SET district = excluded.district, programme = excluded.programme,
                end_year = excluded.end_year, end_reason = excluded.end_reason, follow_up_status = excluded.follow_up_status,
                seq = excluded.seq
            """,
            programme.person, programme.district, json, programme.ending?.date.year, programme.ending?.reason.rawValue,
            programme.followUp?.status.rawValue, seq)
    }

    public func recordIntroNote(_ person: Int64, _ note: IntroNote) throws {
        try connection.run(
            "INSERT INTO intro_notes(seq, person_id, action, note) VALUES (?, ?, ?, ?)", note.seq, person, note.action.rawValue,
            note.note)
    }

    /// With the person's erasure: the programme, the notes and every stored reply of a step
    /// (idempotency keys; each begins `{"person":N,"district":`, `IntroResource`) go; what the
    /// results count stays.
    public func eraseIntro(_ person: Int64) throws {
        try connection.run("UPDATE intro_programmes SET programme = NULL WHERE person_id = ?", person)
        try connection.run("UPDATE intro_notes SET note = NULL WHERE person_id = ?", person)
        let prefix = Array("{\"person\":\(person),\"district\":".utf8)
        try connection.run("DELETE FROM idempotency_keys WHERE substr(response, 1, ?) = ?", prefix.count, prefix)
    }
}
