/// A terminal of a fixed size in memory: what a full-screen program's output would show.
///
/// Why: a dashboard is only right if what lands on the screen is right — aligned by display
/// width, cut to the screen, and redrawn in place without leftovers from the frame before.
/// Tests feed it the very bytes the program writes (`ScreenFrame.paint`) and read the rows
/// back, so they check the screen rather than the strings that were meant to make it.
///
/// It understands what `ScreenFrame` and `TerminalScreen` write: printable text (wide
/// characters take two cells), `\r`, `\n`, cursor position (`ESC [ row ; col H`), erase to the
/// end of the line (`ESC [ K`) and of the screen (`ESC [ J`); colours and modes (`ESC [ … m`,
/// `ESC [ ? … h/l`) are read and ignored. Text past the right edge is not wrapped but
/// counted in `overflow`, since a frame that needs wrapping is a bug.
public struct VirtualScreen: Sendable {
    public let width: Int
    public let height: Int
    /// Cells by row; a wide character's second cell is empty and marked taken.
    private var cells: [[Cell]]
    private var row = 0
    private var column = 0
    /// Cells written past the right edge or below the last row.
    public private(set) var overflow = 0
    /// Escape sequences it does not understand, as written (tests expect none).
    public private(set) var unknownSequences: [String] = []

    private enum Cell: Sendable, Equatable {
        case blank
        case character(Character)
        /// The right half of a wide character.
        case continuation
    }

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Array(repeating: .blank, count: max(0, width)), count: max(0, height))
    }

    /// The rows as text, trailing blanks removed.
    public var rows: [String] {
        cells.map { cells in
            var text = ""
            for cell in cells {
                switch cell {
                case .blank: text.append(" ")
                case .character(let character): text.append(character)
                case .continuation: break
                }
            }
            while text.last == " " { text.removeLast() }
            return text
        }
    }

    /// The screen as one string, rows joined by newlines.
    public var text: String { rows.joined(separator: "\n") }

    /// Applies what a program wrote.
    public mutating func feed(_ output: String) {
        var characters = output.makeIterator()
        while let character = characters.next() {
            switch character {
            case "\u{1B}": escape(&characters)
            case "\r": column = 0
            case "\n": row += 1
            case "\r\n":
                column = 0
                row += 1
            default: put(character)
            }
        }
    }

    private mutating func put(_ character: Character) {
        let cellWidth = displayWidth(of: character)
        guard cellWidth > 0 else { return }
        guard row < height, column + cellWidth <= width else {
            overflow += cellWidth
            column += cellWidth
            return
        }
        cells[row][column] = .character(character)
        if cellWidth == 2 { cells[row][column + 1] = .continuation }
        column += cellWidth
    }

    /// Reads one escape sequence after ESC and applies it.
    private mutating func escape(_ characters: inout String.Iterator) {
        guard characters.next() == "[" else { return unknownSequences.append("ESC") }
        var parameters = ""
        while let character = characters.next() {
            guard character.isASCII, let value = character.asciiValue, (0x40...0x7E).contains(value) else {
                parameters.append(character)
                continue
            }
            return control(character, parameters: parameters)
        }
        unknownSequences.append("ESC[" + parameters)
    }

    private mutating func control(_ final: Character, parameters: String) {
        let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        switch (final, parameters.hasPrefix("?")) {
        case ("m", false), ("h", true), ("l", true):
            return
        case ("H", false):
            row = max(1, numbers.first.flatMap { $0 } ?? 1) - 1
            column = max(1, numbers.count > 1 ? numbers[1] ?? 1 : 1) - 1
        case ("K", false) where parameters.isEmpty:
            guard row < height, column < width else { return }
            for index in column..<width { cells[row][index] = .blank }
        case ("J", false) where parameters.isEmpty:
            guard row < height else { return }
            if column < width { for index in column..<width { cells[row][index] = .blank } }
            for below in (row + 1)..<height { cells[below] = Array(repeating: .blank, count: width) }
        default:
            unknownSequences.append("ESC[" + parameters + String(final))
        }
    }
}
