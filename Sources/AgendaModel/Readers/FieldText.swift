import Foundation

/// Every text field a reader loads goes through here: sanitised, empty becomes nil.
///
/// The fast paths return the string untouched when `Sanitizer` provably would too (visible
/// characters, well spaced); everything else takes the sanitiser, itself one pass over the
/// bytes. This keeps large files fast without a second notion of what is safe.
enum FieldText {
    /// A one-line field: title, room, name, id.
    static func line(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        if isCleanLine(text) { return text }
        let clean = Sanitizer.line(text)
        return clean.isEmpty ? nil : clean
    }

    /// A yes-or-no field (`true`, `false`, `1`, `0`, `yes`, `no`); nil when absent or otherwise.
    static func flag(_ text: String?) -> Bool? {
        switch text?.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
        case "true", "1", "yes": true
        case "false", "0", "no": false
        default: nil
        }
    }

    /// Abstract or description: HTML becomes readable text, Markdown and plain text stay, but
    /// for Markdown's backslash escapes (`markdown`: the file's texts may be Markdown; an
    /// iCalendar description is plain text).
    static func text(_ text: String?, markdown: Bool = true) -> String? {
        guard let text, !text.isEmpty else { return nil }
        let readable = HTMLToText.isHTML(text) ? HTMLToText.readable(text)
            : markdown ? MarkdownEscapes.removed(HTMLToText.decodingEntities(text)) : HTMLToText.decodingEntities(text)
        if isCleanText(readable) { return readable }
        // CRs are read as `normalisingCR` would have rewritten them, in the same pass.
        let clean = Sanitizer.cleanText(readable, collapsingCRRuns: true)
        return clean.isEmpty ? nil : clean
    }

    /// Removes the indentation that every line after the first shares: XML writers indent
    /// element text to the element's depth, which is layout of the file, not of the text.
    /// Markdown's own indentation beyond that common part is kept. Indentation is U+0020 only.
    static func dedented(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            let count = bytes.count
            // Only text with a line that starts with a space can change; most text has none.
            var common = Int.max
            var i = 0
            var sawIndent = false
            while let newline = find(0x0A, in: bytes, from: i) {
                var k = newline + 1
                while k < count, bytes[k] == 0x20 { k += 1 }
                let indent = k - newline - 1
                if indent > 0 { sawIndent = true }
                // Lines of nothing but spaces (or nothing) do not count.
                if k < count, bytes[k] != 0x0A { common = min(common, indent) }
                i = newline + 1
            }
            guard sawIndent, common != Int.max, common > 0 else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(count)
            var lineStart = 0
            var first = true
            while lineStart <= count {
                let lineEnd = find(0x0A, in: bytes, from: lineStart) ?? count
                if !first {
                    out.append(0x0A)
                    var k = lineStart
                    while k < lineEnd, bytes[k] == 0x20 { k += 1 }
                    if k < lineEnd { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(lineStart + common)..<lineEnd])) }
                } else {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]))
                    first = false
                }
                lineStart = lineEnd + 1
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    private static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress,
              let hit = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
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
        // Runs of printable ASCII and spaces (most of any abstract) are skipped 8 bytes at a time.
        let clean = scanScalars(text, plainRun: { last in newlines = 0; previous = last }) { value in
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

    /// Shown as is by `Sanitizer`: printable ASCII, and from U+00A1 on what it does not drop.
    @inline(__always)
    private static func isVisible(_ value: UInt32) -> Bool {
        if value > 0x20 && value < 0x7F { return true }
        guard value >= 0xA1, let scalar = Unicode.Scalar(value) else { return false }
        return !Sanitizer.isInvisible(scalar)
    }

    /// Calls `body` with each scalar value until it returns false; decodes the UTF-8 in place.
    /// With `plainRun`, eight bytes that are all printable ASCII or spaces go to it at once
    /// (with the last of them) instead of one by one to `body`.
    @inline(__always)
    private static func scanScalars(_ text: String, plainRun: ((UInt32) -> Void)? = nil, _ body: (UInt32) -> Bool) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            let count = bytes.count
            while i < count {
                if let plainRun, i + 8 <= count,
                   isPrintableASCII(UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                    plainRun(UInt32(bytes[i + 7]))
                    i += 8
                    continue
                }
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

/// Whether all eight bytes of `word` are in 0x20...0x7E (bit tricks from "Bit Twiddling
/// Hacks": `hasless(x, 0x20)` and `hasmore(x, 0x7E)`, both exact).
@inline(__always)
func isPrintableASCII(_ word: UInt64) -> Bool {
    let high: UInt64 = 0x8080_8080_8080_8080
    let below = (word &- 0x2020_2020_2020_2020) & ~word & high
    let above = ((word &+ 0x0101_0101_0101_0101) | word) & high
    return below | above == 0
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
