import BeredskapCore
/// Why a CSV file could not be read, and on which line.
///
/// Seed and import files are edited by hand in spreadsheets; the operator fixing one needs the
/// physical line number their editor shows and a plain description, in their language.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Nothing but blank lines (or nothing at all): there is no header.
        case empty
        /// A quoted field is still open at the end of the input.
        case unterminatedQuote
        /// Something other than a separator or line end follows a closing quote (`"a"b`).
        case textAfterClosingQuote
        /// A record has a different number of fields than the header.
        case wrongFieldCount(expected: Int, found: Int)
    }

    public var kind: Kind
    /// The physical line (1-based) where the problem is; for an unclosed quote, where it opened.
    public var line: Int

    public init(_ kind: Kind, line: Int) {
        self.kind = kind
        self.line = line
    }

    public var message: Text {
        Text("line \(line): ", nb: "linje \(line): ") + detail
    }

    public var description: String { message.en }

    private var detail: Text {
        switch kind {
        case .empty:
            Text("no header line: the input is empty", nb: "ingen overskriftslinje: innholdet er tomt")
        case .unterminatedQuote:
            Text(
                "a quoted field starting here is never closed",
                nb: "et felt i anførselstegn som starter her, blir aldri avsluttet")
        case .textAfterClosingQuote:
            Text(
                "unexpected text after a closing quote (a quote inside a field must be doubled: \"\")",
                nb: "uventet tekst etter avsluttende anførselstegn (et anførselstegn inne i et felt må dobles: \"\")")
        case .wrongFieldCount(let expected, let found):
            Text(
                "expected \(expected) fields as in the header, found \(found)",
                nb: "forventet \(expected) felt som i overskriften, fant \(found)")
        }
    }
}
