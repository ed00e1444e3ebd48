/// A band as inline SVG: stretches of time, each shaded by a level (the surge level over an
/// exercise), with a time axis under it.
///
/// Why shades by rank and not colours by name: a level is ordered (normal < elevated < high <
/// crisis), and the shade classes `level-0`… keep it readable in black and white print.
public struct SVGBandChart: Sendable {
    public struct Band: Sendable, Equatable {
        public var from: Double
        public var to: Double
        /// 0 for the lowest level; the class `level-<rank>` shades it.
        public var rank: Int
        public var label: String

        public init(from: Double, to: Double, rank: Int, label: String) {
            self.from = from
            self.to = to
            self.rank = rank
            self.label = label
        }
    }

    public var title: String
    public var span: ClosedRange<Double>
    public var bands: [Band]
    public var ticks: [ChartTick]
    /// One entry per level, lowest first: its label and rank.
    public var legend: [(label: String, rank: Int)]

    public init(title: String, span: ClosedRange<Double>, bands: [Band], ticks: [ChartTick], legend: [(label: String, rank: Int)]) {
        self.title = title
        self.span = span
        self.bands = bands
        self.ticks = ticks
        self.legend = legend
    }

    public var svg: String {
        var frame = SVGChartFrame()
        frame.height = 96
        frame.top = 24
        var parts = [frame.open(title: title, class: "band")]
        for band in bands {
            let x = frame.x(band.from, in: span)
            parts.append(frame.rect(
                x: x, y: frame.top, width: frame.x(band.to, in: span) - x, height: frame.plotHeight, class: "level-\(band.rank)",
                title: band.label))
        }
        parts.append(frame.positionAxis(ticks, span: span))
        parts.append(frame.legend(legend.map { ($0.label, "level-\($0.rank)") }))
        parts.append("</svg>")
        return parts.joined()
    }
}
