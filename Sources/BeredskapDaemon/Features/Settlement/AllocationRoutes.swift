import BeredskapAPI
import BeredskapCore
import BeredskapStore

/// The allocation preview, `POST /v1/settlement/years/{year}/allocation`: reads the districts
/// and the year, splits the number (`QuotaAllocation`) and answers; it writes nothing and
/// appends no event.
struct AllocationRoutes {
    let reads: StoreReads

    var routes: [Route] {
        [
            Route(Endpoints.SettlementYears.allocation) { context throws(APIError) in
                let number = try SettlementYearRoutes.yearParameter(context)
                let body = try context.decodeBody(AllocationRequest.self)
                let method = try Self.method(body, year: number)
                let (districts, year, adopted) = try reads.read { connection in
                    (try connection.districts(), try connection.settlementYear(number), try connection.quotaVersion(year: number))
                }
                let total: Int, source: String
                if let given = body.total {
                    (total, source) = (given, "request")
                } else if let decision = year?.councilDecision {
                    (total, source) = (decision, "council_decision")
                } else {
                    throw .invalidField("total", Text(
                        "\(number) has no council decision: give the number to split",
                        nb: "\(number) har ikke noe bystyrevedtak: gi tallet som skal fordeles"))
                }
                let allocation: QuotaAllocation
                do throws(FieldProblem) {
                    allocation = try QuotaAllocation.allocate(total: total, districts: districts, method: method, asOf: number)
                } catch {
                    throw .invalidField(error.field, error.problem)
                }
                return .json(
                    status: 200,
                    body: Self.response(allocation, year: number, method: body.method, source: source, adopted: adopted, context.language))
            }
        ]
    }

    /// The Core method of a request, refusing fields that belong to the other method.
    static func method(_ body: AllocationRequest, year: Int) throws(APIError) -> QuotaAllocation.Method {
        switch body.method {
        case .population:
            if body.criteria != nil {
                throw .invalidField("criteria", Text("only with method weighted", nb: "bare med metoden weighted"))
            }
            return .population(year: body.populationYear ?? year)
        case .weighted:
            if body.populationYear != nil {
                throw .invalidField("population_year", Text(
                    "only with method population (a weighted criterion named population takes a year)",
                    nb: "bare med metoden population (et vektet kriterium som heter population tar et år)"))
            }
            return .weighted((body.criteria ?? []).map { criterion in
                AllocationCriterion(
                    criterion.name, weight: criterion.weight, direction: criterion.direction, values: criterion.values,
                    year: criterion.year)
            })
        }
    }

    static func response(
        _ allocation: QuotaAllocation, year: Int, method: AllocationMethodName, source: String, adopted: QuotaVersion?,
        _ language: Language
    ) -> AllocationResponse {
        // A re-allocation during the year: what it would change against the quotas in force.
        let difference = adopted.map { version in
            QuotaDifference(
                adopted: version.quotas,
                proposed: Dictionary(allocation.districts.map { ($0.district, $0.quota) }) { first, _ in first },
                districts: allocation.districts.map(\.district))
        }
        let rows = Dictionary((difference?.rows ?? []).map { ($0.district, $0) }) { first, _ in first }
        var response = AllocationResponse(
            year: year, method: method, total: allocation.total, totalSource: source,
            tieBreak: LargestRemainder.tieBreak(language),
            criteria: allocation.criteria,
            districts: allocation.districts.map { share in
                AllocationResponse.DistrictShare(
                    district: share.district, number: share.number, name: share.name, share: share.share, exact: share.exact,
                    quota: share.quota,
                    contributions: Dictionary(zip(allocation.criteria.map(\.name), share.contributions)) { first, _ in first },
                    adoptedQuota: rows[share.district]?.adopted, differenceToAdopted: rows[share.district].flatMap { row in
                        row.adopted == nil ? nil : row.change
                    })
            })
        response.adoptedVersion = adopted?.version
        response.adoptedTotal = difference?.adoptedTotal
        return response
    }
}
