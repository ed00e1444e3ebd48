import BeredskapAPI
import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapStore

/// Districts: `GET /v1/districts`, `GET /v1/districts/{id}`, `PUT /v1/districts/{id}`.
struct DistrictRoutes {
    let reads: StoreReads

    var routes: [Route] {
        [
            Route(Endpoints.Capacity.districts) { _ throws(APIError) in
                .json(status: 200, body: DistrictList(districts: try reads.read { try $0.districts() }))
            },
            Route(Endpoints.Capacity.district) { context throws(APIError) in
                let id = try FacilityRoutes.idParameter(context)
                guard let district = try reads.read({ try $0.district(id) }) else {
                    throw .notFound(Text(
                        "no district '\(id)'; 'beredskap district list' shows them",
                        nb: "ingen bydel «\(id)»; «beredskap district list» viser dem"))
                }
                return .json(status: 200, body: district)
            },
            Route(Endpoints.Capacity.putDistrict) { context throws(APIError) in
                let id = try FacilityRoutes.idParameter(context)
                let body = try context.decodeBody(DistrictBody.self)
                let district = body.district(id: id)
                try Self.validate(district)
                return .mutation { transaction in
                    if let existing = try transaction.connection.district(id), existing == district {
                        let seq = try transaction.connection.scalarInt(
                            "SELECT max(seq) FROM events WHERE subject = ?", ["district/\(id)"]) ?? 0
                        return try CommandReply.json(status: 200, DistrictChanged(district: district, changed: false, eventSeq: seq))
                    }
                    let event = try transaction.appendEvent(
                        CapacityEvents.districtUpdated, CapacityEvents.DistrictDefined(district), subject: "district/\(id)")
                    try transaction.saveDistrict(district)
                    return try CommandReply.json(status: 200, DistrictChanged(district: district, changed: true, eventSeq: event.seq))
                }
            },
        ]
    }

    /// The contact as typed, without surrounding spaces; an empty e-mail or phone is none.
    private static func validate(_ district: District) throws(APIError) {
        guard (1...99).contains(district.number) else {
            throw .invalidField("number", Text("expected an integer between 1 and 99", nb: "forventet et heltall mellom 1 og 99"))
        }
        guard !district.name.isEmpty, district.name.count <= 100 else {
            throw .invalidField("name", Text("must be 1 to 100 characters", nb: "må være 1 til 100 tegn"))
        }
        for (year, count) in district.population {
            guard year.count == 4, let number = Int(year), (1800...2200).contains(number) else {
                throw .invalidField("population", Text("keys must be years such as \"2016\"", nb: "nøklene må være årstall som \"2016\""))
            }
            guard (0...10_000_000).contains(count) else {
                throw .invalidField("population.\(year)", Text("expected an integer between 0 and 10000000", nb: "forventet et heltall mellom 0 og 10000000"))
            }
        }
        if let problem = district.referenceProblem() { throw .invalidField(problem.field, problem.problem) }
    }
}
