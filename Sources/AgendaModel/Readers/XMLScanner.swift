import Foundation

/// A small, lenient pull scanner for XML over UTF-8 bytes.
///
/// Why our own: Foundation's `XMLParser(data:)` fails on files above ~10 MB, and a pull
/// scanner over the mapped bytes is both faster and simpler to make safe. It knows elements,
/// attributes, text, CDATA, comments and processing instructions, the five predefined
/// entities and character references. A DOCTYPE is skipped, never fetched; one that declares
/// entities is refused (no schedule needs them, and expanding them is how billion-laughs and
/// external-entity attacks work), so `&name;` can never stand for anything else.
///
/// The buffer must outlive the scanner: use it inside `withUnsafeBytes`.
struct XMLScanner {
    enum Token: Equatable { case start, end, text, eof }

    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    private(set) var position = 0

    /// The last start or end tag: its name and the offset of its `<`.
    private(set) var nameRange = 0..<0
    private(set) var tagOffset = 0
    /// The last start tag's attributes, as ranges into `bytes` (values still escaped).
    private(set) var attributes: [(name: Range<Int>, value: Range<Int>)] = []
    /// The last text token: raw bytes, and whether it is CDATA (taken literally).
    private(set) var textRange = 0..<0
    private(set) var textIsCDATA = false

    private var openNames: [Range<Int>] = []
    private var openOffsets: [Int] = []
    private var pendingEnd = false
    private var lines = LineCounter()

    /// Deepest element nesting accepted: far beyond any schedule, far below a stack overflow
    /// (the scanner does not recurse, but readers of it may keep per-level state).
    static let maximumDepth = 4096

    init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
        attributes.reserveCapacity(8)
        // A byte-order mark is not content.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    var depth: Int { openNames.count }

    mutating func next() throws(ScheduleError) -> Token {
        if pendingEnd {
            pendingEnd = false
            openNames.removeLast()
            openOffsets.removeLast()
            return .end
        }
        while true {
            guard position < bytes.count else {
                if let open = openNames.last, let offset = openOffsets.last {
                    let (line, _) = location(of: offset)
                    throw error(at: bytes.count, "the file ends inside <\(string(open))> (opened on line \(line)): truncated?")
                }
                return .eof
            }
            if bytes[position] != UInt8(ascii: "<") {
                let start = position
                position = find(UInt8(ascii: "<"), from: position) ?? bytes.count
                textRange = start..<position
                textIsCDATA = false
                return .text
            }
            let next = position + 1 < bytes.count ? bytes[position + 1] : 0
            switch next {
            case UInt8(ascii: "/"): return try endTag()
            case UInt8(ascii: "?"): try skip(past: "?>", what: "processing instruction")
            case UInt8(ascii: "!"):
                if matches("<!--", at: position) {
                    try skip(past: "-->", what: "comment")
                } else if matches("<![CDATA[", at: position) {
                    let start = position + 9
                    guard let end = find("]]>", from: start) else { throw error(at: position, "unterminated CDATA section") }
                    textRange = start..<end
                    textIsCDATA = true
                    position = end + 3
                    return .text
                } else if matchesIgnoringCase("<!DOCTYPE", at: position) {
                    try skipDoctype()
                } else {
                    throw error(at: position, "unexpected \"<!\": expected a comment, CDATA or DOCTYPE")
                }
            default: return try startTag()
            }
        }
    }

    // MARK: Tags

    private mutating func startTag() throws(ScheduleError) -> Token {
        tagOffset = position
        position += 1
        nameRange = try name(expected: "an element name after \"<\"")
        attributes.removeAll(keepingCapacity: true)
        while true {
            skipSpace()
            guard position < bytes.count else { throw error(at: tagOffset, "the file ends inside a tag: truncated?") }
            let byte = bytes[position]
            if byte == UInt8(ascii: ">") { position += 1; break }
            if byte == UInt8(ascii: "/") {
                guard position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: ">") else {
                    throw error(at: position, "expected \"/>\"")
                }
                position += 2
                pendingEnd = true
                break
            }
            let attributeName = try name(expected: "an attribute name or \">\"")
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
                throw error(at: position, "expected \"=\" after attribute \(string(attributeName))")
            }
            position += 1
            skipSpace()
            guard position < bytes.count, bytes[position] == 0x22 || bytes[position] == 0x27 else {
                throw error(at: position, "expected a quoted value for attribute \(string(attributeName))")
            }
            let quote = bytes[position]
            let valueStart = position + 1
            guard let valueEnd = find(quote, from: valueStart) else {
                throw error(at: position, "unterminated value of attribute \(string(attributeName))")
            }
            attributes.append((attributeName, valueStart..<valueEnd))
            position = valueEnd + 1
        }
        guard openNames.count < XMLScanner.maximumDepth else {
            throw error(at: tagOffset, "elements nested more than \(XMLScanner.maximumDepth) deep")
        }
        openNames.append(nameRange)
        openOffsets.append(tagOffset)
        return .start
    }

    private mutating func endTag() throws(ScheduleError) -> Token {
        tagOffset = position
        position += 2
        nameRange = try name(expected: "an element name after \"</\"")
        skipSpace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: ">") else {
            throw error(at: position, "expected \">\" to end </\(string(nameRange))>")
        }
        position += 1
        guard let open = openNames.last else {
            throw error(at: tagOffset, "</\(string(nameRange))> closes nothing")
        }
        guard equal(open, nameRange) else {
            let (line, _) = location(of: openOffsets.last!)
            throw error(at: tagOffset, "</\(string(nameRange))> does not close <\(string(open))> (opened on line \(line))")
        }
        openNames.removeLast()
        openOffsets.removeLast()
        return .end
    }

    private mutating func name(expected: String) throws(ScheduleError) -> Range<Int> {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            // Anything up to whitespace or a delimiter: names may hold any non-ASCII letters.
            if byte <= 0x20 || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
                || byte == UInt8(ascii: "<") || byte == 0x22 || byte == 0x27 { break }
            position += 1
        }
        guard position > start else {
            if position >= bytes.count { throw error(at: start, "the file ends inside a tag: truncated?") }
            throw error(at: start, "expected \(expected)")
        }
        return start..<position
    }

    private mutating func skipSpace() {
        while position < bytes.count, bytes[position] <= 0x20 { position += 1 }
    }

    private mutating func skip(past terminator: StaticString, what: String) throws(ScheduleError) {
        guard let end = find(terminator, from: position + 2) else {
            throw error(at: position, "unterminated \(what): truncated?")
        }
        position = end + terminator.utf8CodeUnitCount
    }

    /// Skips `<!DOCTYPE … [ internal subset ] >`, minding quotes and comments in the subset;
    /// an `<!ENTITY` declaration in the subset is an error.
    private mutating func skipDoctype() throws(ScheduleError) {
        let start = position
        var i = position + 9
        var inSubset = false
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x22 || byte == 0x27 {
                guard let close = find(byte, from: i + 1) else { break }
                i = close + 1
                continue
            }
            if inSubset, matches("<!--", at: i) {
                guard let close = find("-->", from: i + 4) else { break }
                i = close + 3
                continue
            }
            if inSubset, matches("<!ENTITY", at: i) {
                throw error(at: i, "the DOCTYPE declares an entity: entity declarations are refused (never expanded or fetched)")
            }
            if byte == UInt8(ascii: "[") { inSubset = true }
            else if byte == UInt8(ascii: "]") { inSubset = false }
            else if byte == UInt8(ascii: ">"), !inSubset { position = i + 1; return }
            i += 1
        }
        throw error(at: start, "unterminated DOCTYPE: truncated?")
    }

    // MARK: Values

    /// The element or attribute name as text.
    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// True when the last tag's name is `name`.
    func nameIs(_ name: StaticString) -> Bool {
        guard nameRange.count == name.utf8CodeUnitCount else { return false }
        return memcmpEqual(nameRange.lowerBound, name.utf8Start, name.utf8CodeUnitCount)
    }

    /// An attribute of the last start tag, unescaped.
    func attribute(_ name: StaticString) -> String? {
        for attribute in attributes where attribute.name.count == name.utf8CodeUnitCount
            && memcmpEqual(attribute.name.lowerBound, name.utf8Start, name.utf8CodeUnitCount) {
            var out: [UInt8] = []
            appendUnescaped(attribute.value, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        return nil
    }

    /// Appends the last text token, entities decoded unless it is CDATA.
    func appendText(to out: inout [UInt8]) {
        if textIsCDATA {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[textRange]))
        } else {
            appendUnescaped(textRange, to: &out)
        }
    }

    private func appendUnescaped(_ range: Range<Int>, to out: inout [UInt8]) {
        var i = range.lowerBound
        while i < range.upperBound {
            guard let amp = find(UInt8(ascii: "&"), from: i, to: range.upperBound) else {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<range.upperBound]))
                return
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<amp]))
            if let (scalar, length) = predefinedEntity(at: amp, limit: range.upperBound)
                ?? Entities.decode(UnsafeBufferPointer(rebasing: bytes[..<range.upperBound]), at: amp, names: Entities.xml) {
                Entities.append(scalar, to: &out)
                i = amp + length
            } else {
                out.append(UInt8(ascii: "&"))   // an undeclared or unknown entity stays as written
                i = amp + 1
            }
        }
    }

    /// `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` without a dictionary lookup: they are most of the entities.
    private func predefinedEntity(at i: Int, limit: Int) -> (Unicode.Scalar, Int)? {
        func at(_ k: Int) -> UInt8 { i + k < limit ? bytes[i + k] : 0 }
        switch (at(1), at(2), at(3)) {
        case (0x6C, 0x74, 0x3B): return ("<", 4)                                // lt;
        case (0x67, 0x74, 0x3B): return (">", 4)                                // gt;
        case (0x61, 0x6D, 0x70) where at(4) == 0x3B: return ("&", 5)            // amp;
        case (0x71, 0x75, 0x6F) where at(4) == 0x74 && at(5) == 0x3B: return ("\"", 6)  // quot;
        case (0x61, 0x70, 0x6F) where at(4) == 0x73 && at(5) == 0x3B: return ("'", 6)   // apos;
        default: return nil
        }
    }

    // MARK: Searching

    private func find(_ byte: UInt8, from start: Int, to end: Int? = nil) -> Int? {
        let end = end ?? bytes.count
        guard start < end, let base = bytes.baseAddress else { return nil }
        guard let hit = memchr(base + start, Int32(byte), end - start) else { return nil }
        return UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
    }

    private func find(_ text: StaticString, from start: Int) -> Int? {
        let first = text.utf8Start.pointee
        var i = start
        while let hit = find(first, from: i) {
            if hit + text.utf8CodeUnitCount <= bytes.count, memcmpEqual(hit, text.utf8Start, text.utf8CodeUnitCount) { return hit }
            i = hit + 1
        }
        return nil
    }

    private func matches(_ text: StaticString, at offset: Int) -> Bool {
        offset + text.utf8CodeUnitCount <= bytes.count && memcmpEqual(offset, text.utf8Start, text.utf8CodeUnitCount)
    }

    private func matchesIgnoringCase(_ text: StaticString, at offset: Int) -> Bool {
        guard offset + text.utf8CodeUnitCount <= bytes.count else { return false }
        for k in 0..<text.utf8CodeUnitCount where bytes[offset + k] | 0x20 != text.utf8Start[k] | 0x20 { return false }
        return true
    }

    private func memcmpEqual(_ offset: Int, _ other: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        memcmp(bytes.baseAddress! + offset, other, count) == 0
    }

    private func equal(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        a.count == b.count && memcmp(bytes.baseAddress! + a.lowerBound, bytes.baseAddress! + b.lowerBound, a.count) == 0
    }

    // MARK: Locations

    /// 1-based line and byte column of `offset`; cheap when asked in increasing order.
    mutating func location(of offset: Int) -> (line: Int, column: Int) {
        lines.location(of: offset, in: bytes)
    }

    mutating func error(at offset: Int, _ message: String) -> ScheduleError {
        let (line, column) = location(of: min(offset, bytes.count))
        return ScheduleError(file: file, line: line, column: column, message: message)
    }
}

/// Counts lines lazily and incrementally: readers ask for increasing offsets.
struct LineCounter {
    private var offset = 0
    private var line = 1
    private var lineStart = 0

    mutating func location(of target: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        if target < offset { self = LineCounter() }
        let end = min(target, bytes.count)
        if let base = bytes.baseAddress {
            while offset < end, let hit = memchr(base + offset, 0x0A, end - offset) {
                let index = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
                line += 1
                lineStart = index + 1
                offset = index + 1
            }
        }
        offset = max(offset, end)
        return (line, target - lineStart + 1)
    }
}
