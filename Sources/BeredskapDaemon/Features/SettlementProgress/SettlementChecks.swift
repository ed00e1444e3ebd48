import BeredskapAPI
import BeredskapCore
import BeredskapJSON
import BeredskapStore

/// The checks the settlement routes share: a year in the path, a record's fields.
enum SettlementChecks {
    /// Years the office plans for; anything else is a typo.
    static let years: ClosedRange<Int> = 1900...2200
    /// Persons in one record at most (a large import row of a month, not a typo of 10 000).
    static let maximumCount = 5000

    /// `{year}` in the path.
    static func year(_ context: RequestContext) throws(APIError) -> Int {
        guard let text = context.parameters["year"], let year = Int(text), years.contains(year) else {
            throw .invalidField(
                "year", Text("expected a year between \(years.lowerBound) and \(years.upperBound)",
                             nb: "forventet et årstall mellom \(years.lowerBound) og \(years.upperBound)"))
        }
        return year
    }

    /// A record as it will be stored, or the first problem with it: a district the city has,
    /// 1…5000 persons, a date not after `today` (the daemon's time zone), a quota year at most
    /// one year from the date's (persons settled in January may count towards last year's quota).
    static func record(_ body: SettlementRecordBody, districts: Set<String>, today: CalendarDate) throws(FieldProblem)
        -> SettlementRecordInput
    {
        guard districts.contains(body.district) else { throw unknownDistrict(body.district, known: districts) }
        guard (1...maximumCount).contains(body.count) else {
            throw FieldProblem("count", Text("expected an integer between 1 and \(maximumCount)", nb: "forventet et heltall mellom 1 og \(maximumCount)"))
        }
        guard body.date <= today else {
            throw FieldProblem("date", Text("\(body.date) is after today (\(today))", nb: "\(body.date) er etter i dag (\(today))"))
        }
        if let year = body.year, !(body.date.year - 1...body.date.year + 1).contains(year) {
            throw FieldProblem("year", Text(
                "expected the date's year or the one before or after (\(body.date.year - 1)–\(body.date.year + 1))",
                nb: "forventet datoens år eller året før eller etter (\(body.date.year - 1)–\(body.date.year + 1))"))
        }
        if let caseID = body.case, caseID < 1 {
            throw FieldProblem("case", Text("expected a positive integer", nb: "forventet et positivt heltall"))
        }
        return SettlementRecordInput(
            district: body.district, date: body.date, year: body.year, count: body.count, mode: body.mode, caseID: body.case)
    }

    static func unknownDistrict(_ id: String, known: Set<String>) -> FieldProblem {
        FieldProblem("district", Text(
            "no district '\(id)' (beredskap districts lists them)", nb: "ingen bydel «\(id)» (beredskap districts viser dem)"))
    }

    /// 400 for quotas that cannot be adopted: the first problem named, the others' fields in the
    /// message, and every one listed in `details.problems`.
    static func quotaProblems(_ problems: [FieldProblem]) -> APIError {
        let first = problems[0]
        var error = APIError.invalidField(first.field, first.problem)
        if problems.count > 1 {
            // The message names them all, so a person sees every district to fix at once.
            let others = problems.dropFirst().map(\.field).joined(separator: ", ")
            error.message = error.message + Text("; also \(others)", nb: "; også \(others)")
            error.details["problems"] = .array(problems.map { problem in
                .object(JSONObject([
                    ("field", .string(problem.field)), ("message", .string(problem.problem.en)),
                    ("message_nb", .string(problem.problem.nb)),
                ]))
            })
        }
        return error
    }
}
