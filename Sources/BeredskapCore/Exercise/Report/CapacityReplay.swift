/// The facilities of a run replayed event by event: each kind's occupancy against its places
/// at every change, for the worst moment and the days of the after-action report.
///
/// Why replayed from the events and not read from the tables: the tables hold only the end
/// of the run; the events hold every head count, arrival and opening of places on the way.
struct CapacityReplay {
    var facilities: [String: Facility]
    let calendar: LocalCalendar

    init(facilities: [Facility], calendar: LocalCalendar) {
        self.facilities = Dictionary(facilities.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.calendar = calendar
    }

    /// The local days from `start`'s to `end`'s, both included.
    func days(from start: Timestamp, to end: Timestamp) -> [CalendarDate] {
        let first = calendar.date(of: start)
        let count = max(0, Int(calendar.date(of: max(end, start)).daysSinceEpoch - first.daysSinceEpoch))
        return (0...count).map { first.adding(days: $0) }
    }

    /// Each kind present at any time of the run: its worst moment and its days.
    func kinds(_ events: [Event], start: Timestamp, end: Timestamp) -> [AfterActionReport.KindCapacity] {
        var replay = self
        var worst: [FacilityKind: AfterActionReport.CapacityPoint] = [:]
        var days: [FacilityKind: [AfterActionReport.KindDay]] = [:]
        var remaining = events[...]
        for date in self.days(from: start, to: end) {
            let nextDay = calendar.startOfDay(date.adding(days: 1))
            var peaks = replay.totals()
            let note = { (totals: [FacilityKind: (occupied: Int, capacity: Int)], at: Timestamp) in
                for (kind, total) in totals {
                    let point = AfterActionReport.CapacityPoint(at: at, occupied: total.occupied, capacity: total.capacity)
                    if worst[kind].map({ Self.isWorse(point, than: $0) }) ?? true { worst[kind] = point }
                    if total.occupied > peaks[kind]?.occupied ?? -1 { peaks[kind] = total }
                }
            }
            note(peaks, max(start, calendar.startOfDay(date)))
            while let event = remaining.first, event.time < nextDay {
                remaining.removeFirst()
                if replay.apply(event) { note(replay.totals(), max(event.time, start)) }
            }
            for (kind, peak) in peaks {
                days[kind, default: []].append(AfterActionReport.KindDay(date: date, occupied: peak.occupied, capacity: peak.capacity))
            }
        }
        return FacilityKind.allCases.compactMap { kind in
            guard let worst = worst[kind] else { return nil }
            return AfterActionReport.KindCapacity(kind: kind, worst: worst, days: Self.filled(days[kind] ?? [], self.days(from: start, to: end)))
        }
    }

    /// A kind that appeared later has no figures for the days before: none there, no places.
    private static func filled(_ days: [AfterActionReport.KindDay], _ all: [CalendarDate]) -> [AfterActionReport.KindDay] {
        let known = Dictionary(days.map { ($0.date, $0) }, uniquingKeysWith: { first, _ in first })
        return all.map { known[$0] ?? AfterActionReport.KindDay(date: $0, occupied: 0, capacity: 0) }
    }

    /// More occupied against the places (no places with people is the worst); on a tie, the earlier.
    static func isWorse(_ point: AfterActionReport.CapacityPoint, than other: AfterActionReport.CapacityPoint) -> Bool {
        let ratio = { (point: AfterActionReport.CapacityPoint) -> Double in
            point.capacity > 0 ? Double(point.occupied) / Double(point.capacity) : point.occupied > 0 ? .infinity : 0
        }
        return ratio(point) > ratio(other)
    }

    /// People and places per kind now.
    func totals() -> [FacilityKind: (occupied: Int, capacity: Int)] {
        var totals: [FacilityKind: (occupied: Int, capacity: Int)] = [:]
        for facility in facilities.values {
            let total = totals[facility.kind] ?? (0, 0)
            totals[facility.kind] = (total.occupied + facility.occupied, total.capacity + facility.available)
        }
        return totals
    }

    /// Applies an event that changes a facility's figures; false for any other.
    mutating func apply(_ event: Event) -> Bool {
        if let defined = event.payload(CapacityEvents.facilityCreated) ?? event.payload(CapacityEvents.facilityUpdated),
            let id = event.subject.flatMap({ $0.hasPrefix("facility/") ? String($0.dropFirst("facility/".count)) : nil })
        {
            let definition = defined.definition(note: facilities[id]?.note)
            if facilities[id] == nil {
                facilities[id] = Facility(id: id, definition: definition, createdAt: event.time, updatedAt: event.time)
            } else {
                facilities[id]?.definition = definition
            }
            return true
        }
        let occupancy: (facility: String, occupied: Int)? =
            event.payload(CapacityEvents.arrivalRecorded).map { ($0.facility, $0.occupied) }
            ?? event.payload(CapacityEvents.departureRecorded).map { ($0.facility, $0.occupied) }
            ?? event.payload(CapacityEvents.headCountReported).map { ($0.facility, $0.occupied) }
            ?? Self.corrections.lazy.compactMap { event.payload($0) }.first.map { ($0.facility, $0.occupied) }
        guard let occupancy, facilities[occupancy.facility] != nil else { return false }
        facilities[occupancy.facility]?.occupied = occupancy.occupied
        return true
    }

    /// Voids and amendments carry the facility's occupancy afterwards, as the records do.
    private static let corrections = [
        CapacityEvents.arrivalVoided, CapacityEvents.departureVoided, CapacityEvents.headCountVoided,
        CapacityEvents.arrivalAmended, CapacityEvents.departureAmended, CapacityEvents.headCountAmended,
    ]
}
