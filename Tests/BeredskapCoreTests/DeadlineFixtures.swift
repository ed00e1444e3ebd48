import Testing

@testable import BeredskapCore

/// The zone the deadlines are counted in.
func osloCalendar() throws -> LocalCalendar {
    try #require(LocalCalendar(identifier: "Europe/Oslo"))
}

/// A default rule by its id.
func defaultRule(_ id: String) throws -> DeadlineRule {
    try #require(DeadlineRule.defaults.first { $0.id == id })
}

/// A person born on `born` (a date) with milestones given as days.
func person(
    born: String, unaccompanied: Bool = false, disability: Bool = false, _ milestones: [Milestone: String] = [:]
) throws -> PersonFacts {
    PersonFacts(
        birth: .date(try date(born)), unaccompanied: unaccompanied, disability: disability,
        milestones: MilestoneTimes(try milestones.mapValues { MilestoneTime(date: try date($0)) }))
}

/// `rule` evaluated for `facts` on the day `on`, in Oslo.
func evaluate(_ rule: DeadlineRule, _ facts: PersonFacts, on day: String) throws -> DeadlineEvaluation {
    DeadlineEvaluation(rule: rule, facts: facts, on: try date(day), calendar: try osloCalendar())
}
