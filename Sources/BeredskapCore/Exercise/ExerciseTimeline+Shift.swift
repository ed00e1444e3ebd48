extension ExerciseScenario {
    /// The scenario moved to start at `start` at the earliest, every inject by the same amount.
    ///
    /// Why: a run works on a copy of the live state, and the writer never dates an event
    /// before the newest one in the log. A scenario dated before the copy's last event (autumn
    /// 2015 on a state used in 2026) would have all its events pinned to that instant; moved
    /// so that it starts after the copy's history, its injects keep their spacing, and the
    /// engines' windows (24 hours, 7 days) see them as the scenario meant. A scenario that
    /// already starts later is returned unchanged.
    public func starting(notBefore start: Timestamp, calendar: LocalCalendar) -> ExerciseScenario {
        let timeline = self.timeline(in: calendar)
        guard timeline.start < start else { return self }
        let shift = start.milliseconds(since: timeline.start)
        var moved = self
        moved.start = .instant(start)
        for entry in timeline.entries {
            moved.injects[entry.index].at = .instant(entry.at.adding(milliseconds: shift))
        }
        return moved
    }
}
