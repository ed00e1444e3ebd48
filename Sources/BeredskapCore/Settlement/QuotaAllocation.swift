/// How the city's settlement number is split between its districts: a preview the office can
/// explain to a district director, before it adopts quotas.
///
/// The model, precisely:
/// - `population(year)`: a district's share is its population on 1 January of `year` over the
///   city's. It is what Oslo has done for years.
/// - `weighted(criteria)`: each criterion is first turned into district shares that sum to 1.
///   `more_gets_more`: value ÷ sum of values. `less_gets_more`: the value reflected in the
///   range of values, (max + min − value) ÷ sum of those, so the district with the lowest value
///   gets what the highest would have got under `more_gets_more` and the spread between
///   districts is kept. (1 ÷ value was not chosen: it is undefined for a district at 0 and
///   hands a district near 0 almost everything.) A criterion whose values are all equal — or
///   all 0 — does not tell districts apart and gives each the same share. Weights are then
///   normalised to sum to 1, a district's share is Σ weight × criterion share, and each
///   criterion's contribution to it is its weight × criterion share, so the contributions of a
///   district add up to its share, and a weight of 0 changes nothing.
/// - Quotas are whole numbers by the largest-remainder method (`LargestRemainder`), summing
///   exactly to the total; `LargestRemainder.tieBreak` is the tie rule.
///
/// Districts are read in number order whatever order they are given in, so the same districts
/// always give the same answer.
public struct QuotaAllocation: Sendable, Equatable {
    /// The largest weight or criterion value taken: far above any real figure (a population, a
    /// share, a count of homes), and small enough that fifteen of them summed, or a weight times
    /// a value, stay finite and exact enough to split.
    public static let largestFigure = 1e12
    static let largestFigureText = "1000000000000"

    public enum Method: Sendable, Equatable {
        case population(year: Int)
        case weighted([AllocationCriterion])
    }

    /// One district's part.
    public struct Share: Sendable, Equatable {
        public var district: String
        public var number: Int
        public var name: String
        /// Of the city's number, 0…1.
        public var share: Double
        /// Share × total, to a billionth of a place.
        public var exact: Double
        public var quota: Int
        /// Each criterion's part of `share`, in the order of `criteria`.
        public var contributions: [Double]
    }

    /// A criterion as it was used: its values are the ones the shares were computed from, so
    /// an answer shows what each district was weighed by.
    public struct UsedCriterion: Sendable, Equatable, Codable {
        public var name: String
        /// Normalised: the weights sum to 1.
        public var weight: Double
        public var direction: AllocationDirection
        /// The year of reference data it took, if it took any.
        public var year: Int?
        public var values: [String: Double]

        public init(name: String, weight: Double, direction: AllocationDirection, year: Int?, values: [String: Double]) {
            self.name = name
            self.weight = weight
            self.direction = direction
            self.year = year
            self.values = values
        }
    }

    public var total: Int
    public var criteria: [UsedCriterion]
    /// In district number order.
    public var districts: [Share]

    /// Allocates `total` between `districts` by `method`; the first problem found, named by its
    /// field in the allocation request (`criteria[1].values.ullern`, `population_year`).
    ///
    /// A criterion taken from reference data without a year uses the latest year every
    /// district has that is not after `asOf` (the settlement year), or, when all are later,
    /// the earliest of them.
    public static func allocate(
        total: Int, districts: [District], method: Method, asOf: Int? = nil
    ) throws(FieldProblem) -> QuotaAllocation {
        guard (0...LargestRemainder.maximumTotal).contains(total) else {
            throw FieldProblem("total", Text(
                "expected an integer between 0 and \(LargestRemainder.maximumTotal)",
                nb: "forventet et heltall mellom 0 og \(LargestRemainder.maximumTotal)"))
        }
        let ordered = districts.sorted { ($0.number, $0.id) < ($1.number, $1.id) }
        guard !ordered.isEmpty else {
            throw FieldProblem("districts", Text("there are no districts to allocate to", nb: "det finnes ingen bydeler å fordele til"))
        }
        let criteria = try usedCriteria(method, ordered, asOf: asOf)
        let contributions = ordered.map { district in
            criteria.map { $0.weight * criterionShare($0, of: district.id, ordered) }
        }
        let shares = contributions.map { $0.reduce(0, +) }
        let units = shares.map { LargestRemainder.units(share: $0, total: total) }
        let quotas = LargestRemainder.apportion(total: total, exactUnits: units)
        return QuotaAllocation(
            total: total, criteria: criteria,
            districts: ordered.indices.map { index in
                Share(
                    district: ordered[index].id, number: ordered[index].number, name: ordered[index].name, share: shares[index],
                    exact: Double(units[index]) / Double(LargestRemainder.unitsPerSeat), quota: quotas[index],
                    contributions: contributions[index])
            })
    }

    /// A criterion's share for one district: its values made to sum to 1 in its direction.
    static func criterionShare(_ criterion: UsedCriterion, of district: String, _ districts: [District]) -> Double {
        let values = districts.map { criterion.values[$0.id] ?? 0 }
        let value = criterion.values[district] ?? 0
        let scores: [Double], score: Double
        switch criterion.direction {
        case .moreGetsMore:
            scores = values
            score = value
        case .lessGetsMore:
            let reflection = (values.max() ?? 0) + (values.min() ?? 0)
            scores = values.map { reflection - $0 }
            score = reflection - value
        }
        let sum = scores.reduce(0, +)
        return sum > 0 ? score / sum : 1 / Double(districts.count)
    }

    /// The criteria with their values resolved and checked and their weights normalised.
    static func usedCriteria(_ method: Method, _ districts: [District], asOf: Int?) throws(FieldProblem) -> [UsedCriterion] {
        switch method {
        case .population(let year):
            var values: [String: Double] = [:]
            for district in districts {
                guard let count = district.population[String(year)] else {
                    throw FieldProblem("population_year", Text(
                        "\(district.id) has no population for \(year)", nb: "\(district.id) har ikke folketall for \(year)"))
                }
                values[district.id] = Double(count)
            }
            guard values.values.contains(where: { $0 > 0 }) else {
                throw FieldProblem("population_year", Text(
                    "the population of \(year) is 0 in every district", nb: "folketallet for \(year) er 0 i alle bydeler"))
            }
            return [UsedCriterion(name: "population", weight: 1, direction: .moreGetsMore, year: year, values: values)]
        case .weighted(let criteria):
            return try weighted(criteria, districts, asOf: asOf)
        }
    }

    private static func weighted(
        _ criteria: [AllocationCriterion], _ districts: [District], asOf: Int?
    ) throws(FieldProblem) -> [UsedCriterion] {
        guard !criteria.isEmpty else {
            throw FieldProblem("criteria", Text("give at least one criterion", nb: "gi minst ett kriterium"))
        }
        var used: [UsedCriterion] = []
        for (index, criterion) in criteria.enumerated() {
            let field = "criteria[\(index)]"
            guard Slug.isValid(criterion.name) else {
                throw FieldProblem("\(field).name", Text(
                    "expected a name such as immigrant_share (lowercase letters, digits, -, _)",
                    nb: "forventet et navn som immigrant_share (små bokstaver, sifre, -, _)"))
            }
            guard !used.contains(where: { $0.name == criterion.name }) else {
                throw FieldProblem("\(field).name", Text(
                    "\(criterion.name) is given twice", nb: "\(criterion.name) er gitt to ganger"))
            }
            guard criterion.weight.isFinite, (0...Self.largestFigure).contains(criterion.weight) else {
                throw FieldProblem("\(field).weight", Text(
                    "expected a number from 0 to \(Self.largestFigureText)", nb: "forventet et tall fra 0 til \(Self.largestFigureText)"))
            }
            let (values, year) = try resolvedValues(criterion, field, districts, asOf: asOf)
            used.append(UsedCriterion(
                name: criterion.name, weight: criterion.weight, direction: criterion.direction, year: year, values: values))
        }
        let sum = used.reduce(0) { $0 + $1.weight }
        guard sum > 0 else {
            throw FieldProblem("criteria", Text("the weights are all 0: give one a weight above 0", nb: "alle vektene er 0: gi minst én en vekt over 0"))
        }
        return used.map { criterion in
            var normalised = criterion
            normalised.weight = criterion.weight / sum
            return normalised
        }
    }

    /// The values given, every district's and nothing else; or the districts' reference data.
    private static func resolvedValues(
        _ criterion: AllocationCriterion, _ field: String, _ districts: [District], asOf: Int?
    ) throws(FieldProblem) -> ([String: Double], Int?) {
        if let given = criterion.values {
            let known = Set(districts.map(\.id))
            if let unknown = given.keys.sorted().first(where: { !known.contains($0) }) {
                throw FieldProblem("\(field).values.\(unknown)", Text("no such district", nb: "ingen slik bydel"))
            }
            for district in districts {
                guard let value = given[district.id] else {
                    throw FieldProblem("\(field).values.\(district.id)", Text(
                        "a value is needed for every district", nb: "hver bydel trenger en verdi"))
                }
                guard value.isFinite, (0...Self.largestFigure).contains(value) else {
                    throw FieldProblem("\(field).values.\(district.id)", Text(
                        "expected a number from 0 to \(Self.largestFigureText)", nb: "forventet et tall fra 0 til \(Self.largestFigureText)"))
                }
            }
            return (given, nil)
        }
        guard let figure = AllocationCriterion.ReferenceFigure(rawValue: criterion.name) else {
            let names = AllocationCriterion.ReferenceFigure.allCases.map(\.rawValue).joined(separator: ", ")
            throw FieldProblem("\(field).values", Text(
                "give a value per district (only \(names) can be taken from the districts)",
                nb: "gi en verdi per bydel (bare \(names) kan hentes fra bydelene)"))
        }
        let figures = districts.map { figure.figures(of: $0) }
        let key: String
        if !figure.hasYears {
            key = ""
        } else if let year = criterion.year {
            key = String(year)
        } else {
            let common = figures.dropFirst().reduce(Set(figures.first.map { Array($0.keys) } ?? [])) { $0.intersection($1.keys) }
            let years = common.compactMap { Int($0) }
            guard let chosen = years.filter({ $0 <= asOf ?? Int.max }).max() ?? years.min() else {
                throw FieldProblem("\(field).year", Text(
                    "no year has \(figure.rawValue) for every district", nb: "ingen år har \(figure.rawValue) for alle bydeler"))
            }
            key = String(chosen)
        }
        var values: [String: Double] = [:]
        for (district, figures) in zip(districts, figures) {
            guard let value = figures[key] else {
                let when = key.isEmpty ? Text("", nb: "") : Text(" for \(key)", nb: " for \(key)")
                throw FieldProblem(figure.hasYears ? "\(field).year" : "\(field).values", Text(
                    "\(district.id) has no \(figure.rawValue)\(when.en)", nb: "\(district.id) har ikke \(figure.rawValue)\(when.nb)"))
            }
            values[district.id] = value
        }
        return (values, Int(key))
    }
}
