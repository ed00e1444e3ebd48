/// A line chart as inline SVG with a capacity line: one value and one capacity per label
/// (occupancy against places per day), the capacity dashed, the stretch above it marked.
///
/// Why the capacity is part of the chart: "how full" is only read against "how many places",
/// which change during a crisis as places open; a second line shows both at once.
public struct SVGLineChart: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public var label: String
        public var value: Double
        public var capacity: Double

        public init(_ label: String, value: Double, capacity: Double) {
            self.label = label
            self.value = value
            self.capacity = capacity
        }
    }

    public var title: String
    public var points: [Point]
    /// The legend's words for the value and the capacity line.
    public var valueName: String
    public var capacityName: String

    public init(title: String, points: [Point], valueName: String, capacityName: String) {
        self.title = title
        self.points = points
        self.valueName = valueName
        self.capacityName = capacityName
    }

    public var svg: String {
        let frame = SVGChartFrame()
        let maximum = SVGChartFrame.roundedMaximum(points.map { max($0.value, $0.capacity) }.max() ?? 0)
        let span = 0...Double(max(points.count - 1, 1))
        let path = { (value: (Point) -> Double) in
            points.enumerated().map { index, point in
                "\(SVGChartFrame.number(frame.x(Double(index), in: span))),\(SVGChartFrame.number(frame.y(value(point), maximum: maximum)))"
            }.joined(separator: " ")
        }
        var parts = [frame.open(title: title, class: "lines"), frame.valueAxis(maximum: maximum)]
        parts.append("<polyline class=\"capacity\" fill=\"none\" points=\"\(path(\.capacity))\"/>")
        parts.append("<polyline class=\"value\" fill=\"none\" points=\"\(path(\.value))\"/>")
        for (index, point) in points.enumerated() where point.value > point.capacity {
            let x = frame.x(Double(index), in: span)
            let y = frame.y(point.value, maximum: maximum)
            parts.append(
                "<circle class=\"over\" cx=\"\(SVGChartFrame.number(x))\" cy=\"\(SVGChartFrame.number(y))\" r=\"3\">"
                    + "<title>\(HTMLText.escape("\(point.label): \(SVGChartFrame.number(point.value)) > \(SVGChartFrame.number(point.capacity))"))</title></circle>")
        }
        let ticks = SVGChartFrame.thinned(points.map(\.label), room: frame.plotWidth).map { ChartTick(Double($0), points[$0].label) }
        parts.append(frame.positionAxis(ticks, span: span))
        parts.append(frame.legend([(valueName, "swatch-value"), (capacityName, "swatch-capacity")]))
        parts.append("</svg>")
        return parts.joined()
    }
}
