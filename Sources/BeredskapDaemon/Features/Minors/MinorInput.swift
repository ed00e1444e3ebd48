import BeredskapAPI
import BeredskapCore
import BeredskapSQLite
import BeredskapStore

/// What the minors' routes share: the person as an unaccompanied minor's timeline, the
/// timeline's refusals as API errors, and the case as the answers show it.
enum MinorInput {
    /// Person `id`'s details (404 unknown, 409 erased), when the person is unaccompanied
    /// (409 `details.state: accompanied` otherwise: only they have placements).
    static func unaccompanied(_ id: Int64, _ connection: SQLiteConnection) throws -> (Person, PersonDraft) {
        let (person, draft) = try PersonInput.draft(id, connection)
        guard draft.unaccompanied == true else {
            var error = APIError.conflict(Text(
                "person #\(id) is not an unaccompanied minor: only they have placements",
                nb: "person #\(id) er ikke enslig mindreårig: bare de har tiltak"))
            error.details = ["state": "accompanied"]
            throw error
        }
        return (person, draft)
    }

    /// Person `id`'s placements and choice as stored.
    static func timeline(_ id: Int64, _ draft: PersonDraft, _ connection: SQLiteConnection) throws -> PlacementTimeline {
        PlacementTimeline(
            birth: draft.birth, arrival: draft.arrivedNorway ?? draft.arrivedCity, placements: try connection.minorPlacements(id),
            aftercare: try connection.minorAftercare(id))
    }

    /// The changed timeline, or its refusal: 400 naming the field, or 409 with `details.state`.
    static func changed(_ result: Result<PlacementTimeline, PlacementTimeline.Problem>) throws(APIError) -> PlacementTimeline {
        switch result {
        case .success(let timeline):
            return timeline
        case .failure(.field(let problem)):
            throw .invalidField(problem.field, problem.problem)
        case .failure(.conflict(let state, let message)):
            var error = APIError.conflict(message)
            error.details = ["state": .string(state)]
            throw error
        }
    }

    static func resource(_ id: Int64, _ timeline: PlacementTimeline, _ connection: SQLiteConnection) throws -> MinorCase {
        MinorCase(
            person: id, placements: timeline.placements, representative: try connection.minorRepresentative(id),
            aftercare: timeline.aftercare, turns18: timeline.turns18,
            followUpEnds: timeline.aftercare?.followUpUntil ?? timeline.lastFollowUpDay)
    }

    /// Stores where person `id`'s placements end as `draft` now has it: a corrected birth date
    /// moves the 18th and 25th birthdays, and the costs read the stored last days.
    static func closeTimeline(_ id: Int64, _ draft: PersonDraft, seq: Int64, in transaction: inout WriteTransaction) throws {
        let timeline = try timeline(id, draft, transaction.connection)
        guard !timeline.placements.isEmpty else { return }
        try transaction.saveMinorTimeline(id, timeline, added: nil, seq: seq)
    }

    /// What the person's GDPR export holds of the minors' records: nil unless the person is an
    /// unaccompanied minor not erased (an erasure leaves only what the costs need).
    static func exported(_ person: Person, _ connection: SQLiteConnection) throws -> MinorCase? {
        guard let draft = person.draft, draft.unaccompanied == true else { return nil }
        return try resource(person.id, try timeline(person.id, draft, connection), connection)
    }

    /// The service that answers for minors in `district` now.
    static func service(in district: String?, _ minors: DaemonConfiguration.Minors, _ connection: SQLiteConnection) throws
        -> MinorsService
    {
        minors.service(in: district, recorded: try district.flatMap { try connection.district($0) }?.minorsService)
    }
}
