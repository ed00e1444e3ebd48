import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore
import Foundation

@testable import BeredskapCLI

/// Events as the daemon writes them, and a dashboard built from them, for the model's and
/// the screen's tests. Times are minutes after 2026-11-22T09:00:00Z (`PlaybookFixture.at`).
enum DashboardFixture {
    static func event<Payload: EventPayload>(
        _ type: EventType<Payload>, _ payload: Payload, subject: String?, seq: Int64, at minutes: Int64 = 0
    ) throws -> Event {
        Event(
            seq: seq, time: PlaybookFixture.at(minutes), type: type.name, actor: .system, subject: subject,
            data: try payload.eventData(), exercise: false)
    }

    static func facility(
        _ id: String, kind: FacilityKind, capacity: Int, seq: Int64, status: FacilityStatus = .open
    ) throws -> Event {
        let definition = FacilityDefinition(
            name: "Mottak \(id)", kind: kind, status: status, operatorName: "Hero", district: "bjerke",
            authority: .udi, capacity: capacity)
        return try event(
            CapacityEvents.facilityCreated, .init(definition, changed: nil), subject: "facility/\(id)", seq: seq)
    }

    static func arrival(_ facility: String, count: Int, occupied: Int, seq: Int64, at minutes: Int64 = 1) throws -> Event {
        try event(
            CapacityEvents.arrivalRecorded,
            .init(
                id: seq, facility: facility, kind: .transit, count: count, category: .adult, at: PlaybookFixture.at(minutes),
                occupied: occupied, transferFrom: nil, counted: true),
            subject: "facility/\(facility)", seq: seq, at: minutes)
    }

    static func alert(
        _ type: EventType<AlertEvents.Snapshot>, id: Int64, state: AlertState, severity: AlertSeverity = .critical,
        subject: String = "facility/refstad", seq: Int64, at minutes: Int64 = 2
    ) throws -> Event {
        try event(
            type,
            .init(
                rule: "facility_utilization", subject: subject, state: state, severity: severity, value: 0.97,
                threshold: 0.95, silenced: false),
            subject: "alert/\(id)", seq: seq, at: minutes)
    }

    /// Facilities of four kinds (one whose bokmål name has an "æ"), a high surge, two firing
    /// alerts, the playbook fixture's run (redirect late, open-ila failed) and its events.
    static func busy() throws -> Dashboard {
        var dashboard = Dashboard()
        dashboard.cap = 1000
        let events = [
            try facility("refstad", kind: .transit, capacity: 200, seq: 1),
            try facility("hero-ordinaert", kind: .ordinary, capacity: 150, seq: 2),
            try facility("torshov", kind: .careCentre, capacity: 40, seq: 3),
            try facility("bosenter", kind: .settlementCentre, capacity: 30, seq: 4),
            try arrival("refstad", count: 194, occupied: 194, seq: 5),
            try arrival("torshov", count: 44, occupied: 44, seq: 6),
            try event(
                SurgeEvents.levelChanged,
                .init(
                    from: .elevated, to: .high,
                    figures: SurgeFigures(arrivals24h: 238, arrivals7d: 300, baselinePerDay: 20), reason: "arrivals_24h 238 ≥ 200"),
                subject: "city", seq: 7, at: 3),
            try alert(AlertEvents.firing, id: 1, state: .firing, seq: 8),
            try alert(AlertEvents.firing, id: 2, state: .firing, severity: .warning, subject: "facility/torshov", seq: 9),
        ]
        for event in events { dashboard.apply(event) }
        dashboard.load(run: try PlaybookFixture.run())
        dashboard.at = PlaybookFixture.at(240)
        return dashboard
    }

    static let utc = LocalCalendar(timeZone: TimeZone(secondsFromGMT: 0) ?? .current, identifier: "UTC")
}
