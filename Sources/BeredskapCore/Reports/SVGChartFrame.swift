/// A mark on a chart's axis: where it is (in the axis's own units) and what it says.
public struct ChartTick: Sendable, Equatable {
    public var position: Double
    public var label: String

    public init(_ position: Double, _ label: String) {
        self.position = position
        self.label = label
    }
}

/// The drawing area shared by the report charts: a fixed `viewBox`, margins for the axes,
/// and the mapping from values to coordinates.
///
/// Why fixed sizes: the charts are inline SVG in a page printed on A4; a `viewBox` with
/// `width="100%"` scales them to the column, and the same numbers keep the text legible.
struct SVGChartFrame {
    var width = 680.0
    var height = 220.0
    var left = 48.0
    var right = 12.0
    var top = 12.0
    var bottom = 36.0

    var plotWidth: Double { width - left - right }
    var plotHeight: Double { height - top - bottom }

    /// x of a position in `span` (clamped to it).
    func x(_ position: Double, in span: ClosedRange<Double>) -> Double {
        let length = span.upperBound - span.lowerBound
        guard length > 0 else { return left }
        return left + (min(max(position, span.lowerBound), span.upperBound) - span.lowerBound) / length * plotWidth
    }

    /// y of a value from 0 to `maximum` (0 at the bottom).
    func y(_ value: Double, maximum: Double) -> Double {
        guard maximum > 0 else { return top + plotHeight }
        return top + plotHeight - min(max(value, 0), maximum) / maximum * plotHeight
    }

    /// The opening tag with the chart's accessible name.
    func open(title: String, class name: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart \(name)\" viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" "
            + "width=\"100%\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\"><title>\(HTMLText.escape(title))</title>"
    }

    /// The value axis from 0 to `maximum`, with its grid lines.
    func valueAxis(maximum: Double) -> String {
        Self.ticks(upTo: maximum).map { value in
            let position = y(value, maximum: maximum)
            let line = Self.number(position)
            return "<line class=\"grid\" x1=\"\(Self.number(left))\" y1=\"\(line)\" x2=\"\(Self.number(width - right))\" y2=\"\(line)\"/>"
                + text(Self.number(value), x: left - 4, y: position + 4, anchor: "end")
        }.joined()
    }

    /// The labels under the plot, at positions in `span`.
    func positionAxis(_ ticks: [ChartTick], span: ClosedRange<Double>) -> String {
        let baseline = Self.number(top + plotHeight)
        return "<line class=\"axis\" x1=\"\(Self.number(left))\" y1=\"\(baseline)\" x2=\"\(Self.number(width - right))\" y2=\"\(baseline)\"/>"
            + ticks.map { text($0.label, x: x($0.position, in: span), y: top + plotHeight + 16, anchor: "middle") }.joined()
    }

    func text(_ label: String, x: Double, y: Double, anchor: String, class name: String = "label") -> String {
        "<text class=\"\(name)\" x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" text-anchor=\"\(anchor)\">\(HTMLText.escape(label))</text>"
    }

    func rect(x: Double, y: Double, width: Double, height: Double, class name: String, title: String? = nil) -> String {
        let tooltip = title.map { "<title>\(HTMLText.escape($0))</title>" } ?? ""
        return "<rect class=\"\(name)\" x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(width, 0)))\" "
            + "height=\"\(Self.number(max(height, 0)))\">\(tooltip)</rect>"
    }

    /// A legend row along the top right: a swatch of each class and its label.
    func legend(_ entries: [(label: String, class: String)]) -> String {
        var x = width - right
        var parts: [String] = []
        for entry in entries.reversed() {
            let textWidth = Double(entry.label.count) * 6.5
            x -= textWidth
            parts.append(text(entry.label, x: x, y: top + 9, anchor: "start"))
            x -= 14
            parts.append(rect(x: x, y: top, width: 10, height: 10, class: entry.class))
            x -= 12
        }
        return "<g class=\"legend\">" + parts.joined() + "</g>"
    }

    /// At most every `count`-th label of `labels`, so that they never overlap.
    static func thinned(_ labels: [String], room: Double, perLabel: Double = 44) -> [Int] {
        guard !labels.isEmpty else { return [] }
        let step = max(1, Int((Double(labels.count) * perLabel / max(room, 1)).rounded(.up)))
        return Array(stride(from: 0, to: labels.count, by: step))
    }

    /// A round maximum at or above `value` (1, 2 or 5 times a power of ten), at least 1.
    static func roundedMaximum(_ value: Double) -> Double {
        guard value > 1 else { return 1 }
        var power = 1.0
        while power * 10 <= value { power *= 10 }
        for factor in [1.0, 2, 5, 10] where factor * power >= value { return factor * power }
        return 10 * power
    }

    /// Five steps from 0 to `maximum`, whole numbers when the maximum allows.
    static func ticks(upTo maximum: Double) -> [Double] {
        let step = maximum / 5
        return (0...5).map { Double($0) * step }
    }

    /// A coordinate or a value without needless decimals: `12`, `12.5`.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int64(rounded)) : String(rounded)
    }
}
