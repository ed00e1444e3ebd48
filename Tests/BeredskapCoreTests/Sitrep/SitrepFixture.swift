import BeredskapCore
import Foundation

/// A situation report on fixed inputs: three facilities, a week in which the level rose to
/// high and fell to elevated, two firing alerts, a run with a late step, deadlines, a
/// settlement year, two log entries and 28 days of arrivals and occupancy.
enum SitrepFixture {
    static let calendar = LocalCalendar(identifier: "Europe/Oslo")
    /// 22 November 2026, 10:30 in Oslo.
    static let at = Timestamp(secondsSinceEpoch: 1_795_339_800)

    static func instant(_ text: String) -> Timestamp { Timestamp(rfc3339: text) ?? at }

    static func mottak(
        _ id: String, _ name: String, _ kind: FacilityKind, district: String?, capacity: Int, occupied: Int, expansion: Int? = nil
    ) -> Facility {
        let created = Timestamp(millisecondsSinceEpoch: 0)
        return Facility(
            id: id, name: name, kind: kind, status: .open, operatorName: "Hero", district: district, authority: .udi,
            capacity: capacity, expansionCapacity: expansion, blocked: 0, occupied: occupied, createdAt: created, updatedAt: created)
    }

    static func inputs(generatedAt: Timestamp = at, calendar: LocalCalendar) -> SitrepInputs {
        let last = calendar.date(of: at)
        let dates = (0..<SituationReport.seriesDays).map { last.adding(days: $0 + 1 - SituationReport.seriesDays) }
        return SitrepInputs(
            generatedAt: generatedAt, at: at, calendar: calendar,
            facilities: [
                mottak("refstad", "Refstad", .arrival, district: "bjerke", capacity: 200, occupied: 150),
                mottak("torshov", "Torshov", .ordinary, district: "sagene", capacity: 100, occupied: 3),
                mottak("tonsenhagen", "Tonsenhagen", .ordinary, district: "bjerke", capacity: 900, occupied: 601, expansion: 1200),
            ],
            cap: 1000, districts: [("bjerke", "Bjerke"), ("sagene", "Sagene")], initialLevel: .normal,
            surgeChanges: [
                .init(at: instant("2026-11-01T08:00:00Z"), from: .normal, to: .elevated),
                .init(at: instant("2026-11-18T09:00:00Z"), from: .elevated, to: .high),
                .init(at: instant("2026-11-21T15:00:00Z"), from: .high, to: .elevated),
            ],
            forecast: [.init(kind: .arrival, netPerDay: 12.5, free: 50, daysToFull: 4)],
            firingAlerts: [
                .init(rule: "facility_utilization", severity: .warning, subject: "facility/refstad", since: instant("2026-11-22T07:00:00Z")),
                .init(rule: "facility_over_cap", severity: .critical, subject: "facility/tonsenhagen", since: instant("2026-11-20T07:00:00Z")),
            ],
            runs: [.init(
                id: 4, playbook: "surge-high", startedAt: instant("2026-11-18T09:00:05Z"), openSteps: 2,
                lateSteps: [.init(step: "open-standby", owner: "group:capacity", due: instant("2026-11-18T13:00:05Z"))])],
            deadlines: (last, [.init(rule: "intro_start", overdue: 2, dueSoon: 7)]),
            settlement: SettlementProgress(
                year: 2026, at: last, quotas: ["bjerke": 100, "sagene": 40], settled: ["bjerke": 80, "sagene": 2],
                districts: ["bjerke", "sagene"], thresholds: SettlementLagThresholds(minLag: 5, minLagShare: 0.1)),
            incidentLog: [.init(time: instant("2026-11-22T08:00:00Z"), source: .person, subject: "facility/refstad",
                                text: "Ekstra senger <levert> & satt opp")],
            arrivalsPerDay: dates.enumerated().map { ($1, $0 % 7 == 3 ? 2 : 10 + $0) },
            occupancy: [
                .arrival: dates.enumerated().map { ($1, 100 + $0, 200) },
                .ordinary: dates.enumerated().map { ($1, $0 < 20 ? 3 : 500, 1000) },
            ])
    }
}
