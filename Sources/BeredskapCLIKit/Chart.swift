/// Small charts for the terminal: a horizontal bar per bucket and a one-line sparkline.
///
/// Why in the terminal at all: in a coordination meeting the question is "is it rising?", and a
/// column of numbers answers it slower than a shape. Bars use the eighth-block characters so a
/// bar of 20 cells still shows 160 steps; every modern terminal font has them (they are in
/// the same block as the box-drawing characters), so no ASCII fallback is kept.
public enum Chart {
    /// One bar: what it is (`2026-11-22`), its value, and an optional note printed between the
    /// value and the bar (`87 %`).
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var value: Int
        public var note: String

        public init(label: String, value: Int, note: String = "") {
            self.label = label
            self.value = value
            self.note = note
        }
    }

    /// Bars never grow wider than this, even into a pipe: a longer bar shows nothing more.
    public static let maximumBarWidth = 50
    /// Nor narrower than this on a tiny terminal, where they would stop meaning anything.
    public static let minimumBarWidth = 8

    static let full: Character = "█"
    /// One to seven eighths of a cell, from the left.
    static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// One line per bar, `label  value  note  bar`, with the columns aligned and the bars
    /// scaled so that `scale` (default: the largest value) fills the room left in `width`.
    /// Lines carry no trailing spaces.
    public static func bars(_ bars: [Bar], width: Int, scale: Int? = nil) -> [String] {
        let labelWidth = bars.map { displayWidth($0.label) }.max() ?? 0
        let valueWidth = bars.map { String($0.value).count }.max() ?? 0
        let noteWidth = bars.map { displayWidth($0.note) }.max() ?? 0
        let fixed = labelWidth + 2 + valueWidth + 2 + (noteWidth > 0 ? noteWidth + 2 : 0)
        let cells = min(maximumBarWidth, max(minimumBarWidth, width - fixed))
        let maximum = scale ?? bars.map(\.value).max() ?? 0
        return bars.map { item in
            var line = item.label + spaces(labelWidth - displayWidth(item.label)) + "  "
            line += spaces(valueWidth - String(item.value).count) + String(item.value) + "  "
            if noteWidth > 0 { line += spaces(noteWidth - displayWidth(item.note)) + item.note + "  " }
            line += bar(value: item.value, maximum: maximum, cells: cells)
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// A bar of up to `cells` columns for `value` out of `maximum`, in eighths of a cell.
    /// Any positive value shows at least an eighth, so "a few" never looks like "none"; values
    /// above `maximum` fill the bar, and nothing (or a zero maximum) gives an empty string.
    public static func bar(value: Int, maximum: Int, cells: Int) -> String {
        guard value > 0, maximum > 0, cells > 0 else { return "" }
        let total = cells * 8
        let scaled = Int((Double(min(value, maximum)) / Double(maximum) * Double(total)).rounded())
        let units = min(total, max(1, scaled))
        let partial = units % 8
        return String(repeating: full, count: units / 8) + (partial > 0 ? String(eighths[partial - 1]) : "")
    }

    /// One character per value from `▁` (zero or less) to `█` (the largest). Positive values
    /// never get the lowest level, so a quiet day and an empty one look different. Longer
    /// series than `maximumWidth` are shown by the largest value of each group of neighbours,
    /// since a peak is what the line is read for.
    public static func sparkline(_ values: [Int], maximumWidth: Int = Int.max) -> String {
        let shown = downsampled(values, to: max(1, maximumWidth))
        let maximum = shown.max() ?? 0
        return String(shown.map { value -> Character in
            guard value > 0, maximum > 0 else { return levels[0] }
            let level = 1 + Int((Double(value) / Double(maximum) * Double(levels.count - 2)).rounded())
            return levels[min(levels.count - 1, level)]
        })
    }

    /// `values` in at most `width` groups of neighbours, each the group's largest value.
    static func downsampled(_ values: [Int], to width: Int) -> [Int] {
        guard values.count > width else { return values }
        let group = (values.count + width - 1) / width
        return stride(from: 0, to: values.count, by: group).map { start in
            values[start..<min(values.count, start + group)].max() ?? 0
        }
    }
}
