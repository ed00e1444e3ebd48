extension AfterActionInputs {
    /// The facilities as they stood before `events`, from how they stood after them (`end`):
    /// one created during the run was not there; one changed during the run had the definition
    /// it had before (`definedBefore`, from the log); each head count is the one before the
    /// run's first record at the facility (an arrival less its people, a departure plus its
    /// people, a head count's previous figure).
    ///
    /// Why from the end: the run's world is only read when the run is over, before its copy
    /// is deleted; its tables then hold the end, and its events what led there.
    public static func facilities(
        before events: [Event], end: [Facility], definedBefore: [String: FacilityDefinition]
    ) -> [Facility] {
        var created: Set<String> = []
        var occupiedBefore: [String: Int] = [:]
        for event in events {
            if event.is(CapacityEvents.facilityCreated), let subject = event.subject, subject.hasPrefix("facility/") {
                created.insert(String(subject.dropFirst("facility/".count)))
            }
            guard let (facility, occupied) = occupancyBefore(event), occupiedBefore[facility] == nil else { continue }
            occupiedBefore[facility] = occupied
        }
        return end.compactMap { facility in
            guard !created.contains(facility.id) else { return nil }
            var before = facility
            if let definition = definedBefore[facility.id] { before.definition = definition }
            if let occupied = occupiedBefore[facility.id] { before.occupied = occupied }
            return before
        }
    }

    /// The ids of the facilities `events` change but do not create: those whose definition
    /// before the run is read from the log.
    public static func facilitiesChanged(by events: [Event]) -> Set<String> {
        var created: Set<String> = []
        var changed: Set<String> = []
        for event in events {
            guard let subject = event.subject, subject.hasPrefix("facility/") else { continue }
            let id = String(subject.dropFirst("facility/".count))
            if event.is(CapacityEvents.facilityCreated) { created.insert(id) }
            if event.is(CapacityEvents.facilityUpdated), !created.contains(id) { changed.insert(id) }
        }
        return changed
    }

    /// A facility's head count just before a record, from the record.
    static func occupancyBefore(_ event: Event) -> (String, Int)? {
        if let arrival = event.payload(CapacityEvents.arrivalRecorded) {
            return (arrival.facility, arrival.beforeLastReport == true ? arrival.occupied : arrival.occupied - arrival.count)
        }
        if let departure = event.payload(CapacityEvents.departureRecorded) {
            return (departure.facility, departure.beforeLastReport == true ? departure.occupied : departure.occupied + departure.count)
        }
        if let count = event.payload(CapacityEvents.headCountReported) { return (count.facility, count.previous) }
        return nil
    }
}

extension CapacityEvents.FacilityDefined {
    /// The definition the event declares (its note is the row's, given here).
    public func definition(note: String?) -> FacilityDefinition {
        FacilityDefinition(
            name: name, kind: kind, status: status, operatorName: self.operator, district: district, authority: authority,
            capacity: capacity, expansionCapacity: expansionCapacity, blocked: blocked, note: note)
    }
}
