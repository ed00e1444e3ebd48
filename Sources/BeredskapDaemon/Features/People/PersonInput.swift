import BeredskapAPI
import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapStore

/// Checks and answers shared by the person routes: a draft against the store, the conflicts
/// a person can be in, and a person as a single answer shows it (milestones and deadlines).
enum PersonInput {
    /// `draft` checked (`PersonDraft.checked`), with its district and facility existing and its
    /// DUF number held by no other person than `id`.
    static func checked(_ draft: PersonDraft, today: CalendarDate, person id: Int64? = nil, _ connection: SQLiteConnection) throws
        -> PersonDraft
    {
        let checked = try draft.checked(today: today).get()
        if let district = checked.district { try SettlementInput.checkDistrict(district, connection) }
        if let facility = checked.facility, try !Slug.isValid(facility) || connection.facility(facility) == nil {
            throw APIError.invalidField("facility", Text(
                "unknown facility '\(facility)' (beredskap facility list)", nb: "ukjent mottak «\(facility)» (beredskap facility list)"))
        }
        if let holder = try connection.personID(duf: checked.duf), holder != id {
            var error = APIError.conflict(Text(
                "DUF number \(checked.duf) is person #\(holder)'s", nb: "DUF-nummer \(checked.duf) er person #\(holder) sitt"))
            error.details = ["field": "duf", "person": .integer(holder)]
            throw error
        }
        return checked
    }

    /// Person `id`, or 404.
    static func person(_ id: Int64, _ connection: SQLiteConnection) throws -> Person {
        guard let person = try connection.person(id) else {
            throw APIError.notFound(Text("no person #\(id)", nb: "ingen person #\(id)"))
        }
        return person
    }

    /// Person `id` with the fields a change may set, or 409 once erased (`details.state`).
    static func draft(_ id: Int64, _ connection: SQLiteConnection) throws -> (Person, PersonDraft) {
        let person = try person(id, connection)
        guard let draft = person.draft else {
            var error = APIError.conflict(Text(
                "person #\(id) is erased: nothing can be recorded about them", nb: "person #\(id) er slettet: ingenting kan registreres om dem"))
            error.details = ["state": "erased"]
            throw error
        }
        return (person, draft)
    }

    /// Person `id` as a single answer shows it: with milestones (and their corrections) and
    /// the deadline of each rule in force (`deadlines.rules`) on `today`.
    static func resource(
        _ person: Person, today: CalendarDate, calendar: LocalCalendar, rules: [DeadlineRule], _ connection: SQLiteConnection
    ) throws -> PersonResource {
        let milestones = try connection.personMilestones(person.id)
        let facts = person.facts(milestones: Dictionary(milestones.map { ($0.milestone, $0.date) }, uniquingKeysWith: { $1 }))
        let deadlines = facts.map { facts in
            rules.map { rule in
                let evaluation = DeadlineEvaluation(rule: rule, facts: facts, on: today, calendar: calendar)
                return PersonDeadline(rule: rule.id, state: evaluation.state, dueDate: evaluation.dueDate, late: evaluation.late)
            }
        }
        return PersonResource(person, milestones: milestones, deadlines: deadlines ?? [])
    }

    /// The names of the fields whose value differs between two drafts, in the API's spelling.
    static func changedFields(_ before: PersonDraft, _ after: PersonDraft) throws -> [String] {
        let old = try JSONValueEncoder().encode(before).objectValue ?? JSONObject()
        let new = try JSONValueEncoder().encode(after).objectValue ?? JSONObject()
        return Set(old.keys + new.keys).filter { old[$0] != new[$0] }.sorted()
    }

    /// `current` with `patch` laid over it; decoding errors name the patch's field.
    static func merge(_ patch: JSONObject, over current: PersonDraft) throws -> PersonDraft {
        var merged = try JSONValueEncoder().encode(current).objectValue ?? JSONObject()
        for (key, value) in patch { merged[key] = value }
        do {
            return try JSONValueDecoder().decode(PersonDraft.self, from: .object(merged))
        } catch {
            throw APIError(decoding: error)
        }
    }

    /// The reason a correction or an erasure needs: a text, required.
    static func reason(_ value: String) throws(APIError) -> String {
        guard let reason = try text(value, field: "reason") else {
            throw .invalidField("reason", Text("is required: say why", nb: "mangler (påkrevd): si hvorfor"))
        }
        return reason
    }

    /// A text people write: trimmed, 1…`PersonMilestone.maximumTextLength` characters.
    static func text(_ value: String?, field: String) throws(APIError) -> String? {
        try SettlementInput.text(value, field: field, limit: PersonMilestone.maximumTextLength)
    }
}
