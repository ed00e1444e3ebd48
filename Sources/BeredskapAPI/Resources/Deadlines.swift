import BeredskapCore
import BeredskapJSON

/// One person's deadline with one rule, as `GET /v1/deadlines` lists it: ids and dates only.
public struct DeadlineEntry: Sendable, Codable, Equatable {
    public var person: Int64
    public var rule: String
    public var state: DeadlineState
    @NullEncoded public var dueDate: CalendarDate?
    @NullEncoded public var district: String?

    public init(person: Int64, rule: String, state: DeadlineState, dueDate: CalendarDate?, district: String?) {
        self.person = person
        self.rule = rule
        self.state = state
        self.dueDate = dueDate
        self.district = district
    }
}

/// A page of deadlines in person order; `next` is the `after` of the next page (null: the last).
public struct DeadlineList: Sendable, Codable, Equatable {
    /// The Oslo day the states are for.
    public var date: CalendarDate
    public var deadlines: [DeadlineEntry]
    @NullEncoded public var next: Int64?

    public init(date: CalendarDate, deadlines: [DeadlineEntry], next: Int64?) {
        self.date = date
        self.deadlines = deadlines
        self.next = next
    }
}

/// How many persons stand where with each rule in each district (`district` null: persons
/// with no district yet). No persons, no ids.
public struct DeadlineSummary: Sendable, Codable, Equatable {
    public struct Row: Sendable, Codable, Equatable {
        public var rule: String
        @NullEncoded public var district: String?
        public var due: Int
        public var dueSoon: Int
        public var overdue: Int
        public var met: Int
        /// Of `met`, those met after the due day.
        public var metLate: Int

        public init(rule: String, district: String?, due: Int, dueSoon: Int, overdue: Int, met: Int, metLate: Int) {
            self.rule = rule
            self.district = district
            self.due = due
            self.dueSoon = dueSoon
            self.overdue = overdue
            self.met = met
            self.metLate = metLate
        }
    }

    public var date: CalendarDate
    /// The rules evaluated, in order (a rule with no row has no one it concerns).
    public var rules: [String]
    public var rows: [Row]

    public init(date: CalendarDate, rules: [String], rows: [Row]) {
        self.date = date
        self.rules = rules
        self.rows = rows
    }
}
