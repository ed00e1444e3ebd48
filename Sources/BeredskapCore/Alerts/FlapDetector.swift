/// Decides whether one alert (one `AlertKey`) is flapping: changing state so often that
/// telling the groups about every change would bury them.
///
/// Why: an occupancy figure hovering at a threshold (a facility at 94.9 %, 95.1 %, 94.8 %)
/// fires and resolves an alert on every report. While the alert is flapping its notifications
/// are held back; one summary goes out when it settles.
///
/// The method is Nagios's weighted percent state change. The detector keeps the last 21
/// states (one per evaluation of the rule for this key, changed or not), i.e. 20 transitions
/// between consecutive states. Each transition that is a change counts with a weight rising
/// linearly from 0.8 (oldest) to 1.2 (newest), so recent changes count more; the percent is
/// the weighted count over 20 × 100 (20 alternating transitions give 100 %, one change as the
/// newest transition 6 %). Flapping starts when the percent rises *above* `highThreshold`
/// (default 50 %) and stops when it falls *below* `lowThreshold` (default 25 %): the gap
/// between them is hysteresis, so an alert near one threshold does not flap in and out of
/// flapping. Before 21 states are known, the missing older states count as equal to the
/// first one (as Nagios fills a new history with the current state).
///
/// Why also a time-based settle: rules are evaluated when reports arrive, and a flapping
/// alert whose facility stops reporting would never see the quiet evaluations that lower its
/// percent. When no change has been recorded for `settleAfter`, the alert counts as settled:
/// `nextDeadline()` tells the engine when to call `advance(to:)` (no polling), and settling
/// that way forgets the history, so the next single change does not start flapping again.
///
/// Codable because the state must survive a restart of the daemon.
public struct FlapDetector: Sendable, Equatable, Codable {
    /// The thresholds and the quiet time; from configuration.
    public struct Settings: Sendable, Equatable, Codable {
        /// Flapping stops when the percent state change falls below this.
        public var lowThreshold: Double
        /// Flapping starts when the percent state change rises above this.
        public var highThreshold: Double
        /// A flapping alert with no change for this long counts as settled.
        public var settleAfter: FixedDuration

        /// Nagios's defaults for the thresholds; 30 minutes of quiet is two report
        /// intervals for the facilities that report most often.
        public init(lowThreshold: Double = 25, highThreshold: Double = 50,
                    settleAfter: FixedDuration = .seconds(30 * 60)) {
            self.lowThreshold = lowThreshold
            self.highThreshold = highThreshold
            self.settleAfter = settleAfter
        }

        /// Thresholds within 0…100 with the low one below the high one, and a positive quiet
        /// time. Field names are those of the configuration file.
        public func validate() -> [FieldProblem] {
            var problems: [FieldProblem] = []
            for (field, value) in [("low_threshold", lowThreshold), ("high_threshold", highThreshold)]
            where !(0...100).contains(value) {
                problems.append(FieldProblem(
                    field, Text("expected a percentage between 0 and 100", nb: "forventet en prosent mellom 0 og 100")))
            }
            if lowThreshold >= highThreshold {
                problems.append(FieldProblem(
                    "low_threshold",
                    Text("must be below high_threshold (\(highThreshold))", nb: "må være under high_threshold (\(highThreshold))")))
            }
            if settleAfter.milliseconds <= 0 {
                problems.append(FieldProblem("settle_after", Text("must be positive", nb: "må være positiv")))
            }
            return problems
        }
    }

    /// States kept: 21 states give the 20 transitions Nagios weighs.
    public static let historySize = 21

    public var settings: Settings
    /// The last states recorded, oldest first, at most `historySize`; `true` = active.
    public private(set) var history: [Bool]
    public private(set) var isFlapping: Bool
    /// When the state last changed; the settle deadline counts from here.
    public private(set) var lastChangeAt: Timestamp?
    /// What has been held back since flapping started; nil while not flapping.
    public private(set) var heldBack: FlapSummary?

    /// A detector that has seen only `initiallyActive` (inactive for a new key).
    public init(settings: Settings = Settings(), initiallyActive: Bool = false) {
        self.settings = settings
        history = [initiallyActive]
        isFlapping = false
    }

    /// Nagios's weighted percent state change over the history, 0…100.
    ///
    /// Computed in whole units to keep comparisons with the thresholds exact: with weights
    /// w = (76 + 2·k) / 95 for k = 0 (oldest transition) … 19 (newest), i.e. 0.8 … 1.2, the
    /// percent Σw / 20 × 100 is Σ(76 + 2·k) / 19.
    public var percentStateChange: Double {
        var units = 0
        for index in history.indices.dropFirst() where history[index] != history[index - 1] {
            let age = history.count - 1 - index  // 0 for the newest transition
            units += 114 - 2 * age
        }
        return Double(units) / 19
    }

    /// Records the state found by an evaluation at `time` (call it on every evaluation, also
    /// when nothing changed: quiet evaluations are what lower the percent). Settles first if
    /// the quiet time ran out before `time`. Returns `.started` when this state makes the
    /// alert flapping and `.stopped` when it settles; nil otherwise. Times are expected in
    /// order.
    public mutating func record(active: Bool, at time: Timestamp) -> FlapChange? {
        let settled = advance(to: time)
        let changed = history.last != active
        history.append(active)
        if history.count > Self.historySize { history.removeFirst(history.count - Self.historySize) }
        if changed { lastChangeAt = time }
        let percent = percentStateChange
        let starts = !isFlapping && settled == nil && percent > settings.highThreshold
        if starts {
            isFlapping = true
            // The change that made it flapping is held back too: the engine sends the
            // "flapping" notice instead of it.
            heldBack = FlapSummary(since: time, until: time, active: active)
        }
        guard isFlapping, var summary = heldBack else { return settled }
        if changed { summary.count(active: active) }
        summary.until = time
        summary.active = active
        heldBack = summary
        if percent < settings.lowThreshold { return stop() }
        return starts ? .started : nil
    }

    /// When a flapping alert counts as settled if nothing changes before then; nil when it is
    /// not flapping.
    public func nextDeadline() -> Timestamp? {
        guard isFlapping, let lastChangeAt else { return nil }
        return lastChangeAt.adding(milliseconds: settings.settleAfter.milliseconds)
    }

    /// Settles a flapping alert whose quiet time has run out by `now`. The summary ends at the
    /// deadline, not at `now`, so it is the same however late the engine calls.
    public mutating func advance(to now: Timestamp) -> FlapChange? {
        guard let deadline = nextDeadline(), now >= deadline else { return nil }
        history = history.suffix(1)
        heldBack?.until = deadline
        return stop()
    }

    private mutating func stop() -> FlapChange? {
        guard let summary = heldBack else { return nil }
        isFlapping = false
        heldBack = nil
        return .stopped(summary: summary)
    }
}

/// A change in whether an alert is flapping.
public enum FlapChange: Sendable, Equatable {
    /// Notifications are held back from now on; the engine tells the groups once.
    case started
    /// The alert settled; the summary says what was held back.
    case stopped(summary: FlapSummary)
}

/// The state changes held back while an alert was flapping, including the one that made it
/// flapping, and the state it settled in.
public struct FlapSummary: Sendable, Equatable, Codable {
    /// When flapping started.
    public var since: Timestamp
    /// The last state recorded, or the settle deadline once settled by quiet time.
    public var until: Timestamp
    /// Changes to active (the condition held again) held back.
    public var activations: Int
    /// Changes to inactive (the condition cleared) held back.
    public var deactivations: Int
    /// The state at `until`: whether the alert still fires when the summary goes out.
    public var active: Bool

    public init(since: Timestamp, until: Timestamp, activations: Int = 0, deactivations: Int = 0, active: Bool) {
        self.since = since
        self.until = until
        self.activations = activations
        self.deactivations = deactivations
        self.active = active
    }

    /// All state changes held back.
    public var changes: Int { activations + deactivations }

    mutating func count(active: Bool) {
        if active { activations += 1 } else { deactivations += 1 }
    }
}
