import BeredskapAPI
import BeredskapClient
import BeredskapCore
import Foundation

/// The settlement reference figures in a seed directory (`settlement-2015-2016.json5`): per
/// year the quotas and the persons settled of that year's quota by a date, loaded with
/// `PUT /v1/settlement/years/{year}/reference` (which changes nothing the second time).
enum SettlementReferenceSeed {
    static let file = "settlement-2015-2016.json5"

    struct Year: Decodable, Sendable, Equatable {
        var year: Int
        /// The date the settled figures are as of.
        var asOf: CalendarDate
        var quotas: [String: Int]
        /// Kept for the record; progress counts a year's own quota only.
        var settledAnyQuotaYear: [String: Int]
        var settledOfQuota: [String: Int]
    }

    struct Document: Decodable, Sendable, Equatable {
        var source: String
        var years: [Year]
    }

    /// The file in `directory`, checked; nil when it is not there.
    static func load(directory: String) throws(SeedFailure) -> Document? {
        let path = (directory as NSString).appendingPathComponent(file)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw SeedFailure(problems: [Text("\(file): not valid UTF-8", nb: "\(file): ikke gyldig UTF-8")])
        }
        let document = try SeedFiles.decode(Document.self, text, file: file)
        var problems: [Text] = []
        for (index, year) in document.years.enumerated() where year.asOf.year != year.year {
            problems.append(SeedFiles.located(file, "years[\(index)].as_of", Text("must be in \(year.year)", nb: "må være i \(year.year)")))
        }
        guard problems.isEmpty else { throw SeedFailure(problems: problems) }
        return document
    }

    /// Loads every year; the outcome per year (`settlement/2016`).
    static func send(_ document: Document, context: CommandContext) throws(CommandFailure) -> [SeedCommand.Item] {
        var items: [SeedCommand.Item] = []
        for year in document.years {
            let body = ReferenceFiguresBody(
                quotas: year.quotas, settled: year.settledOfQuota, date: year.asOf, reason: document.source)
            let key = context.idempotencyKey()
            let answer = try call { () throws(ClientError) in
                try context.client.loadReference(year: year.year, body, idempotencyKey: key)
            }
            let outcome: SeedCommand.Outcome = answer.quotasChanged || answer.recordsChanged ? .changed : .unchanged
            items.append(SeedCommand.Item(id: String(year.year), result: outcome))
        }
        return items
    }
}
