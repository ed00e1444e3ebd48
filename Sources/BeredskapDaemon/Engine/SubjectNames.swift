import BeredskapCore
import BeredskapSQLite
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
        if let (rule, district) = DeadlineSubject.parse(subject) {
            // "Alna: helseundersøkelse": the district, then the rule as the office says it.
            let place = try self.district(district, connection) ?? Text(district, nb: district)
            let name = DeadlineRule.name(of: rule)
            return Text("\(place.en): \(name.en)", nb: "\(place.nb): \(name.nb)")
        }
        if let district = GrantSubject.district(of: subject) {
            let place = try self.district(district, connection) ?? Text(district, nb: district)
            return Text("\(place.en): disability grant", nb: "\(place.nb): tilskudd ved nedsatt funksjonsevne")
        }
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
            return Text("notification \(id)", nb: "melding \(id)")
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

    /// The places of `subject` now — a facility's, a kind's or the city's — nil for anything
    /// else. `places` (by kind) when the caller has read them already.
    static func figures(
        of subject: String, _ connection: SQLiteConnection, places: [FacilityKind: (occupied: Int, available: Int)]? = nil
    ) throws -> PlaceFigures? {
        if let id = AlertFigures.facilityID(of: subject) {
            return try connection.facility(id).map { PlaceFigures(occupied: $0.occupied, available: $0.available) }
        }
        let kind = subject.hasPrefix("kind/") ? FacilityKind(rawValue: String(subject.dropFirst("kind/".count))) : nil
        guard subject == "city" || kind != nil else { return nil }
        let places = try places ?? connection.placesByKind()
        let figures = kind.map { places[$0] } ?? PlaceUtilization.city(places)
        return figures.map { PlaceFigures(occupied: $0.occupied, available: $0.available) }
    }
}

/// The places behind a utilization, for people: "267 av 300 plasser, 33 ledige".
struct PlaceFigures: Equatable {
    var occupied: Int
    var available: Int

    var free: Int { max(0, available - occupied) }

    var text: Text {
        let places = Text(available == 1 ? "place" : "places", nb: available == 1 ? "plass" : "plasser")
        let free = free
        return Text(
            "\(occupied) of \(available) \(places.en), \(free) free",
            nb: "\(occupied) av \(available) \(places.nb), \(free) \(free == 1 ? "ledig" : "ledige")")
    }
}
