import BeredskapCore
import BeredskapJSON
import BeredskapStore

/// The events of records and their corrections (`CapacityEvents` in Core), and how the surge
/// monitor reads them back.
///
/// Why the monitor reads events rather than being told by the command: events are what was
/// committed. A command that rolls back never reaches `observe`, so the in-memory window can
/// never count an arrival that the store does not have, nor forget one whose void rolled back.
enum FlowEvents {
    /// `arrival.voided`, `departure.voided`, `occupancy.voided`.
    static func voided(_ kind: StoredRecord.Kind) -> EventType<CapacityEvents.RecordCorrected> {
        switch kind {
        case .arrival: CapacityEvents.arrivalVoided
        case .departure: CapacityEvents.departureVoided
        case .headCount: CapacityEvents.headCountVoided
        }
    }

    /// `arrival.amended`, `departure.amended`, `occupancy.amended`.
    static func amended(_ kind: StoredRecord.Kind) -> EventType<CapacityEvents.RecordCorrected> {
        switch kind {
        case .arrival: CapacityEvents.arrivalAmended
        case .departure: CapacityEvents.departureAmended
        case .headCount: CapacityEvents.headCountAmended
        }
    }

    /// A correction: the record's id and facility, its figures (`before` and `after` for an
    /// amendment), the correction's row (which has the reason) and the facility's occupancy afterwards.
    static func correction(
        _ record: StoredRecord, amended: StoredRecord?, correction: Int64, occupied: Int
    ) -> CapacityEvents.RecordCorrected {
        CapacityEvents.RecordCorrected(
            id: record.id, facility: record.facility, kind: record.facilityKind,
            transferFrom: record.kind == .arrival ? record.otherFacility : nil,
            to: record.kind == .departure ? record.otherFacility : nil, transfer: record.transferPair,
            voided: amended == nil ? figures(record) : nil, before: amended.map { _ in figures(record) },
            after: amended.map(figures), correction: correction, occupied: occupied)
    }

    private static func figures(_ record: StoredRecord) -> CapacityEvents.RecordCorrected.Figures {
        switch record.kind {
        case .arrival:
            CapacityEvents.RecordCorrected.Figures(
                count: record.count, category: ArrivalCategory(rawValue: record.label ?? ""), at: record.at)
        case .departure:
            CapacityEvents.RecordCorrected.Figures(
                count: record.count, departureReason: DepartureReason(rawValue: record.label ?? ""), at: record.at)
        case .headCount:
            CapacityEvents.RecordCorrected.Figures(counted: record.count, at: record.at)
        }
    }

    /// What an event does to the surge window: flows to add (+1) or take back (−1). A record
    /// adds its flow; a void takes it back; an amendment takes back the old figures and adds
    /// the new. Head counts do not move the window.
    static func windowChanges(of event: Event) -> [(flow: FlowRecord, sign: Int)] {
        if let arrival = event.payload(CapacityEvents.arrivalRecorded) {
            return [(FlowRecord(
                direction: .arrival, facility: arrival.facility, kind: arrival.kind, count: arrival.count,
                label: arrival.category.rawValue, at: arrival.at, isTransfer: arrival.transferFrom != nil), 1)]
        }
        if let departure = event.payload(CapacityEvents.departureRecorded) {
            return [(FlowRecord(
                direction: .departure, facility: departure.facility, kind: departure.kind, count: departure.count,
                label: departure.reason.rawValue, at: departure.at, isTransfer: false), 1)]
        }
        for arrival in [true, false] {
            let kind: StoredRecord.Kind = arrival ? .arrival : .departure
            if let void = event.payload(voided(kind)) {
                return flow(void, nil, arrival: arrival).map { [($0, -1)] } ?? []
            }
            if let amendment = event.payload(amended(kind)) {
                guard let before = flow(amendment, amendment.before, arrival: arrival),
                    let after = flow(amendment, amendment.after, arrival: arrival)
                else { return [] }
                return [(before, -1), (after, 1)]
            }
        }
        return []
    }

    /// The flow a correction's figures describe: `figures` (before or after an amendment),
    /// or the voided record's own.
    private static func flow(
        _ correction: CapacityEvents.RecordCorrected, _ figures: CapacityEvents.RecordCorrected.Figures?, arrival: Bool
    ) -> FlowRecord? {
        guard let count = figures?.count ?? correction.count, let at = figures?.at ?? correction.at else { return nil }
        let label = arrival
            ? (figures?.category ?? correction.category)?.rawValue : (figures?.departureReason ?? correction.departureReason)?.rawValue
        return FlowRecord(
            direction: arrival ? .arrival : .departure, facility: correction.facility, kind: correction.kind, count: count,
            label: label ?? "", at: at, isTransfer: arrival && correction.transferFrom != nil)
    }
}
