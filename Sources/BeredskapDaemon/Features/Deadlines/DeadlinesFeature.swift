extension Feature {
    /// Each person's compliance deadlines as the deadline engine holds them: the rules as
    /// configuration (`deadlines`), the lists of persons overdue or due soon, and the counts
    /// per rule and district (issue 12, item 3). `deadlines_overdue` in the status counts the
    /// persons' overdue deadlines on top of the playbook steps past their due time.
    static let deadlines = Feature(
        name: "deadlines",
        configuration: [ConfigurationSection("deadlines", \.deadlines)],
        status: { services in
            let engine = services.deadlines
            return StatusFields(current: { status in status.deadlinesOverdue += engine.read { $0.overdueTotal } })
        },
        routes: { wiring in DeadlineRoutes(engine: wiring.services.deadlines).routes })
}
