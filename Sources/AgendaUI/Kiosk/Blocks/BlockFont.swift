import Foundation

/// Capitals, digits and a little punctuation in a 5×7 pixel font, for notices read across a
/// hall (EVACUATE, ROOM FULL, urgent notices, a door screen's room name).
enum BlockFont {
    static let height = 7

    static let glyphs: [Character: [String]] = [
        "A": [".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"],
        "B": ["####.", "#...#", "#...#", "####.", "#...#", "#...#", "####."],
        "C": [".###.", "#...#", "#....", "#....", "#....", "#...#", ".###."],
        "D": ["####.", "#...#", "#...#", "#...#", "#...#", "#...#", "####."],
        "E": ["#####", "#....", "#....", "####.", "#....", "#....", "#####"],
        "F": ["#####", "#....", "#....", "####.", "#....", "#....", "#...."],
        "G": [".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".####"],
        "H": ["#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"],
        "I": [".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###."],
        "J": ["..###", "...#.", "...#.", "...#.", "...#.", "#..#.", ".##.."],
        "K": ["#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#"],
        "L": ["#....", "#....", "#....", "#....", "#....", "#....", "#####"],
        "M": ["#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#"],
        "N": ["#...#", "#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#"],
        "O": [".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."],
        "P": ["####.", "#...#", "#...#", "####.", "#....", "#....", "#...."],
        "Q": [".###.", "#...#", "#...#", "#...#", "#.#.#", "#..#.", ".##.#"],
        "R": ["####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"],
        "S": [".####", "#....", "#....", ".###.", "....#", "....#", "####."],
        "T": ["#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."],
        "U": ["#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."],
        "V": ["#...#", "#...#", "#...#", "#...#", "#...#", ".#.#.", "..#.."],
        "W": ["#...#", "#...#", "#...#", "#.#.#", "#.#.#", "#.#.#", ".#.#."],
        "X": ["#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#"],
        "Y": ["#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#.."],
        "Z": ["#####", "....#", "...#.", "..#..", ".#...", "#....", "#####"],
        "0": [".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."],
        "1": ["..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."],
        "2": [".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"],
        "3": ["#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###."],
        "4": ["...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."],
        "5": ["#####", "#....", "####.", "....#", "....#", "#...#", ".###."],
        "6": ["..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."],
        "7": ["#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."],
        "8": [".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."],
        "9": [".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."],
        " ": ["...", "...", "...", "...", "...", "...", "..."],
        "!": ["#", "#", "#", "#", "#", ".", "#"],
        ".": [".", ".", ".", ".", ".", ".", "#"],
        ",": ["..", "..", "..", "..", "..", ".#", "#."],
        ":": [".", ".", "#", ".", "#", ".", "."],
        "'": ["#", "#", ".", ".", ".", ".", "."],
        "-": ["....", "....", "....", "####", "....", "....", "...."],
        "/": [".....", "....#", "...#.", "..#..", ".#...", "#....", "....."],
        "?": [".###.", "#...#", "....#", "...#.", "..#..", ".....", "..#.."],
        "(": [".#", "#.", "#.", "#.", "#.", "#.", ".#"],
        ")": ["#.", ".#", ".#", ".#", ".#", ".#", "#."],
        "&": [".##..", "#..#.", "#.#..", ".#...", "#.#.#", "#..#.", ".##.#"],
        "+": [".....", "..#..", "..#..", "#####", "..#..", "..#..", "....."],
    ]

    private static let plain: [Character: Character] = ["’": "'", "‘": "'", "–": "-", "—": "-", "·": "-", "\u{A0}": " "]

    /// `text` as the font can draw it (capitals, accents dropped), or nil when a character is
    /// not in it (a Chinese notice stays text).
    static func drawable(_ text: String) -> String? {
        var out = ""
        for character in text.uppercased().decomposedStringWithCanonicalMapping {
            let base = Character(String(character.unicodeScalars.filter {
                $0.properties.generalCategory != .nonspacingMark
            }.map(Character.init)))
            let mapped = plain[base] ?? base
            guard glyphs[mapped] != nil else { return nil }
            out.append(mapped)
        }
        return out
    }

    /// Pixels across a line, glyphs one pixel apart.
    static func width(_ line: String) -> Int {
        let widths = line.compactMap { glyphs[$0]?.first?.count }
        return widths.reduce(0, +) + max(0, widths.count - 1)
    }

    static func pixels(_ line: String) -> [[Bool]] {
        let rows = line.compactMap { glyphs[$0] }
        return (0..<height).map { row in
            var pixels: [Bool] = []
            for (i, glyph) in rows.enumerated() {
                if i > 0 { pixels.append(false) }
                pixels += glyph[row].map { $0 == "#" }
            }
            return pixels
        }
    }
}

/// Text set in the block font: its lines, each pixel `across` cells wide and `halves` half
/// rows high (square when equal, a cell being twice as high as wide).
struct BlockText: Equatable {
    let lines: [String]
    let across: Int
    let halves: Int

    /// Two pixels between lines.
    static let leading = 2

    /// Rows of cells the text takes.
    var rows: Int { BlockPainter.rows(pixelRows: lines.count * BlockFont.height + (lines.count - 1) * Self.leading, halves: halves) }

    /// Pixel sizes from the largest down: square ones, and one cell by one row (tall letters,
    /// no half blocks) between two cells and one.
    static func sizes(upTo maxAcross: Int) -> [(across: Int, halves: Int)] {
        stride(from: maxAcross, through: 1, by: -1).flatMap { across in
            across == 1 ? [(1, 2), (1, 1)] : [(across, across)]
        }
    }

    /// The largest setting of `text` that fits `width` × `rows` cells in at most `maxLines`
    /// lines, pixels at most `maxAcross` cells wide and `maxHalves` half rows high; odd pixel heights only with half blocks.
    /// Nil when none fits or the font lacks a character.
    static func fit(_ text: String, width: Int, rows: Int, maxLines: Int = 4, maxAcross: Int = 12,
                    maxHalves: Int = 24, halfBlocks: Bool) -> BlockText? {
        guard let drawable = BlockFont.drawable(text) else { return nil }
        let words = drawable.split(separator: " ").map(String.init)
        guard !words.isEmpty, width > 0, rows > 0 else { return nil }
        for size in sizes(upTo: maxAcross) where size.halves <= maxHalves && (halfBlocks || size.halves % 2 == 0) {
            guard let lines = wrap(words, pixels: width / size.across), lines.count <= maxLines else { continue }
            let set = BlockText(lines: lines, across: size.across, halves: size.halves)
            if set.rows <= rows { return set }
        }
        return nil
    }

    /// Words into lines of at most `pixels` across; nil when a word alone is wider.
    private static func wrap(_ words: [String], pixels: Int) -> [String]? {
        var lines: [String] = []
        for word in words {
            guard BlockFont.width(word) <= pixels else { return nil }
            if let last = lines.last, BlockFont.width(last + " " + word) <= pixels {
                lines[lines.count - 1] = last + " " + word
            } else {
                lines.append(word)
            }
        }
        return lines
    }

    /// Cells across the widest line.
    var width: Int { (lines.map(BlockFont.width).max() ?? 0) * across }

    /// Draws the lines centred across [x, x + width) from row y.
    func draw(x: Int, y: Int, width: Int, roles: BlockRoles, pen: inout KioskPen) {
        var pixels: [[Bool]] = []
        let across = lines.map(BlockFont.width).max() ?? 0
        for (i, line) in lines.enumerated() {
            if i > 0 { pixels += Array(repeating: Array(repeating: false, count: across), count: Self.leading) }
            let inset = (across - BlockFont.width(line)) / 2
            pixels += BlockFont.pixels(line).map { row in
                Array(repeating: false, count: inset) + row + Array(repeating: false, count: across - inset - row.count)
            }
        }
        let left = x + max(0, (width - across * self.across) / 2)
        BlockPainter.draw(pixels, x: left, y: y, across: self.across, halves: halves, roles: roles, pen: &pen)
    }
}
