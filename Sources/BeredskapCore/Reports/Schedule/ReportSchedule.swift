/// When a scheduled situation report is due: at set wall-clock times of day in the daemon's
/// zone, and only while the surge level is at least a given level (when one is given).
///
/// Why wall-clock times, also for "every 4 hours": the coordination groups meet at 07:00 and
/// 15:00 local time, summer and winter, and a report every four hours is expected at 00, 04,
/// 08, … — not four hours after whenever the daemon happened to start. So `every` is turned
/// into the times of day it names, counted from local midnight, and both forms are one list.
/// Why the level is judged at the slot: "every 4 h while the surge level is at least high"
/// means the report stops when the level falls, and starts at the next slot when it rises.
public struct ReportSchedule: Sendable, Equatable {
    /// The times of day, seconds after local midnight, ascending and distinct.
    public let secondsOfDay: [Int]
    /// The lowest surge level at which the report is made; nil: at every slot.
    public var whileSurgeAtLeast: SurgeLevel?

    /// A slot missed while the daemon was not running is made at start when it is at most
    /// this old (only the latest missed one): a 07:00 report the daemon could not make
    /// because it was restarting at 07:00 is still wanted at 07:05, yesterday's is not.
    public static let catchUpWindow = FixedDuration.seconds(60 * 60)
    /// The shortest `every`: a report takes a second or so to make and a person to read.
    public static let shortestInterval = FixedDuration.seconds(15 * 60)

    /// At the given times of day (`07:00`, `15:30`).
    public init(at times: [String], whileSurgeAtLeast: SurgeLevel? = nil) throws(FieldProblem) {
        guard !times.isEmpty else {
            throw FieldProblem("at", Text("expected at least one time of day, such as \"07:00\"", nb: "forventet minst ett klokkeslett, som \"07:00\""))
        }
        var seconds: [Int] = []
        for (index, time) in times.enumerated() {
            guard let value = LocalCalendar.clockSeconds(time) else {
                throw FieldProblem("at[\(index)]", Text(
                    "expected a time of day HH:MM, such as \"07:00\" (got \"\(time)\")",
                    nb: "forventet et klokkeslett TT:MM, som \"07:00\" (fikk \"\(time)\")"))
            }
            seconds.append(value)
        }
        self.init(secondsOfDay: seconds, whileSurgeAtLeast: whileSurgeAtLeast)
    }

    /// Every `interval` from local midnight (`PT4H`: 00:00, 04:00, … 20:00).
    public init(every interval: FixedDuration, whileSurgeAtLeast: SurgeLevel? = nil) throws(FieldProblem) {
        let day: Int64 = 86_400_000
        guard interval >= Self.shortestInterval, interval.milliseconds <= day, interval.milliseconds % 60_000 == 0 else {
            throw FieldProblem("every", Text(
                "expected whole minutes from \(Self.shortestInterval) to P1D (got \(interval))",
                nb: "forventet hele minutter fra \(Self.shortestInterval) til P1D (fikk \(interval))"))
        }
        let step = Int(interval.milliseconds / 1000)
        self.init(secondsOfDay: Array(stride(from: 0, to: 86_400, by: step)), whileSurgeAtLeast: whileSurgeAtLeast)
    }

    private init(secondsOfDay: [Int], whileSurgeAtLeast: SurgeLevel?) {
        self.secondsOfDay = Array(Set(secondsOfDay)).sorted()
        self.whileSurgeAtLeast = whileSurgeAtLeast
    }

    /// Whether a slot at this level makes a report.
    public func applies(at level: SurgeLevel) -> Bool {
        whileSurgeAtLeast.map { level >= $0 } ?? true
    }

    /// The first slot after `instant`.
    public func nextSlot(after instant: Timestamp, calendar: LocalCalendar) -> Timestamp {
        let today = calendar.date(of: instant)
        // Within two days there is always one; a skipped hour may move a slot into the next.
        for offset in 0...2 {
            if let slot = slots(on: today.adding(days: offset), calendar: calendar).first(where: { $0 > instant }) { return slot }
        }
        return calendar.startOfDay(today.adding(days: 3))
    }

    /// The latest slot at or before `instant`.
    public func latestSlot(atOrBefore instant: Timestamp, calendar: LocalCalendar) -> Timestamp {
        let today = calendar.date(of: instant)
        for offset in 0...2 {
            if let slot = slots(on: today.adding(days: -offset), calendar: calendar).last(where: { $0 <= instant }) { return slot }
        }
        return calendar.startOfDay(today.adding(days: -2))
    }

    /// The slot to make at start: the latest one at or before `now`, when it is within the
    /// catch-up window and later than the last slot made (`lastMade`).
    public func missedSlot(now: Timestamp, lastMade: Timestamp?, calendar: LocalCalendar) -> Timestamp? {
        let latest = latestSlot(atOrBefore: now, calendar: calendar)
        guard now.milliseconds(since: latest) <= Self.catchUpWindow.milliseconds else { return nil }
        if let lastMade, lastMade >= latest { return nil }
        return latest
    }

    /// The instants of the slots on a local date, ascending (a time in the hour skipped in
    /// spring is moved past the gap, as `LocalCalendar.instant` does; one repeated in autumn
    /// is its first occurrence).
    public func slots(on date: CalendarDate, calendar: LocalCalendar) -> [Timestamp] {
        Array(Set(secondsOfDay.map { calendar.instant(date, secondsOfDay: $0) })).sorted()
    }
}
