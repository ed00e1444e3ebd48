import BeredskapJSON
import Testing
@testable import BeredskapCore

/// The instant `minutes` after the start of the test.
private func minute(_ minutes: Int64) -> Timestamp { Timestamp(secondsSinceEpoch: 1_700_000_000 + minutes * 60) }

/// Records `states` one minute apart from minute `from`, returning what each record returned.
@discardableResult
private func record(_ detector: inout FlapDetector, _ states: [Bool], from start: Int64 = 1) -> [FlapChange?] {
    states.enumerated().map { offset, active in detector.record(active: active, at: minute(start + Int64(offset))) }
}

/// Active, inactive, active, … `count` states: every one a change from a new detector.
private func alternating(_ count: Int) -> [Bool] { (0..<count).map { $0 % 2 == 0 } }

@Suite struct FlapDetectorTests {
    @Test("Twenty alternating changes give 100 percent state change")
    func alternatingIsFull() {
        var detector = FlapDetector()
        record(&detector, alternating(20))
        #expect(detector.history.count == 21)
        #expect(detector.percentStateChange == 100)
    }

    @Test("One change weighs 1.2 as the newest transition and 0.8 as the oldest")
    func oneChangeIsWeighted() {
        var detector = FlapDetector()
        record(&detector, [true])
        #expect(detector.percentStateChange == 6)  // 1.2 / 20
        record(&detector, Array(repeating: true, count: 19), from: 2)
        #expect(detector.percentStateChange == 4)  // 0.8 / 20
        record(&detector, [true], from: 30)
        #expect(detector.percentStateChange == 0)  // the change has left the 21 states
    }

    @Test("Flapping starts above the high threshold, holds between the two and stops below the low one")
    func hysteresis() {
        var detector = FlapDetector()
        let rising = record(&detector, alternating(8))
        #expect(rising.allSatisfy { $0 == nil })
        #expect(!detector.isFlapping)
        #expect(abs(detector.percentStateChange - 45.05) < 0.01)  // between the thresholds, not flapping

        #expect(detector.record(active: true, at: minute(9)) == .started)
        #expect(abs(detector.percentStateChange - 50.21) < 0.01)

        let falling = record(&detector, Array(repeating: true, count: 14), from: 10)
        #expect(falling.allSatisfy { $0 == nil })
        #expect(detector.isFlapping)
        #expect(abs(detector.percentStateChange - 25.58) < 0.01)  // still above the low threshold

        guard case .stopped(let summary) = detector.record(active: true, at: minute(24)) else {
            Issue.record("expected flapping to stop")
            return
        }
        #expect(detector.percentStateChange < 25)
        #expect(!detector.isFlapping)
        #expect(summary == FlapSummary(since: minute(9), until: minute(24), activations: 1, active: true))
    }

    @Test("The summary counts every change held back, including the one that started flapping")
    func summaryCounts() {
        var detector = FlapDetector()
        record(&detector, alternating(9))
        #expect(detector.isFlapping)
        record(&detector, [false, true, false, false], from: 10)
        #expect(detector.heldBack == FlapSummary(
            since: minute(9), until: minute(13), activations: 2, deactivations: 2, active: false))
        #expect(detector.heldBack?.changes == 4)
    }

    @Test("A flapping alert settles when nothing changes for settle_after, at the deadline")
    func settlesByTime() {
        var detector = FlapDetector(settings: .init(settleAfter: .seconds(30 * 60)))
        #expect(detector.nextDeadline() == nil)
        record(&detector, alternating(10))
        #expect(detector.nextDeadline() == minute(40))
        #expect(detector.advance(to: minute(39)) == nil)
        #expect(detector.isFlapping)

        let change = detector.advance(to: minute(55))
        #expect(change == .stopped(summary: FlapSummary(
            since: minute(9), until: minute(40), activations: 1, deactivations: 1, active: false)))
        #expect(!detector.isFlapping)
        #expect(detector.nextDeadline() == nil)
        #expect(detector.percentStateChange == 0)
        #expect(detector.record(active: true, at: minute(56)) == nil)  // one change does not restart it
    }

    @Test("A record after the settle deadline settles first and does not start flapping again at once")
    func recordPastDeadlineSettles() {
        var detector = FlapDetector()
        record(&detector, alternating(9))
        let change = detector.record(active: false, at: minute(120))
        #expect(change == .stopped(summary: FlapSummary(since: minute(9), until: minute(39), activations: 1, active: true)))
        #expect(!detector.isFlapping)
        #expect(detector.history == [true, false])
    }

    @Test("A flapping detector survives a JSON round trip and goes on the same way")
    func codableRoundTrip() throws {
        var detector = FlapDetector()
        record(&detector, alternating(11))
        let bytes = try JSONValueEncoder().encodeBytes(detector)
        var decoded = try JSONValueDecoder().decode(FlapDetector.self, from: bytes)
        #expect(decoded == detector)
        #expect(decoded.record(active: true, at: minute(12)) == detector.record(active: true, at: minute(12)))
        #expect(decoded == detector)
    }

    @Test("Settings need the low threshold below the high one, percentages and a positive quiet time")
    func settingsValidation() {
        #expect(FlapDetector.Settings().validate().isEmpty)
        let bad = FlapDetector.Settings(lowThreshold: 60, highThreshold: 120, settleAfter: .seconds(0))
        #expect(bad.validate().map(\.field) == ["high_threshold", "settle_after"])
        #expect(FlapDetector.Settings(lowThreshold: 50, highThreshold: 50).validate().map(\.field) == ["low_threshold"])
    }
}
