import Testing

@testable import BeredskapCore

/// The allocation preview by hand: small cases whose answer can be worked out on paper, the
/// 2016 split against the seed's table, and every refused input naming its field.
@Suite struct QuotaAllocationTests {
    static func districts(_ populations: [Int], year: String = "2016") -> [District] {
        populations.enumerated().map { index, count in
            District(id: "d\(index + 1)", number: index + 1, name: "D\(index + 1)", population: [year: count])
        }
    }

    /// Oslo on 1 January 2016 (DOMAIN.md, "Reference figures"), with the 2014/2015 figures of
    /// the 2016 strategy's table.
    static let oslo2016: [District] = {
        let population: [Int] = [51_444, 56_283, 41_566, 37_263, 57_010, 32_757, 47_885, 49_781, 30_937, 27_419, 32_153, 49_224, 49_821, 50_082, 38_405]
        let immigrantShare2015: [Double] = [29.9, 28.8, 20.4, 23.7, 25.0, 15.5, 14.9, 15.1, 30.7, 32.9, 34.5, 34.3, 17.6, 13.5, 34.2]
        return District.oslo.enumerated().map { index, district in
            var district = district
            district.population = ["2016": population[index]]
            district.immigrantShare = ["2015": immigrantShare2015[index]]
            return district
        }
    }()

    @Test func thePopulationMethodSplitsByPopulationAndGivesTheRestToTheLargestRemainders() throws {
        // 600 × 1/6 = 100, 600 × 2/6 = 200, 600 × 3/6 = 300: exact, no remainder.
        let even = try QuotaAllocation.allocate(total: 600, districts: Self.districts([1, 2, 3]), method: .population(year: 2016))
        #expect(even.districts.map(\.quota) == [100, 200, 300])
        #expect(even.districts.map(\.exact) == [100, 200, 300])
        // 10 × 0.15 = 1.5, 10 × 0.25 = 2.5, 10 × 0.6 = 6: two seats by whole parts (1, 2, 6 = 9),
        // the last to 2.5 over 1.5: equal remainders, the larger exact share wins.
        let halves = try QuotaAllocation.allocate(total: 10, districts: Self.districts([15, 25, 60]), method: .population(year: 2016))
        #expect(halves.districts.map(\.quota) == [1, 3, 6])
    }

    @Test func anExactTieGoesToTheLowerDistrictNumber() throws {
        // 10 ÷ 3 = 3.333… each: the one seat left goes to district 1, whatever order they come in.
        let districts = Self.districts([5, 5, 5])
        for order in [districts, districts.reversed(), [districts[1], districts[2], districts[0]]] {
            let allocation = try QuotaAllocation.allocate(total: 10, districts: order, method: .population(year: 2016))
            #expect(allocation.districts.map(\.district) == ["d1", "d2", "d3"])
            #expect(allocation.districts.map(\.quota) == [4, 3, 3])
        }
    }

    /// The seed's table (2016 strategy, "Bosetting pr. 01.09.2016") gives 2016's quotas of 1000:
    /// 78 85 62 58 87 50 75 78 47 42 49 76 77 77 59. Splitting 1000 by the population of
    /// 1 January 2016 gives no district more than 2 places away from them (Sagene and Nordre
    /// Aker); the city presumably used an earlier year's population.
    @Test func theSplitOf2016ByPopulationIsWithinTwoOfTheSeedsQuotas() throws {
        let allocation = try QuotaAllocation.allocate(total: 1000, districts: Self.oslo2016, method: .population(year: 2016))
        let expected: [Int] = [79, 86, 64, 57, 87, 50, 74, 76, 48, 42, 49, 76, 76, 77, 59]
        #expect(allocation.districts.map(\.quota) == expected)
        let seed: [Int] = [78, 85, 62, 58, 87, 50, 75, 78, 47, 42, 49, 76, 77, 77, 59]
        #expect(zip(allocation.districts.map(\.quota), seed).allSatisfy { abs($0 - $1) <= 2 })
        #expect(allocation.districts.first?.exact == 78.898_210_205)
    }

    @Test func lessGetsMoreReflectsTheValuesInTheirRange() throws {
        // Values 10, 20, 30 → 40 − value = 30, 20, 10 → shares 1/2, 1/3, 1/6.
        let criterion = AllocationCriterion("immigrant_share", weight: 1, direction: .lessGetsMore, values: ["d1": 10, "d2": 20, "d3": 30])
        let allocation = try QuotaAllocation.allocate(total: 60, districts: Self.districts([1, 1, 1]), method: .weighted([criterion]))
        #expect(allocation.districts.map(\.quota) == [30, 20, 10])
        // All equal: the criterion tells no district apart, so each gets the same.
        let flat = AllocationCriterion("capacity", weight: 1, direction: .lessGetsMore, values: ["d1": 4, "d2": 4, "d3": 4])
        let even = try QuotaAllocation.allocate(total: 60, districts: Self.districts([1, 1, 1]), method: .weighted([flat]))
        #expect(even.districts.map(\.quota) == [20, 20, 20])
    }

    @Test func eachCriterionsContributionAddsUpToTheShare() throws {
        // Population 1:3 (shares 1/4, 3/4) with weight 3, housing 1:1 (1/2, 1/2) with weight 1:
        // weights 3/4 and 1/4 → district 1: 3/16 + 2/16 = 5/16, district 2: 9/16 + 2/16 = 11/16.
        let criteria = [
            AllocationCriterion("population", weight: 3, year: 2016),
            AllocationCriterion("housing", weight: 1, values: ["d1": 7, "d2": 7]),
        ]
        let allocation = try QuotaAllocation.allocate(total: 16, districts: Self.districts([100, 300]), method: .weighted(criteria))
        #expect(allocation.criteria.map(\.weight) == [0.75, 0.25])
        #expect(allocation.criteria.first?.year == 2016)
        let contributions: [[Double]] = [[3.0 / 16, 2.0 / 16], [9.0 / 16, 2.0 / 16]]
        let shares: [Double] = [5.0 / 16, 11.0 / 16]
        #expect(allocation.districts.map(\.contributions) == contributions)
        #expect(allocation.districts.map(\.share) == shares)
        #expect(allocation.districts.map(\.quota) == [5, 11])
    }

    @Test func referenceDataWithoutAYearTakesTheLatestNotAfterTheSettlementYear() throws {
        var districts = Self.districts([10, 30])
        districts[0].population["2020"] = 30
        districts[1].population["2020"] = 10
        let criteria = [AllocationCriterion("population", weight: 1)]
        let in2017 = try QuotaAllocation.allocate(total: 4, districts: districts, method: .weighted(criteria), asOf: 2017)
        #expect(in2017.criteria.first?.year == 2016)
        #expect(in2017.districts.map(\.quota) == [1, 3])
        let in2021 = try QuotaAllocation.allocate(total: 4, districts: districts, method: .weighted(criteria), asOf: 2021)
        #expect(in2021.criteria.first?.year == 2020)
        let in2010 = try QuotaAllocation.allocate(total: 4, districts: districts, method: .weighted(criteria), asOf: 2010)
        #expect(in2010.criteria.first?.year == 2016, "all later: the earliest")
    }

    @Test func theSeedsWeightedModelRunsOnReferenceDataAlone() throws {
        // Immigrant share (less gets more, weight 2) and population (weight 1), with the latest
        // year every district has: the west (Vestre Aker, Nordstrand) gets more than by
        // population alone, Stovner and Alna fewer, as the strategy says it would.
        let criteria = [
            AllocationCriterion("immigrant_share", weight: 2, direction: .lessGetsMore),
            AllocationCriterion("population", weight: 1),
        ]
        let weighted = try QuotaAllocation.allocate(total: 1000, districts: Self.oslo2016, method: .weighted(criteria))
        let byPopulation = try QuotaAllocation.allocate(total: 1000, districts: Self.oslo2016, method: .population(year: 2016))
        #expect(weighted.criteria.map(\.year) == [2015, 2016])
        #expect(weighted.districts.map(\.quota).reduce(0, +) == 1000)
        func quota(_ allocation: QuotaAllocation, _ id: String) -> Int? { allocation.districts.first { $0.district == id }?.quota }
        #expect(quota(weighted, "vestre-aker")! > quota(byPopulation, "vestre-aker")!)
        #expect(quota(weighted, "stovner")! < quota(byPopulation, "stovner")!)
    }

    static let refused: [(QuotaAllocation.Method, Int, String)] = {
        let all = ["d1": 1.0, "d2": 2.0]
        return [
            (.weighted([]), 10, "criteria"),
            (.weighted([AllocationCriterion("capacity", weight: -1, values: all)]), 10, "criteria[0].weight"),
            (.weighted([AllocationCriterion("capacity", weight: .nan, values: all)]), 10, "criteria[0].weight"),
            (.weighted([AllocationCriterion("capacity", weight: 0, values: all), AllocationCriterion("housing", weight: 0, values: all)]), 10, "criteria"),
            (.weighted([AllocationCriterion("capacity", weight: 1, values: all), AllocationCriterion("housing", weight: 1, values: ["d1": 1])]), 10, "criteria[1].values.d2"),
            (.weighted([AllocationCriterion("capacity", weight: 1, values: ["d1": 1, "d2": -1])]), 10, "criteria[0].values.d2"),
            // Figures so large that their sums overflow would split nothing sensibly.
            (.weighted([AllocationCriterion("capacity", weight: 1e308, values: all)]), 10, "criteria[0].weight"),
            (.weighted([AllocationCriterion("capacity", weight: 1, values: ["d1": 1, "d2": 1e308])]), 10, "criteria[0].values.d2"),
            (.weighted([AllocationCriterion("capacity", weight: 1, values: ["d1": 1, "d2": 1, "ullern": 1])]), 10, "criteria[0].values.ullern"),
            (.weighted([AllocationCriterion("intro_results", weight: 1)]), 10, "criteria[0].values"),
            (.weighted([AllocationCriterion("population", weight: 1, year: 2015)]), 10, "criteria[0].year"),
            (.weighted([AllocationCriterion("immigrant_share", weight: 1)]), 10, "criteria[0].year"),
            (.weighted([AllocationCriterion("housing", weight: 1)]), 10, "criteria[0].values"),
            (.weighted([AllocationCriterion("Capacity!", weight: 1, values: all)]), 10, "criteria[0].name"),
            (.weighted([AllocationCriterion("capacity", weight: 1, values: all), AllocationCriterion("capacity", weight: 1, values: all)]), 10, "criteria[1].name"),
            (.population(year: 2015), 10, "population_year"),
            (.population(year: 2016), -1, "total"),
            (.population(year: 2016), 2_000_000, "total"),
        ]
    }()

    @Test(arguments: 0..<refused.count)
    func badInputNamesTheField(_ index: Int) {
        let (method, total, field) = Self.refused[index]
        #expect(Self.problem(total: total, method: method)?.field == field)
    }

    static func problem(total: Int, method: QuotaAllocation.Method) -> FieldProblem? {
        do {
            _ = try QuotaAllocation.allocate(total: total, districts: districts([10, 20]), method: method)
            return nil
        } catch {
            return error
        }
    }

    @Test func aYearWithoutPopulationNamesTheDistrict() {
        var districts = Self.districts([10, 20])
        districts[1].population = ["2015": 20]
        #expect(throws: FieldProblem("population_year", Text("d2 has no population for 2016", nb: "d2 har ikke folketall for 2016"))) {
            try QuotaAllocation.allocate(total: 10, districts: districts, method: .population(year: 2016))
        }
        #expect(throws: FieldProblem.self) {
            try QuotaAllocation.allocate(total: 10, districts: Self.districts([0, 0]), method: .population(year: 2016))
        }
    }
}
