import BeredskapCore
import BeredskapSQLite
import BeredskapStore

/// The counts `grant_application_due` decides from: per district, the persons whose
/// `disability_grant` deadline is due soon or overdue — which, the deadline being met by the
/// application, are the persons with a disability and no application as the deadline nears.
///
/// Why from the deadline engine's book: it already holds every person's evaluation and keeps
/// the counts per rule and district as they change, so the alert costs no scan of the persons;
/// committed with an event like the overdue counts (`deadline_overdue`), a crash between the
/// change and the alert loses nothing.
enum GrantAlertCounts {
    /// Commits each district's count in `current` that differs from the committed one (zero for
    /// a committed district no longer in it).
    static func commit(_ current: [String: Int], in transaction: inout WriteTransaction) throws {
        let committed = try transaction.connection.grantApplicationsDue()
        for district in Set(current.keys).union(committed.keys).sorted() where current[district] ?? 0 != committed[district] ?? 0 {
            guard try transaction.connection.district(district) != nil else { continue }
            try transaction.setGrantApplicationsDue(district: district, to: current[district] ?? 0)
        }
    }
}
