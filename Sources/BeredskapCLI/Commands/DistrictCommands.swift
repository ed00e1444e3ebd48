import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore

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
