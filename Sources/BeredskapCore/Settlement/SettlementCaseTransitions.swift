/// The transitions of a settlement case. Each checks the state first (a refusal names the
/// state and what is allowed from it), then the dates, then changes the case and returns what
/// the caller must do besides storing it.
///
/// Dates are calendar dates in the daemon's time zone. No step may be dated before the
/// request; a settlement may be earlier or later than planned (IMDi's plan is a plan).
extension SettlementCase {
    /// The largest household a case takes; larger numbers are typing errors.
    public static let maximumHouseholdSize = 30

    /// A new case as requested by IMDi: checks the household before anything is stored.
    public static func request(
        id: Int64, district: String, mode: SettlementMode, householdSize: Int, unaccompaniedMinors: Int = 0,
        on date: CalendarDate, year: Int? = nil
    ) throws(SettlementCaseError) -> SettlementCase {
        guard (1...maximumHouseholdSize).contains(householdSize) else {
            throw .invalid(FieldProblem("household_size", Text(
                "expected an integer between 1 and \(maximumHouseholdSize)",
                nb: "forventet et heltall mellom 1 og \(maximumHouseholdSize)")))
        }
        guard (0...householdSize).contains(unaccompaniedMinors) else {
            throw .invalid(FieldProblem("unaccompanied_minors", Text(
                "expected an integer between 0 and the household size (\(householdSize))",
                nb: "forventet et heltall mellom 0 og husstandens størrelse (\(householdSize))")))
        }
        let year = year ?? date.year
        guard (date.year - 1...date.year + 1).contains(year) else {
            throw .invalid(FieldProblem("year", Text(
                "expected the request date's year (\(date.year)) or one either side",
                nb: "forventet året for anmodningen (\(date.year)) eller året før eller etter")))
        }
        return SettlementCase(
            id: id, year: year, district: district, mode: mode, householdSize: householdSize,
            unaccompaniedMinors: unaccompaniedMinors, requestedOn: date)
    }

    /// The district says yes.
    public mutating func consent(on date: CalendarDate) throws(SettlementCaseError) -> [SettlementCaseEffect] {
        try check(.consent, date: date)
        state = .consented
        consentedOn = date
        return []
    }

    /// The district says no; the reason is person data and stored beside the case.
    public mutating func decline(on date: CalendarDate) throws(SettlementCaseError) -> [SettlementCaseEffect] {
        try check(.decline, date: date)
        return close(as: .declined, on: date)
    }

    /// IMDi decides, planning the settlement for `planned`.
    public mutating func decide(planned: CalendarDate, on date: CalendarDate) throws(SettlementCaseError)
        -> [SettlementCaseEffect]
    {
        try check(.decide, date: date)
        guard planned >= requestedOn else {
            throw .invalid(FieldProblem("planned", Text(
                "must not be before the request (\(requestedOn))", nb: "kan ikke være før anmodningen (\(requestedOn))")))
        }
        state = .decided
        decidedOn = date
        plannedOn = planned
        return []
    }

    /// The household has moved in: the case becomes one settlement record. Its housing unit,
    /// if it has one, stays assigned (occupied).
    public mutating func settle(on date: CalendarDate) throws(SettlementCaseError) -> [SettlementCaseEffect] {
        try check(.settle, date: date)
        state = .settled
        settledOn = date
        return [.settled(SettledHousehold(caseID: id, district: district, date: date, count: householdSize, mode: mode, year: year))]
    }

    /// IMDi or the district withdraws the case before settlement.
    public mutating func withdraw(on date: CalendarDate) throws(SettlementCaseError) -> [SettlementCaseEffect] {
        try check(.withdraw, date: date)
        return close(as: .withdrawn, on: date)
    }

    /// The action by name, as the route takes it; `planned` is needed by `decide` only.
    public mutating func perform(_ action: SettlementCaseAction, on date: CalendarDate, planned: CalendarDate? = nil)
        throws(SettlementCaseError) -> [SettlementCaseEffect]
    {
        switch action {
        case .consent: return try consent(on: date)
        case .decline: return try decline(on: date)
        case .decide:
            guard let planned else {
                throw .invalid(FieldProblem("planned", Text("is required (a date)", nb: "mangler (en dato)")))
            }
            return try decide(planned: planned, on: date)
        case .settle: return try settle(on: date)
        case .withdraw: return try withdraw(on: date)
        }
    }

    private func check(_ action: SettlementCaseAction, date: CalendarDate) throws(SettlementCaseError) {
        guard state.allowedActions.contains(action) else { throw .notAllowed(action, from: state) }
        guard date >= requestedOn else {
            throw .invalid(FieldProblem("date", Text(
                "must not be before the request (\(requestedOn))", nb: "kan ikke være før anmodningen (\(requestedOn))")))
        }
    }

    private mutating func close(as end: State, on date: CalendarDate) -> [SettlementCaseEffect] {
        state = end
        closedOn = date
        guard let unit = housing else { return [] }
        housing = nil
        return [.releaseHousing(unit: unit)]
    }
}
