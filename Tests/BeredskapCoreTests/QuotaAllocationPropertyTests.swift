import BeredskapTestSupport
import Testing

@testable import BeredskapCore

/// The allocation's promises over many generated inputs (issue 11, item 9). Each seed gives
/// the same cases on every run, so a failure names the seed that reproduces it.
@Suite struct QuotaAllocationPropertyTests {
    static let seeds: [UInt64] = Array(1...300)

    /// A generated case: 1–15 districts with populations drawn from a small set (so ties are
    /// common) or a wide range, a total, and 1–4 weighted criteria with values.
    struct Case {
        var districts: [District]
        var total: Int
        var criteria: [AllocationCriterion]

        init(seed: UInt64) {
            var random = SplitMix64(seed: seed)
            let count = Int.random(in: 1...15, using: &random)
            let ties = Bool.random(using: &random)
            let numbers = Array(1...15).shuffled(using: &random).prefix(count)
            districts = numbers.map { number in
                let population = ties ? [1000, 2000, 2000, 5000].randomElement(using: &random)! : Int.random(in: 0...120_000, using: &random)
                return District(id: "d\(number)", number: number, name: "D\(number)", population: ["2016": population])
            }
            if districts.allSatisfy({ $0.population["2016"] == 0 }) { districts[0].population["2016"] = 1 }
            total = Int.random(in: 0...3000, using: &random)
            let ids = districts.map(\.id)
            criteria = (0..<Int.random(in: 1...4, using: &random)).map { index in
                let values = Dictionary(uniqueKeysWithValues: ids.map { ($0, Double(Int.random(in: 0...40, using: &random)) / 4) })
                return AllocationCriterion(
                    "c\(index)", weight: Double(Int.random(in: 1...10, using: &random)) / 2,
                    direction: Bool.random(using: &random) ? .moreGetsMore : .lessGetsMore, values: values)
            }
        }

        func allocate(_ method: QuotaAllocation.Method, districts: [District]? = nil) throws -> QuotaAllocation {
            try QuotaAllocation.allocate(total: total, districts: districts ?? self.districts, method: method)
        }
    }

    @Test(arguments: seeds)
    func quotasSumExactlyToTheTotalAndStayWithinAPlaceOfTheExactShare(_ seed: UInt64) throws {
        let generated = Case(seed: seed)
        for method in [QuotaAllocation.Method.population(year: 2016), .weighted(generated.criteria)] {
            let allocation = try generated.allocate(method)
            #expect(allocation.districts.map(\.quota).reduce(0, +) == generated.total, "seed \(seed)")
            for share in allocation.districts {
                let whole = Int(share.exact.rounded(.down))
                #expect(share.quota == whole || share.quota == whole + 1, "seed \(seed)")
                #expect(abs(share.contributions.reduce(0, +) - share.share) < 1e-12, "seed \(seed)")
            }
        }
    }

    @Test(arguments: seeds)
    func aDistrictWithMorePopulationNeverGetsFewer(_ seed: UInt64) throws {
        let generated = Case(seed: seed)
        let allocation = try generated.allocate(.population(year: 2016))
        let population = Dictionary(uniqueKeysWithValues: generated.districts.map { ($0.id, $0.population["2016"] ?? 0) })
        for a in allocation.districts {
            for b in allocation.districts where population[a.district]! > population[b.district]! {
                #expect(a.quota >= b.quota, "seed \(seed): \(a.district) \(b.district)")
            }
        }
    }

    @Test(arguments: seeds)
    func theSameDistrictsInAnyOrderGiveTheSameAnswer(_ seed: UInt64) throws {
        let generated = Case(seed: seed)
        var random = SplitMix64(seed: seed ^ 0xA11C)
        for method in [QuotaAllocation.Method.population(year: 2016), .weighted(generated.criteria)] {
            let first = try generated.allocate(method)
            #expect(try generated.allocate(method) == first, "seed \(seed)")
            #expect(try generated.allocate(method, districts: generated.districts.shuffled(using: &random)) == first, "seed \(seed)")
        }
    }

    @Test(arguments: seeds)
    func scalingEveryWeightChangesNothing(_ seed: UInt64) throws {
        let generated = Case(seed: seed)
        let first = try generated.allocate(.weighted(generated.criteria))
        for factor in [0.5, 3, 7.25, 1000] {
            let scaled = generated.criteria.map { criterion in
                var criterion = criterion
                criterion.weight *= factor
                return criterion
            }
            let again = try generated.allocate(.weighted(scaled))
            #expect(again.districts.map(\.quota) == first.districts.map(\.quota), "seed \(seed) × \(factor)")
            #expect(zip(again.districts, first.districts).allSatisfy { abs($0.share - $1.share) < 1e-12 }, "seed \(seed)")
        }
    }

    @Test(arguments: seeds)
    func aCriterionWeighingZeroHasNoEffect(_ seed: UInt64) throws {
        let generated = Case(seed: seed)
        let without = try generated.allocate(.weighted(generated.criteria))
        var random = SplitMix64(seed: seed ^ 0x2E50)
        let ignored = AllocationCriterion(
            "ignored", weight: 0, direction: .lessGetsMore,
            values: Dictionary(uniqueKeysWithValues: generated.districts.map { ($0.id, Double.random(in: 0...100, using: &random)) }))
        var criteria = generated.criteria
        criteria.insert(ignored, at: Int.random(in: 0...criteria.count, using: &random))
        let with = try generated.allocate(.weighted(criteria))
        #expect(with.districts.map(\.quota) == without.districts.map(\.quota), "seed \(seed)")
        #expect(with.districts.map(\.share) == without.districts.map(\.share), "seed \(seed)")
    }
}
