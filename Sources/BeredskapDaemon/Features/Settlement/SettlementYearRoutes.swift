import BeredskapAPI
import BeredskapCore
import BeredskapSQLite
import BeredskapStore

/// Settlement years: `PUT /v1/settlement/years/{year}`, `GET /v1/settlement/years` and
/// `GET /v1/settlement/years/{year}`.
struct SettlementYearRoutes {
    let reads: StoreReads

    var routes: [Route] {
        [
            Route(Endpoints.SettlementYears.putYear) { context throws(APIError) in
                let number = try Self.yearParameter(context)
                let body = try context.decodeBody(SettlementYearBody.self)
                let note = body.note?.trimmingCharacters(in: .whitespacesAndNewlines)
                let year = SettlementYear(
                    year: number, imdiRequest: body.imdiRequest, imdiRequestMinors: body.imdiRequestMinors,
                    councilDecision: body.councilDecision, councilDecisionMinors: body.councilDecisionMinors,
                    note: note?.isEmpty == true ? nil : note)
                if let problem = year.problem() { throw .invalidField(problem.field, problem.problem) }
                return .mutation { transaction in
                    if let existing = try transaction.connection.settlementYear(number), existing == year {
                        let seq = try transaction.connection.settlementYearSeq(number) ?? 0
                        return try CommandReply.json(
                            status: 200, SettlementYearChanged(year: SettlementYearResource(year), changed: false, eventSeq: seq))
                    }
                    let event = try transaction.appendEvent(
                        SettlementYearEvents.yearSet, SettlementYearEvents.YearSet(year), subject: "settlement/\(number)")
                    try transaction.saveSettlementYear(year, seq: event.seq)
                    return try CommandReply.json(
                        status: 200, SettlementYearChanged(year: SettlementYearResource(year), changed: true, eventSeq: event.seq))
                }
            },
            Route(Endpoints.SettlementYears.years) { _ throws(APIError) in
                .json(status: 200, body: SettlementYearList(years: try reads.read { try $0.settlementYears() }.map(SettlementYearResource.init)))
            },
            Route(Endpoints.SettlementYears.year) { context throws(APIError) in
                let number = try Self.yearParameter(context)
                guard let year = try reads.read({ try $0.settlementYear(number) }) else { throw Self.unknown(number) }
                return .json(status: 200, body: SettlementYearResource(year))
            },
        ]
    }

    /// The `{year}` of the path: a year the API keeps (1990–2200).
    static func yearParameter(_ context: RequestContext) throws(APIError) -> Int {
        guard let text = context.parameters["year"], text.count == 4, let year = Int(text), SettlementYear.years.contains(year) else {
            let years = SettlementYear.years
            throw .invalidField("year", Text(
                "expected a year between \(years.lowerBound) and \(years.upperBound)",
                nb: "forventet et år mellom \(years.lowerBound) og \(years.upperBound)"))
        }
        return year
    }

    static func unknown(_ year: Int) -> APIError {
        .notFound(Text(
            "no settlement year \(year); 'beredskap settlement history' lists them",
            nb: "ikke noe bosettingsår \(year); «beredskap settlement history» viser dem"))
    }
}
