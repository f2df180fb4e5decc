/// One terminal cell: a spacing character with any combining marks, or the right half of a
/// wide character (`isContinuation`), which the terminal fills from its left neighbour.
public struct Cell: Sendable, Equatable {
    /// The spacing character. Cells are plain values (no references), so building, copying
    /// and diffing a frame of thousands of them costs no reference counting.
    public var scalar: Unicode.Scalar
    /// Set when combining marks ride on this cell; the canvas keeps them aside.
    public var hasMarks = false
    public var role: Role
    public var isContinuation: Bool
    /// For `.trackMark`: 1-based index into the track colours the terminal was given; 0 for none.
    public var tint: UInt8 = 0

    public init(scalar: Unicode.Scalar, role: Role, isContinuation: Bool = false, tint: UInt8 = 0) {
        self.scalar = scalar
        self.role = role
        self.isContinuation = isContinuation
        self.tint = tint
    }

    public static let blank = Cell(scalar: " ", role: .normal)

    /// Written out and inlinable: the terminal compares every cell of every frame.
    @inlinable
    public static func == (a: Cell, b: Cell) -> Bool {
        a.scalar == b.scalar && a.role == b.role && a.tint == b.tint
            && a.isContinuation == b.isContinuation && a.hasMarks == b.hasMarks
    }
}

/// A grid of cells that views draw into. Text is placed scalar by scalar with the injected
/// measure, so clipping and wide characters come out exactly as the terminal will show them.
public struct Canvas: Sendable, Equatable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Combining marks by cell index, for the few cells that have any.
    public private(set) var marks: [Int: [Unicode.Scalar]] = [:]
    /// Where the terminal cursor stands once the frame is shown: on what has the focus, since
    /// screen readers and braille displays read at the cursor, visible or not. The view that
    /// owns the focus sets it; nil leaves it at the top left, out of the way.
    public var cursor: Point?
    /// Cells that show a web address, for terminals that make them clickable (OSC 8).
    public var hyperlinks: [Hyperlink] = []

    public init(size: Size) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        cells = Array(repeating: .blank, count: self.size.width * self.size.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * size.width + x]
    }

    /// The combining marks on a cell (empty for almost every cell).
    public func marks(x: Int, y: Int) -> [Unicode.Scalar] {
        cells[y * size.width + x].hasMarks ? marks[y * size.width + x] ?? [] : []
    }

    /// What a cell shows: its character and marks; empty for the right half of a wide character.
    public func text(x: Int, y: Int) -> String {
        let cell = self[x, y]
        return cell.isContinuation ? "" : String(String.UnicodeScalarView([cell.scalar] + marks(x: x, y: y)))
    }

    /// Fills a rectangle with blanks of one role.
    public mutating func fill(_ rect: Rect, role: Role) {
        let r = rect.clipped(to: size)
        guard r.width > 0 else { return }
        for y in r.y..<(r.y + r.height) {
            let row = y * size.width
            // A wide character cut by either edge goes whole, as on a terminal: left as half,
            // the terminal would draw it two cells wide and push the rest of the row along
            // (the help box once lost its last character this way).
            if r.x > 0, cells[row + r.x].isContinuation { cells[row + r.x - 1] = Cell(scalar: " ", role: cells[row + r.x - 1].role) }
            let right = r.x + r.width
            if right < size.width, cells[row + right].isContinuation { cells[row + right] = Cell(scalar: " ", role: cells[row + right].role) }
            for x in r.x..<right {
                if cells[row + x].hasMarks { marks[row + x] = nil }
                cells[row + x] = Cell(scalar: " ", role: role)
            }
        }
    }

    /// Draws `text` from (x, y), never past `x + limit`; returns the cells used.
    /// A wide character that would straddle the limit is replaced by a space.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, limit: Int? = nil,
                             role: Role, tint: UInt8 = 0, measure: TextMeasure) -> Int {
        guard y >= 0, y < size.height, x < size.width else { return 0 }
        let end = min(size.width, x + (limit ?? size.width))
        var column = x
        var lastCell: Int?
        for scalar in text.unicodeScalars {
            var glyph = scalar
            var width = measure.width(scalar)
            if width == 0 {
                // Combining marks ride on the previous cell; ncurses keeps up to 4 of them.
                if let lastCell, marks[lastCell, default: []].count < 3 {
                    marks[lastCell, default: []].append(scalar)
                    cells[lastCell].hasMarks = true
                }
                continue
            }
            if width < 0 { glyph = "\u{FFFD}"; width = 1 }
            if column + width > end {
                if column < end, column >= 0 { set(column, y, Cell(scalar: " ", role: role)) }
                break
            }
            if column >= 0 {
                set(column, y, Cell(scalar: glyph, role: role, tint: tint))
                lastCell = y * size.width + column
                if width == 2 { set(column + 1, y, Cell(scalar: " ", role: role, isContinuation: true)) }
            }
            column += width
        }
        return max(0, column - x)
    }

    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        let index = y * size.width + x
        // Overwriting half of a wide character blanks the other half, as a terminal would.
        if cells[index].isContinuation, x > 0 { cells[index - 1] = Cell(scalar: " ", role: cells[index - 1].role) }
        if !cells[index].isContinuation, x + 1 < size.width, cells[index + 1].isContinuation, !cell.isContinuation {
            cells[index + 1] = Cell(scalar: " ", role: cells[index + 1].role)
        }
        if cells[index].hasMarks { marks[index] = nil }
        cells[index] = cell
    }

    /// Puts another one-cell character in a cell, keeping its role and tint (combining marks go).
    mutating func replaceScalar(at index: Int, with scalar: Unicode.Scalar) {
        if cells[index].hasMarks { marks[index] = nil; cells[index].hasMarks = false }
        cells[index].scalar = scalar
    }

    /// The screen as text, one line per row, trailing spaces trimmed: what snapshots compare.
    public func text() -> String {
        var lines: [String] = []
        for y in 0..<size.height {
            var line = String.UnicodeScalarView()
            for x in 0..<size.width where !self[x, y].isContinuation {
                line.append(self[x, y].scalar)
                line.append(contentsOf: marks(x: x, y: y))
            }
            while line.last == " " { line.removeLast() }
            lines.append(String(line))
        }
        return lines.joined(separator: "\n")
    }

    /// The roles of one row, one character per cell, for tests of highlighting.
    public func roles(row y: Int) -> [Role] {
        (0..<size.width).map { self[$0, y].role }
    }
}

/// A run of cells on one row that shows (a piece of) `url`: the terminal marks them as a
/// hyperlink to the whole address.
public struct Hyperlink: Sendable, Equatable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var url: String

    public init(x: Int, y: Int, width: Int, url: String) {
        self.x = x
        self.y = y
        self.width = width
        self.url = url
    }
}
