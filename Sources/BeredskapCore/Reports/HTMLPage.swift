/// One self-contained HTML page: its language, its title, the body it is given, and the
/// styles for screen and for print on A4 — no scripts, no fonts, no links to anything.
///
/// Why self-contained: a report is mailed, archived and printed by offices whose machines
/// may not reach the daemon or the internet; what it needs travels in the one file. It is
/// also well-formed XML (every element closed, entities XML knows), so a test parses it.
public struct HTMLPage: Sendable, Equatable {
    public var language: Language
    public var title: String
    /// The body's HTML, already escaped.
    public var body: String

    public init(language: Language, title: String, body: String) {
        self.language = language
        self.title = title
        self.body = body
    }

    public var html: String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)" xmlns="http://www.w3.org/1999/xhtml">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>\(HTMLText.escape(title))</title>
        <style>
        \(Self.style)
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    /// The styles of every report page: tables, the chart classes of `SVGBarChart`,
    /// `SVGLineChart`, `SVGBandChart` and `SVGGanttStrip`, and A4 print.
    static let style = """
        body { font-family: system-ui, sans-serif; font-size: 11pt; color: #111; max-width: 52em; margin: 2em auto; padding: 0 1em; }
        h1 { font-size: 18pt; margin-bottom: 0.2em; } h2 { font-size: 13pt; margin-top: 1.6em; border-bottom: 1px solid #999; }
        table { border-collapse: collapse; width: 100%; margin: 0.5em 0; }
        th, td { text-align: left; padding: 2px 6px; border-bottom: 1px solid #ddd; vertical-align: top; }
        th { border-bottom: 1px solid #666; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .missed, .late { color: #a00; font-weight: 600; } .met { color: #060; }
        .meta { color: #444; } figure { margin: 0.8em 0; } figcaption { font-size: 9pt; color: #444; }
        svg.chart { display: block; max-width: 100%; height: auto; }
        svg .label { font-size: 10px; fill: #333; } svg .grid { stroke: #e4e4e4; } svg .axis { stroke: #666; }
        svg .bar, svg .swatch-value { fill: #3d6fa5; } svg .value { stroke: #3d6fa5; stroke-width: 2; }
        svg .capacity { stroke: #222; stroke-width: 1.5; stroke-dasharray: 5 3; } svg .swatch-capacity { fill: #222; }
        svg .over { fill: #a00; } svg .due, svg .due-swatch { stroke: #111; stroke-width: 1.5; fill: #111; }
        svg .level-0 { fill: #e8eef4; } svg .level-1 { fill: #f3d98b; } svg .level-2 { fill: #e39a4f; } svg .level-3 { fill: #b8322a; }
        svg .step { fill: #5b8c5a; } svg .step.late { fill: #b8322a; } svg .step.open { fill-opacity: 0.45; }
        @page { size: A4; margin: 16mm 14mm; }
        @media print {
          body { margin: 0; max-width: none; font-size: 10pt; }
          h2 { break-after: avoid; } figure, table { break-inside: avoid; }
          a { color: inherit; text-decoration: none; }
        }
        """
}
