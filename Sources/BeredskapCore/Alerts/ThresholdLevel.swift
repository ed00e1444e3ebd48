/// The utilization thresholds of one alert rule (`facility_utilization`, `kind_utilization`,
/// `city_utilization`), as fractions of the available places (0.9 = 90 %).
///
/// Why a separate, lower `clear` value: utilization moves by one person at a time, and a
/// facility at 90 % sees arrivals and departures every hour. With a single threshold the alert
/// would open and close with each of them; with `clear` below `warning` an open alert stays open
/// until utilization has really come down (hysteresis), and only then may a new one start.
public struct AlertThresholds: Sendable, Equatable, Codable {
    public var warning: Double
    public var critical: Double
    public var clear: Double

    public init(warning: Double, critical: Double, clear: Double) {
        self.warning = warning
        self.critical = critical
        self.clear = clear
    }

    /// Problems with the set: each value finite and not negative, and clear < warning ≤ critical.
    /// Field names are those of the configuration file.
    public func problems() -> [FieldProblem] {
        var problems: [FieldProblem] = []
        for (name, value) in [("warning", warning), ("critical", critical), ("clear", clear)]
        where !(value.isFinite && value >= 0) {
            problems.append(FieldProblem(
                name, Text("must be a number, 0 or more (\(value))", nb: "må være et tall, 0 eller mer (\(value))")))
        }
        guard problems.isEmpty else { return problems }
        if clear >= warning {
            problems.append(FieldProblem(
                "clear", Text("must be below warning (\(warning))", nb: "må være under warning (\(warning))")))
        }
        if critical < warning {
            problems.append(FieldProblem(
                "critical",
                Text("must not be below warning (\(warning))", nb: "kan ikke være under warning (\(warning))")))
        }
        return problems
    }
}

/// Decides an alert's severity from a utilization and the severity currently active.
///
/// A pure function so that the rules can replay any sequence of figures, and so that the
/// lifecycle (which only sees the verdict) stays independent of what is measured. Entry is by
/// the thresholds alone: ≥ critical is critical, ≥ warning is warning, whatever was active.
/// Below warning, an active alert (of either severity) stays active as a warning while the value
/// is still ≥ clear; below clear it is nil (clear).
public enum ThresholdLevel {
    /// The severity for `value`, or nil when the condition is clear.
    ///
    /// A NaN value (a utilization of 0 people in 0 places) is not a reading: it keeps the
    /// active severity rather than closing an alert or opening one on a division by zero.
    public static func severity(
        for value: Double, thresholds: AlertThresholds, active: AlertSeverity?
    ) -> AlertSeverity? {
        if value.isNaN { return active }
        if value >= thresholds.critical { return .critical }
        if value >= thresholds.warning { return .warning }
        if active != nil, value >= thresholds.clear { return .warning }
        return nil
    }
}
