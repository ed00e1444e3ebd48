import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore
import Testing

@testable import BeredskapCLI

/// The dashboard drawn into a virtual terminal of a given size, through the bytes a real one
/// would get (`ScreenFrame.paint`), and its plain line for pipes.
@Suite struct DashboardScreenTests {
    typealias F = DashboardFixture

    /// The screen after painting `dashboard` (styled when `style` is), checked for overflow.
    func screen(
        _ dashboard: Dashboard, _ width: Int, _ height: Int, _ language: Language = .en, style: TextStyle = .plain,
        onto existing: VirtualScreen? = nil
    ) -> VirtualScreen {
        let lines = dashboard.render(width: width, height: height, language: language, style: style, calendar: F.utc)
        #expect(lines.count == height)
        var screen = existing ?? VirtualScreen(width: width, height: height)
        screen.feed(ScreenFrame.paint(lines, width: width, height: height))
        #expect(screen.overflow == 0, "\(width)×\(height): \(screen.text)")
        #expect(screen.unknownSequences.isEmpty)
        return screen
    }

    @Test func at80By24EverySectionShows() throws {
        let rows = screen(try F.busy(), 80, 24).rows
        #expect(rows[0].hasPrefix("beredskap top · surge: HIGH since 09:03 · 2026-11-22 13:00:00 UTC"), "\(rows[0])")
        #expect(rows[1] == "CAPACITY · cap 1000 places per facility")
        #expect(rows[2].hasPrefix("  transit           194/200   97 %  ███"))
        #expect(rows.contains { $0.hasPrefix("  careCentre          44/40  110 %  ███") })
        #expect(rows.contains { $0.hasPrefix("  total             238/420   57 %") })
        #expect(rows.contains("FIRING ALERTS (2)"))
        let critical = try #require(rows.firstIndex { $0.contains("CRITICAL") })
        let warning = try #require(rows.firstIndex { $0.contains("WARNING") })
        #expect(critical < warning, "critical first")
        #expect(rows[critical].contains("facility_utilization") && rows[critical].contains("facility/refstad")
            && rows[critical].contains("since 09:02"))
        #expect(rows.contains("ACTIVE STEPS (2, 1 late)"))
        let late = try #require(rows.firstIndex { $0.hasPrefix("  LATE") })
        #expect(rows[late].contains("Agree with UDI") && rows[late].contains("beredskapsetaten"))
        #expect(rows[late].contains("due 12:30") && rows[late].contains("#12 Facility near full"), "\(rows[late])")
        #expect(rows[late + 1].hasPrefix("  failed") && rows[late + 1].contains("Open Ila"))
        #expect(rows.contains("LATEST EVENTS"))
        #expect(rows.contains { $0.hasPrefix("  09:02:00  alert.firing") })
        #expect(rows.contains { $0.hasPrefix("  09:01:00  arrival.recorded     facility/refstad ") && $0.hasSuffix(" +194") })
        #expect(rows.allSatisfy { displayWidth($0) <= 80 })
    }

    @Test func at120By40EveryEventFitsAndNothingIsCut() throws {
        let rows = screen(try F.busy(), 120, 40).rows
        #expect(rows[0].hasSuffix("238 arrivals in 24 h"))
        #expect(rows.filter { $0.hasPrefix("  09:0") }.count == 9, "all nine events")
        #expect(!rows.contains { $0.contains("…") })
    }

    @Test func at40By10TheEventsAndStepsGiveWayFirst() throws {
        let rows = screen(try F.busy(), 40, 10).rows
        #expect(rows[0].hasPrefix("beredskap top · surge: HIGH since 09:03"))
        #expect(rows[1].hasPrefix("CAPACITY"))
        #expect(rows[2].hasPrefix("  transit"))
        #expect(rows.contains("FIRING ALERTS (2)"))
        #expect(!rows.contains("LATEST EVENTS"))
        #expect(!rows.contains { $0.hasPrefix("ACTIVE STEPS") })
        let bokmål = screen(try F.busy(), 40, 10, .nb).rows
        #expect(bokmål[3].hasPrefix("  ordinært mottak    0/150    0 %"), "names whole while a short bar fits: \(bokmål)")
    }

    @Test func aScreenTooSmallSaysSo() throws {
        let rows = screen(try F.busy(), 29, 4).rows
        #expect(rows[0] == "screen too small: 29×4, the …")
        #expect(rows.dropFirst().allSatisfy { $0.isEmpty })
        #expect(screen(try F.busy(), 60, 3, .nb).rows[0].hasPrefix("skjermen er for liten: 60×3"))
    }

    @Test func everySizeFitsExactly() throws {
        let dashboard = try F.busy()
        for width in stride(from: 1, through: 131, by: 10) {
            for height in [1, 4, 5, 6, 9, 13, 24, 50] {
                let lines = dashboard.render(width: width, height: height, language: .nb, style: .plain, calendar: F.utc)
                #expect(lines.count == height)
                #expect(lines.allSatisfy { displayWidth($0) <= width }, "\(width)×\(height)")
            }
        }
    }

    /// In bokmål the kinds' names have "æ" (ordinært) and differ in length: the figures, the
    /// shares and the bars still start in one column each.
    @Test func norwegianLettersLineUp() throws {
        let rows = screen(try F.busy(), 80, 24, .nb).rows
        #expect(rows[1] == "KAPASITET · tak 1000 plasser per mottak")
        let capacity = Array(rows[2...6])
        #expect(capacity.map { String($0.dropFirst(2).prefix(15)) } == [
            "transittmottak ", "ordinært mottak", "omsorgssenter  ", "bosenter       ", "totalt         ",
        ])
        func column(_ row: String, of characters: Set<Character>) -> Int? {
            row.firstIndex { characters.contains($0) }.map { displayWidth(String(row[..<$0])) }
        }
        let percents = capacity.compactMap { column($0, of: ["%"]) }
        #expect(percents.count == 5 && Set(percents).count == 1, "\(capacity)")
        let bars = capacity.compactMap { column($0, of: ["█", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]) }
        #expect(bars.count == 3 && Set(bars).count == 1, "the empty ones (ordinært mottak, bosenter) have none: \(capacity)")
        #expect(rows.contains { $0.hasPrefix("  FORSINKET") && $0.contains("Avtal med UDI") && $0.contains("frist 12:30") })
        #expect(rows[0].contains("ankomstnivå: HØY siden 09:03"))
    }

    @Test func colourIsOnlyInTheBytesNotOnTheScreen() throws {
        let dashboard = try F.busy()
        let styled = screen(dashboard, 80, 24, style: TextStyle(enabled: true))
        #expect(styled.rows == screen(dashboard, 80, 24).rows)
        let lines = dashboard.render(width: 80, height: 24, language: .en, style: TextStyle(enabled: true), calendar: F.utc)
        #expect(lines.contains { $0.contains("\u{1B}[31m") }, "late and critical rows are red")
        #expect(dashboard.render(width: 80, height: 24, language: .en, style: .plain, calendar: F.utc).allSatisfy { !$0.contains("\u{1B}") })
    }

    /// A redraw over the last frame leaves nothing of it behind: a resolved alert's row and a
    /// finished run's steps are gone.
    @Test func aRedrawLeavesNoTraceOfTheLastFrame() throws {
        var dashboard = try F.busy()
        let before = screen(dashboard, 80, 24)
        #expect(before.text.contains("facility/torshov"))
        dashboard.apply(try F.alert(AlertEvents.resolved, id: 2, state: .resolved, subject: "facility/torshov", seq: 10, at: 241))
        dashboard.apply(try F.event(PlaybookEvents.runAborted, .init(playbook: "facility-near-full"), subject: "run/12", seq: 11, at: 242))
        dashboard.recent = []
        let after = screen(dashboard, 80, 24, onto: before)
        #expect(after.rows == screen(dashboard, 80, 24).rows, "the same as drawn on a clean screen")
        #expect(!after.text.contains("facility/torshov"))
        #expect(!after.text.contains("Agree with UDI"))
        #expect(after.text.contains("ACTIVE STEPS (0, 0 late)\n  none"))
    }

    @Test func aLostConnectionShowsAtTheTop() throws {
        var dashboard = try F.busy()
        dashboard.reconnecting = true
        #expect(screen(dashboard, 80, 24).rows[0].hasPrefix("beredskap top · reconnecting… · surge: HIGH"))
        #expect(screen(dashboard, 40, 10, .nb).rows[0].hasPrefix("beredskap top · kobler til igjen…"))
    }

    @Test func anEmptyDashboardSaysWhatIsMissing() {
        let rows = screen(Dashboard(), 80, 24).rows
        #expect(rows[0] == "beredskap top")
        #expect(rows[1...3] == ["CAPACITY", "  no facilities", ""])
        #expect(rows.contains("LATEST EVENTS"))
        #expect(rows.contains("  none yet"))
    }

    @Test func thePlainLineHasTheFiguresAndNoEscapes() throws {
        var dashboard = try F.busy()
        #expect(dashboard.summaryLine(language: .en, calendar: F.utc) == """
            2026-11-22 13:00:00 UTC  surge high · capacity transit 194/200, ordinary 0/150, careCentre 44/40, \
            settlementCentre 0/30 · firing alerts 2 · active steps 2 (1 late)
            """)
        #expect(dashboard.summary(language: .nb) == """
            ankomstnivå høy · kapasitet transittmottak 194/200, ordinært mottak 0/150, omsorgssenter 44/40, \
            bosenter 0/30 · aktive varsler 2 · aktive steg 2 (1 over fristen)
            """)
        let before = dashboard.summary(language: .en)
        dashboard.apply(Event(
            seq: 20, time: PlaybookFixture.at(250), type: "log.added", actor: .system, subject: "log/1", data: .object([:]),
            exercise: false))
        #expect(dashboard.summary(language: .en) == before, "an event that changes no figure changes no line")
    }
}
