import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore
import Foundation

/// `seed`, declared with its action (`SeedCommand`).
extension CommandTree {
    static let seed = Command(
        "seed",
        summary: Text(
            "load districts, facilities and settlement years from a directory", nb: "last inn bydeler, mottak og bosettingsår fra en mappe"),
        discussion: help(
            """
            Reads DIR/districts.json5, DIR/facilities.json5, DIR/settlement-years.json5 and
            DIR/settlement-2015-2016.json5 (any may be missing), checks everything, then writes
            it. Safe to repeat: districts, years and reference figures are written (an unchanged
            one changes nothing; a district's contact point, which the file does not have, is
            kept); facilities that already exist are kept unless --replace is given.
            """,
            nb: """
            Leser DIR/districts.json5, DIR/facilities.json5, DIR/settlement-years.json5 og
            DIR/settlement-2015-2016.json5 (hver av dem kan mangle), sjekker alt og skriver det
            så. Trygt å gjenta: bydeler, år og referansetall skrives (et uendret endrer
            ingenting; en bydels kontaktpunkt, som filen ikke har, beholdes); mottak som finnes
            fra før beholdes med mindre --replace er gitt.
            """,
            examples: [
                "beredskap seed Config/oslo",
                "beredskap seed Config/oslo --replace",
            ]),
        options: [
            .flag("replace", help: Text(
                "overwrite existing facilities with the file's definitions", nb: "overskriv eksisterende mottak med definisjonene i filen")),
        ],
        arguments: [.required("DIR", help: Text("the directory, e.g. Config/oslo", nb: "mappen, f.eks. Config/oslo"))],
        run: SeedCommand.run)
}

/// `seed DIR`: loads reference data (districts, facilities) into the daemon, safely repeatable.
///
/// Facilities that already exist are kept by default, because from the day a facility is in
/// use its figures belong to the operators (status, capacity changes), not to the file;
/// `--replace` makes the file win. Districts are always written: they are reference figures
/// the file owns, and an unchanged one changes nothing.
enum SeedCommand {
    enum Outcome: String, Encodable, CaseIterable {
        case created, changed, unchanged, kept

        var title: Text {
            switch self {
            case .created: Text("CREATED", nb: "OPPRETTET")
            case .changed: Text("CHANGED", nb: "ENDRET")
            case .unchanged: Text("UNCHANGED", nb: "UENDRET")
            case .kept: Text("KEPT", nb: "BEHOLDT")
            }
        }
    }

    struct Item: Encodable {
        var id: String
        var result: Outcome
    }

    struct Summary: Encodable {
        var districts: [Item] = []
        var facilities: [Item] = []
        var years: [Item] = []
        /// Settlement reference years (`SettlementReferenceSeed`).
        var settlement: [Item] = []
        var skipped: [String] = []
    }

    static func run(_ context: CommandContext) throws(CommandFailure) {
        let parsed = context.parsed
        let output = context.output
        let directory = parsed.argument("DIR") ?? ""
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .usage(parsed.usageError(Text("'\(directory)' is not a directory", nb: "«\(directory)» er ikke en mappe")))
        }
        let loaded: SeedDefinitions?
        let settlement: SettlementReferenceSeed.Document?
        do {
            loaded = try SeedFiles.load(directory: directory)
            settlement = try SettlementReferenceSeed.load(directory: directory)
        } catch {
            throw failure(error)
        }
        guard let definitions = loaded ?? settlement.map({ _ in SeedDefinitions() }) else {
            throw .usage(parsed.usageError(Text(
                "none of \(SeedFiles.districtsFile), \(SeedFiles.facilitiesFile), \(SeedFiles.yearsFile) is in '\(directory)'",
                nb: "ingen av \(SeedFiles.districtsFile), \(SeedFiles.facilitiesFile), \(SeedFiles.yearsFile) finnes i «\(directory)»")))
        }
        for file in definitions.skipped {
            output.error(output.style.dim(Text(
                "beredskap: \(file) is not in \(directory); skipped.", nb: "beredskap: \(file) finnes ikke i \(directory); hoppet over.")(output.language)))
        }
        let client = context.client
        let districtsNow = try call { () throws(ClientError) in try client.districts().districts }
        let existingDistricts = Set(districtsNow.map(\.id))
        let existingFacilities = try call { () throws(ClientError) in try client.facilities() }
        if let facilities = definitions.facilities {
            do {
                try SeedFiles.check(
                    facilities, knownDistricts: existingDistricts.union(definitions.districts?.map(\.id) ?? []),
                    cap: existingFacilities.cap)
            } catch {
                throw failure(error)
            }
        }
        var summary = Summary(skipped: definitions.skipped)
        for district in definitions.districts ?? [] {
            let current = districtsNow.first { $0.id == district.id }
            let body = district.body(over: current)
            // Changing a district takes admin; one that is as the file has it is not sent, so an
            // operator can seed again once the districts are loaded.
            if let current, body.district(id: district.id) == current {
                summary.districts.append(Item(id: district.id, result: .unchanged))
                continue
            }
            let key = context.idempotencyKey()
            let answer = try call { () throws(ClientError) in try client.putDistrict(id: district.id, body, idempotencyKey: key) }
            let outcome: Outcome = !existingDistricts.contains(district.id) ? .created : answer.changed ? .changed : .unchanged
            summary.districts.append(Item(id: district.id, result: outcome))
        }
        let current = Dictionary(existingFacilities.facilities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for facility in definitions.facilities ?? [] {
            if let existing = current[facility.id], !parsed.flag("replace") {
                let same = definition(of: existing) == facility.body.definition
                summary.facilities.append(Item(id: facility.id, result: same ? .unchanged : .kept))
                continue
            }
            let key = context.idempotencyKey()
            let answer = try call { () throws(ClientError) in try client.putFacility(id: facility.id, facility.body, idempotencyKey: key) }
            let outcome: Outcome = answer.created ? .created : answer.changed ? .changed : .unchanged
            summary.facilities.append(Item(id: facility.id, result: outcome))
        }
        if let years = definitions.years {
            let yearsNow = try call { () throws(ClientError) in Set(try client.settlementYears().years.map(\.year)) }
            for year in years {
                let key = context.idempotencyKey()
                let answer = try call { () throws(ClientError) in try client.putSettlementYear(year.year, year.body, idempotencyKey: key) }
                let outcome: Outcome = !yearsNow.contains(year.year) ? .created : answer.changed ? .changed : .unchanged
                summary.years.append(Item(id: String(year.year), result: outcome))
            }
        }
        if let settlement { summary.settlement = try SettlementReferenceSeed.send(settlement, context: context) }
        print(summary, directory: directory, output)
    }

    /// The declared part of a facility as the daemon shows it, to compare with the file.
    static func definition(of facility: FacilityResource) -> FacilityDefinition {
        FacilityDefinition(
            name: facility.name, kind: facility.kind, status: facility.status, operatorName: facility.operator,
            district: facility.district, authority: facility.authority, capacity: facility.capacity,
            expansionCapacity: facility.expansionCapacity, blocked: facility.blocked, note: facility.note)
    }

    static func failure(_ error: SeedFailure) -> CommandFailure {
        let head = Text(
            "the seed files have problems; nothing was sent:",
            nb: "seed-filene har feil; ingenting ble sendt:")
        return .message(error.problems.reduce(head) { $0 + Text("\n  ", nb: "\n  ") + $1 }, .refused)
    }

    static func print(_ summary: Summary, directory: String, _ output: Output) {
        let groups: [(String, Text, [Item])] = [
            ("district", Text("districts", nb: "bydeler"), summary.districts),
            ("facility", Text("facilities", nb: "mottak"), summary.facilities),
            ("settlement_year", Text("settlement years", nb: "bosettingsår"), summary.years),
            ("settlement_reference", Text("reference figures", nb: "referansetall"), summary.settlement),
        ]
        guard !output.printedForScripts(summary, csv: {
            (["type", "id", "result"], groups.flatMap { type, _, items in items.map { [type, $0.id, $0.result.rawValue] } })
        }) else { return }
        output.line(output.style.bold(Text("Seeded from \(directory)", nb: "Lastet fra \(directory)")(output.language)))
        output.table(
            [ListColumn("", nb: "")] + Outcome.allCases.map { ListColumn($0.title, alignment: .right) },
            rows: groups.map { _, name, items in
                [name(output.language)] + Outcome.allCases.map { outcome in String(items.filter { $0.result == outcome }.count) }
            })
        let kept = summary.facilities.filter { $0.result == .kept }.map(\.id)
        if !kept.isEmpty {
            output.line(output.style.yellow(Text(
                "Kept as they are (they differ from the file; --replace overwrites them): \(kept.joined(separator: ", "))",
                nb: "Beholdt som de er (de avviker fra filen; --replace overskriver dem): \(kept.joined(separator: ", "))")(output.language)))
        }
    }
}
