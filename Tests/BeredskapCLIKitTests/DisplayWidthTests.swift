import BeredskapCLIKit
import Testing

@Suite struct DisplayWidthTests {
    @Test func norwegianLettersAreOneColumn() {
        #expect(displayWidth("Østensjø") == 8)
        #expect(displayWidth("Grünerløkka") == 11)
        #expect(displayWidth("ÆØÅ æøå") == 7)
    }

    @Test func decomposedLettersMeasureLikePrecomposed() {
        let decomposed = "Gru\u{308}nerløkka"  // u + combining diaeresis
        #expect(decomposed.unicodeScalars.count == 12)
        #expect(displayWidth(decomposed) == 11)
        #expect(displayWidth("a\u{30A}") == 1)  // "å" as a + combining ring
        #expect(displayWidth("Sta\u{30A}lstrand") == displayWidth("Stålstrand"))
    }

    @Test func combiningMarkAloneIsZero() {
        #expect(displayWidth("\u{30A}") == 0)
        #expect(displayWidth("\u{200B}") == 0)  // zero-width space
    }

    @Test func eastAsianWideIsTwoColumns() {
        #expect(displayWidth("東京") == 4)
        #expect(displayWidth("서울") == 4)  // Hangul syllables
        #expect(displayWidth("カタカナ") == 8)
        #expect(displayWidth("ＡＢ") == 4)  // fullwidth Latin
        #expect(displayWidth("Oslo 東京") == 9)
    }

    @Test func emojiAreTwoColumns() {
        #expect(displayWidth("🚨") == 2)
        #expect(displayWidth("🇳🇴") == 2)  // flag: two regional indicators
        #expect(displayWidth("👩‍👩‍👧") == 2)  // ZWJ family
        #expect(displayWidth("👍🏽") == 2)  // skin tone modifier
        #expect(displayWidth("❤️") == 2)  // text emoji with presentation selector
        #expect(displayWidth("❤") == 1)  // ... and without
        #expect(displayWidth("1") == 1)  // digits are "emoji" too, but not presented as such
        #expect(displayWidth("1️⃣") == 2)  // keycap
    }

    @Test func controlsAreZero() {
        #expect(displayWidth("\u{1B}") == 0)
        #expect(displayWidth("a\r\nb") == 2)
    }

    @Test func truncationByDisplayWidth() {
        #expect(truncated("Grünerløkka", toDisplayWidth: 11) == "Grünerløkka")
        #expect(truncated("Grünerløkka", toDisplayWidth: 6) == "Grüne…")
        #expect(truncated("Gru\u{308}nerløkka", toDisplayWidth: 4) == "Gru\u{308}…")
        #expect(truncated("東京都庁", toDisplayWidth: 6) == "東京…")
        #expect(truncated("東京都庁", toDisplayWidth: 5) == "東京…")
        #expect(truncated("東京都庁", toDisplayWidth: 4) == "東…")
        #expect(truncated("Østensjø", toDisplayWidth: 1) == "…")
        #expect(truncated("Østensjø", toDisplayWidth: 0) == "")
    }

    @Test func wordWrapMeasuresDisplayWidth() {
        #expect(wordWrap("Ærlig øl på Åsen", width: 10) == ["Ærlig øl", "på Åsen"])
        #expect(wordWrap("東京 東京 東京", width: 9) == ["東京 東京", "東京"])
        #expect(wordWrap("  spaced   out\n\ttext ", width: 80) == ["spaced out text"])
        #expect(wordWrap("/run/beredskap/beredskap.sock is long", width: 10) == ["/run/beredskap/beredskap.sock", "is long"])
        #expect(wordWrap("", width: 10) == [])
        #expect(wordWrap("a b", width: 0) == ["a", "b"])
    }
}
