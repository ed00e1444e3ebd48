import BeredskapAPI
import BeredskapCore
import BeredskapJSON
import Foundation

/// One district in `districts.json5`.
struct SeedDistrict: Decodable, Sendable, Equatable {
    var id: String
    var number: Int
    var name: String
    var population: [String: Int]?
    var immigrantShare: [String: Double]?
    var refugeesPer1000: [String: Double]?
    var minorsService: MinorsService?
    var municipalHousingUnits: Int?

    var body: DistrictBody {
        DistrictBody(
            number: number, name: name, population: population, immigrantShare: immigrantShare,
            refugeesPer1000: refugeesPer1000, minorsService: minorsService, municipalHousingUnits: municipalHousingUnits)
    }

    /// The body over what the daemon has: what the file leaves out (the contact point, which
    /// people set with `district set`) is kept, so seeding again never erases it.
    func body(over existing: District?) -> DistrictBody {
        var body = body
        body.contact = existing?.contact
        body.minorsService = minorsService ?? existing?.minorsService
        body.municipalHousingUnits = municipalHousingUnits ?? existing?.municipalHousingUnits
        return body
    }
}

/// One year in `settlement-years.json5`: the year and its `PUT` body.
struct SeedYear: Decodable, Sendable, Equatable {
    var year: Int
    var imdiRequest: Int?
    var imdiRequestMinors: Int?
    var councilDecision: Int?
    var councilDecisionMinors: Int?
    var note: String?

    var body: SettlementYearBody {
        SettlementYearBody(
            imdiRequest: imdiRequest, imdiRequestMinors: imdiRequestMinors, councilDecision: councilDecision,
            councilDecisionMinors: councilDecisionMinors, note: note)
    }
}

/// One facility in `facilities.json5`: the facility's id and its `PUT` body.
struct SeedFacility: Decodable, Sendable, Equatable {
    var id: String
    var name: String
    var kind: FacilityKind
    var status: FacilityStatus
    var `operator`: String
    var district: String?
    var authority: Authority
    var capacity: Int
    var expansionCapacity: Int?
    var blocked: Int?
    var note: String?

    var body: FacilityBody {
        FacilityBody(
            name: name, kind: kind, status: status, operator: `operator`, district: district, authority: authority,
            capacity: capacity, expansionCapacity: expansionCapacity, blocked: blocked, note: note)
    }
}

/// What `seed DIR` found: any file may be absent (nil), and notes say which were skipped.
struct SeedDefinitions: Sendable, Equatable {
    var districts: [SeedDistrict]?
    var facilities: [SeedFacility]?
    var years: [SeedYear]?
    var skipped: [String] = []
}

/// Every reason the seed files cannot be loaded, each naming the file and the field.
struct SeedFailure: Error, Sendable, Equatable {
    var problems: [Text]
}

/// Reads and checks the reference data in a directory such as `Config/oslo`.
///
/// Everything is checked before anything is sent, so a typo in the last facility does not
/// leave the first ones seeded and the rest not: decoding is strict (an unknown key is an
/// error, as in every file the system reads), ids must be unique, the facility rules of the
/// domain must hold, and (once the daemon is asked) districts must exist and capacities fit
/// the cap.
enum SeedFiles {
    static let districtsFile = "districts.json5"
    static let facilitiesFile = "facilities.json5"
    static let yearsFile = "settlement-years.json5"

    private struct DistrictsDocument: Decodable { var districts: [SeedDistrict] }
    private struct FacilitiesDocument: Decodable { var facilities: [SeedFacility] }
    private struct YearsDocument: Decodable { var years: [SeedYear] }

    /// The files from `directory`; a missing one is skipped. Nil when none is there.
    static func load(directory: String) throws(SeedFailure) -> SeedDefinitions? {
        var definitions = SeedDefinitions()
        var problems: [Text] = []
        func read(_ file: String) -> String? {
            let path = (directory as NSString).appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: path) else {
                definitions.skipped.append(file)
                return nil
            }
            guard let text = String(validating: data, as: UTF8.self) else {
                problems.append(Text("\(file): not valid UTF-8", nb: "\(file): ikke gyldig UTF-8"))
                return nil
            }
            return text
        }
        do {
            if let text = read(districtsFile) { definitions.districts = try districts(text) }
        } catch {
            problems += error.problems
        }
        do {
            if let text = read(facilitiesFile) { definitions.facilities = try facilities(text) }
        } catch {
            problems += error.problems
        }
        do {
            if let text = read(yearsFile) { definitions.years = try years(text) }
        } catch {
            problems += error.problems
        }
        guard problems.isEmpty else { throw SeedFailure(problems: problems) }
        return definitions.districts == nil && definitions.facilities == nil && definitions.years == nil ? nil : definitions
    }

    /// The years, each unique and with numbers the daemon accepts.
    static func years(_ text: String) throws(SeedFailure) -> [SeedYear] {
        let years = try decode(YearsDocument.self, text, file: yearsFile).years
        try unique(years.map { String($0.year) }, file: yearsFile, list: "years", field: "year")
        let problems = years.enumerated().compactMap { index, year -> Text? in
            let body = year.body
            let problem = SettlementYear(
                year: year.year, imdiRequest: body.imdiRequest, imdiRequestMinors: body.imdiRequestMinors,
                councilDecision: body.councilDecision, councilDecisionMinors: body.councilDecisionMinors, note: body.note
            ).problem()
            return problem.map { located(yearsFile, "years[\(index)].\($0.field)", $0.problem) }
        }
        guard problems.isEmpty else { throw SeedFailure(problems: problems) }
        return years
    }

    static func districts(_ text: String) throws(SeedFailure) -> [SeedDistrict] {
        let districts = try decode(DistrictsDocument.self, text, file: districtsFile).districts
        try unique(districts.map(\.id), file: districtsFile, list: "districts")
        return districts
    }

    static func facilities(_ text: String) throws(SeedFailure) -> [SeedFacility] {
        let facilities = try decode(FacilitiesDocument.self, text, file: facilitiesFile).facilities
        try unique(facilities.map(\.id), file: facilitiesFile, list: "facilities")
        let problems = facilities.enumerated().flatMap { index, facility in
            facility.body.definition.problems().map { problem in
                located(facilitiesFile, "facilities[\(index)].\(problem.field)", problem.problem)
            }
        }
        guard problems.isEmpty else { throw SeedFailure(problems: problems) }
        return facilities
    }

    /// Checks that need the daemon's state: every district a facility names exists (in the
    /// file or already), and no capacity is above the cap, which only an administrator may
    /// override one facility at a time, with a reason.
    static func check(_ facilities: [SeedFacility], knownDistricts: Set<String>, cap: Int) throws(SeedFailure) {
        var problems: [Text] = []
        for (index, facility) in facilities.enumerated() {
            if let district = facility.district, !knownDistricts.contains(district) {
                problems.append(located(
                    facilitiesFile, "facilities[\(index)].district",
                    Text("unknown district '\(district)'", nb: "ukjent bydel «\(district)»")))
            }
            if let excess = facility.body.definition.capExcess(cap: cap) {
                problems.append(located(
                    facilitiesFile, "facilities[\(index)].\(excess.field)",
                    Text(
                        "\(excess.requested) is above the cap of \(cap) places; an administrator must set it with `beredskap facility add \(facility.id) … --cap-override REASON`",
                        nb: "\(excess.requested) er over taket på \(cap) plasser; en administrator må sette det med `beredskap facility add \(facility.id) … --cap-override REASON`")))
            }
        }
        guard problems.isEmpty else { throw SeedFailure(problems: problems) }
    }

    /// Parses JSON5 and decodes strictly; any error names the file and the field.
    static func decode<T: Decodable>(_ type: T.Type, _ text: String, file: String) throws(SeedFailure) -> T {
        do {
            return try JSONValueDecoder().decode(type, from: Array(text.utf8), options: .json5)
        } catch {
            throw SeedFailure(problems: [Text("\(file): \(error.description)", nb: "\(file): \(error.description)")])
        }
    }

    private static func unique(_ ids: [String], file: String, list: String, field: String = "id") throws(SeedFailure) {
        var seen: Set<String> = []
        let problems = ids.enumerated().compactMap { index, id -> Text? in
            seen.insert(id).inserted
                ? nil : located(file, "\(list)[\(index)].\(field)", Text("'\(id)' appears twice", nb: "«\(id)» finnes to ganger"))
        }
        guard problems.isEmpty else { throw SeedFailure(problems: problems) }
    }

    /// `facilities.json5: facilities[2].capacity: …`, the shape of every configuration error.
    static func located(_ file: String, _ field: String, _ problem: Text) -> Text {
        Text("\(file): \(field): ", nb: "\(file): \(field): ") + problem
    }
}
