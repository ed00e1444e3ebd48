import BeredskapCLIKit
import BeredskapCore

/// The settlement commands (issue 11): districts, and the `settlement` group — years, their
/// history and the allocation preview from this folder, quotas, records and progress from
/// `SettlementProgress/` — each declared beside its action.
extension CommandTree {
    static let settlementCommands = [district, settlement]

    /// What this folder adds to the `settlement` group.
    static let settlementYearCommands: [Command] = [settlementYear, settlementHistory, settlementAllocate]

    static let settlement = Command(
        "settlement",
        summary: Text("settlement: yearly numbers, quotas, records and progress", nb: "bosetting: årstall, kvoter, bosettinger og framdrift"),
        discussion: help(
            """
            Each year IMDi asks the city to settle a number of refugees and the city council
            decides how many; the number is split between the 15 districts.
            """,
            nb: """
            Hvert år ber IMDi byen bosette et antall flyktninger, og bystyret vedtar hvor
            mange; tallet fordeles mellom de 15 bydelene.
            """),
        subcommands: settlementYearCommands + settlementProgressCommands)

    /// `YEAR`, as the settlement commands take it.
    static let settlementYearArgument = ArgumentSpec.required("YEAR", help: Text("the year, e.g. 2016", nb: "året, f.eks. 2016"))
}

extension ParsedCommand {
    /// The `YEAR` argument as a year the daemon keeps.
    func settlementYear() throws(UsageError) -> Int {
        let text = argument("YEAR") ?? ""
        guard let year = Int(text), SettlementYear.years.contains(year) else {
            let years = SettlementYear.years
            throw usageError(Text(
                "<YEAR>: expected a year from \(years.lowerBound) to \(years.upperBound), not '\(text)'",
                nb: "<YEAR>: forventet et år fra \(years.lowerBound) til \(years.upperBound), ikke «\(text)»"))
        }
        return year
    }
}
