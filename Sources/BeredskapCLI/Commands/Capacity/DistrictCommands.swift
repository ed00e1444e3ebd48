import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore

/// `districts`, declared with its action (`DistrictCommands`).
extension CommandTree {
    static let districts = Command(
        "districts",
        summary: Text("list the city districts (ids, numbers, population)", nb: "vis bydelene (id, nummer, folketall)"),
        discussion: help(
            """
            The ids are what --district takes. Population (1 January, from SSB) is loaded with
            'beredskap seed'.
            """,
            nb: """
            Id-ene er det --district tar. Folketall (1. januar, fra SSB) lastes inn med
            «beredskap seed».
            """,
            examples: [
                "beredskap districts",
                "beredskap districts --csv > bydeler.csv",
            ]),
        run: DistrictCommands.list)
}

/// `districts`: the city districts facilities belong to. The daemon's error for an unknown
/// district points here, so the valid ids are one command away.
enum DistrictCommands {
    static func list(_ context: CommandContext) throws(CommandFailure) {
        let list = try call { () throws(ClientError) in try context.client.districts() }
        let output = context.output
        let districts = list.districts.sorted { ($0.number, $0.id) < ($1.number, $1.id) }
        let years = Set(districts.flatMap(\.population.keys)).sorted()
        guard !output.printedForScripts(list, csv: {
            (
                ["number", "id", "name"] + years.map { "population_\($0)" },
                districts.map { district in
                    [String(district.number), district.id, district.name] + years.map { district.population[$0].map(String.init) ?? "" }
                }
            )
        }) else { return }
        output.table(
            [.number("NO.", nb: "NR."), ListColumn("ID", nb: "ID"), ListColumn("NAME", nb: "NAVN")]
                + years.map { ListColumn($0, nb: $0, alignment: .right) },
            rows: districts.map { district in
                [String(district.number), district.id, district.name] + years.map { CapacityFormat.optional(district.population[$0]) }
            })
    }
}
