import BeredskapJSON
import Testing
@testable import BeredskapCore

private func hour(_ hours: Int64) -> Timestamp { Timestamp(secondsSinceEpoch: 1_700_000_000 + hours * 3600) }

private func silence(
    _ id: String = "s1", rule: String = "*", subject: String = "*", severity: AlertSeverity? = nil,
    matchAll: Bool = false, from start: Int64 = 0, to end: Int64 = 2, comment: String = "Refstad emptied for repairs"
) -> Silence {
    Silence(
        id: id, matchers: .init(rule: rule, subject: subject, severity: severity, matchAll: matchAll),
        startsAt: hour(start), endsAt: hour(end), comment: comment, author: "kari", createdAt: hour(-1))
}

private let refstad = AlertKey(rule: "facility_utilization", subject: "facility/refstad")

@Suite struct SilenceTests {
    static let subjectCases: [(String, String, Bool)] = [
        ("facility/refstad", "facility/refstad", true),
        ("facility/refstad", "facility/torshov", false),
        ("facility/*", "facility/refstad", true),
        ("facility/*", "facility", false),
        ("facility/*", "kind/transit", false),
        ("district/*", "district/ullern", true),
        ("*", "city", true),
        ("city", "city", true),
    ]

    @Test("A subject matcher is exact, a kind pattern such as facility/*, or *", arguments: subjectCases)
    func subjectMatching(pattern: String, subject: String, expected: Bool) {
        let key = AlertKey(rule: "facility_utilization", subject: subject)
        #expect(silence(subject: pattern).matches(key, severity: .warning) == expected)
    }

    @Test("A rule matcher is exact or *, and all matchers must match")
    func ruleMatching() {
        #expect(silence(rule: "facility_utilization").matches(refstad, severity: .warning))
        #expect(!silence(rule: "facility_cap").matches(refstad, severity: .warning))
        #expect(silence(rule: "*", subject: "facility/*").matches(refstad, severity: .critical))
        #expect(!silence(rule: "facility_utilization", subject: "facility/torshov").matches(refstad, severity: .warning))
    }

    @Test("A severity matcher matches only that severity, and no severity matches any")
    func severityMatching() {
        #expect(silence(subject: "facility/*", severity: .critical).matches(refstad, severity: .critical))
        #expect(!silence(subject: "facility/*", severity: .critical).matches(refstad, severity: .warning))
        #expect(!silence(subject: "facility/*", severity: .warning).matches(refstad, severity: .critical))
        #expect(silence(subject: "facility/*").matches(refstad, severity: .critical))
    }

    @Test("A silence is active from its start, inclusive, to its end, exclusive")
    func activeWindow() {
        let window = silence(from: 1, to: 3)
        #expect(!window.isActive(at: hour(1).adding(milliseconds: -1)))
        #expect(window.isActive(at: hour(1)))
        #expect(window.isActive(at: hour(3).adding(milliseconds: -1)))
        #expect(!window.isActive(at: hour(3)))
    }

    @Test("A well-formed silence has no problems, and match_all allows one that matches everything")
    func validSilences() {
        #expect(silence(subject: "facility/refstad").validate().isEmpty)
        #expect(silence(severity: .warning).validate().isEmpty)
        #expect(silence(matchAll: true).validate().isEmpty)
    }

    @Test("Validation names the end, the comment, the author and the matchers by field path")
    func invalidSilences() {
        #expect(silence(subject: "facility/*", from: 2, to: 2).validate().map(\.field) == ["ends_at"])
        #expect(silence(subject: "facility/*", comment: "  ").validate().map(\.field) == ["comment"])
        var anonymous = silence(subject: "city")
        anonymous.author = ""
        #expect(anonymous.validate().map(\.field) == ["author"])
        #expect(silence().validate().map(\.field) == ["matchers"])
        #expect(silence(rule: "surge_level", matchAll: true).validate().map(\.field) == ["matchers.match_all"])
        #expect(silence(rule: "Surge Level", subject: "Facility/Refstad").validate().map(\.field)
            == ["matchers.rule", "matchers.subject"])
        #expect(silence(subject: "facility/*/x").validate().map(\.field) == ["matchers.subject"])
        #expect(silence(subject: "facility*").validate().map(\.field) == ["matchers.subject"])
    }

    @Test("Of the active silences covering an alert, the set names the one that ends last")
    func silencingPicksLatestEnd() {
        let set = SilenceSet([
            silence("short", subject: "facility/*", from: 0, to: 2),
            silence("long", rule: "facility_utilization", from: 1, to: 5),
            silence("other", subject: "facility/torshov", from: 0, to: 9),
            silence("later", subject: "facility/refstad", from: 6, to: 9),
        ])
        #expect(set.silencing(refstad, severity: .warning, at: hour(0))?.id == "short")
        #expect(set.silencing(refstad, severity: .warning, at: hour(1))?.id == "long")
        #expect(set.silencing(refstad, severity: .warning, at: hour(5)) == nil)
        #expect(set.silencing(refstad, severity: .warning, at: hour(6))?.id == "later")
    }

    @Test("The next change is the first start or end strictly after the given instant")
    func nextChange() {
        let set = SilenceSet([silence("a", subject: "city", from: 1, to: 4), silence("b", subject: "city", from: 2, to: 3)])
        #expect(set.nextChange(after: hour(0)) == hour(1))
        #expect(set.nextChange(after: hour(1)) == hour(2))
        #expect(set.nextChange(after: hour(2)) == hour(3))
        #expect(set.nextChange(after: hour(3)) == hour(4))
        #expect(set.nextChange(after: hour(4)) == nil)
        #expect(set.removingEnded(at: hour(3)).silences.map(\.id) == ["a"])
    }

    @Test("A silence survives a JSON round trip, with snake_case fields")
    func codableRoundTrip() throws {
        let original = silence(subject: "facility/*", severity: .critical)
        let bytes = try JSONValueEncoder().encodeBytes(original)
        #expect(String(decoding: bytes, as: UTF8.self).contains("\"match_all\":false"))
        #expect(try JSONValueDecoder().decode(Silence.self, from: bytes) == original)
    }
}

/// What a silence or a run may name, against what exists.
@Suite struct KnownSubjectsTests {
    static let known = KnownSubjects(
        facilities: ["torshov", "refstad"], districts: ["bjerke", "sagene"],
        ruleSubjects: ["facility_utilization": "facility", "kind_utilization": "kind", "surge_level": "city", "notification_dead": "notification"])

    @Test func anUnknownRuleListsTheRules() {
        #expect(Self.known.problem(rule: "*") == nil)
        #expect(Self.known.problem(rule: "surge_level") == nil)
        let problem = Self.known.problem(rule: "surge")
        #expect(problem?.known == ["facility_utilization", "kind_utilization", "notification_dead", "surge_level"])
        #expect(problem?.problem.en == "unknown rule surge (known: facility_utilization, kind_utilization, notification_dead, surge_level)")
    }

    @Test func aSubjectMatchesWhenAnAlertCanBeAboutIt() {
        for (subject, rule) in [
            ("*", "*"), ("facility/*", "*"), ("facility/refstad", "facility_utilization"), ("kind/careCentre", "*"),
            ("city", "surge_level"), ("notification/12", "notification_dead"), ("notification/*", "*"),
        ] {
            #expect(Self.known.problem(alertSubject: subject, rule: rule) == nil, "\(subject) \(rule)")
        }
    }

    @Test func aSubjectThatMatchesNothingListsWhatWould() {
        #expect(Self.known.problem(alertSubject: "facility/refstd", rule: "*")?.known == ["facility/refstad", "facility/torshov"])
        #expect(Self.known.problem(alertSubject: "kind/transitt", rule: "*")?.known.contains("kind/transit") == true)
        #expect(Self.known.problem(alertSubject: "district/bjerke", rule: "*")?.known == ["city", "facility/*", "kind/*", "notification/*", "*"])
        #expect(Self.known.problem(alertSubject: "facility", rule: "*") != nil, "a kind alone is no subject of an alert")
        let wrongKind = Self.known.problem(alertSubject: "facility/refstad", rule: "surge_level")
        #expect(wrongKind?.known == ["city", "*"])
        #expect(wrongKind?.problem.nb == "surge_level-varsler gjelder aldri facility/refstad (de gjelder city, *)")
    }

    @Test func aRunMayBeAboutTheCityAFacilityADistrictOrAKindThatExists() {
        for subject in ["city", "facility/refstad", "district/sagene", "kind/transit"] {
            #expect(Self.known.problem(runSubject: subject) == nil, "\(subject)")
        }
        #expect(Self.known.problem(runSubject: "district/nordstrand")?.known == ["district/bjerke", "district/sagene"])
        #expect(Self.known.problem(runSubject: "facility/*") != nil, "a run is about one thing")
        #expect(Self.known.problem(runSubject: "notification/3")?.known == ["city", "district/<id>", "facility/<id>", "kind/<id>"])
    }
}
