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

    /// The values of the message placeholders `PlaybookValidation.placeholders(for:)` allows.
    public func placeholderValues(playbook: String) -> [String: String] {
        var values = ["playbook": playbook]
        values["rule"] = rule
        values["subject"] = subject
        values["severity"] = severity?.rawValue
        values["district"] = district
        values["level"] = level?.rawValue
        return values
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

extension PlaybookText {
    /// The text with each `{name}` whose name `values` has replaced; unknown names stay as
    /// written (validation has refused those in shipped files).
    public func rendered(with values: [String: String]) -> PlaybookText {
        PlaybookText(nb: Self.render(nb, values), en: Self.render(en, values))
    }

    /// One pass, so a value that itself contains `{…}` is never expanded again.
    private static func render(_ text: String, _ values: [String: String]) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let value = values[String(after[..<close])] {
                result += value
                rest = after[after.index(after: close)...]
            } else {
                result += "{"
                rest = after
            }
        }
        return result + rest
    }
}
