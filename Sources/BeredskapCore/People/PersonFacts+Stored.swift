extension PersonFacts {
    /// The facts as the store holds them: the recorded milestones (known by their day), and the
    /// person's arrival dates, which count as `arrived_norway` and `arrived_municipality` unless
    /// those are recorded themselves (as `Person.facts(milestones:)` reads them).
    public init(
        birth: PersonBirth, unaccompanied: Bool, disability: Bool, recorded: MilestoneTimes,
        arrivedNorway: CalendarDate?, arrivedCity: CalendarDate?
    ) {
        var times = recorded
        if times[.arrivedNorway] == nil, let arrivedNorway { times[.arrivedNorway] = MilestoneTime(date: arrivedNorway) }
        if times[.arrivedMunicipality] == nil, let arrivedCity { times[.arrivedMunicipality] = MilestoneTime(date: arrivedCity) }
        self.init(birth: birth, unaccompanied: unaccompanied, disability: disability, milestones: times)
    }
}
