/// Writes CSV (RFC 4180 quoting) for `--csv` output and exports.
///
/// Line endings are LF, not RFC 4180's CRLF: the files are mostly read by Unix tools on the
/// operators' machines (awk, cut, grep, diff, git), which treat a CR as part of the last field,
/// while Excel, LibreOffice and Python's csv module all read LF files correctly. `CSVReader`
/// accepts both. Every record, the last included, ends with "\n", as text files on Unix do.
///
/// Records are written as given: a row shorter or longer than the header is not padded or cut
/// (`CSVReader` would reject it, so keep rows the header's width).
///
/// A field is quoted when it contains the separator, a double quote, CR or LF (quotes doubled),
/// and when it is the only field of a record and empty (so the record is `""`, not a blank line
/// that readers skip). Nothing else is changed: in particular, fields beginning with `=`, `+`,
/// `-` or `@` are not defused against spreadsheet formula injection, because that would alter
/// the data for every other consumer; open untrusted exports with that in mind.
public enum CSV {
    /// - Parameters:
    ///   - separator: "," by default; ";" for Norwegian Excel, where "," is the decimal mark.
    ///   - byteOrderMark: prefix U+FEFF, which Excel needs to read UTF-8 (æ ø å) correctly.
    public static func render(
        header: [String], rows: [[String]], separator: Character = ",", byteOrderMark: Bool = false
    ) -> String {
        var output = byteOrderMark ? "\u{FEFF}" : ""
        for record in [header] + rows { output += line(record, separator: separator) }
        return output
    }

    /// One record with its "\n": for streams, where rows are written as they arrive.
    public static func line(_ record: [String], separator: Character = ",") -> String {
        record.map { field($0, separator: separator, alone: record.count == 1) }.joined(separator: String(separator)) + "\n"
    }

    private static func field(_ value: String, separator: Character, alone: Bool) -> String {
        let needsQuotes = value.unicodeScalars.contains { scalar in
            scalar == "\"" || scalar == "\r" || scalar == "\n" || separator.unicodeScalars.contains(scalar)
        }
        guard needsQuotes || (alone && value.isEmpty) else { return value }
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in value.unicodeScalars {
            if scalar == "\"" { quoted.append("\"") }
            quoted.append(scalar)
        }
        quoted.append("\"")
        return String(quoted)
    }
}
