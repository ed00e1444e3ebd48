import BeredskapAPI
import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapStore

/// Recording arrivals, departures and head counts inside the writer's transaction.
///
/// The head count rule (`HeadCountRule`): a facility's `occupied` is its last absolute head
/// count plus the arrivals and departures dated after it. What a new record does to the stored
/// figure, and which records the rule refuses, is decided in Core (`RecordedOccupancy`); here
/// the facility is read, the decision asked for, and the rows and events written.
struct FlowRecording {
    var settings: DaemonConfiguration.Capacity
    var calendar: LocalCalendar
    /// The language of the incident-log entries the daemon writes.
    var language: Language

    static let maximumCount = 100_000
    static let maximumNoteLength = 500
    /// Records dated before this are surely typos (the year 2000).
    static let earliest = Timestamp(secondsSinceEpoch: 946_684_800)

    // MARK: - Validation without state

    /// The record's time: `at` or now, not too far in the future and not absurdly old.
    func instant(_ at: Timestamp?, now: Timestamp, field: String = "at") throws(FieldProblem) -> Timestamp {
        guard let at else { return now }
        if at.milliseconds(since: now) > settings.futureTolerance.milliseconds {
            throw FieldProblem(field, Text("lies in the future", nb: "ligger i fremtiden"))
        }
        if at < Self.earliest { throw FieldProblem(field, Text("is before the year 2000", nb: "er før år 2000")) }
        return at
    }

    static func checkCount(_ count: Int, field: String = "count", allowZero: Bool = false) throws(FieldProblem) {
        let lower = allowZero ? 0 : 1
        guard (lower...maximumCount).contains(count) else {
            throw FieldProblem(
                field,
                Text("expected an integer between \(lower) and \(maximumCount)", nb: "forventet et heltall mellom \(lower) og \(maximumCount)"))
        }
    }

    static func checkNote(_ note: String?) throws(FieldProblem) -> String? {
        guard let note = note?.trimmingCharacters(in: .whitespacesAndNewlines), !note.isEmpty else { return nil }
        guard note.count <= maximumNoteLength else {
            throw FieldProblem("note", Text("must be at most \(maximumNoteLength) characters", nb: "kan være høyst \(maximumNoteLength) tegn"))
        }
        guard !note.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else {
            throw FieldProblem("note", Text("must not contain control characters", nb: "kan ikke inneholde kontrolltegn"))
        }
        return note
    }

    // MARK: - Plausibility

    /// What looks like a mistake in `people` (nil: not given) at `facility` and in `at` (nil: not given).
    func implausibilities(people: Int?, field: String = "count", at: Timestamp?, facility: FlowTarget, now: Timestamp)
        -> [Implausibility]
    {
        Plausibility(calendar: calendar).problems(
            people: people, field: field, facilityName: facility.name, largestCapacity: facility.largestCapacity, at: at, now: now)
    }

    /// Refuses, unless `force`, figures that look like mistakes (`Plausibility`): 409
    /// `conflict` with `details.reason = "implausible"`, `details.field` and every problem in
    /// `details.problems`. Called after every other check, so a confirmed retry is not then
    /// refused for another reason.
    static func refuse(_ problems: [Implausibility], unless force: Bool?) throws(APIError) {
        guard force != true, let first = problems.first else { return }
        let joined = problems.dropFirst().reduce(first.problem) { $0 + Text("; ", nb: "; ") + $1.problem }
        var error = APIError.conflict(
            Text("is this right? ", nb: "stemmer dette? ") + joined
                + Text(" (send it again with force: true to record it)", nb: " (send det på nytt med force: true for å registrere det)"))
        error.details = JSONObject([
            ("reason", .string("implausible")), ("field", .string(first.field)),
            ("problems", .array(problems.map { problem in
                .object(JSONObject([
                    ("field", .string(problem.field)), ("message", .string(problem.problem.en)),
                    ("message_nb", .string(problem.problem.nb)),
                ]))
            })),
        ])
        throw error
    }

    // MARK: - Recording

    func recordArrival(
        _ body: ArrivalBody, transfer: (from: String, departure: Int64)? = nil, force: Bool? = nil,
        in transaction: inout WriteTransaction
    ) throws -> ArrivalRecorded {
        try Self.checkCount(body.count)
        let note = try Self.checkNote(body.note)
        let at = try instant(body.at, now: transaction.now)
        let facility = try existingFacility(body.facility, field: transfer == nil ? "facility" : "to", transaction)
        guard facility.status.acceptsArrivals else {
            throw APIError.conflict(Text(
                "\(facility.id) is closed and cannot receive arrivals; reopen it first (beredskap facility set \(facility.id) --status open)",
                nb: "\(facility.id) er stengt og kan ikke ta imot ankomster; åpne det først (beredskap facility set \(facility.id) --status open)"))
        }
        try Self.refuse(
            implausibilities(people: body.count, at: body.at, facility: facility, now: transaction.now), unless: force ?? body.force)
        let update = facility.occupancy.arrival(body.count, at: at)
        var occupied = update.occupied
        let id = try transaction.connection.nextRecordID(.arrival)
        let event = try transaction.appendEvent(
            CapacityEvents.arrivalRecorded,
            CapacityEvents.ArrivalRecorded(
                id: id, facility: facility.id, kind: facility.kind, count: body.count, category: body.category, at: at,
                occupied: occupied, transferFrom: transfer?.from, counted: update.counted),
            subject: facility.subject)
        try transaction.insertArrival(
            id: id, seq: event.seq, facility: facility, count: body.count, category: body.category, at: at, transfer: transfer,
            note: note)
        if update.needsRecount { occupied = try transaction.connection.ruleOccupancy(facility: facility.id).shown }
        if update.counted { try transaction.setOccupancy(facility: facility.id, occupied: occupied) }
        try noteAvailable(facility, at: at, in: transaction)
        return ArrivalRecorded(
            id: id, facility: facility.id, count: body.count, category: body.category, at: at, transferFrom: transfer?.from,
            occupied: occupied, eventSeq: event.seq)
    }

    func recordDeparture(_ body: DepartureBody, in transaction: inout WriteTransaction) throws -> DepartureRecorded {
        try Self.checkCount(body.count)
        let note = try Self.checkNote(body.note)
        let at = try instant(body.at, now: transaction.now)
        if let to = body.to {
            guard body.reason == .transferred else {
                throw FieldProblem("to", Text("is only for reason transferred", nb: "gjelder bare årsaken transferred"))
            }
            guard to != body.facility else {
                throw FieldProblem("to", Text("must be another facility", nb: "må være et annet mottak"))
            }
        } else if body.category != nil {
            throw FieldProblem("category", Text("is only for transfers (with to)", nb: "gjelder bare overføringer (med to)"))
        }
        let facility = try existingFacility(body.facility, field: "facility", transaction)
        let update: RecordedOccupancy.Update
        do {
            update = try facility.occupancy.departure(body.count, at: at)
        } catch {
            throw refused(error, at: facility)
        }
        var problems = implausibilities(people: body.count, at: body.at, facility: facility, now: transaction.now)
        // A transfer asks once for both halves: the receiving facility's places too.
        if let to = body.to, let receiving = try transaction.connection.flowTarget(to) {
            problems += implausibilities(people: body.count, at: nil, facility: receiving, now: transaction.now)
        }
        try Self.refuse(problems, unless: body.force)
        let occupied = update.occupied
        let id = try transaction.connection.nextRecordID(.departure)
        var event = try transaction.appendEvent(
            CapacityEvents.departureRecorded,
            CapacityEvents.DepartureRecorded(
                id: id, facility: facility.id, kind: facility.kind, count: body.count, reason: body.reason, at: at,
                occupied: occupied, to: body.to, counted: update.counted),
            subject: facility.subject)
        try transaction.insertDeparture(
            id: id, seq: event.seq, facility: facility, count: body.count, reason: body.reason, at: at, to: body.to, note: note)
        if update.counted { try transaction.setOccupancy(facility: facility.id, occupied: occupied) }
        try noteAvailable(facility, at: at, in: transaction)
        var arrival: ArrivalRecorded?
        if let to = body.to {
            arrival = try recordArrival(
                ArrivalBody(facility: to, count: body.count, category: body.category ?? .other, at: at, note: note),
                transfer: (facility.id, id), force: true, in: &transaction)
            event = transaction.events.last ?? event
        }
        return DepartureRecorded(
            id: id, facility: facility.id, count: body.count, reason: body.reason, at: at, to: body.to, occupied: occupied,
            arrival: arrival, eventSeq: event.seq)
    }

    func reportOccupancy(facility id: String, _ body: OccupancyBody, force: Bool? = nil, in transaction: inout WriteTransaction) throws
        -> OccupancyRecorded
    {
        try Self.checkCount(body.occupied, field: "occupied", allowZero: true)
        let note = try Self.checkNote(body.note)
        let at = try instant(body.at, now: transaction.now)
        let facility = try existingFacility(id, field: nil, transaction)
        do {
            try facility.occupancy.checkHeadCount(at: at)
        } catch {
            throw refused(error, at: facility)
        }
        try Self.refuse(
            implausibilities(people: body.occupied, field: "occupied", at: body.at, facility: facility, now: transaction.now),
            unless: force ?? body.force)
        // The count plus the records dated after it: what the rule gives once it is stored.
        let occupied = HeadCountRule.shown(
            HeadCountRule.occupancy(lastCount: body.occupied, flowsAfter: try transaction.connection.netFlow(facility: id, after: at)))
        let headCount = try transaction.connection.nextRecordID(.headCount)
        let event = try transaction.appendEvent(
            CapacityEvents.headCountReported,
            CapacityEvents.HeadCountReported(
                id: headCount, facility: id, occupied: occupied, counted: body.occupied, previous: facility.occupied, at: at),
            subject: facility.subject)
        try transaction.insertHeadCount(id: headCount, seq: event.seq, facility: id, counted: body.occupied, at: at, note: note)
        try transaction.setOccupancy(facility: id, occupied: occupied, lastReportAt: at)
        try noteAvailable(facility, at: at, in: transaction)
        return OccupancyRecorded(
            id: headCount, facility: id, counted: body.occupied, occupied: occupied, previous: facility.occupied, at: at,
            eventSeq: event.seq)
    }

    /// The conflict a refusal of the head-count rule is answered with.
    private func refused(_ refusal: RecordedOccupancy.Refusal, at facility: FlowTarget) -> APIError {
        var error: APIError
        switch refusal {
        case .fewerPresent(let occupied, let requested):
            error = APIError.conflict(Text(
                "only \(occupied) people are recorded at \(facility.id); report a head count first (beredskap occupancy report)",
                nb: "bare \(occupied) personer er registrert på \(facility.id); rapporter et antall først (beredskap occupancy report)"))
            error.details = JSONObject([("occupied", .integer(Int64(occupied))), ("requested", .integer(Int64(requested)))])
        case .newerHeadCount(let last):
            error = APIError.conflict(Text(
                "a newer head count (\(calendar.dateTimeText(last))) exists for \(facility.id)",
                nb: "det finnes en nyere opptelling (\(calendar.dateTimeText(last))) for \(facility.id)"))
            error.details = JSONObject([("last_report_at", .string(last.rfc3339))])
        }
        return error
    }

    /// A record dated on a day before the facility's places were first noted gives that day
    /// its places, so its utilization shows in the history.
    private func noteAvailable(_ facility: FlowTarget, at: Timestamp, in transaction: WriteTransaction) throws {
        let day = calendar.date(of: at)
        guard day < calendar.date(of: transaction.now) else { return }
        try transaction.noteAvailableDayIfFirst(facility: facility.id, day: day, available: facility.available)
    }

    func existingFacility(_ id: String, field: String?, _ transaction: WriteTransaction) throws -> FlowTarget {
        guard let facility = try transaction.connection.flowTarget(id) else { throw FacilityRoutes.notFound(id, field: field) }
        return facility
    }
}
