/// A Gantt-like strip as inline SVG: one row per task, a bar from when it could start to
/// when it was done, its due time as a tick, and the late ones marked.
///
/// Why rows are given whole: the caller decides what a row is (a playbook step in an
/// exercise, a deadline in a situation report) and whether it is late; the strip draws.
public struct SVGGanttStrip: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var label: String
        public var from: Double
        /// When it was done, or where the chart ends for one that never was (`open`).
        public var to: Double
        public var due: Double?
        public var late: Bool
        public var open: Bool

        public init(label: String, from: Double, to: Double, due: Double? = nil, late: Bool, open: Bool = false) {
            self.label = label
            self.from = from
            self.to = to
            self.due = due
            self.late = late
            self.open = open
        }
    }

    public var title: String
    public var span: ClosedRange<Double>
    public var rows: [Row]
    public var ticks: [ChartTick]
    /// The legend's words for a bar on time, a late one, and the due time.
    public var onTimeName: String
    public var lateName: String
    public var dueName: String

    public init(
        title: String, span: ClosedRange<Double>, rows: [Row], ticks: [ChartTick], onTimeName: String, lateName: String,
        dueName: String
    ) {
        self.title = title
        self.span = span
        self.rows = rows
        self.ticks = ticks
        self.onTimeName = onTimeName
        self.lateName = lateName
        self.dueName = dueName
    }

    static let rowHeight = 18.0

    public var svg: String {
        var frame = SVGChartFrame()
        frame.left = 200
        frame.top = 24
        frame.height = frame.top + frame.bottom + Self.rowHeight * Double(max(rows.count, 1))
        var parts = [frame.open(title: title, class: "gantt")]
        for (index, row) in rows.enumerated() {
            let y = frame.top + Double(index) * Self.rowHeight
            let x = frame.x(row.from, in: span)
            let name = (row.late ? "step late" : "step") + (row.open ? " open" : "")
            parts.append(frame.text(row.label, x: frame.left - 6, y: y + 13, anchor: "end"))
            parts.append(frame.rect(
                x: x, y: y + 3, width: max(frame.x(row.to, in: span) - x, 2), height: Self.rowHeight - 6, class: name,
                title: row.label))
            if let due = row.due {
                let dueX = SVGChartFrame.number(frame.x(due, in: span))
                parts.append("<line class=\"due\" x1=\"\(dueX)\" y1=\"\(SVGChartFrame.number(y + 1))\" x2=\"\(dueX)\" "
                    + "y2=\"\(SVGChartFrame.number(y + Self.rowHeight - 1))\"/>")
            }
        }
        parts.append(frame.positionAxis(ticks, span: span))
        parts.append(frame.legend([(onTimeName, "step"), (lateName, "step late"), (dueName, "due-swatch")]))
        parts.append("</svg>")
        return parts.joined()
    }
}
