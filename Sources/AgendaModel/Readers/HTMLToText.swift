import Foundation

/// Turns the HTML that schedules put in abstracts into text a terminal can show:
/// paragraphs as blank lines, `<br>` as line breaks, list items as "• ", entities decoded,
/// link targets kept as "text (url)". Whitespace collapses as a browser would, except in `<pre>`.
///
/// Works on the UTF-8 bytes: text between tags is copied in runs, tag names are told apart
/// without making strings. (The tests keep the earlier, simpler version as a reference.)
enum HTMLToText {
    /// True when the text holds a tag of the kind abstracts use; Markdown and plain text do not.
    static func isHTML(_ text: String) -> Bool {
        guard text.containsByte(UInt8(ascii: "<")) else { return false }
        var text = text
        return text.withUTF8 { bytes in
            let count = bytes.count
            var i = 0
            while let open = find(UInt8(ascii: "<"), in: bytes, from: i) {
                i = open + 1
                // `</name`, `<name`: letters, then letters or digits, at most 10; then a space,
                // `>`, `/` or a line break.
                while i < count, bytes[i] == UInt8(ascii: "/") { i += 1 }
                let nameStart = i
                while i < count {
                    let byte = bytes[i], lower = byte | 0x20
                    guard (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39 && i > nameStart) else { break }
                    i += 1
                    if i - nameStart > 10 { break }
                }
                let length = i - nameStart
                if length > 10 { continue }
                guard i < count else { return false }
                // The byte after the name is used up either way: the search goes on after it.
                let next = bytes[i]
                i += 1
                guard length > 0, next == 0x20 || next == UInt8(ascii: ">") || next == UInt8(ascii: "/") || next == 0x0A else { continue }
                if TagKind(bytes, nameStart..<(i - 1)).isKnown { return true }
            }
            return false
        }
    }

    /// Plain text or Markdown: only character references are decoded (`&#13;`, `&amp;`).
    static func decodingEntities(_ text: String) -> String {
        guard text.containsByte(UInt8(ascii: "&")) else { return text }
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var i = 0
            while let amp = find(UInt8(ascii: "&"), in: bytes, from: i) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<amp]))
                if let (scalar, length) = Entities.decode(bytes, at: amp, names: Entities.html) {
                    Entities.append(scalar, to: &out)
                    i = amp + length
                } else {
                    out.append(UInt8(ascii: "&"))
                    i = amp + 1
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i...]))
            return String(decoding: out, as: UTF8.self)
        }
    }

    static func readable(_ html: String) -> String {
        var html = html
        return html.withUTF8 { readable($0) }
    }

    private static func readable(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var writer = Writer()
        writer.out.reserveCapacity(bytes.count)
        let count = bytes.count
        var i = 0
        var preDepth = 0
        var link: (href: [UInt8], textStart: Int)?
        while i < count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "<"), let tag = Tag(bytes, at: i) {
                i = tag.end
                if tag.isComment { continue }
                let kind = tag.kind
                if kind == .script || kind == .style, !tag.closing {
                    i = skipRawText(bytes, from: i, kind: kind)
                    continue
                }
                if kind == .pre { preDepth = max(0, preDepth + (tag.closing ? -1 : 1)) }
                if kind.isParagraph {
                    writer.paragraph()
                } else if kind.isLine {
                    if !tag.closing || kind != .br { writer.newline() }
                } else if kind == .li {
                    if !tag.closing { writer.newline(); writer.raw("• ") }
                } else if kind == .td || kind == .th {
                    writer.space()
                } else if kind == .a {
                    if !tag.closing, let href = tag.attribute("href", in: bytes) {
                        link = (href, writer.out.count)
                    } else if tag.closing, let open = link {
                        let text = Array(writer.out[open.textStart...].drop { $0 == 0x20 || $0 == 0x0A })
                        if !open.href.isEmpty, text != open.href, open.href.first != UInt8(ascii: "#"),
                           !open.href.starts(with: Array("mailto:".utf8)) || text.isEmpty {
                            writer.text(Array(" (".utf8) + open.href + Array(")".utf8), pre: true)
                        }
                        link = nil
                    }
                }
                continue
            }
            if byte == UInt8(ascii: "&"), let (scalar, length) = Entities.decode(bytes, at: i, names: Entities.html) {
                // A no-break space in HTML is layout, not content.
                if scalar == "\u{A0}" { writer.byte(0x20, pre: preDepth > 0) }
                else { UTF8.encode(scalar) { writer.byte($0, pre: preDepth > 0) } }
                i += length
                continue
            }
            if preDepth == 0 {
                // A run of plain text (no tag, entity or white space) is copied at once. A single
                // space between two such bytes comes out as it is, so it stays in the run.
                @inline(__always) func plain(_ b: UInt8) -> Bool {
                    !(b == UInt8(ascii: "<") || b == UInt8(ascii: "&") || b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09)
                }
                var end = i
                while end < count {
                    if plain(bytes[end]) { end += 1 }
                    else if bytes[end] == 0x20, end > i, end + 1 < count, plain(bytes[end + 1]) { end += 2 }
                    else { break }
                }
                if end > i {
                    writer.run(UnsafeBufferPointer(rebasing: bytes[i..<end]))
                    i = end
                    continue
                }
            }
            writer.byte(byte, pre: preDepth > 0)
            i += 1
        }
        // The closing </p> leaves a paragraph break behind: drop it, so clean text stays on the fast path.
        while let last = writer.out.last, last == 0x0A || last == 0x20 { writer.out.removeLast() }
        return String(decoding: writer.out, as: UTF8.self)
    }

    private static func skipRawText(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, kind: TagKind) -> Int {
        var i = start
        while let open = find(UInt8(ascii: "<"), in: bytes, from: i) {
            if let tag = Tag(bytes, at: open), tag.closing, tag.kind == kind { return tag.end }
            i = open + 1
        }
        return bytes.count
    }

    private static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress,
              let hit = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
    }

    /// Output with HTML whitespace rules: runs of spaces and newlines in the source are one space.
    struct Writer {
        var out: [UInt8] = []
        var pendingSpace = false

        mutating func text(_ bytes: [UInt8], pre: Bool) {
            for byte in bytes { self.byte(byte, pre: pre) }
        }

        @inline(__always)
        mutating func byte(_ byte: UInt8, pre: Bool) {
            if !pre, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                pendingSpace = true
                return
            }
            if pendingSpace, let last = out.last, last != 0x0A, last != 0x20 { out.append(0x20) }
            pendingSpace = false
            out.append(byte == 0x0D ? 0x0A : byte)
        }

        /// Bytes that hold no white space (outside `<pre>`): `byte` for each, at once.
        @inline(__always)
        mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) {
            if pendingSpace, let last = out.last, last != 0x0A, last != 0x20 { out.append(0x20) }
            pendingSpace = false
            out.append(contentsOf: bytes)
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

    /// The tag names the conversion and `isHTML` care about; everything else is `.other`.
    enum TagKind: Equatable {
        case p, br, a, ul, ol, li, div, span, em, strong, b, i, u, s, h1, h2, h3, h4, h5, h6
        case blockquote, pre, code, img, table, tr, td, th, hr, sup, sub, tt, dl, dt, dd
        case small, big, center, font, section, article, header, footer, script, style, other

        private static let names: [(name: [UInt8], kind: TagKind)] = ([
            ("p", .p), ("br", .br), ("a", .a), ("ul", .ul), ("ol", .ol), ("li", .li), ("div", .div),
            ("span", .span), ("em", .em), ("strong", .strong), ("b", .b), ("i", .i), ("u", .u), ("s", .s),
            ("h1", .h1), ("h2", .h2), ("h3", .h3), ("h4", .h4), ("h5", .h5), ("h6", .h6),
            ("blockquote", .blockquote), ("pre", .pre), ("code", .code), ("img", .img), ("table", .table),
            ("tr", .tr), ("td", .td), ("th", .th), ("hr", .hr), ("sup", .sup), ("sub", .sub), ("tt", .tt),
            ("dl", .dl), ("dt", .dt), ("dd", .dd), ("small", .small), ("big", .big), ("center", .center),
            ("font", .font), ("section", .section), ("article", .article), ("header", .header),
            ("footer", .footer), ("script", .script), ("style", .style),
        ] as [(String, TagKind)]).map { (Array($0.0.utf8), $0.1) }

        /// The kind of the name in `range`, compared without regard to ASCII case.
        init(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
            self = .other
            let length = range.count
            guard length > 0, length <= 10 else { return }
            entries: for entry in TagKind.names where entry.name.count == length {
                for k in 0..<length where bytes[range.lowerBound + k] | 0x20 != entry.name[k] { continue entries }
                self = entry.kind
                return
            }
        }

        /// Tags that make a text HTML for `isHTML`.
        var isKnown: Bool {
            switch self {
            case .section, .article, .header, .footer, .script, .style, .other: false
            default: true
            }
        }

        /// Tags that end a paragraph (a blank line).
        var isParagraph: Bool {
            switch self {
            case .p, .div, .h1, .h2, .h3, .h4, .h5, .h6, .blockquote, .pre, .table, .ul, .ol, .dl, .hr,
                 .section, .article, .header, .footer, .center: true
            default: false
            }
        }

        /// Tags that end a line.
        var isLine: Bool { self == .br || self == .tr || self == .dt || self == .dd }
    }

    /// One tag: its kind, whether it closes, and where its attribute text lies.
    struct Tag {
        var kind = TagKind.other
        var closing = false
        var isComment = false
        var attributes = 0..<0
        var end: Int

        init?(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) {
            let count = bytes.count
            var i = start + 1
            if i + 2 < count, bytes[i] == 0x21, bytes[i + 1] == 0x2D, bytes[i + 2] == 0x2D {
                isComment = true
                i += 3
                while i + 2 < count, !(bytes[i] == 0x2D && bytes[i + 1] == 0x2D && bytes[i + 2] == 0x3E) { i += 1 }
                end = min(count, i + 3)
                return
            }
            if i < count, bytes[i] == UInt8(ascii: "/") { closing = true; i += 1 }
            let nameStart = i
            while i < count {
                let lower = bytes[i] | 0x20
                guard (lower >= 0x61 && lower <= 0x7A) || (bytes[i] >= 0x30 && bytes[i] <= 0x39 && i > nameStart) else { break }
                i += 1
            }
            let nameEnd = i
            guard nameEnd > nameStart || i < count && bytes[i] == UInt8(ascii: "!") else { return nil }
            let attributesStart = i
            var quote: UInt8? = nil
            while i < count {
                let byte = bytes[i]
                if let q = quote { if byte == q { quote = nil } }
                else if byte == 0x22 || byte == 0x27 { quote = byte }
                else if byte == UInt8(ascii: ">") { break }
                else if byte == UInt8(ascii: "<") { return nil }
                i += 1
            }
            guard i < count else { return nil }
            attributes = attributesStart..<i
            end = i + 1
            if nameEnd == nameStart { isComment = true }   // <!DOCTYPE …> and the like
            kind = TagKind(bytes, nameStart..<nameEnd)
        }

        /// The value of a quoted or bare attribute, entities decoded.
        func attribute(_ wanted: String, in bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
            let key = Array(wanted.utf8)
            let a = UnsafeBufferPointer(rebasing: bytes[attributes])
            var i = 0
            while i < a.count {
                while i < a.count, a[i] == 0x20 || a[i] == 0x0A || a[i] == 0x09 || a[i] == 0x0D || a[i] == 0x2F { i += 1 }
                let nameStart = i
                while i < a.count, a[i] != 0x3D, a[i] != 0x20, a[i] != 0x0A, a[i] != 0x09 { i += 1 }
                let name = a[nameStart..<i].map { $0 | 0x20 }
                while i < a.count, a[i] == 0x20 { i += 1 }
                guard i < a.count, a[i] == 0x3D else { continue }
                i += 1
                while i < a.count, a[i] == 0x20 { i += 1 }
                let value: Range<Int>
                if i < a.count, a[i] == 0x22 || a[i] == 0x27 {
                    let q = a[i]
                    let valueStart = i + 1
                    i = valueStart
                    while i < a.count, a[i] != q { i += 1 }
                    value = valueStart..<min(i, a.count)
                    i += 1
                } else {
                    let valueStart = i
                    while i < a.count, a[i] != 0x20 { i += 1 }
                    value = valueStart..<i
                }
                if name == key {
                    return Array(HTMLToText.decodingEntities(String(decoding: a[value], as: UTF8.self)).utf8)
                }
            }
            return nil
        }
    }
}
