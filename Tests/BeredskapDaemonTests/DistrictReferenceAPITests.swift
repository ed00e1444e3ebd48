import BeredskapCore
import BeredskapJSON
import Testing

@testable import BeredskapDaemon

/// A district's settlement reference data through the API: stored and shown, one district by
/// id, an unchanged PUT still changing nothing, the contact point out of the event, and every
/// bad field named.
@Suite(.serialized) struct DistrictReferenceAPITests {
    static let sagene: JSONValue = [
        "number": 3, "name": "Sagene", "population": ["2016": 41_566],
        "immigrant_share": ["2015": 20.4], "refugees_per_1000": ["2014": 0.8], "minors_service": "nav",
        "municipal_housing_units": 40,
        "contact": ["name": "Bosettingskontoret", "email": "bosetting@bsa.oslo.kommune.no", "phone": "+47 21 80 21 80"],
    ]

    @Test func referenceDataIsStoredShownAndKeptOutOfTheEventWhereItNamesAPerson() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.admin)
        let stored = try ops.put("/v1/districts/sagene", Self.sagene)
        #expect(stored.status == 200, "\(stored.text)")
        #expect(stored.json["changed"]?.boolValue == true)
        let one = try Session(harness, as: People.viewer).get("/v1/districts/sagene")
        for key in ["immigrant_share", "refugees_per_1000", "minors_service", "municipal_housing_units", "contact"] {
            #expect(one[key] == Self.sagene[key], "\(key)")
        }
        let event = try #require(try ops.events("district.updated").last)
        #expect(event["data"]?["contact"] == nil)
        #expect(event["data"]?["minors_service"]?.stringValue == "nav")
        #expect(try ops.put("/v1/districts/sagene", Self.sagene).json["changed"]?.boolValue == false)
        #expect(try ops.events("district.updated").count == 1)
        expectError(try ops.send("GET", "/v1/districts/nowhere"), 404, "not_found")
    }

    static func with(_ key: String, _ value: JSONValue) -> JSONValue {
        guard case .object(var object) = sagene else { return sagene }
        object[key] = value
        return .object(object)
    }

    static let bad: [(JSONValue, String)] = [
        (with("immigrant_share", ["2015": 100.5]), "immigrant_share.2015"),
        (with("immigrant_share", ["2015": -1]), "immigrant_share.2015"),
        (with("immigrant_share", ["femten": 1]), "immigrant_share"),
        (with("refugees_per_1000", ["2014": 1001]), "refugees_per_1000.2014"),
        (with("municipal_housing_units", -1), "municipal_housing_units"),
        (with("minors_service", "barnevern"), "minors_service"),
        (with("contact", ["name": " "]), "contact.name"),
        (with("contact", ["name": "Kari", "email": "kari.oslo.kommune.no"]), "contact.email"),
        (with("contact", ["name": "Kari", "email": "kari@oslo"]), "contact.email"),
        (with("contact", ["name": "Kari", "phone": "21-80-21-80"]), "contact.phone"),
        (with("contact", ["name": "Kari", "phone": "4+7 21"]), "contact.phone"),
        (with("contact", ["email": "kari@oslo.kommune.no"]), "contact.name"),
    ]

    @Test(arguments: bad)
    func aBadFigureNamesItsField(_ body: JSONValue, _ field: String) throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.admin)
        expectError(try ops.put("/v1/districts/sagene", body), 400, "invalid_field", field: field)
        #expect(try ops.events("district.").isEmpty)
    }
}
