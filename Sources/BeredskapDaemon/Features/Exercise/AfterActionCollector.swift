import BeredskapCore
import BeredskapSQLite
import BeredskapStore

/// Reads what an after-action report is built from out of an exercise's world at the end of
/// its run — the run's events, the facilities and the surge level as they stood before the
/// first of them — and builds the report (`AfterActionReport`, pure, in the core).
///
/// Why at the end and from the copy: the copy is deleted when the run returns, and with it
/// every event of the run; what the report needs is read while it is still there.
struct AfterActionCollector {
    let world: World
    let calendar: LocalCalendar

    /// The report of a run whose simulated clock went from `start` to `end`.
    func report(
        scenario: String, speed: ExerciseSpeed, stopped: Bool, start: Timestamp, end: Timestamp, firstInject: Timestamp?,
        events: [Event], results: [ExerciseExpectationResult]
    ) -> AfterActionReport {
        let before = (try? world.readPool.read { connection in try Self.before(events, connection) }) ?? ([], .normal)
        return AfterActionReport(
            AfterActionInputs(
                scenario: scenario, speed: speed, stopped: stopped, start: start, end: end, firstInject: firstInject,
                events: events, facilities: before.facilities, level: before.level, results: results),
            calendar: calendar)
    }

    /// The facilities and the surge level before `events`.
    private static func before(_ events: [Event], _ connection: SQLiteConnection) throws
        -> (facilities: [Facility], level: SurgeLevel)
    {
        let firstSeq = events.first?.seq ?? Int64.max
        var definedBefore: [String: FacilityDefinition] = [:]
        for id in AfterActionInputs.facilitiesChanged(by: events) {
            let defined = try connection.lastEvent(
                about: "facility/\(id)", types: [CapacityEvents.facilityCreated.name, CapacityEvents.facilityUpdated.name],
                before: firstSeq)
            if let payload = defined?.payload(CapacityEvents.facilityCreated) ?? defined?.payload(CapacityEvents.facilityUpdated) {
                definedBefore[id] = payload.definition(note: nil)
            }
        }
        let facilities = AfterActionInputs.facilities(before: events, end: try connection.facilities(), definedBefore: definedBefore)
        // The level before the first change, or, with none, the level the run ended at.
        let level = try events.lazy.compactMap { $0.payload(SurgeEvents.levelChanged) }.first?.from ?? connection.surgeState().level
        return (facilities, level)
    }
}
