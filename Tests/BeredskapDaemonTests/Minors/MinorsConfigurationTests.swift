import BeredskapCore
import Testing

@testable import BeredskapDaemon

/// `minors`: the responsible service per district and the placement costs.
@Suite struct MinorsConfigurationTests {
    func parse(_ text: String) throws(ConfigurationError) -> DaemonConfiguration { try ConfigurationTests().parse(text) }
    func problem(_ text: String) -> String { ConfigurationTests().problem(text) }

    @Test func theShippedFileHasTheStrategysServicesAndItsTwoCosts() throws {
        let minors = try ConfigurationLoader.loadEmbedded().minors
        #expect(minors == DaemonConfiguration.Minors())
        #expect(minors.placementCosts == [.professionalFamilyHome: 1_300_000, .folkHighSchool: 200_000])
        #expect(minors.service(in: "sagene", recorded: nil) == .nav)
        #expect(minors.service(in: "grunerlokka", recorded: nil) == .nav)
        #expect(minors.service(in: "alna", recorded: nil) == .childWelfare)
        #expect(minors.service(in: nil, recorded: nil) == .childWelfare)
        #expect(minors.service(in: "alna", recorded: .nav) == .nav, "the district's reference data wins")
    }

    @Test func aFileSetsTheServicesAndReplacesTheCosts() throws {
        let minors = try parse(#"""
            { minors: { responsible_service: { default: "nav", districts: { frogner: "childWelfare" } },
                        placement_costs: { foster_home: 650000 } } }
            """#).minors
        #expect(minors.service(in: "sagene", recorded: nil) == .nav)
        #expect(minors.service(in: "frogner", recorded: nil) == .childWelfare)
        #expect(minors.placementCosts == [.fosterHome: 650_000])
    }

    @Test func problemsNameTheFieldPath() {
        #expect(problem(#"{ minors: { placement_costs: { castle: 1 } } }"#).hasPrefix(
            "test.json5: minors.placement_costs.castle: unknown placement type (known: foster_home,"))
        #expect(problem(#"{ minors: { placement_costs: { foster_home: -5 } } }"#)
            == "test.json5: minors.placement_costs.foster_home: expected 0 to 100000000 NOK a year")
        #expect(problem(#"{ minors: { responsible_service: { districts: { atlantis: "nav" } } } }"#).hasPrefix(
            "test.json5: minors.responsible_service.districts.atlantis: unknown district (known: alna,"))
        #expect(problem(#"{ minors: { responsible_service: { default: "school" } } }"#).hasPrefix(
            "test.json5: minors.responsible_service.default: expected one of: childWelfare, nav"))
        #expect(problem(#"{ minors: { colour: "red" } }"#).hasPrefix("test.json5: minors.colour: unknown field"))
    }
}
