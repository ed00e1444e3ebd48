/// A person's milestones by kind, at most one of each: what `PersonFacts` holds.
///
/// Why not a dictionary: the deadline engine evaluates every rule for every person when it
/// starts (200,000 persons at national scale) and whenever a day turns, and looking up
/// milestones is most of that work; a slot per kind makes each lookup an index, not a hash.
public struct MilestoneTimes: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    private var slots: [MilestoneTime?]

    public init() {
        slots = Array(repeating: nil, count: Milestone.allCases.count)
    }

    public init(_ times: [Milestone: MilestoneTime]) {
        self.init()
        for (milestone, time) in times { self[milestone] = time }
    }

    public init(dictionaryLiteral elements: (Milestone, MilestoneTime)...) {
        self.init()
        for (milestone, time) in elements { self[milestone] = time }
    }

    public subscript(milestone: Milestone) -> MilestoneTime? {
        get { slots[milestone.ordinal] }
        set { slots[milestone.ordinal] = newValue }
    }

    /// The milestones there are, in `Milestone.allCases` order.
    public var recorded: [(milestone: Milestone, time: MilestoneTime)] {
        zip(Milestone.allCases, slots).compactMap { milestone, time in time.map { (milestone, $0) } }
    }
}

extension Milestone {
    /// The position in `allCases` (a switch: no search, no hash).
    public var ordinal: Int {
        switch self {
        case .arrivedNorway: 0
        case .arrivedArrivalCentre: 1
        case .leftArrivalCentre: 2
        case .arrivedMunicipality: 3
        case .tbScreening: 4
        case .healthExam: 5
        case .schoolOffer: 6
        case .representativeAppointed: 7
        case .residenceGranted: 8
        case .settled: 9
        case .skillsMapping: 10
        case .introStarted: 11
        case .introEnded: 12
        case .disabilityGrantApplied: 13
        case .aftercareChosen: 14
        }
    }
}
