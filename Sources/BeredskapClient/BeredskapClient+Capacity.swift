import BeredskapAPI
import BeredskapCore
import BeredskapJSON

/// Typed calls for reception capacity, arrivals, departures, head counts, the capacity
/// picture, series, surge, districts and bulk imports (issue 3).
extension BeredskapClient {
    // MARK: Facilities

    /// `PUT /v1/facilities/{id}`: creates or replaces the whole declared facility; with
    /// `createOnly` (`If-None-Match: *`) it creates it and refuses (409 `conflict`) if it exists.
    public func putFacility(id: String, _ body: FacilityBody, createOnly: Bool = false, idempotencyKey: String? = nil)
        throws(ClientError) -> FacilityChanged
    {
        try call(
            Endpoints.Capacity.putFacility, path: [id], body: body, idempotencyKey: idempotencyKey,
            headers: createOnly ? [(APIContract.Header.ifNoneMatch, "*")] : [])
    }

    /// `PATCH /v1/facilities/{id}`: a JSON merge patch, so the caller decides which fields are
    /// sent at all and which are sent as `null` (to clear them), which a `FacilityBody` with
    /// optionals could not express.
    public func patchFacility(id: String, _ fields: JSONObject, idempotencyKey: String? = nil) throws(ClientError)
        -> FacilityChanged
    {
        try call(
            APIRequest(
                Endpoints.Capacity.patchFacility, path: [id], body: JSONValue.object(fields).serialized(),
                idempotencyKey: idempotencyKey),
            as: FacilityChanged.self)
    }

    public func facilities(kind: FacilityKind? = nil, status: FacilityStatus? = nil, district: String? = nil) throws(ClientError)
        -> FacilityList
    {
        try call(
            Endpoints.Capacity.facilities, query: [("kind", kind?.rawValue), ("status", status?.rawValue), ("district", district)])
    }

    public func facility(id: String) throws(ClientError) -> FacilityResource {
        try call(Endpoints.Capacity.facility, path: [id])
    }

    // MARK: Flows

    /// `POST /v1/facilities/{id}/occupancy`: an absolute head count.
    public func reportOccupancy(facility: String, _ body: OccupancyBody, idempotencyKey: String? = nil) throws(ClientError)
        -> OccupancyRecorded
    {
        try call(Endpoints.Capacity.reportOccupancy, path: [facility], body: body, idempotencyKey: idempotencyKey)
    }

    public func recordArrival(_ body: ArrivalBody, idempotencyKey: String? = nil) throws(ClientError) -> ArrivalRecorded {
        try call(Endpoints.Capacity.recordArrival, body: body, idempotencyKey: idempotencyKey)
    }

    public func recordDeparture(_ body: DepartureBody, idempotencyKey: String? = nil) throws(ClientError)
        -> DepartureRecorded
    {
        try call(Endpoints.Capacity.recordDeparture, body: body, idempotencyKey: idempotencyKey)
    }

    /// `POST /v1/imports/arrivals`: all rows in one transaction, or none; `force` imports rows
    /// that look like mistakes too.
    public func importArrivals(_ rows: [ArrivalBody], force: Bool? = nil, idempotencyKey: String? = nil) throws(ClientError)
        -> ImportResult
    {
        try call(Endpoints.Capacity.importArrivals, body: ArrivalImport(rows: rows, force: force), idempotencyKey: idempotencyKey)
    }

    /// `POST /v1/imports/arrivals?dry_run=true`: every row checked by the daemon, nothing written.
    public func checkArrivalImport(_ rows: [ArrivalBody]) throws(ClientError) -> ImportChecked {
        try call(
            APIRequest(Endpoints.Capacity.importArrivals, query: [("dry_run", "true")], body: Self.body(ArrivalImport(rows: rows))),
            as: ImportChecked.self)
    }

    /// `POST /v1/imports/occupancy?dry_run=true`: every row checked by the daemon, nothing written.
    public func checkOccupancyImport(_ rows: [OccupancyImportRow]) throws(ClientError) -> ImportChecked {
        try call(
            APIRequest(
                Endpoints.Capacity.importOccupancy, query: [("dry_run", "true")], body: Self.body(OccupancyImport(rows: rows))),
            as: ImportChecked.self)
    }

    /// `POST /v1/imports/occupancy`: all head counts in one transaction, or none.
    public func importOccupancy(_ rows: [OccupancyImportRow], force: Bool? = nil, idempotencyKey: String? = nil)
        throws(ClientError) -> ImportResult
    {
        try call(
            Endpoints.Capacity.importOccupancy, body: OccupancyImport(rows: rows, force: force), idempotencyKey: idempotencyKey)
    }

    // MARK: Records and corrections

    /// `GET /v1/{arrivals,departures,occupancy}/records`: newest recorded first.
    public func records(
        _ collection: RecordCollection, facility: String? = nil, limit: Int? = nil, before: Int64? = nil
    ) throws(ClientError) -> RecordList {
        try call(
            Endpoints.Capacity.records(collection),
            query: [("facility", facility), ("limit", limit.map(String.init)), ("before", before.map(String.init))])
    }

    /// `POST /v1/{…}/{id}/void`.
    public func void(_ collection: RecordCollection, id: Int64, _ body: VoidBody, idempotencyKey: String? = nil) throws(ClientError)
        -> RecordCorrected
    {
        try call(Endpoints.Capacity.void(collection), path: ["\(id)"], body: body, idempotencyKey: idempotencyKey)
    }

    public func amendArrival(id: Int64, _ body: ArrivalAmendment, idempotencyKey: String? = nil) throws(ClientError)
        -> RecordCorrected
    {
        try call(Endpoints.Capacity.amendArrival, path: ["\(id)"], body: body, idempotencyKey: idempotencyKey)
    }

    public func amendDeparture(id: Int64, _ body: DepartureAmendment, idempotencyKey: String? = nil) throws(ClientError)
        -> RecordCorrected
    {
        try call(Endpoints.Capacity.amendDeparture, path: ["\(id)"], body: body, idempotencyKey: idempotencyKey)
    }

    public func amendHeadCount(id: Int64, _ body: HeadCountAmendment, idempotencyKey: String? = nil) throws(ClientError)
        -> RecordCorrected
    {
        try call(Endpoints.Capacity.amendHeadCount, path: ["\(id)"], body: body, idempotencyKey: idempotencyKey)
    }

    // MARK: The picture

    public func capacity() throws(ClientError) -> CapacityResponse {
        try call(Endpoints.Capacity.capacity)
    }

    public func surge() throws(ClientError) -> SurgeResponse {
        try call(Endpoints.Capacity.surge)
    }

    public func arrivalSeries(_ query: ArrivalSeriesQuery = ArrivalSeriesQuery()) throws(ClientError) -> ArrivalSeries {
        try call(Endpoints.Capacity.arrivalSeries, query: query.items)
    }

    /// `GET /v1/occupancy`: every facility when `facility` is nil.
    public func occupancySeries(facility: String? = nil, from: CalendarDate? = nil, to: CalendarDate? = nil) throws(ClientError)
        -> OccupancySeries
    {
        try call(
            Endpoints.Capacity.occupancySeries,
            query: [("facility", facility), ("from", from?.description), ("to", to?.description), ("bucket", "day")])
    }

    // MARK: Districts

    public func districts() throws(ClientError) -> DistrictList {
        try call(Endpoints.Capacity.districts)
    }

    public func district(id: String) throws(ClientError) -> District {
        try call(Endpoints.Capacity.district, path: [id])
    }

    public func putDistrict(id: String, _ body: DistrictBody, idempotencyKey: String? = nil) throws(ClientError)
        -> DistrictChanged
    {
        try call(Endpoints.Capacity.putDistrict, path: [id], body: body, idempotencyKey: idempotencyKey)
    }
}

/// Filters for `GET /v1/arrivals`; all optional, the daemon defaults to the last 30 days by day.
public struct ArrivalSeriesQuery: Sendable, Equatable {
    public var from: CalendarDate?
    public var to: CalendarDate?
    public var bucket: BucketSize?
    public var facility: String?
    public var kind: FacilityKind?
    public var district: String?
    public var category: ArrivalCategory?

    public init(
        from: CalendarDate? = nil, to: CalendarDate? = nil, bucket: BucketSize? = nil, facility: String? = nil,
        kind: FacilityKind? = nil, district: String? = nil, category: ArrivalCategory? = nil
    ) {
        self.from = from
        self.to = to
        self.bucket = bucket
        self.facility = facility
        self.kind = kind
        self.district = district
        self.category = category
    }

    var items: [(String, String?)] {
        [
            ("from", from?.description), ("to", to?.description), ("bucket", bucket?.rawValue), ("facility", facility),
            ("kind", kind?.rawValue), ("district", district), ("category", category?.rawValue),
        ]
    }
}
