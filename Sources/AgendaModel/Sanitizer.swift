/// Makes untrusted schedule text safe and stable to show in a terminal.
///
/// Escape sequences (CSI, OSC, DCS, …) are removed whole, so no payload reaches the terminal
/// and no half-sequence garbage is left. Other controls, bidi overrides, zero-width characters
/// and the emoji forms whose width terminals disagree on are dropped.
public enum Sanitizer {
    /// A one-line field (title, room, name): every line break and tab becomes a space,
    /// runs of spaces collapse, ends are trimmed.
    public static func line(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in cleanScalars(text) {
            if scalar == "\n" || scalar == "\t" || scalar == " " || scalar == "\u{A0}" {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(scalar)
        }
        return String(out)
    }

    /// Multi-line text (abstract, description): keeps line breaks, turns CRLF and CR into LF,
    /// trims trailing spaces, and leaves at most one blank line between paragraphs.
    public static func text(_ text: String) -> String {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        func endLine() {
            var line = String(current)
            while line.last == " " || line.last == "\u{A0}" { line.removeLast() }
            if !(line.isEmpty && (lines.last?.isEmpty ?? true)) { lines.append(line) }
            current = String.UnicodeScalarView()
        }
        for scalar in cleanScalars(text) {
            if scalar == "\n" { endLine() } else { current.append(scalar == "\t" ? " " : scalar) }
        }
        endLine()
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// True when the scalar is never shown: controls, bidi controls, zero-width and emoji
    /// presentation modifiers. Line feed and tab are reported separately by `cleanScalars`.
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true                 // C0, DEL, C1
        case 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x206F: return true  // zero-width, bidi, separators
        case 0x061C, 0xFEFF, 0xFFF9...0xFFFB: return true          // ALM, BOM, annotations
        case 0xFE00...0xFE0F, 0xE0100...0xE01EF: return true       // variation selectors (VS16 emoji width)
        case 0x1F3FB...0x1F3FF: return true                        // skin-tone modifiers
        case 0xE0000...0xE007F: return true                        // tag characters
        default: return false
        }
    }

    /// The scalars of `text` with escape sequences removed whole and CR/CRLF turned into LF;
    /// LF and tab are kept for the caller to place, every other invisible scalar is dropped.
    static func cleanScalars(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.unicodeScalars.count)
        var state = EscapeState.text
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            let wasCR = previousWasCR
            previousWasCR = false
            switch state {
            case .text:
                switch scalar.value {
                case 0x1B: state = .escape
                case 0x9B: state = .csi
                case 0x9D, 0x90, 0x98, 0x9E, 0x9F: state = .string
                case 0x0D: out.append("\n"); previousWasCR = true
                case 0x0A: if !wasCR { out.append("\n") }
                case 0x09: out.append("\t")
                default: if !isInvisible(scalar) { out.append(scalar) }
                }
            case .escape:
                switch scalar {
                case "[": state = .csi
                case "]", "P", "X", "^", "_": state = .string
                default: state = (0x20...0x2F).contains(scalar.value) ? .escape : .text
                }
            case .csi:
                // Parameters and intermediates run 0x20–0x3F; a final byte 0x40–0x7E ends it.
                if !(0x20...0x3F).contains(scalar.value) { state = .text }
            case .string:
                // OSC, DCS, SOS, PM, APC end with BEL, ST (ESC \) or C1 ST.
                // A line feed ends it too, so an unterminated payload cannot swallow a whole text.
                if scalar.value == 0x07 || scalar.value == 0x9C { state = .text }
                else if scalar.value == 0x1B { state = .stringEscape }
                else if scalar.value == 0x0A { state = .text; out.append("\n") }
            case .stringEscape:
                state = scalar == "\\" ? .text : .string
            }
        }
        return out
    }

    private enum EscapeState { case text, escape, csi, string, stringEscape }
}
