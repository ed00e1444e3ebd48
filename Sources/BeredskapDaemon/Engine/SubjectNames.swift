import BeredskapCore
import BeredskapStore

/// What a subject is called in a text for people: a facility by its name, a district by its
/// name, a kind of facility by its name, the city as Oslo.
///
/// Why looked up when a text is written: ids are what people type (`facility/refstad`), names
/// are what they read ("Refstad transittmottak"); a message or a log entry that names only the
/// id makes the reader translate it in the middle of a surge.
enum SubjectNames {
    static let city = Text("Oslo", nb: "Oslo")

    /// The name of `subject`, or the subject itself when it names nothing known.
    static func name(of subject: String, _ connection: SQLiteConnection) throws -> Text {
        let parts = subject.split(separator: "/", maxSplits: 1).map(String.init)
        switch (parts.first, parts.count == 2 ? parts[1] : nil) {
        case ("city", nil):
            return city
        case ("facility", let id?):
            if let facility = try connection.facility(id) { return Text(facility.name, nb: facility.name) }
        case ("district", let id?):
            if let district = try connection.district(id) { return Text(district.name, nb: district.name) }
        case ("kind", let raw?):
            if let kind = FacilityKind(rawValue: raw) { return kind.name }
        case ("notification", let id?):
            return Text("notification \(id)", nb: "utsending \(id)")
        default:
            break
        }
        return Text(subject, nb: subject)
    }

    /// The name of district `id`, or nil when it is unknown.
    static func district(_ id: String?, _ connection: SQLiteConnection) throws -> Text? {
        guard let id, let district = try connection.district(id) else { return nil }
        return Text(district.name, nb: district.name)
    }
}
