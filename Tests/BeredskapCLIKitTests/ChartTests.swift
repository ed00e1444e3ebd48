import BeredskapCLIKit
import Testing

@Suite struct ChartTests {
    @Test func barsAreMeasuredInEighthsOfACell() {
        #expect(Chart.bar(value: 10, maximum: 10, cells: 4) == "████")
        #expect(Chart.bar(value: 5, maximum: 10, cells: 4) == "██")
        // 3/10 of 32 eighths is 9.6 → 10 eighths: one full cell and a quarter.
        #expect(Chart.bar(value: 3, maximum: 10, cells: 4) == "█▎")
        #expect(Chart.bar(value: 3, maximum: 8, cells: 1) == "▍")
    }

    @Test func aFewNeverLookLikeNoneAndTooManyFillTheBar() {
        #expect(Chart.bar(value: 1, maximum: 10_000, cells: 10) == "▏")
        #expect(Chart.bar(value: 0, maximum: 10, cells: 10) == "")
        #expect(Chart.bar(value: -3, maximum: 10, cells: 10) == "")
        #expect(Chart.bar(value: 5, maximum: 0, cells: 10) == "")
        #expect(Chart.bar(value: 25, maximum: 10, cells: 3) == "███")
    }

    @Test func barLinesAlignLabelsValuesAndNotes() {
        let lines = Chart.bars(
            [
                Chart.Bar(label: "2026-11-21", value: 5, note: "50 %"),
                Chart.Bar(label: "2026-W47", value: 120, note: "100 %"),
                Chart.Bar(label: "Østensjø", value: 0, note: ""),
            ],
            width: 40)
        #expect(lines.count == 3)
        // label (10) + 2 + value (3) + 2 + note (5) + 2 = 24 columns before the bar, 16 cells left.
        #expect(lines[0] == "2026-11-21    5   50 %  " + Chart.bar(value: 5, maximum: 120, cells: 16))
        #expect(lines[1] == "2026-W47    120  100 %  " + String(repeating: "█", count: 16))
        #expect(lines[2] == "Østensjø      0")
        #expect(lines.allSatisfy { $0.last != " " })
    }

    @Test func barWidthStaysWithinItsBoundsAndCanBeScaledToCapacity() {
        let wide = Chart.bars([Chart.Bar(label: "a", value: 10)], width: 1 << 20)
        #expect(wide == ["a  10  " + String(repeating: "█", count: Chart.maximumBarWidth)])
        let narrow = Chart.bars([Chart.Bar(label: "a", value: 10)], width: 5)
        #expect(narrow == ["a  10  " + String(repeating: "█", count: Chart.minimumBarWidth)])
        let half = Chart.bars([Chart.Bar(label: "a", value: 50)], width: 27, scale: 100)
        #expect(half == ["a  50  " + String(repeating: "█", count: 10)])
        #expect(Chart.bars([], width: 80).isEmpty)
    }

    @Test func sparklinesRunFromTheFloorToTheLargestValue() {
        // Positive values take levels 2…8 of 8, in proportion to the largest.
        #expect(Chart.sparkline([0, 1, 2, 3, 4, 5, 6]) == "▁▃▄▅▆▇█")
        #expect(Chart.sparkline([0, 0, 0]) == "▁▁▁")
        #expect(Chart.sparkline([7, 7]) == "██")
        #expect(Chart.sparkline([]) == "")
        // A quiet day is not an empty one.
        #expect(Chart.sparkline([0, 1, 1000]) == "▁▂█")
        #expect(Chart.sparkline([-5, 10]) == "▁█")
    }

    @Test func longSeriesKeepTheirPeaksWhenShortened() {
        let values = [1, 9, 1, 1, 1, 1, 1, 1, 1, 2]
        #expect(Chart.sparkline(values, maximumWidth: 5) == "█▃▃▃▃")
        #expect(Chart.sparkline(values, maximumWidth: 5).count == 5)
        #expect(Chart.sparkline(values, maximumWidth: 100).count == 10)
        #expect(Chart.sparkline(Array(0..<365), maximumWidth: 30).count <= 30)
        #expect(Chart.sparkline(Array(0..<365), maximumWidth: 30).last == "█")
    }
}
