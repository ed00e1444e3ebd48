import BeredskapJSON
import Foundation
import Testing

/// Settlement years, history and the allocation preview with the real binaries, from the
/// Oslo seed (issue 11, item 9).
@Suite struct SettlementYearCLITests {
    static let oslo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Config/oslo").path

    func json(_ daemon: DaemonProcess, _ arguments: [String]) throws -> JSONValue {
        let result = try daemon.cli(arguments + ["--json"])
        #expect(result.code == 0, "\(arguments): \(result.stderr)")
        return try JSONParser.parse(result.stdout)
    }

    @Test func fromTheSeedToAnAllocationThatChangesNothing() throws {
        let daemon = try DaemonProcess()
        #expect(try daemon.cli(["seed", Self.oslo]).code == 0)

        let history = try daemon.cli(["settlement", "history"])
        #expect(history.code == 0, "\(history.stderr)")
        #expect(history.stdout.contains("Years the council decided fewer than asked: 2007, 2008, 2009, 2010, 2012, 2013."))
        #expect(history.stdout.contains("2016 decision  1000  █"))
        let bokmaal = try daemon.cli(["settlement", "history", "--lang", "nb"])
        #expect(bokmaal.stdout.contains("År bystyret vedtok færre enn anmodet: 2007, 2008, 2009, 2010, 2012, 2013."))
        let csv = try daemon.cli(["settlement", "history", "--csv"])
        #expect(csv.stdout.hasPrefix("year,imdi_request,imdi_request_minors,council_decision,council_decision_minors,difference,note\n"))

        let seqBefore = try json(daemon, ["status"])["last_event_seq"]
        let allocation = try json(daemon, [
            "settlement", "allocate", "2016", "--method", "weighted", "--criterion", "immigrant_share:2:less", "--criterion", "population:1",
        ])
        let quotas = allocation["districts"]?.arrayValue?.compactMap { $0["quota"]?.intValue } ?? []
        #expect(quotas.count == 15 && quotas.reduce(0, +) == 1000)
        #expect(allocation["criteria"]?.arrayValue?.map { $0["year"]?.intValue } == [2015, 2016])
        #expect(try json(daemon, ["status"])["last_event_seq"] == seqBefore, "a preview writes nothing")

        let table = try daemon.cli(["settlement", "allocate", "2016", "--method", "population"])
        #expect(table.stdout.contains("  1  Gamle Oslo"))
        #expect(table.stdout.contains("Total"))

        let refused = try daemon.cli(["settlement", "allocate", "2016", "--method", "weighted", "--criterion", "intro_results:1"])
        #expect(refused.code == 2, "\(refused.stderr)")
        #expect(refused.stderr.contains("--criterion intro_results: give its values with --values FILE"))
        #expect(try daemon.cli(["settlement", "allocate", "2016", "--method", "lottery"]).code == 2)

        #expect(try daemon.cli(["settlement", "year", "set", "2017", "--decision", "850"]).code == 0)
        let year = try json(daemon, ["settlement", "year", "show", "2017"])
        #expect(year["imdi_request"]?.intValue == 850 && year["council_decision"]?.intValue == 850)
        #expect(try daemon.cli(["settlement", "year", "show", "2030"]).code == 2)
    }
}
