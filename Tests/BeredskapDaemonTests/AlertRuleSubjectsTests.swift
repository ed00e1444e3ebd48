import BeredskapCore
import Testing

@testable import BeredskapDaemon

/// Which alert keys an event makes the engine evaluate: every key an event can change, and no
/// more (each key evaluated costs a read of its open alert inside the writer's transaction).
@Suite struct AlertRuleSubjectsTests {
    let rule = KindUtilizationRule(settings: DaemonConfiguration.Alerts().kindUtilization)

    func event<Payload>(_ type: EventType<Payload>, _ payload: Payload, subject: String = "facility/refstad") throws -> Event {
        Event(
            seq: 1, time: Timestamp(millisecondsSinceEpoch: 0), type: type.name, actor: .system, subject: subject,
            data: try payload.eventData(), exercise: false, payload: payload)
    }

    @Test func anArrivalOrADepartureTouchesItsOwnKindOnly() throws {
        let at = Timestamp(millisecondsSinceEpoch: 0)
        let arrival = try event(
            CapacityEvents.arrivalRecorded,
            CapacityEvents.ArrivalRecorded(
                id: 1, facility: "refstad", kind: .transit, count: 3, category: .adult, at: at, occupied: 3, transferFrom: nil,
                counted: true))
        #expect(rule.subjects(touchedBy: arrival) == ["kind/transit"])
        let departure = try event(
            CapacityEvents.departureRecorded,
            CapacityEvents.DepartureRecorded(
                id: 1, facility: "refstad", kind: .ordinary, count: 1, reason: .transferred, at: at, occupied: 2, to: nil,
                counted: true))
        #expect(rule.subjects(touchedBy: departure) == ["kind/ordinary"])
        // Read back from the log (no Swift payload), the kind comes from the data.
        var decoded = arrival
        decoded = Event(
            seq: decoded.seq, time: decoded.time, type: decoded.type, actor: decoded.actor, subject: decoded.subject,
            data: decoded.data, exercise: false)
        #expect(rule.subjects(touchedBy: decoded) == ["kind/transit"])
    }

    @Test func aHeadCountOrADefinitionTouchesEveryKind() throws {
        let headCount = try event(
            CapacityEvents.headCountReported,
            CapacityEvents.HeadCountReported(
                id: 1, facility: "refstad", occupied: 40, counted: 40, previous: 3, at: Timestamp(millisecondsSinceEpoch: 0)))
        #expect(rule.subjects(touchedBy: headCount) == FacilityKind.allCases.map { "kind/\($0.rawValue)" })
    }

    @Test func anEventThatChangesNoFiguresTouchesNoKind() throws {
        let entry = Event(
            seq: 1, time: Timestamp(millisecondsSinceEpoch: 0), type: "log.entry_added", actor: .system, subject: nil,
            data: .object([:]), exercise: false)
        #expect(rule.subjects(touchedBy: entry).isEmpty)
    }
}
