import BeredskapCore
import BeredskapJSON
import Foundation
import Testing

/// The event catalogue: every kind of event, its payload's members, who may see it, and that
/// no code outside it spells an event type.
@Suite struct EventCatalogueTests {
    /// What is wrong with a payload type: a string (or any-JSON) member that is neither an
    /// identifier nor annotated text, and declarations that name no string member.
    static func problems(of payload: any EventPayload.Type) throws -> [String] {
        let members = try PayloadProbe.members(of: payload)
        let texts = Set(members.filter { $0.kind == .string || $0.kind == .json }.map(\.path))
        let annotated = payload.annotatedText
        var problems: [String] = []
        for path in texts.sorted() where !payload.identifiers.contains(path) && annotated[path] == nil {
            problems.append("\(path) holds text: keep it in a row and name the row, or declare it an identifier or annotated text")
        }
        for path in payload.identifiers.union(annotated.keys).sorted() where !texts.contains(path) {
            problems.append("\(path) is declared but is not a string member")
        }
        for (path, reason) in annotated where reason.count < 20 {
            problems.append("\(path): the annotation must say why the text may be in the log for good")
        }
        return problems
    }

    @Test func everyPayloadHoldsIdsNumbersEnumsAndDatesOrAnnotatedText() throws {
        for kind in EventCatalogue.all {
            let problems = try Self.problems(of: kind.payload)
            #expect(problems.isEmpty, "\(kind.name) (\(kind.payload)): \(problems)")
        }
    }

    /// A payload with a comment, as an acknowledgement's once had: the walk finds it.
    struct Commented: EventPayload {
        var alert: Int64
        var comment: String
        var trigger: PlaybookRunTrigger
        var notes: [String]
        var extra: JSONValue
        static let identifiers: Set<String> = ["trigger.rule", "trigger.subject", "trigger.district", "gone"]
    }

    @Test func theWalkFindsTextInMembersNestedValuesListsAndDeclarationsThatNameNothing() throws {
        #expect(try Self.problems(of: Commented.self) == [
            "comment holds text: keep it in a row and name the row, or declare it an identifier or annotated text",
            "extra holds text: keep it in a row and name the row, or declare it an identifier or annotated text",
            "notes holds text: keep it in a row and name the row, or declare it an identifier or annotated text",
            "gone is declared but is not a string member",
        ])
        let members = try PayloadProbe.members(of: CapacityEvents.DistrictDefined.self)
        #expect(members.contains(PayloadProbe.Member(path: "population.*", kind: .number)))
        #expect(try PayloadProbe.members(of: AlertEvents.Snapshot.self).map(\.kind)
            == [.string, .string, .enumeration, .enumeration, .number, .number, .flag])
        #expect(try PayloadProbe.members(of: NotificationEvents.AttemptFailed.self).last
            == PayloadProbe.Member(path: "next_attempt_at", kind: .date))
    }

    @Test func namesAreUniqueTopicDotActionAndFoundByName() {
        let names = EventCatalogue.all.map(\.name)
        #expect(Set(names).count == names.count)
        for kind in EventCatalogue.all {
            #expect(kind.name == "\(kind.topic.rawValue).\(kind.action)")
            #expect(EventCatalogue.kind(named: kind.name) == kind)
        }
        #expect(EventCatalogue.kind(named: "log.entry") == nil)
        #expect(CapacityEvents.arrivalRecorded.name == "arrival.recorded")
        #expect(CapacityEvents.headCountAmended.name == "occupancy.amended")
    }

    /// The names are the wire contract: the ones the daemon wrote before the catalogue, the
    /// recorded read since, and the settlement feature's.
    @Test func theNamesAreTheOnesOnTheWire() {
        let before = [
            "access.denied", "access.denied_repeatedly", "alert.acknowledged", "alert.closed", "alert.escalated", "alert.firing",
            "alert.flap_settled", "alert.flapping", "alert.opened", "alert.resolved", "alert.severity_changed", "alert.silenced",
            "alert.unsilenced", "arrival.amended", "arrival.recorded", "arrival.voided", "config.reload_failed", "config.reloaded",
            "daemon.started", "daemon.stopped", "departure.amended", "departure.recorded", "departure.voided", "district.updated",
            "facility.cap_breached", "facility.cap_restored", "facility.created", "facility.updated", "log.added",
            "notification.dead", "notification.delivered", "notification.failed", "notification.queued", "notification.requeued",
            "occupancy.amended", "occupancy.reported", "occupancy.voided", "playbooks.reload_failed", "playbooks.reloaded",
            "run.aborted", "run.escalated", "run.finished", "run.recovery_failed", "run.start_failed", "run.started",
            "run.step_completed", "run.step_failed", "run.step_overdue", "run.step_ready", "run.step_running", "run.step_skipped",
            "run.superseded", "silence.created", "silence.expired", "surge.level_changed",
        ]
        let settlement = [
            "settlement.year_set", "settlement.quotas_adopted", "settlement.recorded", "settlement.reference_loaded",
            "case.consented", "case.decided", "case.declined", "case.housing_assigned", "case.housing_released", "case.requested",
            "case.settled", "case.withdrawn", "housing.unit_set",
        ]
        let people = [
            "person.changed", "person.erased", "person.milestone_corrected", "person.milestone_recorded", "person.registered",
        ]
        let exercise = ["exercise.started", "exercise.ended"]
        let operations = ["daemon.backup_written", "daemon.storage_restored"]
        let deadlines = ["deadline.overdue_changed"]
        let minors = ["minor.placed", "minor.representative_set", "minor.aftercare_chosen"]
        let grants = ["person.grant_applied", "grant.applications_due_changed"]
        let intro = ["intro.started", "intro.interrupted", "intro.resumed", "intro.extended", "intro.ended", "intro.followed_up"]
        let reports = ["report.made", "report.file_written", "report.file_failed"]
        #expect(
            EventCatalogue.all.map(\.name).sorted()
                == (before + ["access.read"] + settlement + people + exercise + operations + deadlines + minors + grants + intro + reports).sorted())
    }

    @Test func theAccessTrailIsForAdministratorsPersonsForCaseworkersAndTheRestForReaders() {
        let aboutPersons: Set<EventTopic> = [.person, .minor, .intro]
        let personal = EventCatalogue.all.filter { aboutPersons.contains($0.topic) }.map(\.name)
        for kind in EventCatalogue.all {
            #expect(kind.visibility == (kind.topic == .access ? .admin : aboutPersons.contains(kind.topic) ? .cases : .read), "\(kind.name)")
        }
        let reader = EventCatalogue.visibleNames(with: [.read]) ?? []
        #expect(reader.count == EventCatalogue.all.count - AccessEvents.all.count - personal.count)
        #expect(!reader.contains(AccessEvents.denied.name))
        #expect(!reader.contains(PersonEvents.registered.name))
        #expect(reader.contains(CapacityEvents.arrivalRecorded.name))
        #expect(EventCatalogue.visibleNames(with: [.read, .operate]) == reader)
        #expect(EventCatalogue.visibleNames(with: [.read, .operate, .cases]).map(Set.init) == Set(reader + personal))
        #expect(EventCatalogue.visibleNames(with: Set(Permission.allCases)) == nil, "everything: nothing to filter")
    }

    static let at = Timestamp(rfc3339: "2026-11-22T09:30:00Z") ?? Timestamp(millisecondsSinceEpoch: 0)

    /// The payloads built by hand for the hot paths say what their `Encodable` form says.
    @Test func handBuiltPayloadsMatchTheirEncodableForm() throws {
        func expectSame<P: EventPayload & JSONRepresentable>(_ payload: P) throws {
            #expect(payload.jsonValue == (try JSONValueEncoder().encode(payload)), "\(P.self)")
            #expect(try payload.eventData().serializedString() == (try JSONValueEncoder().encode(payload)).serializedString())
        }
        for (transfer, counted) in [(nil, true), ("torshov", false)] as [(String?, Bool)] {
            try expectSame(CapacityEvents.ArrivalRecorded(
                id: 7, facility: "refstad", kind: .transit, count: 3, category: .family, at: Self.at, occupied: 40,
                transferFrom: transfer, counted: counted))
            try expectSame(CapacityEvents.DepartureRecorded(
                id: 8, facility: "refstad", kind: .transit, count: 3, reason: .transferred, at: Self.at, occupied: 37,
                to: transfer, counted: counted))
        }
        try expectSame(CapacityEvents.HeadCountReported(id: 2, facility: "ila", occupied: 45, counted: 40, previous: 12, at: Self.at))
        try expectSame(IncidentLogEvents.EntryAdded(id: 12, source: .system))
        #expect(try IncidentLogEvents.EntryAdded(id: 12, source: .person).eventData() == ["id": 12, "source": "person"])
    }

    /// Events an older daemon wrote carry text since moved to rows, and no id of the row: they
    /// still decode, without it.
    @Test func payloadsOfOlderEventsDecodeWithoutTheFieldsAddedSince() throws {
        let arrival = try #require(CapacityEvents.ArrivalRecorded.decoded(from: [
            "facility": "refstad", "kind": "transit", "count": 3, "category": "adult", "at": .string(Self.at.rfc3339),
            "occupied": 40, "note": "Kom med buss fra Råde",
        ]))
        #expect(arrival.id == nil)
        #expect(arrival.count == 3)
        let entry = try #require(IncidentLogEvents.EntryAdded.decoded(from: ["text": "Refstad full", "source": "person"]))
        #expect(entry.id == nil)
        #expect(CapacityEvents.ArrivalRecorded.decoded(from: ["facility": "refstad"]) == nil, "what it needs must be there")
        // Alert events from before silences were noted on them.
        let firing = try #require(AlertEvents.Snapshot.decoded(from: [
            "rule": "facility_utilization", "subject": "facility/refstad", "state": "firing", "severity": "warning",
            "value": 0.9, "threshold": 0.85,
        ]))
        #expect(!firing.silenced)
        #expect(firing.value == 0.9)
    }

    @Test func anEventGivesItsPayloadOnlyForItsOwnType() throws {
        let payload = AlertEvents.Escalated(step: 2)
        let appended = Event(
            seq: 4, time: Self.at, type: AlertEvents.escalated.name, actor: .system, subject: "alert/3",
            data: try payload.eventData(), exercise: false, payload: payload)
        #expect(appended.payload(AlertEvents.escalated) == payload)
        #expect(appended.payload(AlertEvents.acknowledged) == nil)
        #expect(appended.is(AlertEvents.escalated))
        #expect(appended.kind?.topic == .alert)
        // Read back from the wire, the same event decodes its data.
        let read = try JSONValueDecoder().decode(Event.self, from: try JSONValueEncoder().encode(appended))
        #expect(read == appended)
        #expect(read.payload(AlertEvents.escalated) == payload)
    }

    /// The repository root, three levels above this file (Tests/BeredskapCoreTests/…).
    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Event types are spelled once, in the catalogue: code elsewhere names `CapacityEvents.arrivalRecorded`,
    /// never `"arrival.recorded"`. (Help texts, in triple-quoted strings, may show one to people.)
    @Test func noCodeOutsideTheCatalogueSpellsAnEventType() throws {
        let quoted = Set(EventCatalogue.all.map { "\"\($0.name)\"" })
        let sources = Self.root.appendingPathComponent("Sources").path
        var found: [String] = []
        for file in FileManager.default.enumerator(atPath: sources)?.compactMap({ $0 as? String }) ?? [] where file.hasSuffix(".swift") {
            var inHelpText = false
            let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if line.components(separatedBy: "\"\"\"").count % 2 == 0 { inHelpText.toggle() }
                guard !inHelpText else { continue }
                for name in quoted where line.contains(name) { found.append("\(file):\(number + 1): \(name)") }
            }
        }
        #expect(found.isEmpty, "\(found)")
        #expect(!quoted.isEmpty)
    }
}
