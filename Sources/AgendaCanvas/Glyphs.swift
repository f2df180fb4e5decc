import Foundation  // decomposedStringWithCanonicalMapping: accents off Latin letters

/// Which characters the interface draws its marks, lines and ellipses with.
///
/// CJK terminals often draw East Asian *Ambiguous* characters (★ ▶ │ ─ … ● █) two cells wide
/// while `wcwidth`, and so curses and our layout, count one: every border and mark after
/// such a character would be pushed along.
public enum Glyphs: String, Sendable, CaseIterable {
    case unicode
    /// None of them at all: ASCII lines, marks and punctuation, and accented letters of the
    /// schedule's text without their accents (é is ambiguous too). For those terminals.
    case ascii
    /// ASCII lines, marks and punctuation; the schedule's letters as published. For the Linux
    /// console (whose font has é but not ★) and screen readers (which say "Café" right).
    case asciiMarks

    /// Whether a finished frame is folded to ASCII, and whether its letters are too.
    public var folds: Bool { self != .unicode }
}

extension Canvas {
    /// Replaces every East Asian Ambiguous character with a one-cell ASCII stand-in, so a frame
    /// drawn for `Glyphs.ascii` cannot shift on any terminal. Runs once over the finished
    /// frame: the views, the strings and the schedule's own punctuation are all covered.
    /// Letters without an ASCII base (Greek, Cyrillic) stay, being the schedule's words, and
    /// with `asciiMarks` every letter does; so do the cells of `keep` (a QR code on a console
    /// whose font draws its blocks one cell wide).
    public mutating func foldAmbiguous(_ glyphs: Glyphs, keep: Set<Role> = []) {
        guard glyphs.folds else { return }
        for index in cells.indices where cells[index].scalar.value >= 0xA1 && !cells[index].isContinuation {
            let cell = cells[index]
            guard !keep.contains(cell.role), AmbiguousWidth.contains(cell.scalar),
                  glyphs == .ascii || !cell.scalar.properties.isAlphabetic,
                  let plain = Self.asciiStandIn(cell.scalar) else { continue }
            replaceScalar(at: index, with: plain)
        }
    }

    /// One ASCII character in place of an ambiguous one; nil to keep it (a letter with no ASCII base).
    static func asciiStandIn(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        if let plain = asciiStandIns[scalar] { return plain }
        switch scalar.value {
        case 0x2500...0x257F:   // box drawing: light and heavy lines, corners and joints
            let name = scalar.properties.name ?? ""
            if name.contains("HORIZONTAL") && !name.contains("VERTICAL") { return "-" }
            if name.contains("VERTICAL") && !name.contains("HORIZONTAL") { return "|" }
            return "+"
        case 0x2580...0x259F: return "#"   // blocks and shades
        default: break
        }
        // Accented Latin letters lose their accents (é → e); other letters are words to keep.
        if scalar.properties.isAlphabetic {
            let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first
            return base.flatMap { $0.isASCII ? $0 : nil }
        }
        return "?"
    }

    private static let asciiStandIns: [Unicode.Scalar: Unicode.Scalar] = [
        "…": "~", "·": "-", "–": "-", "—": "-", "‐": "-", "―": "-", "•": "*", "★": "*", "☆": "*",
        "●": "*", "○": "o", "◎": "o", "◆": "*", "◇": "o", "■": "#", "□": "o",
        "▶": ">", "▷": ">", "►": ">", "◀": "<", "◁": "<", "▲": "^", "△": "^", "▼": "v", "▽": "v",
        "↑": "^", "↓": "v", "←": "<", "→": ">", "↔": "-", "⇒": ">", "×": "x", "÷": "/",
        "‘": "'", "’": "'", "“": "\"", "”": "\"", "´": "'", "¨": "\"", "°": "o", "±": "+",
        "¡": "!", "¿": "?", "§": "S", "¶": "P", "ª": "a", "º": "o", "®": "R", "¼": "/", "½": "/", "¾": "/",
        "€": "E", "¤": "$", "※": "*", "‰": "%", "′": "'", "″": "\"", "▏": "|", "▕": "|", "▌": "|", "▐": "|",
        "Æ": "A", "æ": "a", "Ð": "D", "ð": "d", "Þ": "T", "þ": "t", "ß": "s", "Ø": "O", "ø": "o",
        "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ı": "i",
    ]
}
