import BeredskapAPI
import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapStore

/// Voiding and amending arrivals, departures and head counts inside the writer's transaction.
///
/// Why through the same path as recording: a correction changes the same figures a record
/// does, so it is one command (the writer's transaction), appends events (`arrival.voided`,
/// `departure.amended`, …) that the surge window, the alert rules and the playbook waits
/// consume as they consume records, and leaves the facility's `occupied` at what the
/// head-count rule gives from the corrected records. A transfer is one record pair: a
/// correction of either half corrects both. The record stays, marked, with who corrected it,
/// when and why (the reason in a `record_corrections` row that the event names), and the
/// correction is an incident-log entry under the facility.
struct RecordCorrections {
    var recording: FlowRecording

    static let maximumReasonLength = 500

    /// What an amendment asks to change; nil leaves a field as it is.
    struct Amendment {
        var count: Int?
        var at: Timestamp?
        /// Category (arrivals) or departure reason (departures), as the raw value.
        var label: String?
        var force: Bool?
    }

    func void(_ kind: StoredRecord.Kind, id: Int64, reason: String, in transaction: inout WriteTransaction) throws
        -> RecordCorrected
    {
        try correct(kind, id: id, reason: reason, amendment: nil, in: &transaction)
    }

    func amend(
        _ kind: StoredRecord.Kind, id: Int64, _ amendment: Amendment, reason: String, in transaction: inout WriteTransaction
    ) throws -> RecordCorrected {
        try correct(kind, id: id, reason: reason, amendment: amendment, in: &transaction)
    }

    // MARK: - The correction

    private func correct(
        _ kind: StoredRecord.Kind, id: Int64, reason: String, amendment: Amendment?, in transaction: inout WriteTransaction
    ) throws -> RecordCorrected {
        let reason = try Self.checkReason(reason)
        let record = try existing(kind, id: id, transaction)
        let pair = try record.transferPair.flatMap { pairID in
            try kind.pairKind.flatMap { try transaction.connection.record($0, id: pairID) }
        }
        let amended = try amendment.map { try amendedFigures(of: record, pair: pair, $0, now: transaction.now) }
        let facilities = try ([record.facility] + (pair.map { [$0.facility] } ?? [])).map { facility in
            try recording.existingFacility(facility, field: nil, transaction)
        }
        let before = try facilities.map { try transaction.connection.ruleOccupancy(facility: $0.id) }

        // The rows first (marked with seq 0 until their events exist), so the events can carry
        // the occupancy the corrected records give.
        let corrected = [record] + (pair.map { [$0] } ?? [])
        for old in corrected {
            if let new = amended {
                try transaction.amendRecord(
                    old.kind, id: old.id, count: new.count, label: old.kind == kind ? new.label : old.label, at: new.at)
            } else {
                try transaction.voidRecord(old.kind, id: old.id, seq: 0)
            }
        }
        var after: [RuleOccupancy] = []
        for (index, facility) in facilities.enumerated() {
            let rule = try transaction.connection.ruleOccupancy(facility: facility.id)
            if HeadCountRule.leavesBelowNobody(before: before[index].raw, after: rule.raw) { throw Self.belowNobody(facility, rule.raw) }
            after.append(rule)
        }
        // Last, so that a confirmed retry is not then refused for another reason.
        if let amendment, let new = amended {
            let problems = facilities.flatMap { facility in
                recording.implausibilities(
                    people: new.count != record.count ? new.count : nil, field: Self.countField(kind),
                    at: new.at != record.at && facility.id == record.facility ? new.at : nil, facility: facility, now: transaction.now)
            }
            try FlowRecording.refuse(problems, unless: amendment.force)
        }
        func occupied(_ facility: String) -> Int {
            facilities.firstIndex { $0.id == facility }.map { after[$0].shown } ?? 0
        }
        for old in corrected {
            let new = amended.map { new in
                var copy = old
                copy.count = new.count
                copy.at = new.at
                if old.kind == kind { copy.label = new.label }
                return copy
            }
            let correction = try transaction.connection.nextCorrectionID()
            let event = try transaction.appendEvent(
                new == nil ? FlowEvents.voided(old.kind) : FlowEvents.amended(old.kind),
                FlowEvents.correction(old, amended: new, correction: correction, occupied: occupied(old.facility)),
                subject: old.subject)
            try transaction.insertCorrection(id: correction, seq: event.seq, of: old.kind, record: old.id, reason: reason)
            if new == nil {
                try transaction.voidRecord(old.kind, id: old.id, seq: event.seq)
            } else {
                try transaction.noteAmendment(old.kind, id: old.id, seq: event.seq)
            }
        }
        for (index, facility) in facilities.enumerated() {
            try transaction.setOccupancy(facility: facility.id, occupied: after[index].shown, lastReportAt: after[index].lastReportAt)
        }
        let changes = facilities.indices.map { index in
            OccupancyChange(
                facility: facilities[index].id, name: facilities[index].name, occupied: after[index].shown,
                previous: facilities[index].occupied)
        }
        let names = Dictionary(facilities.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        try transaction.addIncidentLogEntry(
            text: CorrectionTexts(calendar: recording.calendar, names: names)
                .entry(record, pair: pair, amended: amended, reason: reason, occupancy: changes)(recording.language),
            subject: record.subject, source: .system)
        let eventSeq = transaction.lastEventSeq ?? 0
        guard let stored = try transaction.connection.record(kind, id: id) else { throw Self.notFound(kind, id) }
        let storedPair = try pair.flatMap { try transaction.connection.record($0.kind, id: $0.id) }
        return RecordCorrected(
            record: RecordRoutes.resource(stored), transfer: storedPair.map(RecordRoutes.resource), occupancy: changes,
            eventSeq: eventSeq)
    }

    /// The record's figures after `amendment`, checked as a new record's are.
    private func amendedFigures(
        of record: StoredRecord, pair: StoredRecord?, _ amendment: Amendment, now: Timestamp
    ) throws -> (count: Int, at: Timestamp, label: String?) {
        let countField = Self.countField(record.kind)
        guard amendment.count != nil || amendment.at != nil || amendment.label != nil else {
            throw FieldProblem("body", Text(
                "nothing to amend: give \(countField), at\(record.kind == .headCount ? "" : " or \(Self.labelField(record.kind))")",
                nb: "ingenting å endre: gi \(countField), at\(record.kind == .headCount ? "" : " eller \(Self.labelField(record.kind))")"))
        }
        if let count = amendment.count {
            try FlowRecording.checkCount(count, field: countField, allowZero: record.kind == .headCount)
        }
        let at = try amendment.at.map { at throws(FieldProblem) in try recording.instant(at, now: now) }
        if record.kind == .departure, pair != nil, let label = amendment.label, label != DepartureReason.transferred.rawValue {
            throw FieldProblem("departure_reason", Text(
                "a transfer stays transferred; void it and record the departure again",
                nb: "en overføring forblir transferred; annuller den og registrer utflyttingen på nytt"))
        }
        let new = (count: amendment.count ?? record.count, at: at ?? record.at, label: amendment.label ?? record.label)
        if new.count == record.count && new.at == record.at && new.label == record.label {
            let field = amendment.count != nil ? countField : amendment.at != nil ? "at" : Self.labelField(record.kind)
            throw FieldProblem(field, Text("is what the record already says", nb: "er det posten allerede sier"))
        }
        return new
    }

    // MARK: - Checks and errors

    static func countField(_ kind: StoredRecord.Kind) -> String { kind == .headCount ? "occupied" : "count" }
    static func labelField(_ kind: StoredRecord.Kind) -> String { kind == .arrival ? "category" : "departure_reason" }

    static func checkReason(_ text: String) throws(FieldProblem) -> String {
        let reason = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= maximumReasonLength else {
            throw FieldProblem(
                "reason", Text("must be 1 to \(maximumReasonLength) characters", nb: "må være 1 til \(maximumReasonLength) tegn"))
        }
        guard !reason.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else {
            throw FieldProblem("reason", Text("must not contain control characters", nb: "kan ikke inneholde kontrolltegn"))
        }
        return reason
    }

    private func existing(_ kind: StoredRecord.Kind, id: Int64, _ transaction: WriteTransaction) throws -> StoredRecord {
        guard let record = try transaction.connection.record(kind, id: id) else { throw Self.notFound(kind, id) }
        if let voided = record.voided {
            var error = APIError.conflict(
                Text("\(Self.noun(kind).en) #\(id) is already voided", nb: "\(Self.noun(kind).nb) #\(id) er allerede annullert")
                    + Text(
                        " (\(recording.calendar.dateTimeText(voided.at)), \(voided.by): \(voided.reason))",
                        nb: " (\(recording.calendar.dateTimeText(voided.at)), \(voided.by): \(voided.reason))"))
            error.details = JSONObject([
                ("id", .integer(id)), ("state", .string("voided")), ("voided_at", .string(voided.at.rfc3339)),
                ("voided_by", .string(voided.by)),
            ])
            throw error
        }
        return record
    }

    static func notFound(_ kind: StoredRecord.Kind, _ id: Int64) -> APIError {
        var error = APIError.notFound(Text("no \(noun(kind).en) #\(id)", nb: "ingen \(noun(kind).nb) #\(id)"))
        error.details["id"] = .integer(id)
        return error
    }

    /// `arrival` / `ankomst`, as error messages name a record.
    static func noun(_ kind: StoredRecord.Kind) -> Text {
        switch kind {
        case .arrival: Text("arrival", nb: "ankomst")
        case .departure: Text("departure", nb: "utflytting")
        case .headCount: Text("head count", nb: "opptelling")
        }
    }

    /// A correction that would leave fewer than nobody: the other records contradict it, and
    /// only a head count can say who is really there.
    private static func belowNobody(_ facility: FlowTarget, _ raw: Int) -> APIError {
        var error = APIError.conflict(Text(
            "this would leave \(raw) people at \(facility.name): more departures than arrivals and head counts account for;"
                + " report a head count first (beredskap occupancy report \(facility.id) N)",
            nb: "dette ville gi \(raw) personer på \(facility.name): flere utflyttinger enn ankomster og opptellinger forklarer;"
                + " rapporter en opptelling først (beredskap occupancy report \(facility.id) N)"))
        error.details = JSONObject([("facility", .string(facility.id)), ("occupied", .integer(Int64(raw)))])
        return error
    }
}

/// The incident-log entry of a correction, in the daemon's language: what was corrected, the
/// figures, the reason, and what each facility now has.
struct CorrectionTexts {
    var calendar: LocalCalendar
    var names: [String: String]

    func entry(
        _ record: StoredRecord, pair: StoredRecord?, amended: (count: Int, at: Timestamp, label: String?)?, reason: String,
        occupancy: [OccupancyChange]
    ) -> Text {
        var text = what(record, pair: pair)
        if let amended {
            var changes = [people(record.count, amended.count, record.kind)]
            if let label = amended.label, label != record.label { changes.append(labelName(record.label, record.kind) + arrow + labelName(label, record.kind)) }
            if amended.at != record.at {
                changes.append(Text(calendar.dateTimeText(record.at), nb: calendar.dateTimeText(record.at)) + arrow
                    + Text(calendar.dateTimeText(amended.at), nb: calendar.dateTimeText(amended.at)))
            }
            text = text + Text(" amended: ", nb: " endret: ") + joined(changes, ", ")
        } else {
            var figures = people(record.count, record.count, record.kind)
            if record.label != nil { figures = figures + Text(" (", nb: " (") + labelName(record.label, record.kind) + Text(")", nb: ")") }
            text = text + Text(" voided: ", nb: " annullert: ") + figures
                + Text(", \(calendar.dateTimeText(record.at))", nb: ", \(calendar.dateTimeText(record.at))")
        }
        text = text + Text(". Reason: \(reason). ", nb: ". Begrunnelse: \(reason). ")
        let now = occupancy.map { change in
            Text("\(change.name) now has \(change.occupied) (was \(change.previous))", nb: "\(change.name) har nå \(change.occupied) (var \(change.previous))")
        }
        return text + joined(now, "; ") + Text(".", nb: ".")
    }

    private var arrow: Text { Text(" → ", nb: " → ") }

    private func name(_ facility: String?) -> String { facility.map { names[$0] ?? $0 } ?? "" }

    /// `Arrival #12 at Refstad transittmottak (transfer from Torshov, with its departure #7)`.
    private func what(_ record: StoredRecord, pair: StoredRecord?) -> Text {
        let facility = name(record.facility)
        var text: Text
        switch record.kind {
        case .arrival: text = Text("Arrival #\(record.id) at \(facility)", nb: "Ankomst #\(record.id) til \(facility)")
        case .departure: text = Text("Departure #\(record.id) from \(facility)", nb: "Utflytting #\(record.id) fra \(facility)")
        case .headCount: text = Text("Head count #\(record.id) at \(facility)", nb: "Opptelling #\(record.id) på \(facility)")
        }
        if let pair {
            let other = name(pair.facility)
            text = text + (record.kind == .arrival
                ? Text(" (transfer from \(other), with its departure #\(pair.id))", nb: " (overføring fra \(other), med utflytting #\(pair.id))")
                : Text(" (transfer to \(other), with its arrival #\(pair.id))", nb: " (overføring til \(other), med ankomst #\(pair.id))"))
        }
        return text
    }

    /// `25 people`, `25 → 20 people`; for a head count `300 counted`.
    private func people(_ old: Int, _ new: Int, _ kind: StoredRecord.Kind) -> Text {
        let figure = old == new ? "\(new)" : "\(old) → \(new)"
        if kind == .headCount { return Text("\(figure) counted", nb: "\(figure) talt") }
        return new == 1 && old == new ? Text("1 person", nb: "1 person") : Text("\(figure) people", nb: "\(figure) personer")
    }

    private func labelName(_ label: String?, _ kind: StoredRecord.Kind) -> Text {
        let raw = label ?? ""
        switch kind {
        case .arrival: return ArrivalCategory(rawValue: raw)?.name ?? Text(raw, nb: raw)
        case .departure: return DepartureReason(rawValue: raw)?.name ?? Text(raw, nb: raw)
        case .headCount: return Text("", nb: "")
        }
    }

    private func joined(_ parts: [Text], _ separator: String) -> Text {
        parts.dropFirst().reduce(parts.first ?? Text("", nb: "")) { $0 + Text(separator, nb: separator) + $1 }
    }
}
