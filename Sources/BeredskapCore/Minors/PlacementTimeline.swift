/// One unaccompanied minor's placements over time, and the choice at 18: a value the routes
/// change only through `placing` and `choosing`, which enforce the rules.
///
/// The rules (DOMAIN.md, "Settlement"; the 2016 strategy): a new placement ends the current
/// one the day before it starts, so placements never overlap; none starts before the person
/// arrived, nor on or after the 25th birthday, when the municipality's follow-up ends. At 18
/// the young person decides whether to stay or move on: a placement that starts on or after
/// the 18th birthday needs the choice to stay recorded first. The last placement therefore
/// runs until the day before the 18th birthday while no choice is made; with `stay`, until the
/// follow-up ends (or the day before the 25th birthday); with `move_on`, until the day before
/// the move — the 18th birthday, or the day of the choice when it came later.
public struct PlacementTimeline: Sendable, Equatable {
    /// Why a change was refused: a field of the request, or the state the person is in.
    public enum Problem: Error, Equatable {
        case field(FieldProblem)
        /// `state` is the API's `details.state`.
        case conflict(state: String, Text)
    }

    public let birth: PersonBirth
    /// The day the person arrived in Norway (or in Oslo when that is all that is known).
    public let arrival: CalendarDate?
    /// In order of `from`, each ending where the next begins.
    public private(set) var placements: [Placement]
    public private(set) var aftercare: Aftercare?

    public init(birth: PersonBirth, arrival: CalendarDate?, placements: [Placement], aftercare: Aftercare?) {
        self.birth = birth
        self.arrival = arrival
        self.placements = placements.sorted { $0.from < $1.from }
        self.aftercare = aftercare
        closePlacements()
    }

    /// The 18th birthday: when the young person chooses (the `minor_turns_18` deadline).
    public var turns18: CalendarDate { birth.birthday(turning: 18) }

    /// The day before the 25th birthday: the last day of any follow-up.
    public var lastFollowUpDay: CalendarDate { birth.birthday(turning: 25).adding(days: -1) }

    /// The last day the last placement runs (see the type's comment).
    public var end: CalendarDate {
        guard let aftercare else { return turns18.adding(days: -1) }
        switch aftercare.choice {
        case .stay: return aftercare.followUpUntil ?? lastFollowUpDay
        case .moveOn: return max(turns18, aftercare.date).adding(days: -1)
        }
    }

    /// The placement running on `date`, if any.
    public func current(on date: CalendarDate) -> Placement? {
        placements.last { $0.from <= date && date <= $0.to }
    }

    /// The timeline with `placement` added after the others (its `to` is set here).
    public func placing(_ placement: Placement) -> Result<PlacementTimeline, Problem> {
        // Without an arrival date, birth is the earliest day (an estimated year: its 1 January).
        let born: CalendarDate? = switch birth {
        case .date(let date): date
        case .estimatedYear(let year): CalendarDate(year: year, month: 1, day: 1)
        }
        if let born, placement.from < born {
            return .failure(.field(FieldProblem("from", Text(
                "is before the person was born (\(born))", nb: "er før personen ble født (\(born))"))))
        }
        if let arrival, placement.from < arrival {
            return .failure(.field(FieldProblem("from", Text(
                "is before the person arrived (\(arrival))", nb: "er før personen ankom (\(arrival))"))))
        }
        if placement.from > lastFollowUpDay {
            return .failure(.field(FieldProblem("from", Text(
                "is on or after the 25th birthday (\(lastFollowUpDay.adding(days: 1))): the follow-up has ended",
                nb: "er på eller etter 25-årsdagen (\(lastFollowUpDay.adding(days: 1))): oppfølgingen er slutt"))))
        }
        if let last = placements.last, placement.from <= last.from {
            return .failure(.field(FieldProblem("from", Text(
                "must be after the current placement's start (\(last.from)): placements do not overlap",
                nb: "må være etter at gjeldende tiltak startet (\(last.from)): tiltak overlapper ikke"))))
        }
        if placement.from >= turns18 {
            guard let aftercare, aftercare.choice == .stay else {
                let state = aftercare == nil ? "no_aftercare_choice" : "moved_on"
                return .failure(.conflict(state: state, Text(
                    "starts on or after the 18th birthday (\(turns18)): record the young person's choice to stay first",
                    nb: "starter på eller etter 18-årsdagen (\(turns18)): registrer først at ungdommen velger å bli")))
            }
            if placement.from > end {
                return .failure(.field(FieldProblem("from", Text(
                    "is after the follow-up ends (\(end))", nb: "er etter at oppfølgingen slutter (\(end))"))))
            }
        }
        var next = self
        next.placements.append(placement)
        next.closePlacements()
        return .success(next)
    }

    /// The timeline with the young person's choice, made on `aftercare.date`.
    public func choosing(_ aftercare: Aftercare) -> Result<PlacementTimeline, Problem> {
        if let chosen = self.aftercare {
            return .failure(.conflict(state: "chosen", Text(
                "the choice is recorded already (\(chosen.choice.rawValue), \(chosen.date))",
                nb: "valget er registrert allerede (\(chosen.choice.name.nb), \(chosen.date))")))
        }
        if let arrival, aftercare.date < arrival {
            return .failure(.field(FieldProblem("date", Text(
                "is before the person arrived (\(arrival))", nb: "er før personen ankom (\(arrival))"))))
        }
        if let until = aftercare.followUpUntil {
            let earliest = max(aftercare.date, turns18)
            guard until >= earliest else {
                return .failure(.field(FieldProblem("follow_up_until", Text(
                    "must not be before \(earliest) (the choice or the 18th birthday)",
                    nb: "kan ikke være før \(earliest) (valget eller 18-årsdagen)"))))
            }
            guard until <= lastFollowUpDay else {
                return .failure(.field(FieldProblem("follow_up_until", Text(
                    "must be before the 25th birthday (at the latest \(lastFollowUpDay))",
                    nb: "må være før 25-årsdagen (senest \(lastFollowUpDay))"))))
            }
        }
        var next = self
        next.aftercare = aftercare
        next.closePlacements()
        return .success(next)
    }

    /// Each placement ends the day before the next; the last at `end`, but never before it began.
    private mutating func closePlacements() {
        for index in placements.indices {
            let to = index + 1 < placements.count ? placements[index + 1].from.adding(days: -1) : end
            placements[index].to = max(to, placements[index].from)
        }
    }
}
