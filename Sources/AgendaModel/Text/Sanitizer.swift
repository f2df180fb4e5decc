/// Makes untrusted schedule text safe and stable to show in a terminal.
///
/// Escape sequences (CSI, OSC, DCS, …) are removed whole, so no payload reaches the terminal
/// and no half-sequence garbage is left. Other controls, bidi overrides, zero-width characters
/// and the emoji forms whose width terminals disagree on are dropped.
public enum Sanitizer {
    /// A one-line field (title, room, name): every line break and tab becomes a space,
    /// runs of spaces collapse, ends are trimmed.
    public static func line(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            var scanner = Scanner(bytes, collapsingCRRuns: false)
            scanner.run { piece, start, end in
                if piece == .content {
                    if pendingSpace { out.append(0x20); pendingSpace = false }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                } else {
                    pendingSpace = !out.isEmpty
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Multi-line text (abstract, description): keeps line breaks, turns CRLF and CR into LF,
    /// trims trailing spaces, and leaves at most one blank line between paragraphs.
    public static func text(_ text: String) -> String {
        cleanText(text, collapsingCRRuns: false)
    }

    /// `text`, optionally reading the input as `FieldText` does: CRs right before a line feed
    /// dropped (`&#13;` then CRLF is one line break), every other CR a line break.
    static func cleanText(_ text: String, collapsingCRRuns: Bool) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            // Spaces seen since the last content on this line: written only if content follows,
            // so trailing spaces and all-space lines vanish.
            var spaces: [UInt8] = []
            var atLineStart = true
            var blankPending = false   // an empty line since the last content
            var scanner = Scanner(bytes, collapsingCRRuns: collapsingCRRuns)
            scanner.run { piece, start, end in
                switch piece {
                case .content:
                    if atLineStart {
                        if !out.isEmpty { out.append(0x0A); if blankPending { out.append(0x0A) } }
                        atLineStart = false
                        blankPending = false
                    }
                    if !spaces.isEmpty { out.append(contentsOf: spaces); spaces.removeAll(keepingCapacity: true) }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                case .space, .tab:
                    spaces.append(0x20)
                case .noBreakSpace:
                    spaces.append(0xC2); spaces.append(0xA0)
                case .newline:
                    if atLineStart { blankPending = !out.isEmpty }
                    atLineStart = true
                    spaces.removeAll(keepingCapacity: true)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
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

    /// What the scanner hands on: shown content (a run of bytes), or one kind of white space.
    enum Piece { case content, space, noBreakSpace, tab, newline }

    /// Walks UTF-8 once: escape sequences removed whole, invisible scalars dropped, CR and CRLF
    /// turned into line feeds; runs of printable ASCII are handed on whole.
    struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        let collapsingCRRuns: Bool
        private var state = EscapeState.text
        private var previousWasCR = false

        init(_ bytes: UnsafeBufferPointer<UInt8>, collapsingCRRuns: Bool) {
            self.bytes = bytes
            self.collapsingCRRuns = collapsingCRRuns
        }

        @inline(__always)
        mutating func run(_ emit: (Piece, Int, Int) -> Void) {
            let count = bytes.count
            var i = 0
            while i < count {
                let lead = bytes[i]
                // Printable ASCII in plain text, the bulk of every field: one run at a time.
                if state == .text, lead > 0x20, lead < 0x7F {
                    // Single spaces between words stay inside the run (both `line` and `text` keep
                    // them as they are); a run always ends on a visible character.
                    var end = i + 1
                    while end < count {
                        let b = bytes[end]
                        if b > 0x20, b < 0x7F { end += 1 }
                        else if b == 0x20, end + 1 < count, bytes[end + 1] > 0x20, bytes[end + 1] < 0x7F { end += 2 }
                        else { break }
                    }
                    previousWasCR = false
                    emit(.content, i, end)
                    i = end
                    continue
                }
                if lead == 0x0D, collapsingCRRuns {
                    var end = i + 1
                    while end < count, bytes[end] == 0x0D { end += 1 }
                    if end < count, bytes[end] == 0x0A {
                        i = end   // the line feed alone is the break
                    } else {
                        for _ in i..<end { step(0x0A, i, i + 1, emit) }
                        i = end
                    }
                    continue
                }
                var value = UInt32(lead)
                var length = 1
                if lead >= 0x80 {
                    if lead < 0xE0 {
                        value = (value & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                        length = 2
                    } else if lead < 0xF0 {
                        value = (value & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                        length = 3
                    } else {
                        value = (value & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
                            | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
                        length = 4
                    }
                }
                step(value, i, i + length, emit)
                i += length
            }
        }

        /// One scalar through the escape-sequence state machine.
        @inline(__always)
        private mutating func step(_ value: UInt32, _ start: Int, _ end: Int, _ emit: (Piece, Int, Int) -> Void) {
            let wasCR = previousWasCR
            previousWasCR = false
            switch state {
            case .text:
                switch value {
                case 0x1B: state = .escape
                case 0x9B: state = .csi
                case 0x9D, 0x90, 0x98, 0x9E, 0x9F: state = .string
                case 0x0D: emit(.newline, start, end); previousWasCR = true
                case 0x0A: if !wasCR { emit(.newline, start, end) }
                case 0x09: emit(.tab, start, end)
                case 0x20: emit(.space, start, end)
                case 0xA0: emit(.noBreakSpace, start, end)
                default:
                    if value > 0x20 && value < 0x7F { emit(.content, start, end) }
                    else if let scalar = Unicode.Scalar(value), !isInvisible(scalar) { emit(.content, start, end) }
                }
            case .escape:
                switch value {
                case 0x5B: state = .csi                                           // [
                case 0x5D, 0x50, 0x58, 0x5E, 0x5F: state = .string                // ] P X ^ _
                default: state = (0x20...0x2F).contains(value) ? .escape : .text
                }
            case .csi:
                // Parameters and intermediates run 0x20–0x3F; a final byte 0x40–0x7E ends it.
                if !(0x20...0x3F).contains(value) { state = .text }
            case .string:
                // OSC, DCS, SOS, PM, APC end with BEL, ST (ESC \) or C1 ST.
                // A line feed ends it too, so an unterminated payload cannot swallow a whole text.
                if value == 0x07 || value == 0x9C { state = .text }
                else if value == 0x1B { state = .stringEscape }
                else if value == 0x0A { state = .text; emit(.newline, start, end) }
            case .stringEscape:
                state = value == 0x5C ? .text : .string
            }
        }
    }

    private enum EscapeState { case text, escape, csi, string, stringEscape }
}
