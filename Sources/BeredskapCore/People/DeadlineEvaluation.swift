import BeredskapJSON

/// Where a person stands with one deadline. The raw values are the API's.
public enum DeadlineState: String, JSONStringEnum {
    /// The rule does not concern the person (its condition fails), or has not started (its
    /// start milestone is not there yet).
    case notApplicable = "not_applicable"
    case due
    /// Within the rule's `dueSoonDays` up to and including the due day.
    case dueSoon = "due_soon"
    /// The meeting milestone is there — on time or late (`late`).
    case met
    /// Past the due day and not met.
    case overdue
}

/// One person's standing with one rule on one Oslo day, and the next day it changes by
/// itself — so the daemon sets one timer per person and rule instead of polling.
///
/// Definitions (all in Oslo days; the daemon turns instants into days with `LocalCalendar`):
/// - A milestone counts from its own day on: evaluating on an earlier day ignores it, so the
///   answer for any day is what the office could have known that day.
/// - Due on the last day inclusive: 14 days after an arrival on 1 March is due 15 March and
///   overdue from 16 March.
/// - Met when the meeting milestone is there, whatever its day; met after the due day is
///   still `met` (the person has what the rule is for — nothing more to chase), with
///   `late: true` so that reports can count deadlines kept late.
/// - Not applicable when the start milestone is missing or the rule's condition fails on the
///   start day (age is taken on that day, so a birthday afterwards changes nothing).
public struct DeadlineEvaluation: Sendable, Hashable {
    public var state: DeadlineState
    /// The last day to meet the rule; nil when it does not apply.
    public var dueDate: CalendarDate?
    /// Met, but after the due day.
    public var late: Bool
    /// The first later day on which the state, due date or lateness differ, with the same
    /// facts; nil when nothing changes unless the facts do.
    public var nextChange: CalendarDate?

    /// Evaluates `rule` for `facts` on `today`. `calendar` (Europe/Oslo) places the end of an
    /// hours deadline on its day.
    public init(rule: DeadlineRule, facts: PersonFacts, on today: CalendarDate, calendar: LocalCalendar) {
        let standing = Standing(rule: rule, facts: facts, on: today, calendar: calendar)
        state = standing.state
        dueDate = standing.dueDate
        late = standing.late
        // The candidate days in order, each looked at once (a handful: a small array, sorted).
        var candidates = Standing.changeDays(rule: rule, facts: facts, calendar: calendar)
        candidates.sort()
        var previous: CalendarDate?
        var change: CalendarDate?
        for day in candidates where day > today && day != previous {
            previous = day
            if Standing(rule: rule, facts: facts, on: day, calendar: calendar) != standing {
                change = day
                break
            }
        }
        nextChange = change
    }
}

/// The evaluation without its next change: what the next change is a change of.
private struct Standing: Equatable {
    var state: DeadlineState
    var dueDate: CalendarDate?
    var late: Bool

    init(rule: DeadlineRule, facts: PersonFacts, on today: CalendarDate, calendar: LocalCalendar) {
        func known(_ milestone: Milestone) -> MilestoneTime? {
            facts.milestones[milestone].flatMap { $0.date <= today ? $0 : nil }
        }
        guard let start = known(rule.start), rule.applies(to: facts, startingOn: start.date) else {
            self.init(state: .notApplicable, dueDate: nil, late: false)
            return
        }
        let due = Self.dueDate(rule.due, start: start, birth: facts.birth, before: known, calendar: calendar)
        if let met = known(rule.metBy) {
            self.init(state: .met, dueDate: due, late: met.date > due)
        } else if today > due {
            self.init(state: .overdue, dueDate: due, late: false)
        } else if today.daysSinceEpoch > due.daysSinceEpoch - Int64(rule.dueSoonDays) {
            self.init(state: .dueSoon, dueDate: due, late: false)
        } else {
            self.init(state: .due, dueDate: due, late: false)
        }
    }

    private init(state: DeadlineState, dueDate: CalendarDate?, late: Bool) {
        self.state = state
        self.dueDate = dueDate
        self.late = late
    }

    private static func dueDate(
        _ due: DeadlineRule.Due, start: MilestoneTime, birth: PersonBirth, before known: (Milestone) -> MilestoneTime?,
        calendar: LocalCalendar
    ) -> CalendarDate {
        switch due {
        case .after(let duration):
            return duration.dueDate(from: start, calendar: calendar)
        case .before(let milestone, let atLatest):
            let latest = atLatest.dueDate(from: start, calendar: calendar)
            guard let other = known(milestone) else { return latest }
            return min(latest, other.date.adding(days: -1))
        case .atAge(let age):
            return birth.birthday(turning: age)
        }
    }

    /// Every day on which a standing can differ from the day before: the days the rule's
    /// milestones come to count, and for each due date the rule can have, the first `due_soon`
    /// day and the first overdue day. Between two of these days nothing an evaluation reads
    /// changes, so the first of them with a different standing is the next change.
    /// (May repeat a day; at most seven.)
    static func changeDays(rule: DeadlineRule, facts: PersonFacts, calendar: LocalCalendar) -> [CalendarDate] {
        var days: [CalendarDate] = []
        days.reserveCapacity(7)
        var other: Milestone?
        if case .before(let milestone, _) = rule.due { other = milestone }
        for milestone in [rule.start, rule.metBy, other] {
            if let milestone, let date = facts.milestones[milestone]?.date { days.append(date) }
        }
        guard let start = facts.milestones[rule.start] else { return days }
        func add(_ due: CalendarDate) {
            days.append(due.adding(days: 1 - rule.dueSoonDays))
            days.append(due.adding(days: 1))
        }
        add(dueDate(rule.due, start: start, birth: facts.birth, before: { _ in nil }, calendar: calendar))
        if let other, facts.milestones[other] != nil {
            add(dueDate(rule.due, start: start, birth: facts.birth, before: { facts.milestones[$0] }, calendar: calendar))
        }
        return days
    }
}
