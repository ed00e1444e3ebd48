import BeredskapCore
import BeredskapJSON

extension Endpoints {
    /// Reception capacity: facilities, arrivals, departures, head counts and their records,
    /// the picture, the series, the surge and the districts.
    public enum Capacity {
        // Facilities
        /// Creates or replaces a facility; with `If-None-Match: *` it only creates one.
        public static let putFacility = Endpoint<FacilityBody, FacilityChanged>(.put, "/v1/facilities/{id}", permission: .operate)
        /// A JSON merge patch: which fields are sent, and which as `null`, is the caller's choice.
        public static let patchFacility = Endpoint<JSONObject, FacilityChanged>(.patch, "/v1/facilities/{id}", permission: .operate)
        public static let facilities = Endpoint<NoBody, FacilityList>(
            .get, "/v1/facilities", permission: .read, query: ["kind", "status", "district"])
        public static let facility = Endpoint<NoBody, FacilityResource>(.get, "/v1/facilities/{id}", permission: .read)

        // Flows and bulk imports
        public static let recordArrival = Endpoint<ArrivalBody, ArrivalRecorded>(.post, "/v1/arrivals", permission: .operate)
        public static let recordDeparture = Endpoint<DepartureBody, DepartureRecorded>(.post, "/v1/departures", permission: .operate)
        /// An absolute head count.
        public static let reportOccupancy = Endpoint<OccupancyBody, OccupancyRecorded>(
            .post, "/v1/facilities/{id}/occupancy", permission: .operate)
        /// With `dry_run=true` the answer is an `ImportChecked` and nothing is written.
        public static let importArrivals = Endpoint<ArrivalImport, ImportResult>(
            .post, "/v1/imports/arrivals", permission: .operate, query: ["dry_run"])
        public static let importOccupancy = Endpoint<OccupancyImport, ImportResult>(
            .post, "/v1/imports/occupancy", permission: .operate, query: ["dry_run"])

        // Records and their corrections, one set per collection
        /// Newest recorded first.
        public static func records(_ collection: RecordCollection) -> Endpoint<NoBody, RecordList> {
            Endpoint(.get, path(collection, "records"), permission: .read, query: ["facility", "limit", "before"])
        }

        public static func void(_ collection: RecordCollection) -> Endpoint<VoidBody, RecordCorrected> {
            Endpoint(.post, path(collection, "{id}/void"), permission: .operate)
        }

        public static let amendArrival = amend(ArrivalAmendment.self, .arrivals)
        public static let amendDeparture = amend(DepartureAmendment.self, .departures)
        public static let amendHeadCount = amend(HeadCountAmendment.self, .occupancy)

        /// The amendment of a record in `collection`, whatever its body type.
        public static func amend(_ collection: RecordCollection) -> EndpointSpec {
            switch collection {
            case .arrivals: amendArrival.spec
            case .departures: amendDeparture.spec
            case .occupancy: amendHeadCount.spec
            }
        }

        private static func amend<Body>(_ body: Body.Type, _ collection: RecordCollection) -> Endpoint<Body, RecordCorrected> {
            Endpoint(.post, path(collection, "{id}/amend"), permission: .operate)
        }

        /// `/v1/arrivals/…`, `/v1/departures/…`, `/v1/occupancy/…`.
        private static func path(_ collection: RecordCollection, _ rest: String) -> PathTemplate {
            PathTemplate("/v1/\(collection.rawValue)/\(rest)")
        }

        // The picture
        public static let capacity = Endpoint<NoBody, CapacityResponse>(.get, "/v1/capacity", permission: .read)
        public static let surge = Endpoint<NoBody, SurgeResponse>(.get, "/v1/surge", permission: .read)
        public static let arrivalSeries = Endpoint<NoBody, ArrivalSeries>(
            .get, "/v1/arrivals", permission: .read, query: ["from", "to", "bucket", "facility", "kind", "district", "category"])
        public static let occupancySeries = Endpoint<NoBody, OccupancySeries>(
            .get, "/v1/occupancy", permission: .read, query: ["facility", "from", "to", "bucket"])

        // Districts
        public static let districts = Endpoint<NoBody, DistrictList>(.get, "/v1/districts", permission: .read)
        public static let district = Endpoint<NoBody, District>(.get, "/v1/districts/{id}", permission: .read)
        public static let putDistrict = Endpoint<DistrictBody, DistrictChanged>(.put, "/v1/districts/{id}", permission: .admin)

        public static var all: [EndpointSpec] {
            [putFacility.spec, patchFacility.spec, facilities.spec, facility.spec]
                + [recordArrival.spec, recordDeparture.spec, reportOccupancy.spec, importArrivals.spec, importOccupancy.spec]
                + RecordCollection.allCases.flatMap { [records($0).spec, void($0).spec, amend($0)] }
                + [capacity.spec, surge.spec, arrivalSeries.spec, occupancySeries.spec, districts.spec, district.spec, putDistrict.spec]
        }
    }
}
