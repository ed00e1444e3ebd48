/// The names people read for a person's sex, category, status and vulnerabilities (see `HasDisplayName`).
extension PersonSex: HasDisplayName {
    public var name: Text {
        switch self {
        case .female: named(nb: "kvinne")
        case .male: named(nb: "mann")
        case .unknown: named(nb: "ukjent")
        }
    }
}

extension PersonCategory: HasDisplayName {
    public var name: Text {
        switch self {
        case .asylumSeeker: named(nb: "asylsøker")
        case .resettlement: named(nb: "overføringsflyktning")
        case .familyReunification: named(nb: "familiegjenforent")
        case .other: named(nb: "annet")
        }
    }
}

extension PersonStatus: HasDisplayName {
    public var name: Text {
        switch self {
        case .asylumSeeker: named(nb: "asylsøker")
        case .residenceGranted: named(nb: "innvilget opphold")
        case .refused: named(nb: "avslag")
        case .settled: named(nb: "bosatt")
        case .departed: named(nb: "utreist")
        }
    }
}

extension Vulnerability: HasDisplayName {
    public var name: Text {
        switch self {
        case .health: named(nb: "helse")
        case .disability: named(nb: "funksjonsnedsettelse")
        case .womenAtRisk: named(nb: "kvinner i risiko")
        case .lgbt: named(nb: "lhbt")
        case .trauma: named(nb: "traumer")
        case .other: named(nb: "annet")
        }
    }
}
