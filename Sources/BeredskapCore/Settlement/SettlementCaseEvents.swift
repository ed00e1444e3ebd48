/// The events of settlement cases (`case.*`).
///
/// Why `read` may see them: they carry the case's id, district, dates, mode and numbers — the
/// same facts the per-district summary shows to `read` — and never what people wrote (IMDi's
/// reference, names, notes, a decline reason), which stays in the case's person row
/// (`settlement_case_persons`). Should a case ever name a person here, its event moves to `cases`.
public enum SettlementCaseEvents {
    public static let requested = EventType<Requested>(.case, "requested")
    public static let consented = EventType<Dated>(.case, "consented")
    public static let declined = EventType<Dated>(.case, "declined")
    public static let decided = EventType<Decided>(.case, "decided")
    public static let settled = EventType<Settled>(.case, "settled")
    public static let withdrawn = EventType<Dated>(.case, "withdrawn")
    public static let housingAssigned = EventType<Housing>(.case, "housing_assigned")
    public static let housingReleased = EventType<Housing>(.case, "housing_released")

    public static let all: [EventKind] = [
        requested.kind, consented.kind, declined.kind, decided.kind, settled.kind, withdrawn.kind, housingAssigned.kind,
        housingReleased.kind,
    ]

    /// `case.requested`: the case as it was opened.
    public struct Requested: EventPayload, Equatable {
        public var `case`: Int64
        public var year: Int
        public var district: String
        public var mode: SettlementMode
        public var householdSize: Int
        public var unaccompaniedMinors: Int
        public var date: CalendarDate

        public static var identifiers: Set<String> { ["district"] }

        public init(_ settlementCase: SettlementCase) {
            `case` = settlementCase.id
            year = settlementCase.year
            district = settlementCase.district
            mode = settlementCase.mode
            householdSize = settlementCase.householdSize
            unaccompaniedMinors = settlementCase.unaccompaniedMinors
            date = settlementCase.requestedOn
        }
    }

    /// A step that only has a date: consented, declined, withdrawn (and from which state).
    public struct Dated: EventPayload, Equatable {
        public var `case`: Int64
        public var date: CalendarDate
        /// The state the case left.
        public var from: SettlementCase.State

        public init(case id: Int64, date: CalendarDate, from: SettlementCase.State) {
            `case` = id
            self.date = date
            self.from = from
        }
    }

    /// `case.decided`: IMDi's decision and the date it plans.
    public struct Decided: EventPayload, Equatable {
        public var `case`: Int64
        public var date: CalendarDate
        public var planned: CalendarDate

        public init(case id: Int64, date: CalendarDate, planned: CalendarDate) {
            `case` = id
            self.date = date
            self.planned = planned
        }
    }

    /// `case.settled`: what the settlement record counts.
    public struct Settled: EventPayload, Equatable {
        public var `case`: Int64
        public var district: String
        public var date: CalendarDate
        public var count: Int
        public var mode: SettlementMode
        public var year: Int
        /// The unit the household moved into, if one was assigned.
        public var housing: String?

        public static var identifiers: Set<String> { ["district", "housing"] }

        public init(_ household: SettledHousehold, housing: String?) {
            `case` = household.caseID
            district = household.district
            date = household.date
            count = household.count
            mode = household.mode
            year = household.year
            self.housing = housing
        }
    }

    /// A housing unit assigned to or released from a case.
    public struct Housing: EventPayload, Equatable {
        public var `case`: Int64
        public var unit: String

        public static var identifiers: Set<String> { ["unit"] }

        public init(case id: Int64, unit: String) {
            `case` = id
            self.unit = unit
        }
    }
}
