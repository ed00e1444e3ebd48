import BeredskapCore
import Testing

@Suite("Report schedules: slots in local time, the surge condition and catching up")
struct ReportScheduleTests {
    let oslo: LocalCalendar

    init() throws { oslo = try #require(LocalCalendar(identifier: "Europe/Oslo")) }

    private func local(_ text: String) throws -> Timestamp {
        try #require(oslo.parseInstant(text, now: Timestamp(millisecondsSinceEpoch: 0)))
    }

    @Test func fixedTimesAreLocalWallClockTimesInWinterAndSummer() throws {
        let schedule = try ReportSchedule(at: ["15:00", "07:00"])
        #expect(schedule.nextSlot(after: try local("2026-12-03 06:59"), calendar: oslo) == (try local("2026-12-03 07:00")))
        #expect(schedule.nextSlot(after: try local("2026-12-03 07:00"), calendar: oslo) == (try local("2026-12-03 15:00")))
        #expect(schedule.nextSlot(after: try local("2026-12-03 15:00"), calendar: oslo) == (try local("2026-12-04 07:00")))
        // 07:00 CEST is 05:00 UTC, 07:00 CET 06:00 UTC.
        #expect(schedule.nextSlot(after: try local("2026-07-01 00:00"), calendar: oslo) == Timestamp(rfc3339: "2026-07-01T05:00:00Z"))
        #expect(schedule.nextSlot(after: try local("2026-12-31 16:00"), calendar: oslo) == Timestamp(rfc3339: "2027-01-01T06:00:00Z"))
    }

    @Test func everyIntervalCountsFromLocalMidnight() throws {
        let schedule = try ReportSchedule(every: FixedDuration.seconds(4 * 3600))
        #expect(schedule.secondsOfDay == [0, 4, 8, 12, 16, 20].map { $0 * 3600 })
        #expect(schedule.nextSlot(after: try local("2026-12-03 09:13"), calendar: oslo) == (try local("2026-12-03 12:00")))
        #expect(schedule.latestSlot(atOrBefore: try local("2026-12-03 09:13"), calendar: oslo) == (try local("2026-12-03 08:00")))
        #expect(schedule.latestSlot(atOrBefore: try local("2026-12-04 00:00"), calendar: oslo) == (try local("2026-12-04 00:00")))
        #expect(schedule.nextSlot(after: try local("2026-12-03 21:00"), calendar: oslo) == (try local("2026-12-04 00:00")))
        // PT5H does not divide the day: 00, 05, 10, 15, 20, then midnight again.
        let five = try ReportSchedule(every: FixedDuration.seconds(5 * 3600))
        #expect(five.nextSlot(after: try local("2026-12-03 20:30"), calendar: oslo) == (try local("2026-12-04 00:00")))
    }

    @Test func theSkippedAndTheRepeatedHourOfSummerTime() throws {
        let schedule = try ReportSchedule(at: ["02:30", "03:30"])
        // 29 March 2026: 02:00 CET becomes 03:00 CEST. 02:30 does not happen: it is moved
        // past the gap to 03:30 CEST, the same instant as the 03:30 slot, which is made once.
        let spring = schedule.slots(on: try #require(CalendarDate(parsing: "2026-03-29")), calendar: oslo)
        #expect(spring == [Timestamp(rfc3339: "2026-03-29T01:30:00Z")].compactMap { $0 })
        // 25 October 2026: 03:00 CEST becomes 02:00 CET; 02:30 happens twice, made once (the first).
        let autumn = schedule.slots(on: try #require(CalendarDate(parsing: "2026-10-25")), calendar: oslo)
        #expect(autumn == ["2026-10-25T00:30:00Z", "2026-10-25T02:30:00Z"].compactMap { Timestamp(rfc3339: $0) })
    }

    @Test func theSurgeLevelIsJudgedAtTheSlot() throws {
        let always = try ReportSchedule(at: ["07:00"])
        #expect(SurgeLevel.allCases.allSatisfy { always.applies(at: $0) })
        let whileHigh = try ReportSchedule(every: FixedDuration.seconds(4 * 3600), whileSurgeAtLeast: .high)
        #expect(!whileHigh.applies(at: .normal))
        #expect(!whileHigh.applies(at: .elevated))
        #expect(whileHigh.applies(at: .high))
        #expect(whileHigh.applies(at: .crisis))
    }

    @Test func onlyTheLatestMissedSlotWithinTheHourIsCaughtUp() throws {
        let schedule = try ReportSchedule(at: ["07:00", "15:00"])
        let seven = try local("2026-12-03 07:00")
        #expect(schedule.missedSlot(now: try local("2026-12-03 07:20"), lastMade: nil, calendar: oslo) == seven)
        #expect(schedule.missedSlot(now: try local("2026-12-03 08:00"), lastMade: try local("2026-12-02 15:00"), calendar: oslo) == seven)
        // Made already, or too long ago.
        #expect(schedule.missedSlot(now: try local("2026-12-03 07:20"), lastMade: seven, calendar: oslo) == nil)
        #expect(schedule.missedSlot(now: try local("2026-12-03 08:01"), lastMade: nil, calendar: oslo) == nil)
        #expect(schedule.missedSlot(now: try local("2026-12-03 06:30"), lastMade: nil, calendar: oslo) == nil)
    }

    @Test func badTimesAndIntervalsNameTheField() throws {
        #expect(throws: FieldProblem.self) { try ReportSchedule(at: []) }
        do {
            _ = try ReportSchedule(at: ["07:00", "7 am"])
            Issue.record("accepted 7 am")
        } catch {
            #expect(error.field == "at[1]")
        }
        for bad: Int64 in [0, 60, 14 * 60, 90, 25 * 3600] {
            do {
                _ = try ReportSchedule(every: FixedDuration.seconds(bad))
                Issue.record("accepted every \(bad) s")
            } catch {
                #expect(error.field == "every")
            }
        }
        #expect(try ReportSchedule(every: FixedDuration.seconds(86_400)).secondsOfDay == [0])
    }
}
