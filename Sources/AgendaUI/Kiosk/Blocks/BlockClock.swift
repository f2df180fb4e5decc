/// `HH:MM` in large digits for reading across a hall, from a 3×5 pixel font.
///
/// Scale 1 is three rows high: half blocks, or seven-segment strokes where those cannot be
/// drawn. Scale 2 is five rows high, each pixel two cells wide. Full cells are solid spaces.
enum BlockClock {
    static let font: [Character: [String]] = [
        "0": ["111", "101", "101", "101", "111"], "1": ["110", "010", "010", "010", "111"],
        "2": ["111", "001", "111", "100", "111"], "3": ["111", "001", "111", "001", "111"],
        "4": ["101", "101", "111", "001", "001"], "5": ["111", "100", "111", "001", "111"],
        "6": ["111", "100", "111", "101", "111"], "7": ["111", "001", "001", "001", "001"],
        "8": ["111", "101", "111", "101", "111"], "9": ["111", "101", "111", "001", "111"],
        ":": ["0", "1", "0", "1", "0"], "-": ["000", "000", "111", "000", "000"],
        "+": ["000", "010", "111", "010", "000"],
    ]

    /// Seven-segment digits, the ASCII form every terminal can show.
    static let segments: [Character: [String]] = [
        "0": [" _ ", "| |", "|_|"], "1": ["   ", "  |", "  |"], "2": [" _ ", " _|", "|_ "],
        "3": [" _ ", " _|", " _|"], "4": ["   ", "|_|", "  |"], "5": [" _ ", "|_ ", " _|"],
        "6": [" _ ", "|_ ", "|_|"], "7": [" _ ", "  |", "  |"], "8": [" _ ", "|_|", "|_|"],
        "9": [" _ ", "|_|", " _|"], ":": [" ", ".", "."],
        "-": ["   ", " _ ", "   "], "+": ["   ", "_|_", " | "],
    ]

    static func height(scale: Int) -> Int { scale >= 2 ? 5 : 3 }

    /// Cells the clock takes across: glyphs separated by one blank column (two at scale 2).
    static func width(_ text: String, scale: Int) -> Int {
        let unit = scale >= 2 ? 2 : 1
        let columns = text.reduce(0) { $0 + (font[$1]?.first?.count ?? 0) * unit }
        return columns + max(0, text.count - 1) * unit
    }

    /// The seven-segment lines (scale 1 where half blocks cannot be drawn).
    static func segmentLines(_ text: String) -> [String] {
        let glyphs = text.compactMap { segments[$0] }
        return (0..<3).map { row in glyphs.map { $0[row] }.joined(separator: " ") }
    }

    /// The text's pixels, five rows, glyphs one pixel apart.
    static func pixels(_ text: String) -> [[Bool]] {
        let glyphs = text.compactMap { font[$0] }
        return (0..<5).map { row in
            var line: [Bool] = []
            for (i, glyph) in glyphs.enumerated() {
                if i > 0 { line.append(false) }
                line += glyph[row].map { $0 == "1" }
            }
            return line
        }
    }

    /// Draws the clock at (x, y): scale 1 a pixel a cell across and half a row high, scale 2
    /// two cells across and a row high; seven segments where half blocks cannot be drawn.
    static func draw(_ text: String, scale: Int, x: Int, y: Int, roles: BlockRoles, pen: inout KioskPen) {
        if scale < 2, !pen.glyphs.halfBlocks {
            for (row, line) in segmentLines(text).enumerated() {
                pen.text(line, x: x, y: y + row, width: width(text, scale: scale), role: roles.paper)
            }
            return
        }
        let unit = scale >= 2 ? 2 : 1
        BlockPainter.draw(pixels(text), x: x, y: y, across: unit, halves: unit, roles: roles, pen: &pen)
    }
}
