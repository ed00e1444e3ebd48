/// What an event, log entry or alert is about: `city`, or `<kind>/<id>` such as
/// `facility/refstad`, `district/ullern`, `kind/transit`, `kind/careCentre`.
///
/// Why a checked form: subjects are matched by rules, silences and log filters; a stray
/// space or capital letter would silently match nothing.
public enum Subject {
    public static let maximumLength = 160

    /// True for `city`, `kind` alone, or `kind/id` with a lowercase kind and a slug-like id; and
    /// for a deadline rule's count in a district, `deadline/<rule>/<district>`, and for a
    /// district's disability-grant applications due, `grants/disability/<district>`.
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= maximumLength else { return false }
        if DeadlineSubject.parse(text) != nil || GrantSubject.district(of: text) != nil { return true }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let kind = parts.first, isKind(kind) else { return false }
        guard parts.count == 2 else { return true }
        // Facility kinds are API enum values in camelCase (`kind/careCentre`).
        return Slug.isValid(parts[1]) || (kind == "kind" && FacilityKind(rawValue: String(parts[1])) != nil)
    }

    private static func isKind(_ text: Substring) -> Bool {
        guard let first = text.utf8.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) else { return false }
        return text.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || byte == UInt8(ascii: "_")
        }
    }
}

/// Client-chosen identifiers for reference data (`refstad`, `gamle-oslo`, `2016`):
/// lowercase ASCII letters, digits, `-`, `_` and `.`, starting with a letter or digit.
public enum Slug {
    public static let maximumLength = 64

    public static func isValid(_ text: some StringProtocol) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, bytes.count <= maximumLength, isAlphanumeric(first) else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
