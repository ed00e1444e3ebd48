extension PersonFacts {
    /// The facts as the store holds them: the recorded milestones (known by their day), and the
    /// person's arrival dates, which count as `arrived_norway` and `arrived_municipality` unless
    /// those are recorded themselves (as `Person.facts(milestones:)` reads them).
    public init(
        birth: PersonBirth, unaccompanied: Bool, disability: Bool, recorded: [Milestone: CalendarDate],
        arrivedNorway: CalendarDate?, arrivedCity: CalendarDate?
    ) {
        var dates = recorded
        if dates[.arrivedNorway] == nil, let arrivedNorway { dates[.arrivedNorway] = arrivedNorway }
        if dates[.arrivedMunicipality] == nil, let arrivedCity { dates[.arrivedMunicipality] = arrivedCity }
        self.init(
            birth: birth, unaccompanied: unaccompanied, disability: disability, milestones: dates.mapValues { MilestoneTime(date: $0) })
    }
}
