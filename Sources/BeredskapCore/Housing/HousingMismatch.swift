/// Free homes beside households waiting, per district: the mismatch the 2016 strategy draft
/// describes (some districts had homes ready and no refugees, others refugees and no homes).
///
/// Why a pure function of units and cases: the picture is what the office acts on (move a
/// request to the district with homes, or find homes where people wait), and it must add up
/// the same way in tests as in the daemon.
public struct HousingMismatch: Sendable, Equatable, Codable {
    public struct Row: Sendable, Equatable, Codable {
        public var district: String
        /// Units free on the date.
        public var freeUnits: Int
        /// Rooms in those units.
        public var freeRooms: Int
        /// Unassigned units that become available later.
        public var comingUnits: Int
        /// Households consented or decided, not settled, without a unit.
        public var waitingHouseholds: Int
        /// People in those households.
        public var waitingPersons: Int

        public init(district: String, freeUnits: Int = 0, freeRooms: Int = 0, comingUnits: Int = 0,
                    waitingHouseholds: Int = 0, waitingPersons: Int = 0) {
            self.district = district
            self.freeUnits = freeUnits
            self.freeRooms = freeRooms
            self.comingUnits = comingUnits
            self.waitingHouseholds = waitingHouseholds
            self.waitingPersons = waitingPersons
        }
    }

    public var date: CalendarDate
    /// Every district given, in the order given, then any other district a unit or case names.
    public var districts: [Row]
    /// Districts with free homes and no household waiting.
    public var homesWithoutHouseholds: [String]
    /// Districts with households waiting and no free home.
    public var householdsWithoutHomes: [String]

    public init(date: CalendarDate, districts: [Row], homesWithoutHouseholds: [String], householdsWithoutHomes: [String]) {
        self.date = date
        self.districts = districts
        self.homesWithoutHouseholds = homesWithoutHouseholds
        self.householdsWithoutHomes = householdsWithoutHomes
    }

    /// The picture on `date`, from all units and cases; `districts` gives the rows and their order.
    public static func on(
        _ date: CalendarDate, districts: [String], units: [HousingUnit], cases: [SettlementCase]
    ) -> HousingMismatch {
        var order = districts
        var rows = Dictionary(uniqueKeysWithValues: districts.map { ($0, Row(district: $0)) })
        func update(_ district: String, _ change: (inout Row) -> Void) {
            if rows[district] == nil {
                order.append(district)
                rows[district] = Row(district: district)
            }
            change(&rows[district, default: Row(district: district)])
        }
        for unit in units where unit.assignedCase == nil {
            if unit.isFree(on: date) {
                update(unit.district) { $0.freeUnits += 1; $0.freeRooms += unit.rooms }
            } else if unit.availableFrom > date {
                update(unit.district) { $0.comingUnits += 1 }
            }
        }
        for waiting in cases where waiting.state.isWaiting && waiting.housing == nil {
            update(waiting.district) { $0.waitingHouseholds += 1; $0.waitingPersons += waiting.householdSize }
        }
        let all = order.compactMap { rows[$0] }
        return HousingMismatch(
            date: date, districts: all,
            homesWithoutHouseholds: all.filter { $0.freeUnits > 0 && $0.waitingHouseholds == 0 }.map(\.district),
            householdsWithoutHomes: all.filter { $0.waitingHouseholds > 0 && $0.freeUnits == 0 }.map(\.district))
    }
}
