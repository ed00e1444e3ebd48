import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore
import BeredskapJSON
import Foundation
import Testing

@testable import BeredskapCLI

/// `silence add` options to the request body, and `watch` lines.
@Suite struct SilenceCommandTests {
    static let utc = LocalCalendar(timeZone: TimeZone(identifier: "UTC") ?? .current)

    /// The parsing helpers of the facility option tests serve here too.
    let options = FacilityOptionsTests()

    func body(_ arguments: [String]) throws -> NewSilence {
        try SilenceCommands.newSilence(try options.parsed(["silence", "add"] + arguments), calendar: Self.utc)
    }

    /// The body as the daemon receives it.
    func json(_ arguments: [String]) throws -> JSONValue {
        try JSONParser.parse(try JSONValueEncoder().encodeBytes(try body(arguments)))
    }

    func usageMessage(_ arguments: [String]) -> String? {
        options.usageMessage { _ = try body(arguments) }
    }

    @Test func optionsBecomeTheBodyInTheirJSONSpelling() throws {
        #expect(try json([
            "--rule", "facility_utilization", "--subject", "facility/refstad", "--severity", "critical", "--for", "PT2H",
            "--comment", "Refstad tømmes",
        ]) == [
            "matchers": ["rule": "facility_utilization", "subject": "facility/refstad", "severity": "critical"],
            "duration": "PT2H", "comment": "Refstad tømmes",
        ])
        let later = try body(["-s", "facility/*", "--starts", "2026-11-23T06:00:00Z", "--until", "2026-11-23", "-m", "Øvelse"])
        #expect(later.matchers == SilenceMatchersBody(subject: "facility/*"))
        #expect(later.startsAt == Timestamp(rfc3339: "2026-11-23T06:00:00Z"))
        #expect(later.endsAt == Timestamp(rfc3339: "2026-11-23T00:00:00Z"), "a date is its local midnight")
        #expect(later.duration == nil)
        #expect(later.comment == "Øvelse")
        #expect(try json(["--match-all", "--for", "PT30M", "--comment", "Alt"])["matchers"] == ["match_all": true])
    }

    @Test func aSilenceNeedsACommentAndExactlyOneEnd() {
        let matchers = ["--rule", "facility_utilization"]
        #expect(usageMessage(matchers + ["--for", "PT2H"])?.contains("--comment is required") == true)
        #expect(usageMessage(matchers + ["--comment", "x"])?.contains("exactly one of --for") == true)
        #expect(usageMessage(matchers + ["--comment", "x", "--for", "PT1H", "--until", "2026-11-23"])?.contains("exactly one") == true)
        #expect(usageMessage(matchers + ["--comment", "x", "--for", "two hours"])?.contains("PT30M") == true)
        #expect(usageMessage(matchers + ["--comment", "x", "--for", "P1M"]) != nil, "months have no fixed length")
        #expect(usageMessage(matchers + ["--comment", "x", "--for", "PT1H", "--severity", "fatal"]) != nil)
        #expect(usageMessage(matchers + ["--comment", "x", "--until", "tomorrow"]) != nil)
    }

    @Test func theMatchersReadAsOneShortPhrase() {
        func resource(_ matchers: Silence.Matchers) -> SilenceResource {
            let start = Timestamp(millisecondsSinceEpoch: 0)
            return SilenceResource(
                Silence(id: "s-1", matchers: matchers, startsAt: start, endsAt: start.adding(milliseconds: 1000), comment: "c",
                        author: "kari", createdAt: start),
                expiredAt: nil, now: start)
        }
        #expect(SilenceCommands.matchers(resource(.init(rule: "facility_utilization", subject: "facility/refstad")))
            == "facility_utilization facility/refstad")
        #expect(SilenceCommands.matchers(resource(.init(subject: "facility/*", severity: .warning))) == "facility/* warning")
        #expect(SilenceCommands.matchers(resource(.init(matchAll: true))) == "*")
    }

    // MARK: watch

    static let time = Timestamp(rfc3339: "2026-11-22T09:30:00Z") ?? Timestamp(millisecondsSinceEpoch: 0)

    static func event(_ type: String, subject: String?, _ data: JSONValue, exercise: Bool = false) -> Event {
        Event(seq: 7, time: time, type: type, actor: .system, subject: subject, data: data, exercise: exercise)
    }

    static func line(_ event: Event, _ language: Language = .en, style: TextStyle = .plain) -> String? {
        WatchFormat.line(event, language: language, style: style, time: { _ in "22.11. 10:30" })
    }

    static let firing = event("alert.firing", subject: "alert/12", [
        "rule": "facility_utilization", "subject": "facility/refstad", "state": "firing", "severity": "critical",
        "value": 0.96, "threshold": 0.95,
    ])

    @Test func anAlertLineSaysTimeSeverityWhatRuleSubjectAndValue() {
        #expect(Self.line(Self.firing) == "22.11. 10:30  CRITICAL   firing          facility_utilization    "
            + "facility/refstad        96 %  alert 12")
        let nb = Self.line(Self.firing, .nb) ?? ""
        #expect(nb.contains("KRITISK"))
        #expect(nb.contains("  aktivt  "), "what happened is in bokmål too: \(nb)")
        #expect(nb.hasSuffix("varsel 12"))
        let acknowledged = Self.line(Self.event(
            "alert.acknowledged", subject: "alert/3", ["rule": "stale_report", "subject": "facility/ila", "comment": "Ringer"]))
        #expect(acknowledged == "22.11. 10:30  –          acknowledged    stale_report            facility/ila            –  alert 3")
    }

    @Test func aNotificationLineSaysChannelGroupAndResult() {
        let delivered = Self.line(Self.event(
            "notification.delivered", subject: "notification/4", ["alert": 12, "channel": "logg", "group": "beredskapsetaten", "attempt": 1]))
        #expect(delivered == "22.11. 10:30  MESSAGE    delivered       logg                    beredskapsetaten  alert 12")
        let dead = Self.line(Self.event(
            "notification.dead", subject: "notification/5",
            ["alert": 12, "channel": "hook", "group": "bydel-ullern", "error": "HTTP 503"], exercise: true))
        #expect(dead?.hasSuffix("hook                    bydel-ullern  alert 12: HTTP 503  [exercise]") == true)
        let queued = Self.line(Self.event(
            "notification.queued", subject: "notification/6", ["alert": 12, "kind": "firing", "group": "g", "channel": "logg"]))
        #expect(queued?.hasSuffix("logg                    g  firing  alert 12") == true)
    }

    @Test func aRunLineSaysWhatHappenedToWhichStepAndWho() {
        let completed = Self.line(Self.event(
            "run.step_completed", subject: "run/3", ["step": "convene-admin", "by": "kari", "note": "Møte kl. 15"]))
        #expect(completed == "22.11. 10:30  RUN        step_completed  convene-admin           kari  run 3")
        let overdue = Self.line(Self.event(
            "run.step_overdue", subject: "run/3", ["step": "udi", "owner": "bydel:grorud"]), .nb, style: TextStyle(enabled: true))
        #expect(overdue?.hasPrefix("\u{1B}[33m") == true, "overdue is yellow")
        #expect(overdue?.contains("TILTAK") == true)
        #expect(overdue?.contains("over fristen") == true)
        #expect(overdue?.contains("bydel:grorud  kjøring 3") == true)
        let queued = Self.line(Self.event(
            "notification.queued", subject: "notification/9", ["run": 3, "kind": "step_ready", "group": "g", "channel": "logg"]))
        #expect(queued?.hasSuffix("step_ready  run 3") == true)
    }

    @Test func colourOnlyWhenTheStyleHasItAndOtherEventsAreNotShown() {
        let coloured = Self.line(Self.firing, style: TextStyle(enabled: true)) ?? ""
        #expect(coloured.hasPrefix("\u{1B}[31m"))
        #expect(!(Self.line(Self.firing) ?? "").contains("\u{1B}["))
        let log = Self.event("log.entry", subject: nil, ["text": "Kontrollpunkt"])
        #expect(!WatchFormat.isShown(log))
        #expect(Self.line(log) == nil)
        #expect(WatchFormat.isShown(Self.firing))
    }

    @Test func aValueThatMatchesNothingGetsTheClosestKnownOne() {
        func hint(_ value: String, _ known: [String]) -> String? {
            let body = APIErrorBody(
                code: .invalidField, message: "matchers.subject: unknown facility",
                details: JSONObject([
                    ("field", "matchers.subject"), ("value", .string(value)), ("known", .array(known.map(JSONValue.string))),
                ]))
            return APIErrorHint.hint(for: body)?(.en)
        }
        #expect(hint("facility/refstd", ["facility/refstad", "facility/torshov"]) == "Did you mean facility/refstad?")
        #expect(hint("facility/ila", ["facility/refstad", "facility/torshov"]) == nil, "nothing close: the message lists them")
        let suggested = APIErrorBody(
            code: .invalidField, message: "matchers.rule: unknown rule",
            details: JSONObject([("value", "surge"), ("known", ["surge_level"]), ("suggestion", "surge_level")]))
        #expect(APIErrorHint.hint(for: suggested) == nil, "a suggestion made already is not repeated")
    }

    @Test func aCardThatNeedsASubjectNamesTheOptionsThatGiveIt() {
        func hint(field: String) -> String? {
            let body = APIErrorBody(
                code: .invalidField, message: "subject: this card is about an alert or a subject",
                details: JSONObject([("field", .string(field)), ("placeholders", ["subject"])]))
            return APIErrorHint.hint(for: body)?(.en)
        }
        #expect(hint(field: "subject") == "Start it about an alert (--alert N) or a subject (--subject facility/refstad).")
        #expect(hint(field: "alert") == "Start it about an alert: --alert N (beredskap alerts lists them).")
    }
}
