import BeredskapJSON

/// The modes decode with the message listing the wire values, and are recognised as an enum
/// by the event catalogue's check of payloads.
extension SettlementMode: JSONStringEnum {}
