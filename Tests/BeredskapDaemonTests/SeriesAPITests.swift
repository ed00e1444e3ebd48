import BeredskapCore
import BeredskapJSON
import Testing

@testable import BeredskapDaemon

/// History: arrivals by Oslo day or ISO week, and occupancy by day.
@Suite(.serialized) struct SeriesAPITests {
    /// `(label, count)` of each bucket.
    static func counts(_ series: JSONValue) -> [String: Int64] {
        var counts: [String: Int64] = [:]
        for bucket in series["buckets"]?.arrayValue ?? [] {
            if let label = bucket["label"]?.stringValue { counts[label] = bucket["count"]?.intValue }
        }
        return counts
    }

    /// Arrivals of 1, 2, 4 and 8 people at the given instants (confirmed: some are more than
    /// 90 days before the harness's clock).
    static func arrivals(_ ops: Session, at instants: [String]) throws {
        for (index, at) in instants.enumerated() {
            #expect(try ops.arrive("refstad", 1 << Int64(index), ["at": .string(at), "force": true]).status == 201, "\(at)")
        }
    }

    /// Oslo days around the changes of 2026: summer time starts on 29 March at 01:00 UTC (a
    /// 23-hour day, 28 March 23:00 UTC to 29 March 22:00 UTC) and ends on 25 October at 01:00
    /// UTC (a 25-hour day, 24 October 22:00 UTC to 25 October 23:00 UTC). The instants are
    /// 23:30 on the first day, 00:30 and 23:30 on the day of the change, 00:30 on the next.
    static let summerTimeChanges: [([String], [String])] = [
        (
            ["2026-03-28", "2026-03-29", "2026-03-30"],
            ["2026-03-28T22:30:00Z", "2026-03-28T23:30:00Z", "2026-03-29T21:30:00Z", "2026-03-29T22:30:00Z"]
        ),
        (
            ["2026-10-24", "2026-10-25", "2026-10-26"],
            ["2026-10-24T21:30:00Z", "2026-10-24T22:30:00Z", "2026-10-25T22:30:00Z", "2026-10-25T23:30:00Z"]
        ),
    ]

    @Test(arguments: summerTimeChanges)
    func daysAreOsloDaysWhenSummerTimeStartsOrEnds(_ days: [String], _ instants: [String]) throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        try ops.putFacility("refstad")
        try Self.arrivals(ops, at: instants)
        let series = try ops.get("/v1/arrivals?from=\(days[0])&to=\(days[2])")
        #expect(Self.counts(series) == [days[0]: 1, days[1]: 6, days[2]: 8])
        #expect(series["total"]?.intValue == 15)
        #expect(series["time_zone"]?.stringValue == "Europe/Oslo")
        #expect(series["bucket"]?.stringValue == "day")
        // A time as a bound means its Oslo date: 00:30 on the day of the change.
        let fromTime = try ops.get("/v1/arrivals?from=\(instants[1])&to=\(days[1])")
        #expect(fromTime["from"]?.stringValue == days[1])
        #expect(fromTime["total"]?.intValue == 6)
    }

    @Test func weeksHaveISOLabelsAndEmptyWeeksAreZeros() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        try ops.putFacility("refstad")
        try Self.arrivals(ops, at: ["2026-11-03T12:00:00Z", "2026-11-08T22:59:00Z", "2026-11-08T23:00:00Z", "2026-11-22T08:00:00Z"])
        let series = try ops.get("/v1/arrivals?from=2026-10-28&to=2026-11-22&bucket=week")
        let buckets = series["buckets"]?.arrayValue ?? []
        // The first week starts on the Monday before `from`; Sunday 8 November 23:00 UTC is Monday in Oslo.
        try #require(buckets.count == 4)
        #expect(buckets.map { $0["label"]?.stringValue } == ["2026-W44", "2026-W45", "2026-W46", "2026-W47"])
        #expect(buckets.map { $0["count"]?.intValue } == [0, 3, 4, 8])
        #expect(buckets.first?["start"]?.stringValue == "2026-10-26")
        #expect(buckets.first?["end"]?.stringValue == "2026-11-01")
        #expect(buckets.first?["by_category"] == [:])
        #expect(buckets[1]["by_category"] == ["adult": 3])
        // Whole weeks are counted, and the answer says which days that covers.
        #expect(series["from"]?.stringValue == "2026-10-26")
        #expect(series["to"]?.stringValue == "2026-11-22")
        #expect(series["total"]?.intValue == 15)
        let partial = try ops.get("/v1/arrivals?from=2026-11-02&to=2026-11-18&bucket=week")
        #expect(partial["to"]?.stringValue == "2026-11-22")
        // 2026 has 53 ISO weeks; 3 January 2027 is still in its last one.
        let newYear = try ops.get("/v1/arrivals?from=2026-12-28&to=2027-01-04&bucket=week")
        #expect(newYear["buckets"]?.arrayValue?.map { $0["label"]?.stringValue } == ["2026-W53", "2027-W01"])
        let days = try ops.get("/v1/arrivals?from=2026-11-01&to=2026-11-30")["buckets"]?.arrayValue ?? []
        #expect(days.count == 30)
        #expect(days.filter { $0["count"]?.intValue == 0 }.count == 26)
    }

    @Test func filtersAndTransfers() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        try ops.putFacility("refstad")
        try ops.putFacility("torshov", ["kind": "ordinary", "district": "sagene"])
        try ops.putFacility("sanner", ["kind": "minorReception", "district": nil])
        try ops.arrive("refstad", 10, ["at": "2026-11-20T10:00:00Z"])
        try ops.arrive("refstad", 4, ["category": "family", "at": "2026-11-20T10:00:00Z"])
        try ops.arrive("torshov", 3, ["category": "minor_15_17", "at": "2026-11-20T10:00:00Z"])
        try ops.arrive("sanner", 2, ["category": "minor_under_15", "at": "2026-11-20T10:00:00Z"])
        try ops.depart("refstad", 5, ["reason": "transferred", "to": "torshov", "at": "2026-11-21T10:00:00Z"])

        func series(_ filter: String) throws -> [Int64?] {
            try ops.get("/v1/arrivals?from=2026-11-20&to=2026-11-21\(filter)")["buckets"]?.arrayValue?.map { $0["count"]?.intValue } ?? []
        }
        // City-wide, a transfer is not an arrival; at the facility it is.
        #expect(try series("") == [19, 0])
        #expect(try series("&facility=torshov") == [3, 5])
        #expect(try series("&facility=refstad") == [14, 0])
        #expect(try series("&kind=ordinary") == [3, 0])
        #expect(try series("&kind=transit") == [14, 0])
        #expect(try series("&district=bjerke") == [14, 0])
        #expect(try series("&district=sagene") == [3, 0])
        #expect(try series("&category=family") == [4, 0])
        #expect(try series("&category=minor_under_15&kind=minorReception") == [2, 0])
        let city = try ops.get("/v1/arrivals?from=2026-11-20&to=2026-11-20")
        #expect(city["buckets"]?.arrayValue?.first?["by_category"] == [
            "adult": 10, "family": 4, "minor_15_17": 3, "minor_under_15": 2,
        ])
        let transfer = try ops.get("/v1/arrivals?from=2026-11-21&to=2026-11-21&facility=torshov")
        #expect(transfer["buckets"]?.arrayValue?.first?["by_category"] == ["other": 5])
    }

    static let badQueries: [(String, String)] = [
        ("from=2026-13-01", "from"),
        ("from=2026-02-30", "from"),
        ("to=i-morgen", "to"),
        ("from=2026-11-22&to=2026-11-01", "from"),
        ("from=2010-01-01&to=2026-11-22", "from"),
        ("bucket=month", "bucket"),
        ("kind=hotel", "kind"),
        ("category=child", "category"),
        ("fra=2026-11-01", "fra"),
    ]

    @Test(arguments: badQueries)
    func aBadArrivalQueryNamesTheParameter(_ query: String, _ field: String) throws {
        let harness = try DaemonHarness()
        expectError(try Session(harness).send("GET", "/v1/arrivals?\(query)"), 400, "invalid_field", field: field)
    }

    @Test func occupancyCarriesTheHeadCountForwardOverQuietDays() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        try ops.putFacility("refstad", ["capacity": 100, "blocked": 10])
        try ops.arrive("refstad", 30)
        // A minute later: records at one instant happen together, and the day's peak is a figure that was.
        harness.clock.advance(seconds: 60)
        try ops.depart("refstad", 10)
        harness.advance(hours: 72)
        try ops.headCount("refstad", 50)
        try ops.putFacility("torshov", ["kind": "ordinary", "capacity": 40])

        let series = try ops.get("/v1/occupancy?facility=refstad&from=2026-11-21&to=2026-11-26")
        let days = series["facilities"]?.arrayValue?.first?["days"]?.arrayValue ?? []
        try #require(days.count == 6)
        #expect(days.map { $0["date"]?.stringValue } == (21...26).map { "2026-11-\($0)" })
        #expect(days.map { $0["occupied"]?.intValue } == [0, 20, 20, 20, 50, 50])
        #expect(days.map { $0["peak"]?.intValue } == [0, 30, 20, 20, 50, 50])
        #expect(days.map { $0["available"]?.intValue } == [0, 90, 90, 90, 90, 90])
        #expect(days[1]["utilization"]?.doubleValue == 0.2222)
        #expect(days[0]["utilization"]?.isNull == true)
        #expect(series["total"]?.arrayValue?.map { $0["occupied"]?.intValue } == [0, 20, 20, 20, 50, 50])

        let city = try ops.get("/v1/occupancy?from=2026-11-24&to=2026-11-25")
        #expect(city["facilities"]?.arrayValue?.map { $0["facility"]?.stringValue } == ["refstad", "torshov"])
        #expect(city["total"]?.arrayValue?.map { $0["available"]?.intValue } == [90, 130])
        #expect(city["total"]?.arrayValue?.map { $0["occupied"]?.intValue } == [20, 50])

        expectError(try ops.send("GET", "/v1/occupancy?bucket=week"), 400, "invalid_field", field: "bucket")
        expectError(try ops.send("GET", "/v1/occupancy?facility=nowhere"), 404, "not_found")
        expectError(try ops.send("GET", "/v1/occupancy?from=2026-11-31"), 400, "invalid_field", field: "from")
    }

    /// Issue 18: a week of records between two head counts left the line flat and jumped on
    /// the day of the next count, and backdated records changed today's row, not their own
    /// day's. Each day now ends at what the head-count rule gives at the end of that day.
    @Test func recordsBetweenHeadCountsMoveTheLineOnTheirOwnDays() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        try ops.putFacility("refstad", ["capacity": 200])
        let day = { (date: String, time: String) -> JSONValue in .string("2026-11-\(date)T\(time):00Z") }
        #expect(try ops.headCount("refstad", 100, at: day("15", "08:00")).status == 201)
        for date in 16...20 { #expect(try ops.arrive("refstad", 10, ["at": day(String(date), "12:00")]).status == 201) }
        #expect(try ops.depart("refstad", 5, ["at": day("21", "12:00")]).status == 201)
        #expect(try ops.headCount("refstad", 140, at: day("22", "07:00")).json["occupied"]?.intValue == 140)
        // Entered late, dated before the last count: its own days move, today's does not (the count included them).
        #expect(try ops.arrive("refstad", 3, ["at": day("18", "15:00")]).json["occupied"]?.intValue == 140)

        let series = try ops.get("/v1/occupancy?facility=refstad&from=2026-11-14&to=2026-11-22")
        let days = series["facilities"]?.arrayValue?.first?["days"]?.arrayValue ?? []
        #expect(days.map { $0["occupied"]?.intValue } == [0, 100, 110, 120, 133, 143, 153, 148, 140])
        #expect(days.map { $0["peak"]?.intValue } == [0, 100, 110, 120, 133, 143, 153, 153, 148])
        // The facility's figure and the series' last day are the same rule.
        #expect(days.last?["occupied"] == (try ops.facility("refstad"))["occupied"])
        #expect(days.dropFirst().allSatisfy { $0["available"]?.intValue == 200 })
        #expect(series["total"]?.arrayValue?.map { $0["occupied"]?.intValue } == days.map { $0["occupied"]?.intValue })
    }

    /// The city's peak is the highest the total reached at one instant, not the sum of each
    /// facility's peak at different times.
    @Test func theTotalsPeakIsAFigureThatWas() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        try ops.putFacility("refstad")
        try ops.putFacility("torshov")
        try ops.arrive("refstad", 50, ["at": "2026-11-22T06:00:00Z"])
        try ops.depart("refstad", 50, ["at": "2026-11-22T07:00:00Z"])
        try ops.arrive("torshov", 40, ["at": "2026-11-22T08:00:00Z"])
        let total = try ops.get("/v1/occupancy?from=2026-11-22&to=2026-11-22")["total"]?.arrayValue?.first
        #expect(total?["occupied"]?.intValue == 40)
        #expect(total?["peak"]?.intValue == 50)
    }

    /// An import of last month's daily counts (what `/v1/imports/occupancy` is for) shows
    /// each count on the day it was taken, carried forward until the next.
    @Test func anImportedHistoryOfHeadCountsLandsOnTheDaysTheyWereTaken() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        try ops.putFacility("refstad")
        let imported = try ops.post("/v1/imports/occupancy", [
            "rows": [
                ["facility": "refstad", "occupied": 10, "at": "2026-11-01T12:00:00Z"],
                ["facility": "refstad", "occupied": 20, "at": "2026-11-10T12:00:00Z"],
            ],
        ])
        #expect(imported.status == 201)
        let days = try ops.get("/v1/occupancy?facility=refstad&from=2026-11-01&to=2026-11-22")["total"]?.arrayValue ?? []
        #expect(days.last?["occupied"]?.intValue == 20)
        #expect(days.first?["occupied"]?.intValue == 10)
        #expect(days.dropFirst(8).first?["occupied"]?.intValue == 10)
        #expect(days.dropFirst(9).first?["occupied"]?.intValue == 20)
    }
}
