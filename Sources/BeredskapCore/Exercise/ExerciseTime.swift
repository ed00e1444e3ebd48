import BeredskapJSON

/// When something in an exercise scenario happens: an offset from the scenario's start
/// (`PT6H`, `P3DT2H`), a local wall-clock time (`2015-10-12T08:00`, read in the scenario's
/// time zone, Europe/Oslo), or an instant with its zone (`2015-10-12T06:00:00Z`).
///
/// Why three forms: a drill is written as "six hours in", a reconstruction of a real autumn
/// as "on Monday 12 October at eight"; both read naturally in one file. Local times stay
/// wall-clock values until a calendar resolves them, so a scenario means the same whatever
/// machine checks it and a summer-time change falls where it fell.
public enum ExerciseTime: Sendable, Hashable, CustomStringConvertible {
    /// After the scenario's start; exact units only (W D H M S), never negative.
    case offset(FixedDuration)
    /// A local date and time of day, seconds since local midnight.
    case local(CalendarDate, secondsOfDay: Int)
    /// RFC 3339 with a zone or `Z`.
    case instant(Timestamp)

    /// The instant this time names in a scenario starting at `start`.
    public func instant(start: Timestamp, calendar: LocalCalendar) -> Timestamp {
        switch self {
        case .offset(let duration): start.adding(milliseconds: duration.milliseconds)
        case .local(let date, let seconds): calendar.instant(date, secondsOfDay: seconds)
        case .instant(let instant): instant
        }
    }

    /// Reads the three forms; nil for anything else (a calendar duration such as `P1M` too:
    /// a month has no single length).
    public init?(parsing text: String) {
        if text.hasPrefix("P") {
            guard let duration = ISODuration(parsing: text), let exact = duration.fixedMilliseconds else { return nil }
            self = .offset(FixedDuration(milliseconds: exact))
        } else if let instant = Timestamp(rfc3339: text) {
            self = .instant(instant)
        } else if let date = CalendarDate(parsing: text) {
            self = .local(date, secondsOfDay: 0)
        } else {
            let parts = text.split(maxSplits: 1, omittingEmptySubsequences: false) { $0 == "T" || $0 == " " }
            guard parts.count == 2, let date = CalendarDate(parsing: String(parts[0])),
                let seconds = LocalCalendar.clockSeconds(String(parts[1]))
            else { return nil }
            self = .local(date, secondsOfDay: seconds)
        }
    }

    public var description: String {
        switch self {
        case .offset(let duration): duration.description
        case .instant(let instant): instant.rfc3339
        case .local(let date, let seconds):
            "\(date)T\(zeroPadded(seconds / 3600, width: 2)):\(zeroPadded(seconds / 60 % 60, width: 2)):\(zeroPadded(seconds % 60, width: 2))"
        }
    }
}

extension ExerciseTime: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let time = ExerciseTime(parsing: try container.decode(String.self)) else {
            throw JSONFieldError.invalid(
                "expected an offset such as PT6H or P3DT2H (no years or months), a local time such as "
                    + "2015-10-12T08:00, or RFC 3339 such as 2015-10-12T06:00:00Z", at: decoder)
        }
        self = time
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// How fast an exercise's simulated clock runs against the real one: a factor (`600`: ten
/// simulated minutes a real second) or `"max"`, as fast as the machine can go — each inject
/// and each timer the daemon's engines set is reached at once, in order.
///
/// Why `max` exists: the benchmark runs autumn-2015's four months "at maximum speed",
/// and a grading run does not need to be watched. A factor below 1 (slower than real time)
/// is refused: an exercise that takes longer than the events it replays helps no one.
public enum ExerciseSpeed: Sendable, Hashable, CustomStringConvertible {
    case factor(Double)
    case maximum

    public static let maximumFactor = 1_000_000.0

    /// How long `simulated` takes in real time; nil at maximum speed (as long as it takes).
    public func realMilliseconds(for simulated: FixedDuration) -> Int64? {
        guard case .factor(let factor) = self, factor > 0 else { return nil }
        return Int64((Double(simulated.milliseconds) / factor).rounded(.up))
    }

    /// Reads `--speed N` or a file's `speed`: a number, or `max`.
    public init?(parsing text: String) {
        if text == "max" {
            self = .maximum
        } else if let factor = Double(text), factor.isFinite {
            self = .factor(factor)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .maximum: "max"
        case .factor(let factor): factor == factor.rounded() && abs(factor) < 1e15 ? "\(Int64(factor))" : "\(factor)"
        }
    }
}

extension ExerciseSpeed: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let factor = try? container.decode(Double.self) {
            self = .factor(factor)
        } else if (try? container.decode(String.self)) == "max" {
            self = .maximum
        } else {
            throw JSONFieldError.invalid("expected a number (how many times real time) or \"max\"", at: decoder)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .maximum: try container.encode("max")
        case .factor(let factor): try container.encode(factor)
        }
    }
}
