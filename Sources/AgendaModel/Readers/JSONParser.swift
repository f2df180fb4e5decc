import Foundation

/// A small byte-level JSON parser (RFC 8259) that knows lines and columns.
///
/// Why our own: errors must say `FILE:LINE:COLUMN`, objects carry their line for warnings,
/// and nesting is bounded so hostile input gets an error, never a stack overflow.
/// Lenient only where the meaning is clear: raw control characters inside strings are kept.
struct JSONParser {
    static let maximumDepth = 512
    /// Longer number literals and larger exponents than a Double holds are errors.
    static let longestNumber = 64
    static let largestExponent = 308

    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    private var i = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0
    private var scratch: [UInt8] = []
    // The values, in memory of their own that grows by `realloc` and passes to the document
    // without a copy: a dense hostile array ("[1,1,1,…]") costs 12 bytes a value, once.
    private var nodes: UnsafeMutablePointer<JSONNode>?
    private var count = 0
    private var capacity = 0
    private var places: [(line: Int32, column: Int32)] = []
    private var decoded: [String] = []

    init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3; lineStart = 3 }
    }

    /// Parses the whole buffer. The document borrows `bytes`: see `JSONDocument`.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws(ScheduleError) -> JSONDocument {
        guard bytes.count < Int(Int32.max) else {
            throw ScheduleError(file: file, line: 1, message: "the file is larger than 2 GB: not a schedule this version reads")
        }
        var parser = JSONParser(bytes: bytes, file: file)
        do throws(ScheduleError) {
            try parser.value()
            parser.skipSpace()
            if parser.i < bytes.count { throw parser.error("unexpected \(parser.describe()) after the JSON value") }
        } catch {
            free(parser.nodes)
            throw error
        }
        return JSONDocument(bytes: bytes, nodes: parser.nodes, count: parser.count, places: parser.places, decoded: parser.decoded)
    }

    private mutating func append(_ node: JSONNode) throws(ScheduleError) {
        if count == capacity {
            let newCapacity = max(1024, capacity * 2)
            guard let grown = realloc(nodes, newCapacity * MemoryLayout<JSONNode>.stride) else {
                throw error("the file holds too many values to read in the memory available")
            }
            nodes = grown.bindMemory(to: JSONNode.self, capacity: newCapacity)
            capacity = newCapacity
        }
        nodes![count] = node
        count += 1
    }

    private mutating func append(_ kind: JSONNode.Kind, _ a: Int, _ b: Int) throws(ScheduleError) {
        try append(JSONNode(kind: kind, a: Int32(truncatingIfNeeded: a), b: Int32(truncatingIfNeeded: b)))
    }

    /// Where the container at `index` ends: the index after its last descendant.
    private mutating func close(_ index: Int) {
        nodes![index].a = Int32(truncatingIfNeeded: count)
    }

    private mutating func value() throws(ScheduleError) {
        skipSpace()
        guard i < bytes.count else { throw error("the file ends where a value was expected: truncated?") }
        switch bytes[i] {
        case UInt8(ascii: "{"): try object()
        case UInt8(ascii: "["): try array()
        case UInt8(ascii: "\""): try stringValue()
        case UInt8(ascii: "t"): try literal("true"); try append(.true, 0, 0)
        case UInt8(ascii: "f"): try literal("false"); try append(.false, 0, 0)
        case UInt8(ascii: "n"): try literal("null"); try append(.null, 0, 0)
        case UInt8(ascii: "-"), 0x30...0x39:
            let start = i
            try number()
            try append(.number, start, i)
        default: throw error("unexpected \(describe()): expected a JSON value")
        }
    }

    private mutating func enter() throws(ScheduleError) {
        depth += 1
        if depth > JSONParser.maximumDepth { throw error("nested more than \(JSONParser.maximumDepth) levels deep") }
    }

    private mutating func object() throws(ScheduleError) {
        try enter()
        let index = count
        try append(.object, 0, places.count)
        places.append((Int32(truncatingIfNeeded: line), Int32(truncatingIfNeeded: i - lineStart + 1)))
        defer { close(index) }
        i += 1
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; depth -= 1; return }
        while true {
            skipSpace()
            guard i < bytes.count else { throw error("the file ends inside an object: truncated?") }
            guard bytes[i] == UInt8(ascii: "\"") else { throw error("unexpected \(describe()): expected a member name in quotes") }
            try stringValue()
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else {
                let name = nodes![count - 1]
                let key = name.kind == .rawString
                    ? String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(name.a)..<Int(name.b)]), as: UTF8.self)
                    : decoded[Int(name.a)]
                throw error(i < bytes.count ? "unexpected \(describe()): expected \":\" after \"\(key)\"" : "the file ends inside an object: truncated?")
            }
            i += 1
            try value()
            skipSpace()
            guard i < bytes.count else { throw error("the file ends inside an object: truncated?") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; break }
            throw error("unexpected \(describe()): expected \",\" or \"}\" after a member")
        }
        depth -= 1
    }

    private mutating func array() throws(ScheduleError) {
        try enter()
        let index = count
        try append(.array, 0, 0)
        defer { close(index) }
        i += 1
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; depth -= 1; return }
        while true {
            try value()
            skipSpace()
            guard i < bytes.count else { throw error("the file ends inside an array: truncated?") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; break }
            throw error("unexpected \(describe()): expected \",\" or \"]\" in an array")
        }
        depth -= 1
    }

    /// A string value: the bytes as they stand when there is no escape, else decoded.
    private mutating func stringValue() throws(ScheduleError) {
        let start = i + 1
        if let end = unescapedStringEnd() {
            try append(.rawString, start, end)
            return
        }
        i = start - 1
        let text = try string()
        try append(.decodedString, decoded.count, 0)
        decoded.append(text)
    }

    /// Moves past a string that holds no backslash and returns where its closing quote is;
    /// nil (and `i` anywhere inside) when there is an escape or no closing quote.
    private mutating func unescapedStringEnd() -> Int? {
        i += 1
        if let base = bytes.baseAddress {
            while i + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if JSONParser.hasByte(word, 0x22) || JSONParser.hasByte(word, 0x5C) || JSONParser.hasByte(word, 0x0A) { break }
                i += 8
            }
        }
        let startLine = line, startLineStart = lineStart
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") { i += 1; return i - 1 }
            if byte == UInt8(ascii: "\\") { line = startLine; lineStart = startLineStart; return nil }
            if byte == 0x0A { line += 1; lineStart = i + 1 }
            i += 1
        }
        line = startLine; lineStart = startLineStart
        return nil
    }

    /// A string with escapes (`stringValue` takes the others as they stand), decoded.
    private mutating func string() throws(ScheduleError) -> String {
        i += 1
        scratch.removeAll(keepingCapacity: true)
        while i < bytes.count {
            // Ordinary bytes up to the next quote, backslash or line feed, copied at once.
            let runStart = i
            if let base = bytes.baseAddress {
                while i + 8 <= bytes.count {
                    let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    if JSONParser.hasByte(word, 0x22) || JSONParser.hasByte(word, 0x5C) || JSONParser.hasByte(word, 0x0A) { break }
                    i += 8
                }
            }
            while i < bytes.count, bytes[i] != 0x22, bytes[i] != 0x5C, bytes[i] != 0x0A { i += 1 }
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
            guard i < bytes.count else { break }
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") { i += 1; return String(decoding: scratch, as: UTF8.self) }
            if byte == 0x0A { line += 1; lineStart = i + 1; scratch.append(byte); i += 1; continue }
            guard i + 1 < bytes.count else { break }
            let escape = bytes[i + 1]
            i += 2
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(escape)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800...0xDBFF).contains(code), i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                    i += 2
                    let low = try hex4()
                    if (0xDC00...0xDFFF).contains(low) {
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        Entities.append("\u{FFFD}", to: &scratch)
                        code = low
                    }
                }
                Entities.append(Unicode.Scalar(code) ?? "\u{FFFD}", to: &scratch)
            default:
                i -= 2
                throw error("unknown escape \"\\\(Unicode.Scalar(escape))\" in a string")
            }
        }
        throw error("the file ends inside a string: truncated?")
    }

    /// Whether any byte of `word` equals `byte` (the classic zero-byte test on `word ^ byte×8`).
    @inline(__always)
    private static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }

    private mutating func hex4() throws(ScheduleError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw error("the file ends inside a \\u escape: truncated?") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[i]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw error("expected four hex digits after \\u")
            }
            value = value << 4 | digit
            i += 1
        }
        return value
    }

    private mutating func number() throws(ScheduleError) {
        let start = i
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        var digits = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte >= 0x30 && byte <= 0x39 { digits += 1 }
            else if !(byte == UInt8(ascii: ".") || byte | 0x20 == UInt8(ascii: "e") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")) { break }
            i += 1
        }
        guard digits > 0 else { i = start; throw error("malformed number") }
        // A number no schedule field can hold is refused, not rounded to infinity or zero:
        // it is a broken or hostile file, and the reader says where.
        if i - start > JSONParser.longestNumber {
            let length = i - start
            i = start
            throw error("a number \(length) characters long: out of range (at most \(JSONParser.longestNumber))")
        }
        if let exponent = exponent(start..<i), abs(exponent) > JSONParser.largestExponent {
            i = start
            throw error("a number with exponent \(exponent): out of range (at most ±\(JSONParser.largestExponent))")
        }
    }

    /// The decimal exponent written after `e`, if any (the literal is at most 64 bytes long).
    private func exponent(_ literal: Range<Int>) -> Int? {
        guard let e = literal.firstIndex(where: { bytes[$0] | 0x20 == UInt8(ascii: "e") }) else { return nil }
        var k = e + 1, sign = 1, value = 0
        if k < literal.upperBound, bytes[k] == UInt8(ascii: "-") || bytes[k] == UInt8(ascii: "+") {
            if bytes[k] == UInt8(ascii: "-") { sign = -1 }
            k += 1
        }
        while k < literal.upperBound, bytes[k] >= 0x30, bytes[k] <= 0x39 {
            value = min(value * 10 + Int(bytes[k] - 0x30), 1_000_000)   // capped: no overflow
            k += 1
        }
        return sign * value
    }

    private mutating func literal(_ word: StaticString) throws(ScheduleError) {
        let count = word.utf8CodeUnitCount
        guard i + count <= bytes.count else { throw error("the file ends inside \"\(word)\": truncated?") }
        for k in 0..<count where bytes[i + k] != word.utf8Start[k] {
            throw error("unexpected \(describe()): expected a JSON value")
        }
        i += count
    }

    private mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0D: i += 1
            case 0x0A: i += 1; line += 1; lineStart = i
            default: return
            }
        }
    }

    private func describe() -> String {
        guard i < bytes.count else { return "end of file" }
        let byte = bytes[i]
        return byte >= 0x21 && byte < 0x7F ? "\"\(Unicode.Scalar(byte))\"" : String(format: "byte 0x%02X", byte)
    }

    private func error(_ message: String) -> ScheduleError {
        ScheduleError(file: file, line: line, column: i - lineStart + 1, message: message)
    }
}
