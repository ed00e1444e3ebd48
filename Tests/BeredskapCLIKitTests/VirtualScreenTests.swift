import BeredskapCLIKit
import Testing

/// The virtual terminal the dashboard's tests draw into, and the frames drawn on it.
@Suite struct VirtualScreenTests {
    @Test func textLandsInCellsByDisplayWidth() {
        var screen = VirtualScreen(width: 10, height: 3)
        screen.feed("Østensjø\r\n東京🚨x\r\nGru\u{308}n")
        #expect(screen.rows == ["Østensjø", "東京🚨x", "Grün"])
        #expect(screen.overflow == 0)
    }

    @Test func cursorPositionAndErasing() {
        var screen = VirtualScreen(width: 8, height: 3)
        screen.feed("aaaaaaaa\r\nbbbbbbbb\r\ncccccccc")
        screen.feed("\u{1B}[1;3HX\u{1B}[K")
        screen.feed("\u{1B}[2;5H\u{1B}[J")
        #expect(screen.rows == ["aaX", "bbbb", ""])
        screen.feed("\u{1B}[H\u{1B}[31mred\u{1B}[39m\u{1B}[?25l")
        #expect(screen.rows[0] == "red")
        #expect(screen.unknownSequences.isEmpty)
    }

    @Test func textPastTheEdgeIsCountedNotWrapped() {
        var screen = VirtualScreen(width: 4, height: 2)
        screen.feed("abcdef")
        #expect(screen.rows == ["abcd", ""])
        #expect(screen.overflow == 2)
        screen.feed("\u{1B}[3;1Hz")
        #expect(screen.overflow == 3, "below the last row too")
    }

    /// A frame over an older, longer one leaves nothing of it; a full row is not erased after
    /// (the erase would wipe its last cell on a real terminal), and nothing is erased below a
    /// frame that fills the screen.
    @Test func aFrameReplacesTheOneBefore() {
        var screen = VirtualScreen(width: 6, height: 3)
        screen.feed(ScreenFrame.paint(["long  x", "second", "third"].map { String($0.prefix(6)) }, width: 6, height: 3))
        #expect(screen.rows == ["long", "second", "third"])
        let frame = ScreenFrame.paint(["ab", "Å"], width: 6, height: 3)
        screen.feed(frame)
        #expect(screen.rows == ["ab", "Å", ""])
        let full = ScreenFrame.paint(["abcdef", "x", "y"], width: 6, height: 3)
        #expect(!full.contains("abcdef\u{1B}[K"))
        #expect(!full.contains("\u{1B}[J"))
        #expect(ScreenFrame.stripped("\u{1B}[1mbold\u{1B}[22m") == "bold")
    }
}
