import BeredskapJSON

/// A district's contact point for settlement (recommendation 38 of the 2016 strategy: each
/// district names one, so IMDi and the office know whom to call and alerts reach a person).
public struct DistrictContact: Sendable, Equatable, Codable {
    public var name: String
    public var email: String?
    public var phone: String?

    public init(name: String, email: String? = nil, phone: String? = nil) {
        self.name = name
        self.email = email
        self.phone = phone
    }
}

/// Which service settles unaccompanied minors in a district: child welfare in 13 of Oslo's
/// districts, NAV in Sagene and Grünerløkka (2016 strategy). The office asks a different
/// office in each case, so it is reference data.
public enum MinorsService: String, JSONStringEnum {
    case childWelfare, nav
}

extension MinorsService: HasDisplayName {
    public var name: Text {
        switch self {
        case .childWelfare: named(nb: "barnevern")
        case .nav: named(nb: "NAV")
        }
    }
}
