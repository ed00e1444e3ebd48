/// A bar chart as inline SVG: one bar per label (arrivals per day), the value axis from 0.
///
/// Why a value and not a function of the exercise report: the situation report (issue 15)
/// draws the same bars; the chart knows labels and numbers, never what they mean.
public struct SVGBarChart: Sendable, Equatable {
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var value: Double

        public init(_ label: String, _ value: Double) {
            self.label = label
            self.value = value
        }
    }

    /// The chart's accessible name (`<title>`).
    public var title: String
    public var bars: [Bar]

    public init(title: String, bars: [Bar]) {
        self.title = title
        self.bars = bars
    }

    public var svg: String {
        let frame = SVGChartFrame()
        let maximum = SVGChartFrame.roundedMaximum(bars.map(\.value).max() ?? 0)
        let slot = frame.plotWidth / Double(max(bars.count, 1))
        let barWidth = max(1, slot * 0.8)
        var parts = [frame.open(title: title, class: "bars"), frame.valueAxis(maximum: maximum)]
        for (index, bar) in bars.enumerated() {
            let y = frame.y(bar.value, maximum: maximum)
            parts.append(frame.rect(
                x: frame.left + Double(index) * slot + (slot - barWidth) / 2, y: y, width: barWidth,
                height: frame.top + frame.plotHeight - y, class: "bar", title: "\(bar.label): \(SVGChartFrame.number(bar.value))"))
        }
        let span = 0...Double(max(bars.count, 1))
        let ticks = SVGChartFrame.thinned(bars.map(\.label), room: frame.plotWidth).map { ChartTick(Double($0) + 0.5, bars[$0].label) }
        parts.append(frame.positionAxis(ticks, span: span))
        parts.append("</svg>")
        return parts.joined()
    }
}
