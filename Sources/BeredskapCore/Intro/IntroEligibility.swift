/// Whether a person has the right (and duty) to the introduction programme: refugees aged
/// 18–55 on the day of their residence permit, unless they settled on their own initiative
/// (DOMAIN.md, "Integration"; introduksjonsloven § 2). A district may still offer the
/// programme to someone without the right; the start then records that it chose to.
public enum IntroEligibility: Sendable, Equatable {
    case right
    case noRight(Reason)

    public enum Reason: Sendable, Equatable {
        /// No `residence_granted` milestone: the age that decides cannot be known yet.
        case noResidencePermit
        /// Outside 18–55 on the permit's day.
        case age(Int, on: CalendarDate)
        /// Settled on their own initiative (`SettlementMode.ownInitiative`).
        case ownInitiative
    }

    /// The ages with the right, inclusive.
    public static let ages = 18...55

    /// The right of someone born `birth`, granted residence on `permit`, settled with `mode`
    /// (nil when not known: then the age alone decides). The age is counted on the permit's
    /// day itself, with `PersonBirth.age(on:)` (29 February's birthday falls on 1 March).
    public static func evaluate(birth: PersonBirth, permit: CalendarDate?, mode: SettlementMode?) -> IntroEligibility {
        if mode == .ownInitiative { return .noRight(.ownInitiative) }
        guard let permit else { return .noRight(.noResidencePermit) }
        let age = birth.age(on: permit)
        return ages.contains(age) ? .right : .noRight(.age(age, on: permit))
    }

    /// Why there is no right, for the refusal of a start; nil when there is one.
    public var refusal: Text? {
        guard case .noRight(let reason) = self else { return nil }
        let offer = Text(
            " (a district may offer it anyway: \"voluntary\": true)", nb: " (bydelen kan tilby det likevel: \"voluntary\": true)")
        switch reason {
        case .noResidencePermit:
            return Text(
                "no residence_granted milestone: the right depends on the age at the permit",
                nb: "ingen residence_granted-milepæl: retten avhenger av alderen ved tillatelsen") + offer
        case .age(let age, let permit):
            return Text(
                "aged \(age) at the residence permit (\(permit)): the right is for ages 18–55",
                nb: "\(age) år ved oppholdstillatelsen (\(permit)): retten gjelder 18–55 år") + offer
        case .ownInitiative:
            return Text(
                "settled on own initiative: no right to the programme",
                nb: "bosatt på egen hånd: ingen rett til programmet") + offer
        }
    }

    /// `details.state` of the refusal.
    public var state: String {
        switch self {
        case .right: "eligible"
        case .noRight(.noResidencePermit): "no_residence_permit"
        case .noRight(.age): "outside_age"
        case .noRight(.ownInitiative): "own_initiative"
        }
    }
}
