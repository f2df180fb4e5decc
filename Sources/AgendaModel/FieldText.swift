import Foundation

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
        if let tidy = tidyVisibleText(readable) { return tidy.isEmpty ? nil : tidy }
        let clean = Sanitizer.text(readable)
        return clean.isEmpty ? nil : clean
    }

    /// Removes the indentation that every line after the first shares: XML writers indent
    /// element text to the element's depth, which is layout of the file, not of the text.
    /// Markdown's own indentation beyond that common part is kept.
    static func dedented(_ text: String) -> String {
        guard text.contains("\n ") else { return text }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let common = lines.dropFirst()
            .filter { !$0.allSatisfy { $0 == " " } }
            .map { $0.prefix { $0 == " " }.count }
            .min() ?? 0
        guard common > 0 else { return text }
        return ([lines[0]] + lines.dropFirst().map { $0.allSatisfy { $0 == " " } ? "" : $0.dropFirst(common) })
            .joined(separator: "\n")
    }

    /// CRs before a line feed are dropped (`&#13;` then CRLF is one line break, not two);
    /// a CR on its own is a line break.
    static func normalisingCR(_ text: String) -> String {
        guard text.containsByte(0x0D) else { return text }
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

    /// Visible characters with single inner spaces: what `Sanitizer.line` returns unchanged.
    static func isCleanLine(_ text: String) -> Bool {
        var previousWasSpace = true
        let clean = scanScalars(text) { value in
            if value == 0x20 {
                if previousWasSpace { return false }
                previousWasSpace = true
                return true
            }
            previousWasSpace = false
            return isVisible(value)
        }
        return clean && !previousWasSpace
    }

    /// Visible characters and LF, no trailing spaces, at most one blank line between
    /// paragraphs, none at the ends: what `Sanitizer.text` returns unchanged.
    static func isCleanText(_ text: String) -> Bool {
        var newlines = 2
        var previous: UInt32 = 0x0A
        let clean = scanScalars(text) { value in
            defer { previous = value }
            if value == 0x0A {
                newlines += 1
                return previous != 0x20 && newlines <= 2
            }
            newlines = 0
            return value == 0x20 || isVisible(value)
        }
        return clean && previous != 0x0A && previous != 0x20
    }

    /// `Sanitizer.text` for text whose every character is visible, a space, a tab or a line
    /// feed: only the line structure changes (tabs as spaces, trailing spaces trimmed, at most
    /// one blank line, none at the ends), done on bytes. Nil for anything else.
    static func tidyVisibleText(_ text: String) -> String? {
        let allVisible = scanScalars(text) { $0 == 0x0A || $0 == 0x20 || $0 == 0x09 || isVisible($0) }
        guard allVisible else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var blankPending = false   // an empty (or all-space) line seen since the last text
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            while i <= bytes.count {
                var lineEnd = i
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                var end = lineEnd
                while end > i, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
                if end == i {
                    // Decided only when text follows: a blank line between paragraphs, none at the ends.
                    blankPending = !out.isEmpty
                } else {
                    if !out.isEmpty { out.append(0x0A); if blankPending { out.append(0x0A) } }
                    blankPending = false
                    for k in i..<end { out.append(bytes[k] == 0x09 ? 0x20 : bytes[k]) }
                }
                i = lineEnd + 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Shown as is by `Sanitizer`: printable ASCII, and from U+00A1 on what it does not drop.
    @inline(__always)
    private static func isVisible(_ value: UInt32) -> Bool {
        if value > 0x20 && value < 0x7F { return true }
        guard value >= 0xA1, let scalar = Unicode.Scalar(value) else { return false }
        return !Sanitizer.isInvisible(scalar)
    }

    /// Calls `body` with each scalar value until it returns false; decodes the UTF-8 in place.
    @inline(__always)
    private static func scanScalars(_ text: String, _ body: (UInt32) -> Bool) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            let count = bytes.count
            while i < count {
                let lead = UInt32(bytes[i])
                var value = lead
                if lead < 0x80 {
                    i += 1
                } else if lead < 0xE0 {
                    value = (lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                    i += 2
                } else if lead < 0xF0 {
                    value = (lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    i += 3
                } else {
                    value = (lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
                        | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
                    i += 4
                }
                if !body(value) { return false }
            }
            return true
        }
    }
}

extension String {
    /// Whether the UTF-8 holds `byte`, with `memchr` where the storage allows.
    func containsByte(_ byte: UInt8) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ buffer -> Bool in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return false }
            return memchr(base, Int32(byte), buffer.count) != nil
        }) { return found }
        return utf8.contains(byte)
    }
}

extension String {
    /// Without surrounding whitespace and line breaks; free when there is none.
    var trimmed: String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        func isSpace(_ byte: UInt8) -> Bool { byte <= 0x20 || byte >= 0x80 }
        if !isSpace(first) && !isSpace(last) { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
