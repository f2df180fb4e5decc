@testable import AgendaModel

/// `HTMLToText` as it was before the byte-run rewrite, kept as the reference the fast one must
/// match (HTMLTextReferenceTests, and the fuzz-sanitizer target, which links this file).
///
/// Turns the HTML that schedules put in abstracts into text a terminal can show:
/// paragraphs as blank lines, `<br>` as line breaks, list items as "• ", entities decoded,
/// link targets kept as "text (url)". Whitespace collapses as a browser would, except in `<pre>`.
enum ReferenceHTMLText {
    /// True when the text holds a tag of the kind abstracts use; Markdown and plain text do not.
    static func isHTML(_ text: String) -> Bool {
        guard text.containsByte(UInt8(ascii: "<")) else { return false }
        let bytes = text.utf8
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "<") else { continue }
            var name = ""
            while let next = iterator.next() {
                let lower = next | 0x20
                if (lower >= 0x61 && lower <= 0x7A) || (next >= 0x30 && next <= 0x39 && !name.isEmpty) {
                    name.unicodeScalars.append(Unicode.Scalar(lower))
                    if name.utf8.count > 10 { break }
                } else if next == UInt8(ascii: "/") && name.isEmpty {
                    continue
                } else {
                    if !name.isEmpty, next == 0x20 || next == UInt8(ascii: ">") || next == UInt8(ascii: "/")
                        || next == 0x0A, knownTags.contains(name) { return true }
                    break
                }
            }
        }
        return false
    }

    static let knownTags: Set<String> = [
        "p", "br", "a", "ul", "ol", "li", "div", "span", "em", "strong", "b", "i", "u", "s", "h1", "h2",
        "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "img", "table", "tr", "td", "th", "hr",
        "sup", "sub", "tt", "dl", "dt", "dd", "small", "big", "center", "font",
    ]

    private static let paragraphTags: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol",
        "dl", "hr", "section", "article", "header", "footer", "center",
    ]
    private static let lineTags: Set<String> = ["br", "tr", "dt", "dd"]

    /// Plain text or Markdown: only character references are decoded (`&#13;`, `&amp;`).
    static func decodingEntities(_ text: String) -> String {
        guard text.containsByte(UInt8(ascii: "&")) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "&"), let (scalar, length) = Entities.decode(bytes, at: i) {
                out.append(contentsOf: Array(String(scalar).utf8))
                i += length
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func readable(_ html: String) -> String {
        var writer = Writer()
        let bytes = Array(html.utf8)
        var i = 0
        var preDepth = 0
        var link: (href: [UInt8], textStart: Int)?
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "<"), let tag = Tag(bytes, at: i) {
                i = tag.end
                if tag.isComment { continue }
                if tag.name == "script" || tag.name == "style", !tag.closing {
                    i = skipRawText(bytes, from: i, name: tag.name)
                    continue
                }
                if tag.name == "pre" { preDepth = max(0, preDepth + (tag.closing ? -1 : 1)) }
                if paragraphTags.contains(tag.name) {
                    writer.paragraph()
                } else if lineTags.contains(tag.name) {
                    if !tag.closing || tag.name != "br" { writer.newline() }
                } else if tag.name == "li" {
                    if !tag.closing { writer.newline(); writer.raw("• ") }
                } else if tag.name == "td" || tag.name == "th" {
                    writer.space()
                } else if tag.name == "a" {
                    if !tag.closing, let href = tag.attribute("href") {
                        link = (href, writer.out.count)
                    } else if tag.closing, let open = link {
                        let text = Array(writer.out[open.textStart...].drop { $0 == 0x20 || $0 == 0x0A })
                        if !open.href.isEmpty, text != open.href, !open.href.starts(with: Array("#".utf8)),
                           !open.href.starts(with: Array("mailto:".utf8)) || text.isEmpty {
                            writer.text(Array(" (".utf8) + open.href + Array(")".utf8), pre: true)
                        }
                        link = nil
                    }
                }
                continue
            }
            if byte == UInt8(ascii: "&"), let (scalar, length) = Entities.decode(bytes, at: i) {
                // A no-break space in HTML is layout, not content.
                if scalar == "\u{A0}" { writer.byte(0x20, pre: preDepth > 0) }
                else { UTF8.encode(scalar) { writer.byte($0, pre: preDepth > 0) } }
                i += length
                continue
            }
            writer.byte(byte, pre: preDepth > 0)
            i += 1
        }
        // The closing </p> leaves a paragraph break behind: drop it, so clean text stays on the fast path.
        while let last = writer.out.last, last == 0x0A || last == 0x20 { writer.out.removeLast() }
        return String(decoding: writer.out, as: UTF8.self)
    }

    private static func skipRawText(_ bytes: [UInt8], from start: Int, name: String) -> Int {
        var i = start
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "<"), let tag = Tag(bytes, at: i), tag.closing, tag.name == name { return tag.end }
            i += 1
        }
        return bytes.count
    }

    /// Output with HTML whitespace rules: runs of spaces and newlines in the source are one space.
    struct Writer {
        var out: [UInt8] = []
        var pendingSpace = false

        mutating func text(_ bytes: [UInt8], pre: Bool) {
            for byte in bytes { self.byte(byte, pre: pre) }
        }

        mutating func byte(_ byte: UInt8, pre: Bool) {
            if !pre, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                pendingSpace = true
                return
            }
            if pendingSpace, let last = out.last, last != 0x0A, last != 0x20 { out.append(0x20) }
            pendingSpace = false
            out.append(byte == 0x0D ? 0x0A : byte)
        }

        mutating func raw(_ text: String) { out.append(contentsOf: Array(text.utf8)); pendingSpace = false }

        mutating func space() { pendingSpace = true }

        mutating func newline() {
            while out.last == 0x20 { out.removeLast() }
            if !out.isEmpty { out.append(0x0A) }
            pendingSpace = false
        }

        mutating func paragraph() {
            while out.last == 0x20 { out.removeLast() }
            pendingSpace = false
            guard !out.isEmpty else { return }
            if out.last != 0x0A { out.append(0x0A) }
            if out.count < 2 || out[out.count - 2] != 0x0A { out.append(0x0A) }
        }
    }

    /// One tag: its lower-case name, whether it closes, and its attribute text.
    struct Tag {
        var name = ""
        var closing = false
        var isComment = false
        var attributes: ArraySlice<UInt8> = []
        var end: Int

        init?(_ bytes: [UInt8], at start: Int) {
            var i = start + 1
            if i + 2 < bytes.count, bytes[i] == 0x21, bytes[i + 1] == 0x2D, bytes[i + 2] == 0x2D {
                isComment = true
                i += 3
                while i + 2 < bytes.count, !(bytes[i] == 0x2D && bytes[i + 1] == 0x2D && bytes[i + 2] == 0x3E) { i += 1 }
                end = min(bytes.count, i + 3)
                return
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: "/") { closing = true; i += 1 }
            let nameStart = i
            while i < bytes.count {
                let lower = bytes[i] | 0x20
                guard (lower >= 0x61 && lower <= 0x7A) || (bytes[i] >= 0x30 && bytes[i] <= 0x39 && i > nameStart) else { break }
                i += 1
            }
            name = String(decoding: bytes[nameStart..<i].lazy.map { $0 | 0x20 }, as: UTF8.self)
            guard !name.isEmpty || bytes.indices.contains(i) && bytes[i] == UInt8(ascii: "!") else { return nil }
            let attributesStart = i
            var quote: UInt8? = nil
            while i < bytes.count {
                let byte = bytes[i]
                if let q = quote { if byte == q { quote = nil } }
                else if byte == 0x22 || byte == 0x27 { quote = byte }
                else if byte == UInt8(ascii: ">") { break }
                else if byte == UInt8(ascii: "<") { return nil }
                i += 1
            }
            guard i < bytes.count else { return nil }
            attributes = bytes[attributesStart..<i]
            end = i + 1
            if name.isEmpty { isComment = true }   // <!DOCTYPE …> and the like
        }

        /// The value of a quoted or bare attribute, entities decoded.
        func attribute(_ wanted: String) -> [UInt8]? {
            let key = Array(wanted.utf8)
            var i = attributes.startIndex
            let a = attributes
            while i < a.endIndex {
                while i < a.endIndex, a[i] == 0x20 || a[i] == 0x0A || a[i] == 0x09 || a[i] == 0x0D || a[i] == 0x2F { i += 1 }
                let nameStart = i
                while i < a.endIndex, a[i] != 0x3D, a[i] != 0x20, a[i] != 0x0A, a[i] != 0x09 { i += 1 }
                let name = a[nameStart..<i].map { $0 | 0x20 }
                while i < a.endIndex, a[i] == 0x20 { i += 1 }
                guard i < a.endIndex, a[i] == 0x3D else { continue }
                i += 1
                while i < a.endIndex, a[i] == 0x20 { i += 1 }
                var value: ArraySlice<UInt8>
                if i < a.endIndex, a[i] == 0x22 || a[i] == 0x27 {
                    let q = a[i]
                    let valueStart = i + 1
                    i = valueStart
                    while i < a.endIndex, a[i] != q { i += 1 }
                    value = a[valueStart..<min(i, a.endIndex)]
                    i += 1
                } else {
                    let valueStart = i
                    while i < a.endIndex, a[i] != 0x20 { i += 1 }
                    value = a[valueStart..<i]
                }
                if name == key {
                    return Array(ReferenceHTMLText.decodingEntities(String(decoding: value, as: UTF8.self)).utf8)
                }
            }
            return nil
        }
    }
}
