import BeredskapJSON

/// What started a run and what it is about: the alert (its rule, subject, severity and
/// district) or the surge level reached. A manual start may name an alert too.
///
/// Why it is kept with the run: the owner `bydel:{district}`, the placeholders of messages and
/// `wait_for` conditions are resolved from it, for the whole life of the run, whatever
/// happens to the alert afterwards.
public struct PlaybookRunTrigger: Sendable, Codable, Equatable {
    public enum Kind: String, JSONStringEnum {
        case alert, surge, manual
    }

    public var kind: Kind
    @NullEncoded public var alert: Int64?
    @NullEncoded public var rule: String?
    @NullEncoded public var subject: String?
    @NullEncoded public var severity: AlertSeverity?
    @NullEncoded public var district: String?
    @NullEncoded public var level: SurgeLevel?

    public init(
        kind: Kind, alert: Int64? = nil, rule: String? = nil, subject: String? = nil, severity: AlertSeverity? = nil,
        district: String? = nil, level: SurgeLevel? = nil
    ) {
        self.kind = kind
        self.alert = alert
        self.rule = rule
        self.subject = subject
        self.severity = severity
        self.district = district
        self.level = level
    }

    /// The group a step's `owner` (or a notify group) names for this run: `bydel:{district}`
    /// becomes the contact point of the trigger's district; without a district (a manual start
    /// with no alert, a facility outside every district) it is `fallback`, so that someone
    /// is always told.
    public func resolveGroup(_ group: String, fallback: String?) -> String {
        guard group == NotificationRouting.districtPlaceholder else { return group }
        if let district { return NotificationRouting.contactPoint(of: district) }
        return fallback ?? group
    }
}
