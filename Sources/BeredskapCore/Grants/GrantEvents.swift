/// The events of the grants: ids, grant kinds and counts, never a person's data.
///
/// Why the application is a `person.*` event: that a person has a disability grant is
/// special-category data, seen with `cases` like the person's own events; the counts per
/// district (`grant.*`) name no one and are for `read`.
public enum GrantEvents {
    /// `person.grant_applied`: an application for a disability grant (with its
    /// `person.milestone_recorded`).
    public static let applicationRecorded = EventType<ApplicationRecorded>(.person, "grant_applied", visibleWith: .cases)
    /// How many persons of a district now have the disability-grant deadline due soon or
    /// overdue with no application: what `grant_application_due` decides from after a crash.
    public static let applicationsDueChanged = EventType<ApplicationsDueChanged>(.grant, "applications_due_changed")

    public static let all: [EventKind] = [applicationRecorded.kind, applicationsDueChanged.kind]

    /// `person.grant_applied`: the person, the grant and the amount applied for (T2).
    public struct ApplicationRecorded: EventPayload, Equatable {
        public var person: Int64
        public var grant: DisabilityGrant
        public var amount: Int64?

        public init(person: Int64, grant: DisabilityGrant, amount: Int64?) {
            self.person = person
            self.grant = grant
            self.amount = amount
        }
    }

    /// `grant.applications_due_changed`: a district's count, about `grants/disability/<district>`.
    public struct ApplicationsDueChanged: EventPayload, Equatable {
        public var district: String
        public var persons: Int

        public static var identifiers: Set<String> { ["district"] }

        public init(district: String, persons: Int) {
            self.district = district
            self.persons = persons
        }
    }
}

/// The subject of a district's disability-grant applications due: `grants/disability/alna`.
/// Three parts like a deadline's count (`deadline/<rule>/<district>`), so a silence or a
/// playbook names every district as `grants/disability/*`.
public enum GrantSubject {
    public static let kind = "grants"
    public static let prefix = "grants/disability/"

    public static func subject(district: String) -> String { prefix + district }

    /// The district of a `grants/disability/<district>` subject.
    public static func district(of subject: String) -> String? {
        guard subject.hasPrefix(prefix) else { return nil }
        let district = String(subject.dropFirst(prefix.count))
        return Slug.isValid(district) && !district.contains("/") ? district : nil
    }
}
