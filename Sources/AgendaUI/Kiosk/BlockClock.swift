/// `HH:MM` in large digits for reading across a hall, from a 3×5 pixel font.
///
/// Scale 1 is three rows high: half blocks in Unicode, seven-segment strokes in ASCII.
/// Scale 2 is five rows high, each pixel two cells wide ("██" or "##").
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

    static func lines(_ text: String, scale: Int, ascii: Bool) -> [String] {
        let gap = scale >= 2 ? "  " : " "
        let glyphs = text.compactMap { character -> [String]? in
            if scale < 2, ascii { return segments[character] }
            guard let bitmap = font[character] else { return nil }
            return scale >= 2 ? bitmap.map { big($0, ascii: ascii) } : halfBlocks(bitmap)
        }
        return (0..<height(scale: scale)).map { row in glyphs.map { $0[row] }.joined(separator: gap) }
    }

    private static func big(_ row: String, ascii: Bool) -> String {
        String(row.flatMap { $0 == "1" ? (ascii ? "##" : "██") : "  " })
    }

    /// Two pixel rows per text row: ▀ top, ▄ bottom, █ both.
    private static func halfBlocks(_ bitmap: [String]) -> [String] {
        stride(from: 0, to: 5, by: 2).map { top in
            let upper = Array(bitmap[top]), lower = top + 1 < 5 ? Array(bitmap[top + 1]) : nil
            return String(upper.indices.map { i -> Character in
                switch (upper[i] == "1", lower?[i] == "1") {
                case (true, true): "█"
                case (true, false): "▀"
                case (false, true): "▄"
                case (false, false): " "
                }
            })
        }
    }
}
