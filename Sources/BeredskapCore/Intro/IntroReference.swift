/// The introduction programme's results as the strategy draft published them (seed 000), built
/// in so that `GET /v1/intro/results` shows 2010–2015 on a fresh state; a year with programmes
/// of its own recorded is counted from those instead (`IntroResults.compute`).
///
/// Why built in rather than a seed file like the settlement reference figures
/// (`Config/oslo/settlement-2015-2016.json5`): those are loaded as quotas and records that
/// operators then change; these are closed history that nobody edits, and the results must
/// answer for those years before anything is loaded.
///
/// Sources, `seeds/000_ae20a7af960b86d8.txt`:
/// - right after the programme: the table «prosentvis overgang til arbeid eller utdanning
///   umiddelbart etter avsluttet program og antall deltakere» (about line 1592; source
///   Fagsystemavdelingen, Helseetaten), share / participants per district 2010–2015, "u.off."
///   for Ullern and Nordre Aker in 2010, and the «Totalt» row as the city;
/// - one year after: the table «deltakelse i arbeid eller utdanning året etter gjennomført
///   introduksjonsprogram (prosent 2014)» (about line 1635), shares only (no participants),
///   "u.off." for Søndre Nordstrand and Ullern, «Hele Oslo» 56 as the city. It is taken as
///   the year 2014 the table is headed with.
public enum IntroReference {
    /// A published figure: a whole percent of participants; nil percent is "u.off.".
    public struct Cell: Sendable, Equatable {
        public var percent: Int?
        public var participants: Int?

        public init(percent: Int?, participants: Int?) {
            self.percent = percent
            self.participants = participants
        }
    }

    public struct Year: Sendable, Equatable {
        public var rightAfter: [String: Cell]
        public var cityRightAfter: Cell
        public var hasOneYearAfter: Bool
        public var oneYearAfter: [String: Cell]
        public var cityOneYearAfter: Cell?
    }

    /// The figures for `year`, or nil outside 2010–2015.
    public static func year(_ year: Int) -> Year? {
        guard let column = columns.firstIndex(of: year) else { return nil }
        var rightAfter: [String: Cell] = [:]
        for (district, cells) in rightAfterTable { rightAfter[district] = cells[column] }
        let oneYear = year == oneYearAfterYear
        return Year(
            rightAfter: rightAfter, cityRightAfter: cityRightAfter[column], hasOneYearAfter: oneYear,
            oneYearAfter: oneYear ? oneYearAfterTable.mapValues { Cell(percent: $0, participants: nil) } : [:],
            cityOneYearAfter: oneYear ? Cell(percent: 56, participants: nil) : nil)
    }

    /// The years the reference has.
    public static let years = 2010...2015

    /// The table's columns, as the seed orders them.
    private static let columns = [2015, 2014, 2013, 2012, 2011, 2010]

    private static func c(_ percent: Int, _ participants: Int) -> Cell { Cell(percent: percent, participants: participants) }
    private static let uoff = Cell(percent: nil, participants: nil)

    private static let rightAfterTable: [String: [Cell]] = [
        "gamle-oslo": [c(65, 40), c(50, 30), c(85, 20), c(56, 25), c(81, 16), c(48, 21)],
        "grunerlokka": [c(64, 39), c(63, 32), c(74, 23), c(84, 19), c(77, 13), c(81, 16)],
        "sagene": [c(21, 19), c(43, 23), c(47, 17), c(63, 8), c(63, 8), c(14, 14)],
        "st-hanshaugen": [c(50, 18), c(38, 21), c(27, 11), c(62, 13), c(80, 5), c(50, 10)],
        "frogner": [c(50, 36), c(28, 39), c(29, 21), c(30, 10), c(42, 12), c(17, 12)],
        "ullern": [c(50, 14), c(53, 15), c(43, 7), c(67, 12), c(25, 16), uoff],
        "vestre-aker": [c(25, 16), c(31, 16), c(35, 17), c(45, 11), c(57, 7), c(42, 12)],
        "nordre-aker": [c(35, 31), c(30, 10), c(38, 13), c(44, 9), c(70, 10), uoff],
        "bjerke": [c(53, 19), c(45, 11), c(69, 13), c(67, 12), c(58, 19), c(55, 11)],
        "grorud": [c(77, 13), c(55, 11), c(67, 12), c(55, 11), c(20, 10), c(40, 20)],
        "stovner": [c(47, 32), c(56, 18), c(44, 16), c(53, 15), c(25, 8), c(38, 13)],
        "alna": [c(31, 51), c(38, 32), c(65, 17), c(67, 18), c(43, 14), c(38, 21)],
        "ostensjo": [c(53, 17), c(43, 14), c(56, 16), c(38, 13), c(83, 6), c(58, 12)],
        "nordstrand": [c(33, 24), c(24, 17), c(46, 13), c(24, 17), c(46, 13), c(29, 14)],
        "sondre-nordstrand": [c(46, 24), c(50, 28), c(50, 14), c(50, 14), c(69, 13), c(45, 11)],
    ]

    private static let cityRightAfter = [c(47, 393), c(43, 317), c(53, 230), c(54, 211), c(54, 174), c(42, 194)]

    private static let oneYearAfterYear = 2014

    /// Percent in work or education the year after; nil: "u.off.".
    private static let oneYearAfterTable: [String: Int?] = [
        "alna": 57, "bjerke": 67, "frogner": 33, "gamle-oslo": 62, "grorud": 61, "grunerlokka": 67, "nordre-aker": 38,
        "nordstrand": 42, "sagene": 65, "st-hanshaugen": 54, "stovner": 57, "sondre-nordstrand": nil, "ullern": nil,
        "vestre-aker": 67, "ostensjo": 64,
    ]
}
