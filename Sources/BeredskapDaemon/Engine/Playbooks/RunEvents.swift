import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapStore

/// The API errors of run actions.
enum RunErrors {
    static func notFound(_ id: Int64) -> APIError {
        .notFound(Text("no run #\(id)", nb: "ingen kjøring #\(id)"))
    }

    /// A card whose placeholders this run cannot fill: started by hand without saying what
    /// it is about (`alert` or `subject`), or about a subject when it names the alert's
    /// severity (`alert`). `details.placeholders` lists what is missing.
    static func unresolved(_ error: PlaybookResolutionError, trigger: PlaybookRunTrigger) -> APIError {
        let names = error.missing.map { "{\($0)}" }.joined(separator: ", ")
        var api: APIError
        if trigger.subject == nil {
            api = .invalidField("subject", Text(
                "this card is about an alert or a subject (it names \(names)): give alert (the alert's number) or subject (such as facility/refstad)",
                nb: "dette tiltakskortet gjelder et varsel eller et subjekt (det nevner \(names)): oppgi alert (varselets nummer) eller subject (som facility/refstad)"))
        } else {
            api = .invalidField("alert", Text(
                "this card names what only an alert says (\(names)): give alert (the alert's number)",
                nb: "dette tiltakskortet nevner det bare et varsel kan si (\(names)): oppgi alert (varselets nummer)"))
        }
        api.details["placeholders"] = .array(error.missing.map(JSONValue.string))
        return api
    }

    /// A refusal of the state machine: an unknown step is a 404, an unusable step list a 422,
    /// the rest are conflicts with the run's state (409, with the state in the details).
    static func refused(_ error: PlaybookRunError, run id: Int64) -> APIError {
        var api: APIError
        switch error {
        case .unknownStep: api = .notFound(error.text)
        case .invalidSteps: api = APIError(.invalidDefinition, error.text)
        case .notActive(let state):
            api = .conflict(error.text)
            api.details["state"] = .string(state.rawValue)
        case .notReady(_, let state), .cannotSkip(_, let state):
            api = .conflict(error.text)
            api.details["state"] = .string(state.rawValue)
        case .automaticStep:
            api = .conflict(error.text)
        }
        api.details["run"] = .integer(id)
        return api
    }
}

/// The figures `wait_for: { utilization_below }` compares, computed as the alert rules do.
enum WaitConditions {
    /// The utilization of `facility/<id>`, `kind/<kind>` or `city`; nil when it has no
    /// available places (or the subject names nothing), which never counts as below a value —
    /// except a facility nobody is in any longer (closed and emptied, say): its pressure is gone,
    /// so it counts as 0 and a wait for it to empty ends.
    static func utilization(of subject: String, _ connection: SQLiteConnection) throws -> Double? {
        if let id = AlertFigures.facilityID(of: subject) {
            guard let facility = try connection.facility(id) else { return nil }
            return facility.utilization ?? (facility.occupied == 0 ? 0 : nil)
        }
        let places = try connection.placesByKind()
        if subject == "city" {
            return PlaceUtilization.ratio(PlaceUtilization.city(places))
        }
        guard subject.hasPrefix("kind/"), let kind = FacilityKind(rawValue: String(subject.dropFirst(5))),
            let figures = places[kind]
        else { return nil }
        return PlaceUtilization.ratio(figures)
    }
}
