import BeredskapAPI
import BeredskapCore
import BeredskapStore

/// Every person's deadlines as the deadline engine holds them in memory: each person's facts
/// and evaluations, the counts per (rule, district, state), and the queue of the days on
/// which some person's evaluation changes by itself.
///
/// Why flat arrays of small values: at national scale (200,000 persons, 10 rules) a dictionary
/// or an object per person and rule would cost hundreds of megabytes and seconds to build; a
/// slot per person (16 bytes), 14 milestone days and 10 evaluations of 8 bytes each keep it
/// near 60 MB, and the counts are kept up to date as evaluations change, so the summary never
/// walks the persons. No I/O: the engine feeds it facts and days.
struct DeadlineBook: Sendable {
    /// One person: id, district, birth and flags. Slots are in id order (ids only grow).
    private struct Slot {
        var id: Int64
        /// Index into `districts`; 0 is "no district yet".
        var district: UInt16
        var flags: UInt8
        /// Days since the epoch of a known birth date, or the year of an estimated one.
        var birth: Int32
        /// The first day an evaluation of the person changes by itself; `noDay` when none does.
        var next: Int32
    }

    /// One rule's evaluation of one person.
    private struct Packed {
        var due: Int32
        var state: UInt8
        var late: Bool
    }

    /// Counts of one (rule, district) by state.
    struct Counts: Sendable, Equatable {
        var due = 0
        var dueSoon = 0
        var overdue = 0
        var met = 0
        /// Met, but after the due day.
        var metLate = 0

        var isEmpty: Bool { self == Counts() }

        fileprivate mutating func add(_ state: DeadlineState, late: Bool, _ step: Int) {
            switch state {
            case .notApplicable: return
            case .due: due += step
            case .dueSoon: dueSoon += step
            case .overdue: overdue += step
            case .met:
                met += step
                if late { metLate += step }
            }
        }
    }

    private static let noDay = Int32.max
    private static let noDate = Int32.min
    private static let alive: UInt8 = 1, estimatedBirth: UInt8 = 2, unaccompanied: UInt8 = 4, disability: UInt8 = 8
    private static let milestones = Milestone.allCases
    private static let states = DeadlineState.allCases

    private(set) var rules: [DeadlineRule]
    private(set) var today: CalendarDate
    private let calendar: LocalCalendar
    private var slots: [Slot] = []
    private var positions: [Int64: Int32] = [:]
    /// `milestones.count` days per slot, `noDate` for a milestone not there.
    private var milestoneDays: [Int32] = []
    /// `rules.count` evaluations per slot.
    private var evaluations: [Packed] = []
    /// District ids by index; index 0 is nil.
    private var districts: [String?] = [nil]
    private var districtIndex: [String: UInt16] = [:]
    /// `counts[rule][district]`.
    private var counts: [[Counts]]
    private var queue = DayQueue()
    /// Set when an overdue or due-soon count of a district changed (the counts the engine
    /// commits for the alerts); the engine clears it as it publishes.
    var publishedCountsChanged = false

    init(rules: [DeadlineRule], today: CalendarDate, calendar: LocalCalendar) {
        self.rules = rules
        self.today = today
        self.calendar = calendar
        counts = rules.map { _ in [Counts()] }
    }

    /// Persons followed (not erased).
    var personCount: Int { positions.count }

    /// The first day some evaluation changes by itself.
    var nextChange: CalendarDate? {
        mutating get {
            while let first = queue.first {
                if slots[Int(first.slot)].next == first.day { return CalendarDate(daysSinceEpoch: Int64(first.day)) }
                queue.popFirst()
            }
            return nil
        }
    }

    // MARK: - Changes

    /// Takes in a person's current facts (new or changed), evaluated on `today`.
    mutating func update(_ row: PersonDeadlineFacts) {
        let slot: Int
        if let position = positions[row.person] {
            slot = Int(position)
            count(slot, -1)
        } else {
            slot = append(row.person)
        }
        store(row, in: slot)
        evaluate(slot, facts: row.facts)
        count(slot, 1)
    }

    /// Forgets a person (erased): the counts no longer hold them.
    mutating func remove(_ person: Int64) {
        guard let position = positions.removeValue(forKey: person) else { return }
        let slot = Int(position)
        count(slot, -1)
        slots[slot].flags = 0
        slots[slot].next = Self.noDay
    }

    /// Moves to `day` and re-evaluates the persons whose evaluation changes by then.
    mutating func advance(to day: CalendarDate) {
        guard day >= today else { return }
        today = day
        let limit = Int32(clamping: day.daysSinceEpoch)
        while let first = queue.first, first.day <= limit {
            queue.popFirst()
            let slot = Int(first.slot)
            guard slots[slot].next == first.day else { continue }
            count(slot, -1)
            evaluate(slot)
            count(slot, 1)
        }
    }

    /// Evaluates everyone again under `rules` (a reload changed them) on `day`.
    mutating func replaceRules(_ rules: [DeadlineRule], on day: CalendarDate) {
        self.rules = rules
        today = max(today, day)
        counts = rules.map { _ in Array(repeating: Counts(), count: districts.count) }
        evaluations = Array(repeating: Packed(due: Self.noDate, state: 0, late: false), count: slots.count * rules.count)
        queue = DayQueue()
        publishedCountsChanged = true
        for slot in slots.indices where slots[slot].flags & Self.alive != 0 {
            evaluate(slot)
            count(slot, 1)
        }
    }

    private mutating func append(_ person: Int64) -> Int {
        slots.append(Slot(id: person, district: 0, flags: 0, birth: 0, next: Self.noDay))
        milestoneDays.append(contentsOf: repeatElement(Self.noDate, count: Self.milestones.count))
        evaluations.append(contentsOf: repeatElement(Packed(due: Self.noDate, state: 0, late: false), count: rules.count))
        positions[person] = Int32(slots.count - 1)
        return slots.count - 1
    }

    private mutating func store(_ row: PersonDeadlineFacts, in slot: Int) {
        var flags = Self.alive
        if row.facts.unaccompanied { flags |= Self.unaccompanied }
        if row.facts.disability { flags |= Self.disability }
        switch row.facts.birth {
        case .date(let date): slots[slot].birth = Int32(clamping: date.daysSinceEpoch)
        case .estimatedYear(let year):
            slots[slot].birth = Int32(clamping: year)
            flags |= Self.estimatedBirth
        }
        slots[slot].flags = flags
        slots[slot].district = intern(row.district)
        let base = slot * Self.milestones.count
        for (index, milestone) in Self.milestones.enumerated() {
            milestoneDays[base + index] = row.facts.milestones[milestone].map { Int32(clamping: $0.date.daysSinceEpoch) } ?? Self.noDate
        }
    }

    private mutating func intern(_ district: String?) -> UInt16 {
        guard let district else { return 0 }
        if let index = districtIndex[district] { return index }
        let index = UInt16(districts.count)
        districts.append(district)
        districtIndex[district] = index
        for rule in counts.indices { counts[rule].append(Counts()) }
        return index
    }

    /// The person's facts as the rules read them.
    private func facts(_ slot: Int) -> PersonFacts {
        let person = slots[slot]
        let birth: PersonBirth = person.flags & Self.estimatedBirth != 0
            ? .estimatedYear(Int(person.birth)) : .date(CalendarDate(daysSinceEpoch: Int64(person.birth)))
        var milestones = MilestoneTimes()
        let base = slot * Self.milestones.count
        for (index, milestone) in Self.milestones.enumerated() where milestoneDays[base + index] != Self.noDate {
            milestones[milestone] = MilestoneTime(date: CalendarDate(daysSinceEpoch: Int64(milestoneDays[base + index])))
        }
        return PersonFacts(
            birth: birth, unaccompanied: person.flags & Self.unaccompanied != 0, disability: person.flags & Self.disability != 0,
            milestones: milestones)
    }

    /// Evaluates every rule for the person on `today` and queues the next change (`facts`: the
    /// person's as just stored, if at hand).
    private mutating func evaluate(_ slot: Int, facts given: PersonFacts? = nil) {
        let facts = given ?? facts(slot)
        var next = Self.noDay
        for (index, rule) in rules.enumerated() {
            // Without its start milestone a rule does not apply, whatever else is there (the
            // shortcut skips most of the work for most persons and rules).
            guard facts.milestones[rule.start] != nil else {
                evaluations[slot * rules.count + index] = Packed(due: Self.noDate, state: 0, late: false)
                continue
            }
            let evaluation = DeadlineEvaluation(rule: rule, facts: facts, on: today, calendar: calendar)
            evaluations[slot * rules.count + index] = Packed(
                due: evaluation.dueDate.map { Int32(clamping: $0.daysSinceEpoch) } ?? Self.noDate,
                state: Self.index(of: evaluation.state), late: evaluation.late)
            if let change = evaluation.nextChange { next = min(next, Int32(clamping: change.daysSinceEpoch)) }
        }
        slots[slot].next = next
        if next != Self.noDay { queue.push(day: next, slot: Int32(slot)) }
    }

    private mutating func count(_ slot: Int, _ step: Int) {
        let district = Int(slots[slot].district)
        guard slots[slot].flags & Self.alive != 0 else { return }
        for rule in rules.indices {
            let packed = evaluations[slot * rules.count + rule]
            let state = Self.states[Int(packed.state)]
            counts[rule][district].add(state, late: packed.late, step)
            if state == .overdue || state == .dueSoon, district != 0 { publishedCountsChanged = true }
        }
    }

    private static func index(of state: DeadlineState) -> UInt8 {
        UInt8(states.firstIndex(of: state) ?? 0)
    }

    // MARK: - Reading

    /// One person's deadline with a rule, as the list shows it.
    struct Entry: Sendable, Equatable {
        var person: Int64
        var rule: String
        var state: DeadlineState
        var dueDate: CalendarDate?
        var late: Bool
        var district: String?
    }

    /// What the list shows: the states (none: overdue and due soon), one rule, one district.
    struct Filter: Sendable, Equatable {
        var states: Set<DeadlineState> = [.overdue, .dueSoon]
        var rule: String?
        /// nil: any district.
        var district: String?
        /// Persons after this id.
        var after: Int64?
        var limit = 100
    }

    /// A page of the list in person order, whole persons only: it ends before the person whose
    /// entries would take it past `limit` (a first person's are all shown). `next` is the last
    /// person shown when more may follow.
    func entries(_ filter: Filter) -> (entries: [Entry], next: Int64?) {
        let ruleIndex = filter.rule.flatMap { rule in rules.firstIndex { $0.id == rule } }
        if filter.rule != nil, ruleIndex == nil { return ([], nil) }
        let district = filter.district.map { districtIndex[$0] ?? UInt16.max }
        let wanted = Set(filter.states.map(Self.index(of:)))
        var start = 0
        if let after = filter.after {
            var low = 0, high = slots.count
            while low < high {
                let middle = (low + high) / 2
                if slots[middle].id <= after { low = middle + 1 } else { high = middle }
            }
            start = low
        }
        var entries: [Entry] = []
        var lastShown: Int64?
        for slot in start..<slots.count {
            let person = slots[slot]
            guard person.flags & Self.alive != 0, district.map({ $0 == person.district }) ?? true else { continue }
            var found: [Entry] = []
            for rule in rules.indices where ruleIndex.map({ $0 == rule }) ?? true {
                let packed = evaluations[slot * rules.count + rule]
                guard wanted.contains(packed.state) else { continue }
                found.append(Entry(
                    person: person.id, rule: rules[rule].id, state: Self.states[Int(packed.state)],
                    dueDate: packed.due == Self.noDate ? nil : CalendarDate(daysSinceEpoch: Int64(packed.due)), late: packed.late,
                    district: districts[Int(person.district)]))
            }
            guard !found.isEmpty else { continue }
            if !entries.isEmpty, entries.count + found.count > filter.limit { return (entries, lastShown) }
            entries += found
            lastShown = person.id
        }
        return (entries, nil)
    }

    /// One person's evaluation with each rule; nil for a person not followed.
    func deadlines(of person: Int64) -> [PersonDeadline]? {
        guard let position = positions[person] else { return nil }
        return rules.indices.map { rule in
            let packed = evaluations[Int(position) * rules.count + rule]
            return PersonDeadline(
                rule: rules[rule].id, state: Self.states[Int(packed.state)],
                dueDate: packed.due == Self.noDate ? nil : CalendarDate(daysSinceEpoch: Int64(packed.due)), late: packed.late)
        }
    }

    /// The counts of every (rule, district) that has any, in rule order and by district id
    /// (the persons without a district last).
    func summary() -> [(rule: String, district: String?, counts: Counts)] {
        var rows: [(rule: String, district: String?, counts: Counts)] = []
        for (index, rule) in rules.enumerated() {
            let districtRows = counts[index].enumerated().filter { !$0.element.isEmpty }.map { (districts[$0.offset], $0.element) }
            for (district, counts) in districtRows.sorted(by: { ($0.0 ?? "~") < ($1.0 ?? "~") }) {
                rows.append((rule.id, district, counts))
            }
        }
        return rows
    }

    /// The overdue count of every (rule, district) with a district that has any.
    func overdueCounts() -> [DeadlineCountKey: Int] {
        var result: [DeadlineCountKey: Int] = [:]
        for (index, rule) in rules.enumerated() {
            for (district, counts) in counts[index].enumerated() where district != 0 && counts.overdue > 0 {
                if let id = districts[district] { result[DeadlineCountKey(rule: rule.id, district: id)] = counts.overdue }
            }
        }
        return result
    }

    /// The persons of each district (with any) whose deadline with `rule` is due soon or
    /// overdue: what `grant_application_due` counts for the disability grant.
    func dueSoonOrOverdue(rule: String) -> [String: Int] {
        guard let index = rules.firstIndex(where: { $0.id == rule }) else { return [:] }
        var result: [String: Int] = [:]
        for (district, counts) in counts[index].enumerated() where district != 0 && counts.dueSoon + counts.overdue > 0 {
            if let id = districts[district] { result[id] = counts.dueSoon + counts.overdue }
        }
        return result
    }

    /// Every overdue deadline, with a district or without.
    var overdueTotal: Int { counts.reduce(0) { $0 + $1.reduce(0) { $0 + $1.overdue } } }
}

/// A min-queue of (day, slot) with stale entries left in and skipped on the way out (a slot's
/// entry counts only while its `next` is that day), so that re-queuing a person costs one push.
private struct DayQueue {
    struct Entry {
        var day: Int32
        var slot: Int32
    }

    private var heap: [Entry] = []

    var first: Entry? { heap.first }

    mutating func push(day: Int32, slot: Int32) {
        heap.append(Entry(day: day, slot: slot))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].day < heap[parent].day else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    mutating func popFirst() {
        guard !heap.isEmpty else { return }
        heap.swapAt(0, heap.count - 1)
        heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heap.count, heap[left].day < heap[smallest].day { smallest = left }
            if right < heap.count, heap[right].day < heap[smallest].day { smallest = right }
            guard smallest != parent else { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
