/// One legal or agreed deadline the office tracks for each person (DOMAIN.md, "Compliance
/// deadlines the daemon tracks"): when it starts, when it falls due, whom it concerns and
/// what meets it. A value, so that the daemon can take the table from configuration and
/// re-evaluate everyone when it changes.
public struct DeadlineRule: Sendable, Hashable, Identifiable {
    /// When the rule falls due.
    public enum Due: Sendable, Hashable {
        /// A time after the start.
        case after(DeadlineDuration)
        /// On the day before `milestone` (strictly before it, as DOMAIN.md says of skills
        /// mapping before the introduction programme), and at the latest `atLatest` after
        /// the start, so that a programme that starts late or not at all does not postpone it.
        case before(Milestone, atLatest: DeadlineDuration)
        /// On the birthday the person turns this age (`PersonBirth.birthday(turning:)`, with its
        /// 29-February convention): a transition the office must prepare, such as an
        /// unaccompanied minor's choice at 18.
        case atAge(Int)
    }

    /// Whom a rule concerns, judged on the start milestone's day.
    public enum Condition: Sendable, Hashable {
        /// Age in whole years from `from` through `through` (inclusive); no upper bound when nil.
        case age(from: Int, through: Int?)
        case unaccompanied
        case disability
    }

    /// The API's name for the rule (`tb_screening`).
    public var id: String
    public var start: Milestone
    public var due: Due
    /// All must hold for the rule to apply.
    public var conditions: [Condition]
    public var metBy: Milestone
    /// How many days up to and including the due day count as `due_soon`; 0: none do.
    public var dueSoonDays: Int

    public init(id: String, start: Milestone, due: Due, conditions: [Condition] = [], metBy: Milestone, dueSoonDays: Int) {
        self.id = id
        self.start = start
        self.due = due
        self.conditions = conditions
        self.metBy = metBy
        self.dueSoonDays = dueSoonDays
    }

    /// Whether the rule concerns a person whose start milestone fell on `startDate`.
    func applies(to facts: PersonFacts, startingOn startDate: CalendarDate) -> Bool {
        conditions.allSatisfy { condition in
            switch condition {
            case .age(let from, let through):
                let age = facts.birth.age(on: startDate)
                return age >= from && through.map { age <= $0 } ?? true
            case .unaccompanied: return facts.unaccompanied
            case .disability: return facts.disability
            }
        }
    }
}

extension DeadlineRule {
    /// Minors are under 18 on the day that counts.
    static let minor = Condition.age(from: 0, through: 17)
    static let adult = Condition.age(from: 18, through: nil)
    /// The introduction programme is for refugees aged 18–55 (integreringsloven; the seed's
    /// "i alderen 18-55 år"), and so is the skills mapping done before it.
    static let introductionAges = Condition.age(from: 18, through: 55)

    /// DOMAIN.md's table, less the two rows that are not about a person (the municipal lease
    /// review and the district settlement progress belong to settlement). Who each applies
    /// to follows the sources: the school offer is for ages 6–16 (opplæringslova, "skolepliktig
    /// alder (6 – 16 år)"), settlement within 3 months is IMDi's target for unaccompanied
    /// minors ("EM"; children in families settle with their parents, under the adults' rule
    /// only through them), within 6 months for adults.
    public static let defaults: [DeadlineRule] = [
        DeadlineRule(
            id: "arrival_centre_stay", start: .arrivedArrivalCentre, due: .after(.hours(48)),
            metBy: .leftArrivalCentre, dueSoonDays: 1),
        DeadlineRule(id: "tb_screening", start: .arrivedNorway, due: .after(.days(14)), metBy: .tbScreening, dueSoonDays: 3),
        DeadlineRule(id: "health_exam", start: .arrivedNorway, due: .after(.months(3)), metBy: .healthExam, dueSoonDays: 14),
        DeadlineRule(
            id: "school_offer", start: .arrivedMunicipality, due: .after(.months(1)),
            conditions: [.age(from: 6, through: 16)], metBy: .schoolOffer, dueSoonDays: 7),
        // "Immediately": by the end of the day after arrival.
        DeadlineRule(
            id: "representative", start: .arrivedNorway, due: .after(.days(1)), conditions: [.unaccompanied, minor],
            metBy: .representativeAppointed, dueSoonDays: 1),
        DeadlineRule(
            id: "minor_settled", start: .residenceGranted, due: .after(.months(3)), conditions: [.unaccompanied, minor],
            metBy: .settled, dueSoonDays: 14),
        DeadlineRule(
            id: "adult_settled", start: .residenceGranted, due: .after(.months(6)), conditions: [adult], metBy: .settled,
            dueSoonDays: 30),
        DeadlineRule(
            id: "intro_start", start: .settled, due: .after(.months(3)), conditions: [introductionAges],
            metBy: .introStarted, dueSoonDays: 14),
        DeadlineRule(
            id: "skills_mapping", start: .settled, due: .before(.introStarted, atLatest: .months(3)),
            conditions: [introductionAges], metBy: .skillsMapping, dueSoonDays: 14),
        DeadlineRule(
            id: "disability_grant", start: .settled, due: .after(.months(14)), conditions: [.disability],
            metBy: .disabilityGrantApplied, dueSoonDays: 30),
        // At 18 an unaccompanied minor chooses to stay in the placement or move on (the 2016
        // strategy); announced three months ahead so that the choice and a home are ready.
        DeadlineRule(
            id: "minor_turns_18", start: .settled, due: .atAge(18), conditions: [.unaccompanied, minor], metBy: .aftercareChosen,
            dueSoonDays: 90),
    ]
}
