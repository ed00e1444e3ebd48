import BeredskapJSON

/// Where an unaccompanied minor lives once settled (DOMAIN.md, "Settlement"; the 2016
/// strategy's list of "botiltak"). The raw values are the API's.
///
/// Why a closed list: the costs differ by an order of magnitude between them (a professional
/// family home up to NOK 1.3 million a year, a folk high school about 200,000), so the office
/// counts placements and money per type, and a free text would not add up.
public enum PlacementType: String, JSONStringEnum {
    case fosterHome = "foster_home"
    case childWelfareInstitution = "child_welfare_institution"
    /// Bofellesskap with staff.
    case sharedHousingStaffed = "shared_housing_staffed"
    /// Hybel with regular contact with a family or an adult.
    case bedsitFollowUp = "bedsit_follow_up"
    /// "Integreringsfamilie": living in a family, more loosely tied than a foster home.
    case integrationFamily = "integration_family"
    /// Professional family homes offered by private firms.
    case professionalFamilyHome = "professional_family_home"
    case folkHighSchool = "folk_high_school"
    case groupFosterHome = "group_foster_home"
}

/// What the young person chooses at 18: to stay in the placement, or to move out on their
/// own (the municipality then helps them find a home). The raw values are the API's.
public enum AftercareChoice: String, JSONStringEnum {
    case stay
    case moveOn = "move_on"
}

extension PlacementType: HasDisplayName {
    public var name: Text {
        switch self {
        case .fosterHome: named(nb: "fosterhjem")
        case .childWelfareInstitution: named(nb: "barnevernsinstitusjon")
        case .sharedHousingStaffed: named(nb: "bofellesskap med bemanning")
        case .bedsitFollowUp: named(nb: "hybel med oppfølging")
        case .integrationFamily: named(nb: "integreringsfamilie")
        case .professionalFamilyHome: named(nb: "profesjonelt familiehjem")
        case .folkHighSchool: named(nb: "folkehøgskole")
        case .groupFosterHome: named(nb: "gruppefosterhjem")
        }
    }
}

extension AftercareChoice: HasDisplayName {
    public var name: Text {
        switch self {
        case .stay: named(nb: "bli boende")
        case .moveOn: named(nb: "flytte for seg selv")
        }
    }
}
