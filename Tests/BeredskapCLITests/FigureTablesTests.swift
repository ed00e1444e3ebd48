import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore
import Testing

@testable import BeredskapCLI

/// `status --csv` and `surge --csv` give figures in columns, not sentences.
@Suite struct FigureTablesTests {
    @Test func statusIsOneRowOfFigures() {
        let status = StatusResponse(
            surgeLevel: "elevated",
            capacity: .init(
                capacity: 729, blocked: 10, available: 719, occupied: 245, free: 474, overCapacity: 0, utilization: 0.3407,
                standbyCapacity: 120),
            alerts: .init(firing: 2, pending: 1, unacknowledged: 1), runsActive: 3, notifications: .init(pending: 4, dead: 0),
            deadlinesOverdue: 1, lastEventSeq: 812, uptimeS: 3600)
        let csv = CSV.render(header: FigureTables.status(status).header, rows: FigureTables.status(status).rows)
        #expect(csv == """
            surge_level,capacity,blocked,available,occupied,free,over_capacity,utilization,standby_capacity,alerts_firing,alerts_pending,alerts_unacknowledged,runs_active,notifications_pending,notifications_dead,deadlines_overdue,last_event_seq,uptime_s,server_version
            elevated,729,10,719,245,474,0,0.3407,120,2,1,1,3,4,0,1,812,3600,0.1.0

            """)
    }

    @Test func surgeIsARowPerKindWithTheLevelAndItsFigures() throws {
        let at = try #require(Timestamp(rfc3339: "2026-11-22T09:00:00Z"))
        let surge = SurgeResponse(
            level: .high, since: Timestamp(rfc3339: "2026-11-22T06:00:00Z"), reason: "arrivals_24h 420 >= 400",
            arrivals24h: 420, arrivals7d: 1200, baselinePerDay: 35.5, ratio: 11.8, baselineDays: 28, recentDays: 7,
            forecast: [
                "transit": .init(daysToFull: 2.5, netPerDay: 80, free: 200),
                "arrival": .init(daysToFull: nil, netPerDay: -3, free: 40),
            ],
            at: at)
        let table = FigureTables.surge(surge, kinds: ["arrival", "transit"])
        #expect(table.header == FigureTables.surgeHeader)
        #expect(table.rows == [
            ["high", "2026-11-22T06:00:00.000Z", "arrivals_24h 420 >= 400", "420", "1200", "35.5", "11.8", "28", "7",
             "2026-11-22T09:00:00.000Z", "arrival", "40", "-3.0", ""],
            ["high", "2026-11-22T06:00:00.000Z", "arrivals_24h 420 >= 400", "420", "1200", "35.5", "11.8", "28", "7",
             "2026-11-22T09:00:00.000Z", "transit", "200", "80.0", "2.5"],
        ])
        let quiet = SurgeResponse(
            level: .normal, since: nil, reason: nil, arrivals24h: 0, arrivals7d: 0, baselinePerDay: 0, ratio: nil,
            baselineDays: 28, recentDays: 7, forecast: [:], at: at)
        #expect(FigureTables.surge(quiet, kinds: []).rows == [
            ["normal", "", "", "0", "0", "0.0", "", "28", "7", "2026-11-22T09:00:00.000Z", "", "", "", ""],
        ])
    }
}
