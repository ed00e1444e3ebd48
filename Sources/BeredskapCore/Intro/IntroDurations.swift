/// The introduction programme's duration table (`intro.durations` in the configuration): how
/// short and how long a programme may be planned, and how long its one extension may be.
///
/// Why configuration: the law's frame (introduksjonsloven: 3 months to 2 years, 3 years
/// towards upper secondary, an extension of up to a year) has changed before and is set by
/// the Storting, not by the office; a change should be a line in the file, not a release.
public struct IntroDurations: Sendable, Equatable {
    /// The shortest programme that can be planned.
    public var minimumMonths = 3
    /// The longest programme planned for every goal but upper secondary.
    public var standardMaximumMonths = 24
    /// The longest programme planned towards completing upper secondary.
    public var upperSecondaryMaximumMonths = 36
    /// The most one extension may add.
    public var extensionMonths = 12

    public init() {}

    public init(minimumMonths: Int, standardMaximumMonths: Int, upperSecondaryMaximumMonths: Int, extensionMonths: Int) {
        self.minimumMonths = minimumMonths
        self.standardMaximumMonths = standardMaximumMonths
        self.upperSecondaryMaximumMonths = upperSecondaryMaximumMonths
        self.extensionMonths = extensionMonths
    }

    /// The months a programme towards `goal` may be planned for.
    public func plannable(for goal: IntroGoal) -> ClosedRange<Int> {
        minimumMonths...(goal == .upperSecondary ? upperSecondaryMaximumMonths : standardMaximumMonths)
    }

    /// What is wrong with the table, each named by its field (`standard_maximum_months`).
    public func problems() -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if !(1...120).contains(minimumMonths) {
            problems.append(FieldProblem("minimum_months", Text("expected 1 to 120 months", nb: "forventet 1 til 120 måneder")))
        }
        // Compared, not made into ranges: a range whose lower end is above its upper traps.
        if standardMaximumMonths < minimumMonths || standardMaximumMonths > 120 {
            problems.append(FieldProblem("standard_maximum_months", Text(
                "expected minimum_months (\(minimumMonths)) to 120 months",
                nb: "forventet minimum_months (\(minimumMonths)) til 120 måneder")))
        }
        if upperSecondaryMaximumMonths < standardMaximumMonths || upperSecondaryMaximumMonths > 120 {
            problems.append(FieldProblem("upper_secondary_maximum_months", Text(
                "expected standard_maximum_months (\(standardMaximumMonths)) to 120 months",
                nb: "forventet standard_maximum_months (\(standardMaximumMonths)) til 120 måneder")))
        }
        if !(0...60).contains(extensionMonths) {
            problems.append(FieldProblem("extension_months", Text("expected 0 to 60 months", nb: "forventet 0 til 60 måneder")))
        }
        return problems
    }
}
