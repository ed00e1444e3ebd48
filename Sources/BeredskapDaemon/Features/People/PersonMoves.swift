import BeredskapAPI
import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapStore

/// A person's change of facility, and of status, as the person routes apply them in the
/// writer's transaction.
enum PersonMoves {
    /// Records `move` in the head counts through the capacity write path: one person, now.
    /// Plausibility is not asked (one person is always plausible); the head-count rule and a
    /// closed facility still refuse, with the capacity routes' own messages.
    static func record(_ move: PersonMove, _ recording: FlowRecording, in transaction: inout WriteTransaction) throws {
        switch move {
        case .arrival(let facility, let category):
            _ = try recording.recordArrival(
                ArrivalBody(facility: facility, count: 1, category: category, force: true), in: &transaction)
        case .departure(let facility, let reason):
            _ = try recording.recordDeparture(
                DepartureBody(facility: facility, count: 1, reason: reason, force: true), in: &transaction)
        case .transfer(let from, let to, let category):
            _ = try recording.recordDeparture(
                DepartureBody(facility: from, count: 1, reason: .transferred, to: to, category: category, force: true),
                in: &transaction)
        }
    }

    /// Refuses a status change out of a case's order (`PersonStatus.canChange`) unless `force`
    /// says it corrects a mistake: 409 `conflict` with `details.state` and `details.allowed`.
    static func checkStatus(from current: PersonStatus, to new: PersonStatus, force: Bool) throws(APIError) {
        guard !force, !current.canChange(to: new) else { return }
        let allowed = current.next.map(\.rawValue).joined(separator: ", ")
        var error = APIError.conflict(Text(
            "a person with status \(current.rawValue) can become \(allowed), not \(new.rawValue) "
                + "(send force: true if this corrects a mistake)",
            nb: "en person med status \(current.rawValue) kan bli \(allowed), ikke \(new.rawValue) "
                + "(send force: true hvis dette retter en feil)"))
        error.details = JSONObject([
            ("field", .string("status")), ("state", .string(current.rawValue)),
            ("allowed", .array(current.next.map { .string($0.rawValue) })),
        ])
        throw error
    }
}
