/// How a refugee came to be settled in a district (DOMAIN.md, glossary): the mode a settlement
/// record and a settlement case carry.
public enum SettlementMode: String, Sendable, Codable, CaseIterable {
    case ordinary, agreedSelfSettlement, ownInitiative, familyReunification, secondaryMigration
}
