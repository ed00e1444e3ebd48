import BeredskapCore
import BeredskapCLIKit
import Testing

@Suite struct CSVReaderTests {
    @Test func detectsSemicolonFromHeader() throws {
        let parsed = try CSVReader.parse("bydel;plasser;merknad\nAlna;12;1,5 per dag\n")
        #expect(parsed.separator == ";")
        #expect(parsed.rows.map(\.fields) == [["Alna", "12", "1,5 per dag"]])
    }

    @Test func detectsCommaFromHeader() throws {
        let parsed = try CSVReader.parse("district,places\nAlna,12\n")
        #expect(parsed.separator == ",")
        #expect(parsed.header == ["district", "places"])
    }

    @Test func separatorsInsideQuotedHeaderFieldsDoNotCount() throws {
        let parsed = try CSVReader.parse("\"a,b,c\";d\n1;2\n")
        #expect(parsed.separator == ";")
        #expect(parsed.header == ["a,b,c", "d"])
    }

    @Test func singleColumnDefaultsToComma() throws {
        let parsed = try CSVReader.parse("navn\nØstensjø\n")
        #expect(parsed.separator == ",")
        #expect(parsed.rows.map(\.fields) == [["Østensjø"]])
    }

    @Test func byteOrderMarkIsStripped() throws {
        let parsed = try CSVReader.parse("\u{FEFF}bydel;antall\r\nGrünerløkka;3\r\n")
        #expect(parsed.header == ["bydel", "antall"])
        #expect(parsed.rows.map(\.fields) == [["Grünerløkka", "3"]])
    }

    @Test func quotedFieldsWithSeparatorsQuotesAndNewlines() throws {
        let parsed = try CSVReader.parse("a,b\n\"x, y\",\"sa \"\"hei\"\"\"\n\"to\nlinjer\",\"crlf\r\ninside\"\n")
        #expect(parsed.rows.map(\.fields) == [["x, y", "sa \"hei\""], ["to\nlinjer", "crlf\r\ninside"]])
    }

    @Test func lineNumbersArePhysicalStartLines() throws {
        let text = "a,b\n\n1,\"multi\nline\"\r\n2,x\r3,y\n\n\n4,z"
        let parsed = try CSVReader.parse(text)
        #expect(parsed.rows.map(\.line) == [3, 5, 6, 9])
        #expect(parsed.rows.map(\.fields) == [["1", "multi\nline"], ["2", "x"], ["3", "y"], ["4", "z"]])
    }

    @Test func headerAfterBlankLines() throws {
        let parsed = try CSVReader.parse("\n\na;b\n1;2")
        #expect(parsed.separator == ";")
        #expect(parsed.rows.map(\.line) == [4])
    }

    @Test func emptyTrailingFields() throws {
        #expect(try CSVReader.parse("a,b,c\n1,,\n").rows.map(\.fields) == [["1", "", ""]])
    }

    @Test func quoteInsideUnquotedFieldIsLiteral() throws {
        #expect(try CSVReader.parse("item,size\npipe,12\"\n").rows.map(\.fields) == [["pipe", "12\""]])
    }

    @Test func wrongFieldCountNamesLine() {
        #expect(throws: CSVError(.wrongFieldCount(expected: 3, found: 2), line: 4)) {
            try CSVReader.parse("a;b;c\n1;2;3\n\n4;5\n")
        }
        #expect(throws: CSVError(.wrongFieldCount(expected: 2, found: 3), line: 4)) {
            try CSVReader.parse("a,b\n\"x\ny\",1\n1,2,3")
        }
    }

    @Test func unterminatedQuoteNamesTheLineWhereItOpened() {
        #expect(throws: CSVError(.unterminatedQuote, line: 3)) {
            try CSVReader.parse("a,b\n1,2\n3,\"never closed\n4,5\n")
        }
    }

    @Test func textAfterClosingQuote() {
        #expect(throws: CSVError(.textAfterClosingQuote, line: 2)) {
            try CSVReader.parse("a,b\n\"x\"y,1\n")
        }
    }

    @Test func emptyInput() {
        #expect(throws: CSVError(.empty, line: 1)) { try CSVReader.parse("") }
        #expect(throws: CSVError(.empty, line: 3)) { try CSVReader.parse("\u{FEFF}\n\n") }
    }

    @Test func errorMessagesInBothLanguages() {
        let count = CSVError(.wrongFieldCount(expected: 3, found: 2), line: 4)
        #expect(count.message(.en) == "line 4: expected 3 fields as in the header, found 2")
        #expect(count.message(.nb) == "linje 4: forventet 3 felt som i overskriften, fant 2")
        #expect(count.description == count.message.en)
        let quote = CSVError(.unterminatedQuote, line: 7)
        #expect(quote.message(.en) == "line 7: a quoted field starting here is never closed")
        #expect(quote.message(.nb) == "linje 7: et felt i anførselstegn som starter her, blir aldri avsluttet")
    }
}
