import BeredskapTestSupport
import Testing

@testable import BeredskapCore

/// The next change an evaluation names is exactly the next day its standing (state, due date,
/// lateness) differs, over generated persons — what lets the daemon keep one timer per
/// person and rule. Each seed gives the same person on every run, so a failure names it.
@Suite struct DeadlineNextChangePropertyTests {
    static let seeds: [UInt64] = Array(1...200)

    /// A generated person: dates clustered in one year so that starts, meetings and due days
    /// fall near each other and near the day evaluated; some births only an estimated year;
    /// the arrival-centre stay sometimes at an instant around a change of summer time.
    struct Case {
        var facts: PersonFacts
        var today: CalendarDate

        init(seed: UInt64, calendar: LocalCalendar) {
            var random = SplitMix64(seed: seed)
            let base = CalendarDate(year: 2026, month: 1, day: 1)?.daysSinceEpoch ?? 0
            func day() -> CalendarDate { CalendarDate(daysSinceEpoch: base + Int64.random(in: 0...420, using: &random)) }
            let born = CalendarDate(daysSinceEpoch: base - Int64.random(in: 0...(70 * 366), using: &random))
            facts = PersonFacts(
                birth: Bool.random(using: &random) ? .date(born) : .estimatedYear(born.year),
                unaccompanied: Bool.random(using: &random), disability: Bool.random(using: &random))
            for milestone in Milestone.allCases where Int.random(in: 0..<3, using: &random) > 0 {
                facts.milestones[milestone] = MilestoneTime(date: day())
            }
            if Bool.random(using: &random) {
                // Within two days of 29 March or 25 October 2026, at any minute.
                let change = Bool.random(using: &random) ? "2026-03-29T01:00:00Z" : "2026-10-25T01:00:00Z"
                let minutes = Int64.random(in: -(3 * 1440)...(1440), using: &random)
                let arrival = (Timestamp(rfc3339: change) ?? Timestamp(secondsSinceEpoch: 0)).adding(milliseconds: minutes * 60_000)
                facts.milestones[.arrivedArrivalCentre] = MilestoneTime(instant: arrival, calendar: calendar)
                let left = arrival.adding(milliseconds: Int64.random(in: 0...(4 * 1440), using: &random) * 60_000)
                facts.milestones[.leftArrivalCentre] = MilestoneTime(instant: left, calendar: calendar)
                today = calendar.date(of: arrival).adding(days: Int.random(in: -1...3, using: &random))
            } else {
                today = day()
            }
        }
    }

    private struct Standing: Equatable {
        var state: DeadlineState
        var dueDate: CalendarDate?
        var late: Bool
        init(_ evaluation: DeadlineEvaluation) {
            (state, dueDate, late) = (evaluation.state, evaluation.dueDate, evaluation.late)
        }
    }

    @Test(arguments: seeds)
    func nextChangeIsTheFirstDayTheStandingDiffers(_ seed: UInt64) throws {
        let calendar = try osloCalendar()
        let generated = Case(seed: seed, calendar: calendar)
        for rule in DeadlineRule.defaults {
            let now = DeadlineEvaluation(rule: rule, facts: generated.facts, on: generated.today, calendar: calendar)
            func standing(_ offset: Int) -> Standing {
                Standing(DeadlineEvaluation(rule: rule, facts: generated.facts, on: generated.today.adding(days: offset), calendar: calendar))
            }
            // Every day up to the next change (or for 500 days when there is none) stands the same.
            let horizon = now.nextChange.map { Int($0.daysSinceEpoch - generated.today.daysSinceEpoch) } ?? 500
            #expect(horizon > 0, "seed \(seed), \(rule.id)")
            let firstDifferent = (1..<horizon).first { standing($0) != Standing(now) }
            #expect(firstDifferent == nil, "seed \(seed), \(rule.id): changed on day +\(firstDifferent ?? 0)")
            if let next = now.nextChange {
                #expect(standing(horizon) != Standing(now), "seed \(seed), \(rule.id): nothing changed on \(next)")
                // The day before names the same next change: a timer set then still holds.
                let dayBefore = DeadlineEvaluation(rule: rule, facts: generated.facts, on: next.adding(days: -1), calendar: calendar)
                #expect(dayBefore.nextChange == next, "seed \(seed), \(rule.id)")
            }
        }
    }

    @Test func theGeneratedPersonsReachEveryState() throws {
        let calendar = try osloCalendar()
        var seen: Set<DeadlineState> = []
        var late = false
        for seed in Self.seeds {
            let generated = Case(seed: seed, calendar: calendar)
            for rule in DeadlineRule.defaults {
                let evaluation = DeadlineEvaluation(rule: rule, facts: generated.facts, on: generated.today, calendar: calendar)
                seen.insert(evaluation.state)
                late = late || evaluation.late
            }
        }
        #expect(seen == Set(DeadlineState.allCases))
        #expect(late)
    }
}
