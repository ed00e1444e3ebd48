import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore
import BeredskapJSON
import Testing

@testable import BeredskapCLI

@Suite struct FacilityOptionsTests {
    /// The parsed command line of the real CLI.
    func parsed(_ arguments: [String]) throws -> ParsedCommand {
        guard case .run(let command) = try CLI.parser.parse(arguments) else { throw Unexpected.notRun }
        return command
    }

    func patch(_ options: [String]) throws -> JSONObject {
        let command = try parsed(["facility", "set", "refstad"] + options)
        return try FacilityOptions(command).patch(command)
    }

    func usageMessage(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let error as UsageError {
            return error.message.en
        } catch {
            return "\(error)"
        }
    }

    enum Unexpected: Error { case notRun }

    @Test func aPatchCarriesOnlyTheGivenFieldsInTheirJSONSpelling() throws {
        #expect(try patch(["--status", "standby"]) == ["status": "standby"])
        let all = try patch([
            "--name", "Refstad", "--kind", "transit", "--operator", "Hero", "--authority", "UDI", "--capacity", "320",
            "--expansion", "400", "--blocked", "20", "--district", "bjerke", "--note", "Fløy B stengt",
        ])
        #expect(all == [
            "name": "Refstad", "kind": "transit", "operator": "Hero", "authority": "UDI", "capacity": 320,
            "expansion_capacity": 400, "blocked": 20, "district": "bjerke", "note": "Fløy B stengt",
        ])
    }

    @Test func noneAndAnEmptyNoteClearFieldsWithNull() throws {
        #expect(try patch(["--district", "none", "--expansion", "none", "--note", ""]) == [
            "expansion_capacity": .null, "district": .null, "note": .null,
        ])
    }

    @Test func theCapOverrideTravelsWithTheCapacityItAllows() throws {
        #expect(try patch(["--capacity", "1200", "--cap-override", "Vedtak 22. nov"]) == [
            "capacity": 1200, "cap_override": ["reason": "Vedtak 22. nov"],
        ])
        #expect(usageMessage { _ = try patch(["--cap-override", "why"]) }?.hasPrefix("nothing to change") == true)
        #expect(usageMessage { _ = try patch([]) }?.hasPrefix("nothing to change") == true)
    }

    @Test func badValuesAreUsageErrorsNamingTheOption() throws {
        #expect(usageMessage { _ = try patch(["--kind", "hotel"]) }?.hasPrefix("option '--kind' expects one of: arrival, transit") == true)
        #expect(usageMessage { _ = try patch(["--capacity", "-1"]) } == "option '--capacity' expects an integer from 0 to 100000, got '-1'")
        #expect(usageMessage { _ = try patch(["--expansion", "lots"]) }?.hasPrefix("option '--expansion' expects") == true)
        #expect(usageMessage { _ = try patch(["--authority", "udi"]) }?.contains("UDI, Bufetat, municipality") == true)
    }

    @Test func addNeedsEveryRequiredFieldAndNamesAllMissingAtOnce() throws {
        let partial = try parsed(["facility", "add", "refstad", "--name", "Refstad", "--capacity", "300"])
        #expect(usageMessage { _ = try FacilityOptions(partial).body(partial) } == "missing --kind, --status, --operator, --authority")
        let complete = try parsed([
            "facility", "add", "refstad", "--name", "Refstad", "--kind", "transit", "--status", "open", "--operator", "Hero",
            "--authority", "UDI", "--capacity", "1200", "--district", "none", "--cap-override", "council",
        ])
        #expect(try FacilityOptions(complete).body(complete) == FacilityBody(
            name: "Refstad", kind: .transit, status: .open, operator: "Hero", district: nil, authority: .udi, capacity: 1200,
            capOverride: CapOverrideRequest(reason: "council")))
    }

    @Test func timesAreLocalTimesDatesOrRFC3339() throws {
        let oslo = try #require(LocalCalendar(identifier: "Europe/Oslo"))
        let command = try parsed(["arrival", "record", "refstad", "3", "--category", "adult", "--at", "2026-11-22"])
        #expect(try command.instant("at", calendar: oslo) == Timestamp(rfc3339: "2026-11-21T23:00:00Z"))
        let local = try parsed(["arrival", "record", "refstad", "3", "--category", "adult", "--at", "2026-11-22 10:00"])
        #expect(try local.instant("at", calendar: oslo) == Timestamp(rfc3339: "2026-11-22T09:00:00Z"))
        let bad = try parsed(["arrival", "record", "refstad", "3", "--category", "adult", "--at", "in an hour"])
        #expect(usageMessage { _ = try bad.instant("at", calendar: oslo) }?.hasPrefix("option '--at' expects a local time such as '2026-11-22 10:30'") == true)
        #expect(usageMessage { _ = try bad.count("COUNT", in: 1...10) } == nil)
        #expect(usageMessage { _ = try bad.count("COUNT", in: 5...10) } == "<COUNT> must be a whole number from 5 to 10, not '3'")
    }

    @Test func figuresReadAtAGlance() {
        #expect(CapacityFormat.percent(0.8666) == "87 %")
        #expect(CapacityFormat.percent(nil) == "–")
        #expect(CapacityFormat.decimal(2.46, .nb) == "2,5")
        let full = CapacityFormat.Marks(overCapacity: true, stale: true, overCap: true)
        #expect(full.utilization(1.03) == "103 % !")
        #expect(full.notes(.en) == "over capacity, over cap, stale")
        #expect(full.notes(.nb) == "overbelagt, over taket, utdatert")
        #expect(full.rowStyle(TextStyle(enabled: true))("x") == "\u{1B}[31mx\u{1B}[39m")
        #expect(CapacityFormat.Marks(stale: true).rowStyle(TextStyle(enabled: true))("x") == "\u{1B}[33mx\u{1B}[39m")
        #expect(CapacityFormat.Marks(stale: true).rowStyle(.plain)("x") == "x")
    }

    @Test func wholeRowsAreColouredOnATerminalAndAlignmentIsKept() {
        nonisolated(unsafe) var printed = ""
        let output = Output(
            language: .nb, style: TextStyle(enabled: true), format: .human, width: 80, write: { printed += $0 }, writeError: { _ in })
        output.table(
            [ListColumn("ID", nb: "ID"), .number("UTIL", nb: "BELEGG")], rows: [["refstad", "103 % !"], ["torshov", "9 %"]],
            rowStyles: [TextStyle(enabled: true).red, { $0 }])
        let lines = printed.split(separator: "\n").map(String.init)
        #expect(lines == [
            "\u{1B}[1mID\u{1B}[22m        \u{1B}[1mBELEGG\u{1B}[22m",
            "\u{1B}[31mrefstad  103 % !\u{1B}[39m",
            "torshov      9 %",
        ])
    }

    @Test func aCapRefusalSaysTheCapTheRequestAndTheWayOut() {
        let body = APIErrorBody(
            code: .capExceeded, message: "capacity above the cap",
            details: ["cap": 1000, "requested": 1200, "field": "capacity"])
        let hint = APIErrorHint.hint(for: body)
        #expect(hint?.en.contains("The cap is 1000 places per facility; capacity asked for 1200.") == true)
        #expect(hint?.en.contains("--cap-override REASON") == true)
        #expect(hint?.nb.contains("Taket er 1000 plasser") == true)
        #expect(APIErrorHint.hint(for: APIErrorBody(code: .conflict, message: "closed")) == nil)
    }

    @Test func capacityCommandsRunOnlyWithValidArguments() {
        func code(_ arguments: [String]) -> Int32 {
            CLI.run(
                arguments: arguments + ["--socket", "/nonexistent/beredskap.sock"], environment: [:], isTTY: false, columns: 80,
                write: { _ in }, writeError: { _ in })
        }
        #expect(code(["facility", "list", "--kind", "hotel"]) == 2)
        #expect(code(["arrival", "record", "refstad", "3"]) == 2)
        #expect(code(["arrival", "record", "refstad", "many", "--category", "adult"]) == 2)
        #expect(code(["departure", "record", "refstad", "3", "--reason", "settled", "--to", "torshov"]) == 2)
        #expect(code(["occupancy", "report", "refstad", "-1"]) == 2)
        #expect(code(["history", "arrivals", "--from", "2026-11-22", "--to", "2026-11-01"]) == 2)
        #expect(code(["seed", "/nonexistent-directory"]) == 2)
        // Valid lines get as far as the (missing) daemon.
        #expect(code(["capacity"]) == 3)
        #expect(code(["arrival", "record", "refstad", "3", "--category", "adult"]) == 3)
        #expect(code(["history", "arrivals", "--week"]) == 3)
    }
}
