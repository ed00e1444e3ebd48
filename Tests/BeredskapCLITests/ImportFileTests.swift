import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore
import BeredskapJSON
import Testing

@testable import BeredskapCLI

@Suite struct ImportFileTests {
    let oslo = LocalCalendar(identifier: "Europe/Oslo") ?? LocalCalendar(timeZone: .current)

    /// The problems a file has, or [] when it passes.
    func problems(_ text: String, occupancy: Bool = false) -> [ImportProblem] {
        do {
            if occupancy {
                _ = try ImportFile.occupancy(text, calendar: oslo)
            } else {
                _ = try ImportFile.arrivals(text, calendar: oslo)
            }
            return []
        } catch {
            return error.problems
        }
    }

    @Test func semicolonsAndCommasAreFoundFromTheHeader() throws {
        let semicolons = try ImportFile.arrivals(
            "facility;count;category;at;note\nrefstad;12;family;2026-11-22T06:40:00Z;Buss, fra Storskog\n", calendar: oslo)
        let commas = try ImportFile.arrivals(
            "facility,count,category,at,note\nrefstad,12,family,2026-11-22T06:40:00Z,\"Buss, fra Storskog\"\n", calendar: oslo)
        #expect(semicolons.separator == ";")
        #expect(commas.separator == ",")
        #expect(semicolons.rows == commas.rows)
        #expect(semicolons.rows == [ArrivalBody(
            facility: "refstad", count: 12, category: .family, at: Timestamp(rfc3339: "2026-11-22T06:40:00Z"),
            note: "Buss, fra Storskog")])
    }

    @Test func aByteOrderMarkAndCRLFAsExcelWritesThem() throws {
        let file = "\u{FEFF}facility;occupied;at\r\nrefstad;287;\r\ntorshov;190;2026-11-22T07:00:00Z\r\n"
        let rows = try ImportFile.occupancy(file, calendar: oslo)
        #expect(rows.rows == [
            OccupancyImportRow(facility: "refstad", occupied: 287),
            OccupancyImportRow(facility: "torshov", occupied: 190, at: Timestamp(rfc3339: "2026-11-22T07:00:00Z")),
        ])
        #expect(rows.lines == [2, 3])
        // The bytes as read from disk: a BOM in UTF-8 is stripped the same way.
        let fromBytes = try ImportFile.text([0xEF, 0xBB, 0xBF] + Array("facility,occupied\nrefstad,1\n".utf8))
        #expect(try ImportFile.occupancy(fromBytes, calendar: oslo).rows.count == 1)
    }

    @Test func headerNamesAreTheJSONFieldNamesInAnyCaseAndOrder() throws {
        let rows = try ImportFile.arrivals(" Category ;FACILITY;count\nadult;refstad;2\n", calendar: oslo)
        #expect(rows.rows == [ArrivalBody(facility: "refstad", count: 2, category: .adult)])
    }

    @Test func aDateMeansTheLocalMidnightThatStartsIt() throws {
        let rows = try ImportFile.arrivals("facility,count,category,at\nrefstad,1,other,2026-11-22\n", calendar: oslo)
        #expect(rows.rows.first?.at == Timestamp(rfc3339: "2026-11-21T23:00:00Z"))
        let summer = try ImportFile.occupancy("facility,occupied,at\nrefstad,1,2026-07-01\n", calendar: oslo)
        #expect(summer.rows.first?.at == Timestamp(rfc3339: "2026-06-30T22:00:00Z"))
    }

    @Test func everyBadValueIsReportedWithItsLineAndField() {
        let file = """
            facility;count;category;at;note

            refstad;12;family;;
            torshov;x;kids;yesterday;
            ;0;adult;;
            refstad;1.5;Adult;2026-13-01;
            refstad;200000;adult;2026-11-22T25:00:00Z;"line one
            line two"
            refstad;-1;other;;
            """
        let found = problems(file)
        #expect(found.map(\.line) == [4, 4, 4, 5, 5, 6, 6, 6, 7, 7, 9])
        #expect(found.map(\.field) == [
            "count", "category", "at", "facility", "count", "count", "category", "at", "count", "at", "count",
        ])
        #expect(found[0].text.en == "line 4, count: expected a whole number from 1 to 100000, got 'x'")
        #expect(found[1].text.en.hasPrefix("line 4, category: expected one of: adult, family,"))
        #expect(found[1].text.en.hasSuffix("got 'kids'"))
        #expect(found[2].text.nb.hasPrefix("linje 4, at: forventet et lokalt tidspunkt"))
        #expect(found[3].text.en == "line 5, facility: must not be empty")
    }

    @Test func headOccupancyCountsMayBeZeroButNotNegative() {
        #expect(problems("facility,occupied\nrefstad,0\n", occupancy: true).isEmpty)
        #expect(problems("facility,occupied\nrefstad,-1\n", occupancy: true).map(\.field) == ["occupied"])
    }

    @Test func theHeaderIsCheckedBeforeAnyRow() {
        let found = problems("\n\nfacility;count;kategori;count\nrefstad;x;y;z\n")
        #expect(found.map(\.line) == [3, 3, 3])
        #expect(found.map(\.field) == ["kategori", "count", "category"])
        #expect(found[0].message.en == "unknown column (expected: facility, count, category, at, note)")
        #expect(found[1].message.en == "column given twice")
        #expect(found[2].message.en == "required column is missing from the header")
    }

    @Test func structuralProblemsCarryTheirLine() {
        let ragged = problems("facility,count,category\nrefstad,1,adult\ntorshov,2\n")
        #expect(ragged == [ImportProblem(line: 3, field: nil, Text(
            "expected 3 fields as in the header, found 2", nb: "forventet 3 felt som i overskriften, fant 2"))])
        #expect(ragged.first?.text.en == "line 3: expected 3 fields as in the header, found 2")
        let unclosed = problems("facility,count,category\nrefstad,1,\"adult\n")
        #expect(unclosed.map(\.line) == [2])
        #expect(problems("").map(\.line) == [1])
        #expect(problems("facility,count,category\n").first?.message.en == "no rows after the header")
    }

    @Test func bytesThatAreNotUTF8AreRefusedLineByLine() {
        // "Østensjø" in Windows-1252, as Excel's plain "CSV" saves it.
        let latin1: [UInt8] = Array("facility,count,category,note\nrefstad,1,adult,ok\nrefstad,1,adult,".utf8)
            + [0xD8, 0x73, 0x74, 0x65, 0x6E, 0x73, 0x6A, 0xF8] + [0x0A]
        #expect(throws: ImportFailure(problems: [ImportProblem(line: 3, field: nil, Text(
            "not valid UTF-8; save the file as \"CSV UTF-8\"", nb: "ikke gyldig UTF-8; lagre filen som «CSV UTF-8»"))])) {
            try ImportFile.text(latin1)
        }
    }

    // MARK: The daemon's problems, back to lines

    func refusal(_ details: JSONObject, message: String = "rows[1].count: expected a positive integer") -> APIErrorBody {
        APIErrorBody(code: .invalidField, message: message, details: details)
    }

    @Test func theDaemonsRowNumbersBecomeTheFilesLineNumbers() {
        let lines = [2, 3, 7, 8]
        let body = refusal([
            "field": "rows[2].facility",
            "problems": [
                ["row": 3, "field": "facility", "message": "no facility 'refstd'", "message_nb": "ingen mottak med id «refstd»"],
                ["row": 4, "field": "count", "message": "more departures than people"],
                ["row": 1, "field": "at", "message": "in the future"],
            ],
        ])
        let mapped = ImportFile.problems(from: body, lines: lines)
        #expect(mapped?.map(\.line) == [7, 8, 2])
        #expect(mapped?.map(\.field) == ["facility", "count", "at"])
        #expect(mapped?.first?.text.en == "line 7, facility: no facility 'refstd'")
        #expect(mapped?.first?.text.nb == "linje 7, facility: ingen mottak med id «refstd»")
        #expect(mapped?.last?.text.nb == "linje 2, at: in the future")
    }

    @Test func aSingleFieldPathIsMappedToo() {
        let mapped = ImportFile.problems(from: refusal(["field": "rows[1].count"]), lines: [2, 5])
        #expect(mapped == [ImportProblem(line: 5, field: "count", Text(
            "rows[1].count: expected a positive integer", nb: "rows[1].count: expected a positive integer"))])
        #expect(ImportFile.problems(from: refusal(["field": "rows[0]"]), lines: [4])?.first?.field == nil)
    }

    @Test func errorsThatAreNotAboutRowsAreLeftAlone() {
        #expect(ImportFile.problems(from: refusal(["field": "rows"]), lines: [2]) == nil)
        #expect(ImportFile.problems(from: refusal([:]), lines: [2]) == nil)
        #expect(ImportFile.problems(from: refusal(["field": "rows[5].count"]), lines: [2]) == nil)
        #expect(ImportFile.problems(from: refusal(["problems": [["row": 9, "field": "count", "message": "x"]]]), lines: [2]) == nil)
        let conflict = APIErrorBody(code: .conflict, message: "facility closed")
        #expect(ImportFile.problems(from: conflict, lines: [2]) == nil)
    }
}
