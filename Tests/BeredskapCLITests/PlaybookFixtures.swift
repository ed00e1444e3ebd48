import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore
import Foundation

@testable import BeredskapCLI

/// A playbook and a run of it made by the core's own state machine, so the resources the
/// presentation tests print are ones the daemon can produce.
enum PlaybookFixture {
    /// `minutes` after 2026-11-22T09:00:00Z.
    static func at(_ minutes: Int64) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: 1_795_338_000_000 + minutes * 60_000)
    }

    static func step(
        _ id: String, en: String, nb: String, owner: String = "beredskapsetaten", due: Int64 = 120, after: [String] = [],
        action: PlaybookAction = .task
    ) -> PlaybookStep {
        PlaybookStep(
            id: id, title: PlaybookText(nb: nb, en: en), owner: owner, due: .seconds(due * 60), dependsOn: after, action: action)
    }

    static let definition = PlaybookDefinition(
        id: "facility-near-full", title: PlaybookText(nb: "Mottak nær fullt", en: "Facility near full"),
        description: PlaybookText(nb: "Et mottak nærmer seg full kapasitet.", en: "A facility is close to full."),
        trigger: .alert(.init(rule: "facility_utilization", severity: .warning, subject: "facility/*")),
        escalationGroup: "beredskapsetaten",
        steps: [
            step("notify-district", en: "Tell the host district", nb: "Varsle vertsbydelen", due: 30),
            step("head-count", en: "Confirm the head count", nb: "Bekreft belegget", owner: "bydel:{district}"),
            step("redirect", en: "Agree with UDI", nb: "Avtal med UDI", after: ["head-count"]),
            step(
                "standby", en: "Consider standby places", nb: "Vurder beredskapsplasser", due: 4320,
                after: ["redirect", "open-ila"]),
            step(
                "open-ila", en: "Open Ila", nb: "Åpne Ila",
                action: .setFacilityStatus(.init(facility: "ila", status: .open))),
        ])

    static let trigger = RunTrigger(
        kind: .alert, alert: 7, rule: "facility_utilization", subject: "facility/refstad", severity: .critical,
        district: "bjerke")

    /// Started at 09:00 by the daemon. open-ila failed at 09:01, Kari skipped notify-district
    /// at 09:05, Ola completed the head count at 10:30, and at 13:00 redirect (due 12:30) is
    /// overdue while standby waits for it. Not blocked: redirect can still be done.
    static func started() throws -> PlaybookRun {
        let specs = definition.steps.map { step in
            PlaybookRunStepSpec(
                id: step.id, dependsOn: step.dependsOn, due: step.due, automatic: step.action != .task,
                owner: step.owner.replacingOccurrences(of: "{district}", with: "bjerke"))
        }
        var (run, _) = try PlaybookRun.start(
            id: "7/facility-near-full", playbook: definition.id, steps: specs, at: at(0), by: "beredskapd",
            reason: "alert facility_utilization facility/refstad")
        _ = run.automaticStepFinished(step: "open-ila", result: .failed(reason: "cap_exceeded: 1200 > 1000"), at: at(1))
        _ = try run.skip(step: "notify-district", by: "kari", reason: "Bydelen ringte oss først", at: at(5))
        _ = try run.complete(step: "head-count", by: "ola", note: "Hero bekrefter 212 beboere", at: at(90))
        _ = run.advance(to: at(240))
        return run
    }

    static func resource(_ run: PlaybookRun) -> RunResource {
        RunResource(id: 12, run: run, definition: definition, trigger: trigger, exercise: false)
    }

    static func run() throws -> RunResource { resource(try started()) }

    /// The same run aborted by Kari at 13:30.
    static func abortedRun() throws -> RunResource {
        var run = try started()
        _ = try run.abort(by: "kari", reason: "Falsk alarm.", at: at(270))
        return resource(run)
    }

    /// The same run once redirect is done too: nothing is ready, and the failed open-ila
    /// holds up standby, which waits for both.
    static func blockedRun() throws -> RunResource {
        var run = try started()
        _ = try run.complete(step: "redirect", by: "kari", note: nil, at: at(250))
        return resource(run)
    }

    /// What a command prints, in UTC, without colour, as wide as it needs.
    final class Printed {
        var out = ""
        var err = ""
        lazy var output = Output(
            language: language, style: TextStyle(enabled: false), format: .human, width: Output.unlimitedWidth,
            zone: { "UTC" }, write: { [unowned self] in out += $0 },
            writeError: { [unowned self] in err += $0 })
        let language: Language

        init(_ language: Language = .en) { self.language = language }

        var lines: [String] { out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    }
}
