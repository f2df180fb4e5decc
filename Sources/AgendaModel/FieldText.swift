/// Every text field a reader loads goes through here: sanitised, empty becomes nil.
///
/// The fast paths return the string untouched when `Sanitizer` provably would too (plain
/// printable ASCII, well spaced); everything else takes the full sanitiser. This keeps large
/// files fast without a second notion of what is safe.
enum FieldText {
    /// A one-line field: title, room, name, id.
    static func line(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        if isCleanLine(text) { return text }
        let clean = Sanitizer.line(text)
        return clean.isEmpty ? nil : clean
    }

    /// Abstract or description: HTML becomes readable text, Markdown and plain text stay.
    static func text(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        let readable = normalisingCR(HTMLText.isHTML(text) ? HTMLText.readable(text) : HTMLText.decodingEntities(text))
        if isCleanText(readable) { return readable }
        let clean = Sanitizer.text(readable)
        return clean.isEmpty ? nil : clean
    }

    /// CRs before a line feed are dropped (`&#13;` then CRLF is one line break, not two);
    /// a CR on its own is a line break.
    static func normalisingCR(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
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

    /// Printable ASCII with single inner spaces: what `Sanitizer.line` returns unchanged.
    static func isCleanLine(_ text: String) -> Bool {
        var previousWasSpace = true
        for byte in text.utf8 {
            if byte == 0x20 {
                if previousWasSpace { return false }
                previousWasSpace = true
            } else if byte > 0x20 && byte < 0x7F {
                previousWasSpace = false
            } else {
                return false
            }
        }
        return !previousWasSpace
    }

    /// Printable ASCII and LF, no trailing spaces, at most one blank line between paragraphs,
    /// none at the ends: what `Sanitizer.text` returns unchanged.
    static func isCleanText(_ text: String) -> Bool {
        var newlines = 2, previous: UInt8 = 0x0A
        for byte in text.utf8 {
            if byte == 0x0A {
                if previous == 0x20 { return false }
                newlines += 1
                if newlines > 2 { return false }
            } else if byte >= 0x20 && byte < 0x7F {
                newlines = 0
            } else {
                return false
            }
            previous = byte
        }
        return previous != 0x0A && previous != 0x20
    }
}
