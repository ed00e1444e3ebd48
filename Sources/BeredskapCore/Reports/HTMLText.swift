/// Text made safe for an HTML or SVG document: the five characters XML gives meaning to,
/// replaced by their entities.
///
/// Why one function for both: the reports are one page with inline SVG, read by browsers as
/// HTML and by the tests as XML, so everything that goes in — a scenario's title, a facility
/// id, a rule — is escaped the same way, in text and in attribute values alike.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// `<tag class="…">escaped text</tag>`.
    public static func element(_ tag: String, _ text: String, class name: String? = nil) -> String {
        let attribute = name.map { " class=\"\(escape($0))\"" } ?? ""
        return "<\(tag)\(attribute)>\(escape(text))</\(tag)>"
    }

    /// A table: a header row and body rows of escaped text; `numeric` columns align right.
    public static func table(header: [String], rows: [[String]], numeric: Set<Int> = []) -> String {
        let cell = { (tag: String, index: Int, text: String) in
            element(tag, text, class: numeric.contains(index) ? "num" : nil)
        }
        let head = header.enumerated().map { cell("th", $0.offset, $0.element) }.joined()
        let body = rows.map { row in "<tr>" + row.enumerated().map { cell("td", $0.offset, $0.element) }.joined() + "</tr>" }
        return "<table><thead><tr>\(head)</tr></thead><tbody>\(body.joined(separator: "\n"))</tbody></table>"
    }
}
