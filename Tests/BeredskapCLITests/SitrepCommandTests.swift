import BeredskapCLIKit
import BeredskapCore
import Testing

@testable import BeredskapCLI

/// `report sitrep`: its options, its usage errors and its help.
@Suite struct SitrepCommandTests {
    static let parser = ArgumentParser(
        root: CommandSpec("beredskap", summary: Text("test", nb: "test"), subcommands: [CommandTree.report.spec]),
        globalOptions: CommandTree.globalOptions)
    static let calendar = LocalCalendar(identifier: "Europe/Oslo")

    func request(_ arguments: [String]) throws -> SitrepCommand.Request {
        guard case .run(let command) = try Self.parser.parse(["report", "sitrep"] + arguments) else {
            throw FacilityOptionsTests.Unexpected.notRun
        }
        return try SitrepCommand.request(command, calendar: try #require(Self.calendar))
    }

    @Test func markdownInBokmaalOfNowToStandardOutputUnlessAskedOtherwise() throws {
        #expect(try request([]) == .init(format: .markdown, language: .nb, isPublic: false, at: nil, output: nil))
        #expect(try request(["--format", "html", "--lang", "en", "--public", "--output", "sitrep.html"])
            == .init(format: .html, language: .en, isPublic: true, at: nil, output: "sitrep.html"))
        #expect(try request(["--json"]).format == .json)
        #expect(try request(["--json", "--format", "md"]).format == .markdown)
    }

    @Test func atTakesWhatTheOtherTimeOptionsTake() throws {
        #expect(try request(["--at", "2026-11-22 10:30"]).at == Timestamp(rfc3339: "2026-11-22T09:30:00Z"))
        #expect(try request(["--at", "2026-11-22"]).at == Timestamp(rfc3339: "2026-11-21T23:00:00Z"))
        #expect(try request(["--at", "2026-11-22T09:30:00Z"]).at == Timestamp(rfc3339: "2026-11-22T09:30:00Z"))
    }

    @Test func aBadFormatTimeOrFileIsAUsageError() throws {
        for arguments in [["--format", "pdf"], ["--output", ""], ["--at", "soon"], ["extra"]] {
            #expect(throws: UsageError.self, "\(arguments)") { try request(arguments) }
        }
    }

    @Test func itHasHelpInBothLanguages() throws {
        guard case .help(let path) = try Self.parser.parse(["report", "sitrep", "--help"]) else {
            Issue.record("no help")
            return
        }
        let english = Self.parser.help(for: path, language: .en)
        let bokmål = Self.parser.help(for: path, language: .nb)
        #expect(english.contains("--public") && english.contains("situation report") && english.contains("--at"))
        #expect(bokmål.contains("situasjonsrapporten") && bokmål.contains("samletall") && english != bokmål)
    }
}
