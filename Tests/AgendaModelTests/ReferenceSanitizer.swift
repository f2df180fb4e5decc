import AgendaModel

/// The scalar-by-scalar `Sanitizer` as it was before the byte-level rewrite, kept as the
/// reference the fast one must match: `SanitizerTests` compare them on random text, and the
/// fuzz-sanitizer target (which links this file) on whatever libFuzzer makes up.
enum ReferenceSanitizer {
    /// A one-line field (title, room, name): every line break and tab becomes a space,
    /// runs of spaces collapse, ends are trimmed.
    static func line(_ text: String) -> String {
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
    static func text(_ text: String) -> String {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        func endLine() {
            // Trailing spaces go scalar by scalar (the original compared Characters, which kept a
            // space that a prepended format character such as U+0600 had joined).
            while let last = current.last, last == " " || last == "\u{A0}" { current.removeLast() }
            let line = String(current)
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
                default: if !Sanitizer.isInvisible(scalar) { out.append(scalar) }
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

    /// `FieldText.normalisingCR` as it was: CRs right before a line feed are dropped
    /// (`&#13;` then CRLF is one line break), a CR on its own is a line break.
    static func normalisingCR(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        var out: [UInt8] = []
        var pendingCRs = 0
        for byte in text.utf8 {
            if byte == 0x0D { pendingCRs += 1; continue }
            if pendingCRs > 0, byte != 0x0A { out.append(contentsOf: repeatElement(0x0A, count: pendingCRs)) }
            pendingCRs = 0
            out.append(byte)
        }
        if pendingCRs > 0 { out.append(0x0A) }
        return String(decoding: out, as: UTF8.self)
    }
}
