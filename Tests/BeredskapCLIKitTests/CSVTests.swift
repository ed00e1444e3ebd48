import BeredskapCLIKit
import Testing

@Suite struct CSVTests {
    @Test func plainFieldsAreNotQuoted() {
        #expect(CSV.render(header: ["district", "places"], rows: [["Østensjø", "120"], ["Grünerløkka", "8"]])
            == "district,places\nØstensjø,120\nGrünerløkka,8\n")
    }

    @Test func quotesOnlyWhatNeedsIt() {
        let rendered = CSV.render(
            header: ["a", "b"],
            rows: [["with,comma", "with \"quote\""], ["line\nbreak", "carriage\rreturn"], ["semi;colon", " spaced "]])
        #expect(rendered == """
            a,b
            "with,comma","with ""quote\"""
            "line
            break","carriage\rreturn"
            semi;colon, spaced\u{20}

            """)
    }

    @Test func semicolonSeparatorQuotesSemicolonsNotCommas() {
        #expect(CSV.render(header: ["navn", "merknad"], rows: [["Alna", "1,5; delvis"], ["Bjerke", "3,0"]], separator: ";")
            == "navn;merknad\nAlna;\"1,5; delvis\"\nBjerke;3,0\n")
    }

    @Test func byteOrderMarkForExcel() {
        #expect(CSV.render(header: ["å"], rows: [], byteOrderMark: true) == "\u{FEFF}å\n")
    }

    @Test func loneEmptyFieldIsQuotedSoTheRecordSurvives() {
        #expect(CSV.render(header: ["note"], rows: [[""], ["x"]]) == "note\n\"\"\nx\n")
        #expect(CSV.render(header: ["a", "b"], rows: [["", ""]]) == "a,b\n,\n")
    }

    @Test(arguments: [Character(","), ";"])
    func roundTripThroughReader(separator: Character) throws {
        let header = ["id", "tekst", "tom"]
        let rows = [
            ["1", "Refstad full, 40 sendt til Torshov", ""],
            ["2", "Sa \"hei\"; gikk", "x"],
            ["3", "flere\nlinjer\r\nher", "Gru\u{308}nerløkka"],
            ["4", "🚨 東京", "\"\""],
        ]
        let parsed = try CSVReader.parse(CSV.render(header: header, rows: rows, separator: separator, byteOrderMark: true))
        #expect(parsed.separator == separator)
        #expect(parsed.header == header)
        #expect(parsed.rows.map(\.fields) == rows)
        #expect(parsed.rows.map(\.line) == [2, 3, 4, 7])
    }

    @Test func oneColumnRoundTripKeepsEmptyFields() throws {
        let rows = [["a"], [""], ["b"]]
        let parsed = try CSVReader.parse(CSV.render(header: ["only"], rows: rows))
        #expect(parsed.rows.map(\.fields) == rows)
    }
}
