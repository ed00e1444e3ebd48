import BeredskapJSON

/// The event of the surge level.
public enum SurgeEvents {
    public static let levelChanged = EventType<LevelChanged>(.surge, "level_changed")

    public static let all: [EventKind] = [levelChanged.kind]

    /// The level moved, with the figures that moved it.
    public struct LevelChanged: EventPayload, Equatable {
        public var from: SurgeLevel
        public var to: SurgeLevel
        public var arrivals24h: Int
        public var arrivals7d: Int
        public var baselinePerDay: Double
        @NullEncoded public var ratio: Double?
        /// Which threshold holds the new level (`arrivals_24h 40 ≥ 40`); nil at `normal`.
        @NullEncoded public var reason: String?

        public init(from: SurgeLevel, to: SurgeLevel, figures: SurgeFigures, reason: String?) {
            self.from = from
            self.to = to
            arrivals24h = figures.arrivals24h
            arrivals7d = figures.arrivals7d
            baselinePerDay = figures.baselinePerDay
            ratio = figures.ratio
            self.reason = reason
        }

        public static let annotatedText = [
            "reason": "the daemon's own summary of the figure that holds the level (arrivals_24h 40 ≥ 40), never typed by a person",
        ]
    }
}
