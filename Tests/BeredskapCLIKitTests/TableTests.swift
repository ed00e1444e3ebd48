import BeredskapCLIKit
import Testing

@Suite struct TableTests {
    /// The display columns at which each cell of `line` starts, given the cells' texts.
    private func starts(of cells: [String], in line: String) -> [Int] {
        var result: [Int] = []
        var rest = Substring(line)
        var consumed = 0
        for cell in cells {
            guard let range = rest.firstRange(of: cell) else { return [] }
            let before = String(rest[..<range.lowerBound])
            result.append(consumed + displayWidth(before))
            consumed += displayWidth(before) + displayWidth(cell)
            rest = rest[range.upperBound...]
        }
        return result
    }

    private func districts() -> Table {
        var table = Table(columns: [
            Table.Column("District"),
            Table.Column("Places", alignment: .right),
            Table.Column("Note"),
        ])
        table.addRow(["Østensjø", "120", "full"])
        table.addRow(["Gru\u{308}nerløkka", "8", "decomposed ü"])
        table.addRow(["Grünerløkka", "1000", ""])
        table.addRow(["東京", "42", "🚨 wide"])
        return table
    }

    @Test func exactRendering() {
        #expect(districts().render(style: .plain) == """
            District     Places  Note
            Østensjø        120  full
            Gru\u{308}nerløkka       8  decomposed ü
            Grünerløkka    1000
            東京             42  🚨 wide
            """)
    }

    @Test func linesAlignByDisplayWidth() {
        let lines = districts().render(style: .plain).split(separator: "\n").map(String.init)
        let rows = [
            ["District", "Places", "Note"], ["Østensjø", "120", "full"], ["Gru\u{308}nerløkka", "8", "decomposed ü"],
            ["Grünerløkka", "1000"], ["東京", "42", "🚨 wide"],
        ]
        // Equal width once padded back, no trailing spaces.
        let widest = lines.map(displayWidth).max() ?? 0
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") })
        #expect(Set(lines.map { displayWidth($0 + String(repeating: " ", count: widest - displayWidth($0))) }).count == 1)
        // Left-aligned columns start at the same display column; right-aligned ones end at the same one.
        let positions = zip(rows, lines).map { starts(of: $0, in: $1) }
        #expect(Set(positions.map { $0[0] }) == [0])
        #expect(Set(zip(rows, positions).map { $1[1] + displayWidth($0[1]) }).count == 1)
        #expect(Set(positions.filter { $0.count == 3 }.map { $0[2] }).count == 1)
    }

    @Test func truncatesToMaxWidth() {
        var table = Table(columns: [Table.Column("Facility", maxWidth: 6), Table.Column("Status")])
        table.addRow(["Refstad transittmottak", "open"])
        table.addRow(["Torshov", "full"])
        table.addRow(["Sjø", "open"])
        #expect(table.render(style: .plain) == """
            Facil…  Status
            Refst…  open
            Torsh…  full
            Sjø     open
            """)
    }

    @Test func controlCharactersBecomeSpaces() {
        var table = Table(columns: [Table.Column("Entry"), Table.Column("By")])
        table.addRow(["line one\nline two\ttabbed\r\nend", "ops"])
        table.addRow(["\u{1B}[31mred", "x"])
        let pad = { (count: Int) in String(repeating: " ", count: count) }
        #expect(table.render(style: .plain) == [
            "Entry" + pad(23) + "  By",
            "line one line two tabbed end  ops",
            " [31mred" + pad(20) + "  x",
        ].joined(separator: "\n"))
    }

    @Test func missingCellsArePaddedAndExtraIgnored() {
        var table = Table(columns: [Table.Column("A"), Table.Column("B"), Table.Column("C")])
        table.addRow(["1"])
        table.addRow(["1", "2", "3", "4"])
        #expect(table.rows == [["1", "", ""], ["1", "2", "3"]])
        #expect(table.render(style: .plain) == "A  B  C\n1\n1  2  3")
    }

    @Test func styledHeaderIsBoldWithPaddingOutsideTheEscapes() {
        var table = Table(columns: [Table.Column("Ø"), Table.Column("N", alignment: .right)])
        table.addRow(["Alna", "12"])
        #expect(table.render(style: TextStyle(enabled: true)) == "\u{1B}[1mØ\u{1B}[22m      \u{1B}[1mN\u{1B}[22m\nAlna  12")
    }

    @Test func headerOnlyAndNoColumns() {
        #expect(Table(columns: [Table.Column("Tom"), Table.Column("Liste")]).render(style: .plain) == "Tom  Liste")
        #expect(Table(columns: []).render(style: .plain) == "")
    }
}

@Suite struct HeaderlessTableTests {
    @Test func keyValueBlocksLeaveTheHeaderOutAndStillAlign() {
        var table = Table(columns: [Table.Column("key"), Table.Column("value")])
        table.showsHeader = false
        table.addRow(["Beredskapsnivå", "normal"])
        table.addRow(["Kapasitet", "500 plasser"])
        #expect(table.render(style: .plain) == "Beredskapsnivå  normal\nKapasitet       500 plasser")
    }
}
