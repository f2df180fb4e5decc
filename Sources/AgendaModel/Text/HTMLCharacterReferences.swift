/// Character references: `&#13;`, `&#x1F600;` and named entities.
///
/// XML knows only the five predefined names; HTML in abstracts uses a few more. Unknown
/// names are left as written: nothing declared in a document is ever expanded.
enum Entities {
    static let xml: [[UInt8]: Unicode.Scalar] = [
        Array("amp".utf8): "&", Array("lt".utf8): "<", Array("gt".utf8): ">",
        Array("quot".utf8): "\"", Array("apos".utf8): "'",
    ]

    static let html: [[UInt8]: Unicode.Scalar] = xml.merging([
        "nbsp": "\u{A0}", "ndash": "\u{2013}", "mdash": "\u{2014}", "hellip": "\u{2026}",
        "lsquo": "\u{2018}", "rsquo": "\u{2019}", "ldquo": "\u{201C}", "rdquo": "\u{201D}",
        "laquo": "\u{AB}", "raquo": "\u{BB}", "bull": "\u{2022}", "middot": "\u{B7}",
        "copy": "\u{A9}", "reg": "\u{AE}", "trade": "\u{2122}", "euro": "\u{20AC}", "deg": "\u{B0}",
        "times": "\u{D7}", "auml": "ä", "ouml": "ö", "uuml": "ü", "Auml": "Ä", "Ouml": "Ö",
        "Uuml": "Ü", "szlig": "ß", "eacute": "é", "egrave": "è", "agrave": "à", "ccedil": "ç",
        "shy": "\u{AD}", "zwj": "\u{200D}", "zwnj": "\u{200C}",
    ].map { (Array($0.key.utf8), $0.value) }, uniquingKeysWith: { a, _ in a })

    /// The scalar of the reference starting with `&` at `start`, and its length in bytes.
    /// Nil when it is not a complete reference: the `&` then stands for itself.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, names: [[UInt8]: Unicode.Scalar]) -> (Unicode.Scalar, Int)? {
        var i = start + 1
        let limit = min(bytes.count, start + 34)
        guard i < limit else { return nil }
        if bytes[i] == UInt8(ascii: "#") {
            i += 1
            var hex = false
            if i < limit, bytes[i] | 0x20 == UInt8(ascii: "x") { hex = true; i += 1 }
            var value: UInt32 = 0, digits = 0
            while i < limit {
                let byte = bytes[i]
                let digit: UInt32
                switch byte {
                case 0x30...0x39: digit = UInt32(byte - 0x30)
                case 0x61...0x66 where hex: digit = UInt32(byte - 0x61 + 10)
                case 0x41...0x46 where hex: digit = UInt32(byte - 0x41 + 10)
                default: digit = 99
                }
                if digit == 99 { break }
                value = min(value * (hex ? 16 : 10) + digit, 0x11_0000)
                digits += 1
                i += 1
            }
            guard digits > 0, i < limit, bytes[i] == UInt8(ascii: ";") else { return nil }
            // NUL, surrogates and out-of-range values are not characters: show the replacement.
            let scalar = value == 0 ? nil : Unicode.Scalar(value)
            return (scalar ?? "\u{FFFD}", i + 1 - start)
        }
        let nameStart = i
        while i < limit, bytes[i] != UInt8(ascii: ";") {
            let lower = bytes[i] | 0x20
            guard (lower >= 0x61 && lower <= 0x7A) || (bytes[i] >= 0x30 && bytes[i] <= 0x39) else { return nil }
            i += 1
        }
        guard i < limit, i > nameStart else { return nil }
        let name = Array(bytes[nameStart..<i])
        guard let scalar = names[name] else { return nil }
        return (scalar, i + 1 - start)
    }

    static func decode(_ bytes: [UInt8], at start: Int, names: [[UInt8]: Unicode.Scalar] = html) -> (Unicode.Scalar, Int)? {
        bytes.withUnsafeBufferPointer { decode($0, at: start, names: names) }
    }

    /// Appends the UTF-8 of `scalar`.
    static func append(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        UTF8.encode(scalar) { out.append($0) }
    }
}
