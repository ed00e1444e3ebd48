extension Feature {
    /// Each person's compliance deadlines as the deadline engine holds them: the rules as
    /// configuration (`deadlines`), the lists of persons overdue or due soon, and the counts
    /// per rule and district (issue 12, item 3).
    static let deadlines = Feature(
        name: "deadlines",
        configuration: [ConfigurationSection("deadlines", \.deadlines)],
        routes: { _ in [] })
}
