import Testing

@testable import BeredskapCore

/// The scheduler's heap: earliest first, ties in scheduling order, replace and cancel by key,
/// checked against a naive model on random operations and at a million entries.
struct TimerHeapTests {
    static let start = Timestamp(millisecondsSinceEpoch: 1_800_000_000_000)

    static func at(_ seconds: Int64) -> Timestamp { start.adding(milliseconds: seconds * 1000) }

    /// Pops everything due by `instant`, as (key, value) in the order they come out.
    static func drain(_ heap: inout TimerHeap<String, Int>, until instant: Timestamp = .maximum) -> [String] {
        var keys: [String] = []
        while let entry = heap.popFirst(dueBy: instant) { keys.append(entry.key) }
        return keys
    }

    @Test func entriesComeOutEarliestFirst() {
        var heap = TimerHeap<String, Int>()
        for (key, seconds) in [("c", 30), ("a", 10), ("e", 50), ("b", 20), ("d", 40)] as [(String, Int64)] { heap.schedule(key, at: Self.at(seconds), 0) }
        #expect(heap.count == 5)
        #expect(heap.first?.key == "a")
        #expect(Self.drain(&heap) == ["a", "b", "c", "d", "e"])
        #expect(heap.isEmpty)
    }

    @Test func onlyWhatIsDueComesOut() {
        var heap = TimerHeap<String, Int>()
        heap.schedule("later", at: Self.at(60), 0)
        heap.schedule("now", at: Self.at(0), 0)
        #expect(heap.popFirst(dueBy: Self.at(-1)) == nil)
        #expect(Self.drain(&heap, until: Self.at(59)) == ["now"])
        #expect(heap.dueTime(of: "later") == Self.at(60))
        #expect(Self.drain(&heap, until: Self.at(60)) == ["later"])
    }

    @Test func schedulingAKeyAgainReplacesItsInstantAndValue() {
        var heap = TimerHeap<String, Int>()
        heap.schedule("a", at: Self.at(10), 1)
        heap.schedule("b", at: Self.at(20), 2)
        heap.schedule("c", at: Self.at(30), 3)
        heap.schedule("a", at: Self.at(40), 4)  // later
        heap.schedule("c", at: Self.at(5), 5)  // earlier
        #expect(heap.count == 3)
        #expect(heap.dueTime(of: "a") == Self.at(40))
        var popped: [(String, Int)] = []
        while let entry = heap.popFirst(dueBy: .maximum) { popped.append((entry.key, entry.value)) }
        #expect(popped.map(\.0) == ["c", "b", "a"])
        #expect(popped.map(\.1) == [5, 2, 4])
    }

    @Test func cancelRemovesOnlyThatKey() {
        var heap = TimerHeap<String, Int>()
        for (index, key) in ["a", "b", "c", "d", "e", "f", "g"].enumerated() { heap.schedule(key, at: Self.at(Int64(index)), index) }
        #expect(heap.cancel("a") == 0)  // the top
        #expect(heap.cancel("d") == 3)  // inside
        #expect(heap.cancel("g") == 6)  // the last
        #expect(heap.cancel("g") == nil)
        #expect(heap.cancel("never") == nil)
        #expect(heap.dueTime(of: "d") == nil)
        #expect(Self.drain(&heap) == ["b", "c", "e", "f"])
    }

    @Test func tiesComeOutInTheOrderTheyWereScheduled() {
        var heap = TimerHeap<String, Int>()
        for key in ["x", "y", "z", "w"] { heap.schedule(key, at: Self.at(10), 0) }
        heap.schedule("first", at: Self.at(9), 0)
        // Scheduled again: now the last of its instant.
        heap.schedule("y", at: Self.at(10), 0)
        #expect(Self.drain(&heap) == ["first", "x", "z", "w", "y"])
    }

    /// Random schedules, replacements, cancels and pops, each checked against a dictionary
    /// sorted on every look.
    @Test(arguments: [1, 2, 3, 42, 2026] as [UInt64])
    func randomOperationsAgreeWithANaiveModel(seed: UInt64) {
        var random = SplitMix(state: seed)
        var heap = TimerHeap<Int, Int>()
        var model: [Int: (at: Timestamp, order: Int, value: Int)] = [:]
        var order = 0
        func modelFirst() -> (key: Int, at: Timestamp, value: Int)? {
            model.min { ($0.value.at, $0.value.order) < ($1.value.at, $1.value.order) }.map { ($0.key, $0.value.at, $0.value.value) }
        }
        for step in 0..<5000 {
            let key = Int.random(in: 0..<200, using: &random)
            // Few distinct instants, so that ties are common.
            let at = Self.at(Int64.random(in: 0..<50, using: &random))
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<5:
                heap.schedule(key, at: at, step)
                model[key] = (at, order, step)
                order += 1
            case 5..<7:
                #expect(heap.cancel(key) == model.removeValue(forKey: key)?.value)
            default:
                let expected = modelFirst().flatMap { $0.at <= at ? $0 : nil }
                let popped = heap.popFirst(dueBy: at)
                #expect(popped?.key == expected?.key, "seed \(seed), step \(step)")
                #expect(popped?.value == expected?.value)
                if let expected { model[expected.key] = nil }
            }
            #expect(heap.count == model.count)
            #expect(heap.first?.key == modelFirst()?.key, "seed \(seed), step \(step)")
            #expect(heap.dueTime(of: key) == model[key]?.at)
        }
    }

    /// The deadline engine's scale: a million timers in, half cancelled, the rest out in order.
    @Test func aMillionEntriesAreScheduledCancelledAndDrainedInOrder() {
        let count = 1_000_000
        var random = SplitMix(state: 10)
        var heap = TimerHeap<Int, Int>()
        var instants = [Int64](repeating: 0, count: count)
        for key in 0..<count {
            instants[key] = Int64.random(in: 0..<(86_400 * 365), using: &random)
            heap.schedule(key, at: Self.at(instants[key]), key)
        }
        #expect(heap.count == count)
        for key in stride(from: 0, to: count, by: 2) { heap.cancel(key) }
        #expect(heap.count == count / 2)
        #expect(heap.dueTime(of: 0) == nil)
        #expect(heap.dueTime(of: 1) == Self.at(instants[1]))
        var previous = Timestamp.minimum
        var drained = 0
        var inOrder = true
        var onlyOdd = true
        while let entry = heap.popFirst(dueBy: .maximum) {
            inOrder = inOrder && previous <= entry.at
            onlyOdd = onlyOdd && entry.key % 2 == 1 && entry.at == Self.at(instants[entry.key])
            previous = entry.at
            drained += 1
        }
        #expect(inOrder)
        #expect(onlyOdd)
        #expect(drained == count / 2)
        #expect(heap.isEmpty)
    }
}
