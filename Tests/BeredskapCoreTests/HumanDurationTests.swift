import Testing
@testable import BeredskapCore

@Suite struct HumanDurationTests {
    @Test(arguments: [
        ("90s", "PT1M30S"), ("30m", "PT30M"), ("2h", "PT2H"), ("1h30m", "PT1H30M"), ("1d", "PT24H"),
        ("2w", "PT336H"), ("1d2h3m4s", "PT26H3M4S"), ("2H", "PT2H"), ("0m", "PT0S"),
        ("PT2H", "PT2H"), ("pt30m", "PT30M"), ("P1D", "P1D"), ("P1M", "P1M"),
    ])
    func acceptsHumanAndISODurations(typed: String, iso: String) {
        #expect(HumanDuration.parse(typed)?.description == iso)
    }

    @Test func humanDurationsHaveAnExactLength() {
        #expect(HumanDuration.parse("1h30m")?.fixedMilliseconds == Int64(5_400_000))
        #expect(HumanDuration.parse("1d")?.fixedMilliseconds == Int64(86_400_000))
    }

    @Test(arguments: [
        "", "2", "h", "2x", "30m1h", "1h1h", "1h 30m", " 2h", "2h ", "-2h", "1.5h", "1234567890s", "P", "PT", "2hours",
    ])
    func refusesAnythingElse(typed: String) {
        #expect(HumanDuration.parse(typed) == nil)
    }
}
