import BeredskapAPI
import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapStore

/// Facilities: `PUT`/`PATCH`/`GET /v1/facilities/{id}`, `GET /v1/facilities`.
struct FacilityRoutes {
    let reads: StoreReads
    let snapshots: FacilitySnapshots
    let settings: CurrentSettings
    let clock: any WallClock

    var routes: [Route] {
        [
            Route(Endpoints.Capacity.putFacility) { context throws(APIError) in
                let id = try Self.idParameter(context)
                let createOnly = try Self.createOnlyPrecondition(context)
                let body = try context.decodeBody(FacilityBody.self)
                try requireAdminForOverride(body.capOverride, context)
                let capacity = settings.configuration.capacity
                let calendar = settings.calendar
                return .mutation { transaction in
                    let existing = try transaction.connection.facility(id)
                    if createOnly, existing != nil { throw Self.exists(id) }
                    return try FacilityChange.apply(
                        id: id, definition: body.definition, override: body.capOverride, existing: existing,
                        settings: capacity, calendar: calendar, in: &transaction)
                }
            },
            Route(Endpoints.Capacity.patchFacility) { context throws(APIError) in
                let id = try Self.idParameter(context)
                let patch = try Self.patchObject(context)
                let override = try patch["cap_override"].map { value throws(APIError) in
                    try Self.decode(CapOverrideRequest.self, from: value, field: "cap_override")
                }
                try requireAdminForOverride(override, context)
                let capacity = settings.configuration.capacity
                let calendar = settings.calendar
                return .mutation { transaction in
                    guard let existing = try transaction.connection.facility(id) else { throw Self.notFound(id) }
                    let definition = try Self.merged(patch, onto: existing)
                    return try FacilityChange.apply(
                        id: id, definition: definition, override: override, existing: existing, settings: capacity,
                        calendar: calendar, in: &transaction)
                }
            },
            Route(Endpoints.Capacity.facilities) { context throws(APIError) in
                let kind = try context.queryEnum("kind", FacilityKind.self)
                let status = try context.queryEnum("status", FacilityStatus.self)
                let district = context.query("district")
                let facilities = try snapshots.facilities().filter { facility in
                    (kind == nil || facility.kind == kind) && (status == nil || facility.status == status)
                        && (district == nil || facility.district == district)
                }
                let capacity = settings.configuration.capacity
                let now = clock.now()
                return .json(
                    status: 200,
                    body: FacilityList(
                        facilities: facilities.map { Self.resource($0, capacity, now: now) },
                        total: CapacityTotals(CapacityPicture(facilities: facilities).total), cap: capacity.cap))
            },
            Route(Endpoints.Capacity.facility) { context throws(APIError) in
                let id = try Self.idParameter(context)
                guard let facility = try reads.read({ try $0.facility(id) }) else { throw Self.notFound(id) }
                return .json(status: 200, body: Self.resource(facility, settings.configuration.capacity, now: clock.now()))
            },
        ]
    }

    static func resource(_ facility: Facility, _ settings: DaemonConfiguration.Capacity, now: Timestamp) -> FacilityResource {
        FacilityResource(facility, cap: settings.cap, stale: facility.isStale(at: now, staleAfter: settings.staleAfter))
    }

    static func idParameter(_ context: RequestContext) throws(APIError) -> String {
        let id = context.parameters["id"] ?? ""
        guard Slug.isValid(id) else {
            throw .invalidField(
                "id",
                Text("expected a slug: lowercase letters, digits, '-', '_' or '.' (such as refstad)",
                     nb: "forventet en slug: små bokstaver, sifre, «-», «_» eller «.» (som refstad)"))
        }
        return id
    }

    /// `If-None-Match: *`: create the facility, but refuse (409) if it exists, in the
    /// transaction that would write it, so two people adding the same id cannot both succeed.
    /// Without the header a PUT creates or replaces, as it always did.
    private static func createOnlyPrecondition(_ context: RequestContext) throws(APIError) -> Bool {
        let values = context.request.head.headers.values(for: APIContract.Header.ifNoneMatch)
        guard !values.isEmpty else { return false }
        guard values == ["*"] else {
            throw .invalidField(
                APIContract.Header.ifNoneMatch,
                Text("only * is understood (create, never replace)", nb: "bare * forstås (opprett, aldri erstatt)"))
        }
        return true
    }

    static func exists(_ id: String) -> APIError {
        var error = APIError.conflict(Text("facility '\(id)' exists already", nb: "mottaket «\(id)» finnes allerede"))
        error.details = JSONObject([("id", .string(id)), ("exists", .bool(true))])
        return error
    }

    static func notFound(_ id: String, field: String? = nil) -> APIError {
        var error = APIError.notFound(Text("no facility '\(id)'", nb: "ingen mottak med id «\(id)»"))
        error.details["id"] = .string(id)
        if let field { error.details["field"] = .string(field) }
        return error
    }

    /// A `cap_override` needs `admin`, whatever the capacity (API.md, "The cap").
    private func requireAdminForOverride(_ override: CapOverrideRequest?, _ context: RequestContext) throws(APIError) {
        guard override != nil, !settings.policy.allows(context.identity, .admin) else { return }
        throw .forbidden(.admin)
    }

    // MARK: - PATCH as a JSON merge patch

    /// Fields a `null` in a patch may clear.
    private static let clearable: Set<String> = ["district", "expansion_capacity", "note", "blocked"]

    private static func patchObject(_ context: RequestContext) throws(APIError) -> JSONObject {
        guard !context.request.body.isEmpty else {
            throw .invalidField("body", Text("is required (a JSON object)", nb: "mangler (et JSON-objekt)"))
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(context.request.body)
        } catch {
            throw .badRequest(Text("the body is not valid JSON: \(error)", nb: "innholdet er ikke gyldig JSON: \(error)"))
        }
        guard case .object(let object) = value else {
            throw .invalidField("body", Text("expected an object", nb: "forventet et objekt"))
        }
        return object
    }

    /// The existing definition with the patch applied (RFC 7396), decoded strictly so an
    /// unknown or wrong field is named.
    static func merged(_ patch: JSONObject, onto existing: Facility) throws -> FacilityDefinition {
        guard case .object(var base) = try JSONValueEncoder().encode(FacilityBody(existing.definition)) else {
            throw APIError.internal(Text("could not encode a facility", nb: "kunne ikke kode et mottak"))
        }
        for key in patch.keys where key != "cap_override" {
            guard let value = patch[key] else { continue }
            if value == .null {
                guard clearable.contains(key) else {
                    throw APIError.invalidField(key, Text("must not be null", nb: "kan ikke være null"))
                }
                base[key] = nil
            } else {
                base[key] = value
            }
        }
        return try decode(FacilityBody.self, from: .object(base), field: "").definition
    }

    private static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue, field: String) throws(APIError) -> T {
        do {
            return try JSONValueDecoder().decode(type, from: value)
        } catch {
            var failure = error
            if !field.isEmpty { failure.path = [.key(field)] + failure.path }
            throw APIError(decoding: failure)
        }
    }
}
