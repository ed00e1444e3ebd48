import BeredskapJSON

/// A settlement case (utsøking): IMDi asks a district to settle a household or a person, the
/// district consents or declines, IMDi decides with a planned date, and the household is
/// settled — or the case is withdrawn on the way.
///
/// Why a value with its own transitions: what may happen next depends only on where the case
/// is, so the rules are tested without a database, and the daemon applies exactly what a
/// transition returns (`SettlementCaseEffect`). What people wrote about the case — IMDi's
/// reference, names, notes, the reason for a decline — is not here: it lives in a row that can
/// be erased (`SettlementCasePersonData`), and nothing in this value needs it.
public struct SettlementCase: Sendable, Equatable, Codable {
    public enum State: String, JSONStringEnum {
        /// IMDi has asked the district (utsøking).
        case requested
        /// The district has said yes.
        case consented
        /// The district has said no (terminal; the reason is person data).
        case declined
        /// IMDi has decided, with a planned settlement date.
        case decided
        /// The household lives in the district (terminal; it became a settlement record).
        case settled
        /// IMDi or the district withdrew the case (terminal).
        case withdrawn

        /// No transition leaves a terminal state.
        public var isTerminal: Bool { self == .declined || self == .settled || self == .withdrawn }

        /// What may be done from here, in the order a case goes.
        public var allowedActions: [SettlementCaseAction] {
            switch self {
            case .requested: [.consent, .decline, .withdraw]
            case .consented: [.decide, .withdraw]
            case .decided: [.settle, .withdraw]
            case .declined, .settled, .withdrawn: []
            }
        }

        /// Households in these states are waiting for a home: the district has said yes, and
        /// they are not settled yet.
        public var isWaiting: Bool { self == .consented || self == .decided }
    }

    public var id: Int64
    /// The settlement year the case counts towards; the request date's year unless given.
    public var year: Int
    public var district: String
    public var mode: SettlementMode
    /// How many people the household is (≥ 1).
    public var householdSize: Int
    /// How many of them are unaccompanied minors (0…household size).
    public var unaccompaniedMinors: Int
    public var state: State
    public var requestedOn: CalendarDate
    /// When the district consented.
    public var consentedOn: CalendarDate?
    /// When IMDi decided, and the settlement date it planned.
    public var decidedOn: CalendarDate?
    public var plannedOn: CalendarDate?
    /// The day the household was settled: may be earlier or later than planned.
    public var settledOn: CalendarDate?
    /// When the case was declined or withdrawn.
    public var closedOn: CalendarDate?
    /// The housing unit assigned to the household (`HousingUnit.id`); kept once settled.
    public var housing: String?

    public init(
        id: Int64, year: Int, district: String, mode: SettlementMode, householdSize: Int, unaccompaniedMinors: Int,
        state: State = .requested, requestedOn: CalendarDate, consentedOn: CalendarDate? = nil,
        decidedOn: CalendarDate? = nil, plannedOn: CalendarDate? = nil, settledOn: CalendarDate? = nil,
        closedOn: CalendarDate? = nil, housing: String? = nil
    ) {
        self.id = id
        self.year = year
        self.district = district
        self.mode = mode
        self.householdSize = householdSize
        self.unaccompaniedMinors = unaccompaniedMinors
        self.state = state
        self.requestedOn = requestedOn
        self.consentedOn = consentedOn
        self.decidedOn = decidedOn
        self.plannedOn = plannedOn
        self.settledOn = settledOn
        self.closedOn = closedOn
        self.housing = housing
    }
}

/// What a person does to a case; the last part of `POST /v1/settlement/cases/{id}/{action}`.
public enum SettlementCaseAction: String, JSONStringEnum {
    case consent, decline, decide, settle, withdraw
}

/// What a transition asks the caller to do besides storing the case.
public enum SettlementCaseEffect: Sendable, Equatable {
    /// The household was settled: one settlement record (district, date, count, mode, year,
    /// case), written in the same transaction, so progress counts it once.
    case settled(SettledHousehold)
    /// The case ended without settlement while holding a housing unit: the unit is free again.
    case releaseHousing(unit: String)
}

/// A household that was settled, as a settlement record takes it.
public struct SettledHousehold: Sendable, Equatable {
    public var caseID: Int64
    public var district: String
    public var date: CalendarDate
    /// The household's size: the number of people the record counts.
    public var count: Int
    public var mode: SettlementMode
    public var year: Int

    public init(caseID: Int64, district: String, date: CalendarDate, count: Int, mode: SettlementMode, year: Int) {
        self.caseID = caseID
        self.district = district
        self.date = date
        self.count = count
        self.mode = mode
        self.year = year
    }
}

/// Why a transition was refused.
public enum SettlementCaseError: Error, Sendable, Equatable {
    /// The action is not possible from the case's state (409 `conflict`, `details.state`).
    case notAllowed(SettlementCaseAction, from: SettlementCase.State)
    /// A date or number given with the action is unusable (400 `invalid_field`).
    case invalid(FieldProblem)

    public var text: Text {
        switch self {
        case .notAllowed(let action, let state):
            let allowed = state.allowedActions.map(\.rawValue).joined(separator: ", ")
            return allowed.isEmpty
                ? Text(
                    "cannot \(action.rawValue) a case that is \(state.rawValue): nothing more can happen to it",
                    nb: "kan ikke \(action.rawValue) en sak som er \(state.rawValue): ingenting mer kan skje med den")
                : Text(
                    "cannot \(action.rawValue) a case that is \(state.rawValue); from \(state.rawValue): \(allowed)",
                    nb: "kan ikke \(action.rawValue) en sak som er \(state.rawValue); fra \(state.rawValue): \(allowed)")
        case .invalid(let problem):
            return Text("\(problem.field): ", nb: "\(problem.field): ") + problem.problem
        }
    }
}
