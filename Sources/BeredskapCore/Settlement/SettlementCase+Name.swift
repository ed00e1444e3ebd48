/// The names people read for a case's state and a unit's kind (see `HasDisplayName`).
extension SettlementCase.State: HasDisplayName {
    public var name: Text {
        switch self {
        case .requested: named(nb: "anmodet")
        case .consented: named(nb: "samtykket")
        case .declined: named(nb: "avslått")
        case .decided: named(nb: "vedtatt")
        case .settled: named(nb: "bosatt")
        case .withdrawn: named(nb: "trukket")
        }
    }
}

extension HousingKind: HasDisplayName {
    public var name: Text {
        switch self {
        case .municipalOwned: named(nb: "kommunal, eid")
        case .municipalLeased: named(nb: "kommunal, innleid")
        case .private: named(nb: "privat")
        case .shared: named(nb: "bofellesskap")
        case .settlementCentre: named(nb: "bosettingssenter")
        }
    }
}
