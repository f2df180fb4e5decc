/// The drawing characters of the board: Unicode, or ASCII when the locale is not UTF-8
/// (a terminal that cannot show "█" or "─" shows "#" and "-").
struct KioskGlyphs {
    /// ASCII lines, bars, dots and ellipses (no locale, or no ambiguous-width characters).
    let ascii: Bool
    /// The Linux console font has blocks and lines but no circles.
    var consoleFont = false
    /// The text itself folded to ASCII too: only outside a UTF-8 locale.
    var foldsText: Bool

    init(ascii: Bool, consoleFont: Bool = false, foldsText: Bool? = nil) {
        self.ascii = ascii
        self.consoleFont = consoleFont
        self.foldsText = foldsText ?? ascii
    }

    init(_ options: KioskOptions) {
        self.init(ascii: options.ascii || options.asciiGlyphs, consoleFont: options.consoleFont, foldsText: options.ascii)
    }
    var rule: String { ascii ? "-" : "─" }
    var dot: String { ascii ? "-" : "·" }
    var rangeSeparator: String { ascii ? "-" : "–" }
    var barEmpty: String { ascii ? "." : "░" }
    var pageOn: String { ascii || consoleFont ? "*" : "●" }
    var pageOff: String { ascii || consoleFont ? "o" : "○" }
    var ellipsis: String { ascii ? "~" : "…" }
    /// Whether "▀" and "▄" can be drawn one cell wide: in a UTF-8 locale, unless the terminal
    /// draws ambiguous characters two cells wide (the console's font has them one cell wide).
    var halfBlocks: Bool { !foldsText && (!ascii || consoleFont) }

    /// Text as this terminal can show it: unchanged in Unicode; in ASCII, accents are dropped,
    /// typographic punctuation becomes plain, and any other run of non-ASCII becomes one "?".
    func fold(_ text: String) -> String {
        guard foldsText, !text.unicodeScalars.allSatisfy(\.isASCII) else { return text }
        var out = ""
        var lastWasUnknown = false
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.isASCII { out.unicodeScalars.append(scalar); lastWasUnknown = false; continue }
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if let plain = Self.plain[scalar] { out += plain; lastWasUnknown = false; continue }
            if !lastWasUnknown { out += "?" }
            lastWasUnknown = true
        }
        return out
    }

    private static let plain: [Unicode.Scalar: String] = [
        "\u{A0}": " ", "‘": "'", "’": "'", "“": "\"", "”": "\"", "–": "-", "—": "-", "…": "...",
        "·": "-", "•": "*", "ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
        "，": ",", "：": ":", "（": "(", "）": ")", "、": ",", "。": ".",
    ]
}
