import BeredskapJSON

/// Wire values decoded with the API's message listing the accepted ones.
extension SettlementMode: JSONStringEnum {}

extension SettlementMode: HasDisplayName {
    /// The API value in English; the word the office uses in bokmål.
    public var name: Text {
        switch self {
        case .ordinary: named(nb: "ordinær")
        case .agreedSelfSettlement: named(nb: "avtalt selvbosetting")
        case .ownInitiative: named(nb: "egen bosetting")
        case .familyReunification: named(nb: "familiegjenforening")
        case .secondaryMigration: named(nb: "sekundærflytting")
        }
    }
}

extension QuotaMethod: HasDisplayName {
    public var name: Text {
        switch self {
        case .population: named(nb: "folketall")
        case .weighted: named(nb: "vektede kriterier")
        case .manual: named(nb: "manuell")
        case .reference: named(nb: "referansetall")
        }
    }
}

extension SettlementRecordSource: HasDisplayName {
    public var name: Text {
        switch self {
        case .recorded: named(nb: "registrert")
        case .imported: named(nb: "importert")
        case .case: named(nb: "sak")
        case .reference: named(nb: "referansetall")
        }
    }
}
