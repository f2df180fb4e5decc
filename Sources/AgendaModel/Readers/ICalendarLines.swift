import Foundation

/// iCalendar content lines (RFC 5545 §3.1): unfolding, then `NAME;PARAM=VALUE:value`.
///
/// Unfolding works on bytes, before any UTF-8 decoding: real files fold inside multi-byte
/// characters. Line breaks may be CRLF, LF or a stray CR.
struct ICalendarLine {
    var name: String
    var parameters: [(name: String, value: String)]
    var value: String
    /// The physical line the content line starts on.
    var line: Int

    func parameter(_ wanted: String) -> String? {
        parameters.first { $0.name == wanted }?.value
    }

    /// Calls `body` with each unfolded content line from `start` (a byte offset where a content
    /// line begins, physical line `line`): its bytes, its first physical line and the offset it
    /// starts at. An unfolded line is a slice of `bytes`; only a folded one is copied (into
    /// one reused buffer), so the bytes are valid during the call only. Stops when `body`
    /// returns false. Nothing is held for the whole file: a 30 MB calendar reads in place.
    static func forEach(in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, line: Int = 1,
                        _ body: (UnsafeBufferPointer<UInt8>, _ line: Int, _ offset: Int) throws(ScheduleError) -> Bool) throws(ScheduleError) {
        let count = bytes.count
        var i = start
        if i == 0, count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        var physicalLine = line
        var currentLine = line
        var lineStart = -1           // offset of the content line's first byte; -1 before it starts
        var firstRun = 0..<0         // its first physical piece, used in place when it is the only one
        var folded = false
        var scratch: [UInt8] = []
        var breaks = LineBreaks(bytes: bytes)
        func emit() throws(ScheduleError) -> Bool {
            if !folded { return try body(UnsafeBufferPointer(rebasing: bytes[firstRun]), currentLine, lineStart) }
            let result: Result<Bool, ScheduleError> = scratch.withUnsafeBufferPointer { buffer in
                Result { () throws(ScheduleError) -> Bool in try body(buffer, currentLine, lineStart) }
            }
            return try result.get()
        }
        while i < count {
            let byte = bytes[i]
            if byte == 0x0D || byte == 0x0A {
                i += (byte == 0x0D && i + 1 < count && bytes[i + 1] == 0x0A) ? 2 : 1
                physicalLine += 1
                // A following space or tab continues this content line.
                if i < count, bytes[i] == 0x20 || bytes[i] == 0x09 {
                    i += 1
                    continue
                }
                if lineStart >= 0, try !emit() { return }
                lineStart = -1
                continue
            }
            // The run up to the next line break.
            let end = breaks.first(from: i + 1)
            if lineStart < 0 {
                lineStart = i
                currentLine = physicalLine
                firstRun = i..<end
                folded = false
            } else {
                if !folded {
                    scratch.removeAll(keepingCapacity: true)
                    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[firstRun]))
                    folded = true
                }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<end]))
            }
            i = end
        }
        if lineStart >= 0 { _ = try emit() }
    }

    /// Finds line breaks with `memchr` (lines are long: folded descriptions). The next CR and
    /// the next LF are remembered, so a file with only one of them is still scanned once.
    struct LineBreaks {
        let bytes: UnsafeBufferPointer<UInt8>
        var nextCR = -1, nextLF = -1

        /// The offset of the first CR or LF at or after `start`, or the end.
        mutating func first(from start: Int) -> Int {
            if nextCR < start { nextCR = find(0x0D, from: start) }
            if nextLF < start { nextLF = find(0x0A, from: start) }
            return min(nextCR, nextLF)
        }

        private func find(_ byte: UInt8, from start: Int) -> Int {
            guard let base = bytes.baseAddress, start < bytes.count,
                  let hit = memchr(base + start, Int32(byte), bytes.count - start) else { return bytes.count }
            return UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
        }
    }

    /// Whether an unfolded line's name is `BEGIN` or `END` (any case), without decoding it.
    static func isBeginOrEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func named(_ word: StaticString) -> Bool {
            let length = word.utf8CodeUnitCount
            guard bytes.count > length else { return false }
            let letters = word.utf8Start
            for k in 0..<length where bytes[k] & 0xDF != letters[k] { return false }
            return bytes[length] == UInt8(ascii: ":") || bytes[length] == UInt8(ascii: ";")
        }
        return named("BEGIN") || named("END")
    }

    /// Parses one unfolded line. Parameter values may be quoted (and then hold `:;,`).
    /// `CHARSET=` names how the value is encoded; UTF-8 otherwise.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, file: String) throws(ScheduleError) {
        var i = 0
        func token(until a: UInt8, _ b: UInt8 = 0, _ c: UInt8 = 0) -> String {
            let start = i
            while i < bytes.count, bytes[i] != a, bytes[i] != b, bytes[i] != c { i += 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        }
        func upper(_ text: String) -> String {
            text.utf8.contains { $0 >= 0x61 && $0 <= 0x7A } ? text.uppercased() : text
        }
        let name = upper(token(until: UInt8(ascii: ";"), UInt8(ascii: ":")))
        guard !name.isEmpty, i < bytes.count else { return nil }   // blank or garbage: skipped
        var parameters: [(name: String, value: String)] = []
        while i < bytes.count, bytes[i] == UInt8(ascii: ";") {
            i += 1
            let parameterName = upper(token(until: UInt8(ascii: "="), UInt8(ascii: ";"), UInt8(ascii: ":")))
            var values: [String] = []
            if i < bytes.count, bytes[i] == UInt8(ascii: "=") {
                repeat {
                    i += 1
                    if i < bytes.count, bytes[i] == 0x22 {
                        i += 1
                        values.append(token(until: 0x22))
                        if i < bytes.count { i += 1 }
                    } else {
                        values.append(token(until: UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":")))
                    }
                } while i < bytes.count && bytes[i] == UInt8(ascii: ",")
            }
            parameters.append((parameterName, ICalendarLine.caretDecoded(values.joined(separator: ","))))
        }
        guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
        let raw = UnsafeBufferPointer(rebasing: bytes[(i + 1)...])
        let charset = parameters.first { $0.name == "CHARSET" }?.value.uppercased() ?? "UTF-8"
        let value: String
        if ["ISO-8859-1", "LATIN1", "LATIN-1", "WINDOWS-1252", "CP1252", "US-ASCII"].contains(charset) {
            value = String(String.UnicodeScalarView(raw.map { Unicode.Scalar($0) }))
        } else if let text = String(validating: raw, as: UTF8.self) {
            value = text
        } else {
            let (_, column) = TextDecoding.firstInvalidUTF8(Data(raw))
            throw ScheduleError(file: file, line: line, column: i + 1 + column,
                                message: "\(name) is not valid UTF-8 (and names no other CHARSET)")
        }
        self.name = name
        self.parameters = parameters
        self.value = value
        self.line = line
    }

    /// RFC 6868 parameter values: `^'` a double quote, `^n` a line break, `^^` a caret.
    static func caretDecoded(_ text: String) -> String {
        guard text.containsByte(UInt8(ascii: "^")) else { return text }
        var out = ""
        var caret = false
        for character in text {
            if caret {
                switch character {
                case "'": out.append("\"")
                case "n": out.append("\n")
                case "^": out.append("^")
                default: out.append("^"); out.append(character)
                }
                caret = false
            } else if character == "^" {
                caret = true
            } else {
                out.append(character)
            }
        }
        if caret { out.append("^") }
        return out
    }

    /// TEXT values (§3.3.11): `\n` `\N` `\,` `\;` `\\` unescaped. Runs between backslashes
    /// are copied whole: descriptions are most of an iCalendar file.
    static func unescape(_ text: String) -> String {
        guard text.containsByte(UInt8(ascii: "\\")) else { return text }
        var text = text
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                guard let base = bytes.baseAddress, let target = out.baseAddress else { return 0 }
                let count = bytes.count
                var i = 0, o = 0
                while i < count {
                    let slash = memchr(base + i, 0x5C, count - i).map { UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self) - base } ?? count
                    (target + o).update(from: base + i, count: slash - i)
                    o += slash - i
                    guard slash < count else { break }
                    if slash + 1 < count {
                        let escaped = base[slash + 1]
                        target[o] = escaped == UInt8(ascii: "n") || escaped == UInt8(ascii: "N") ? 0x0A : escaped
                        i = slash + 2
                    } else {
                        target[o] = UInt8(ascii: "\\")
                        i = count
                    }
                    o += 1
                }
                return o
            }
        }
    }

    /// A list TEXT value (`CATEGORIES`): split at unescaped commas, each unescaped.
    static func unescapedList(_ text: String) -> [String] {
        var items: [String] = []
        var current = ""
        var escaping = false
        for character in text {
            if escaping { current.append("\\"); current.append(character); escaping = false }
            else if character == "\\" { escaping = true }
            else if character == "," { items.append(unescape(current)); current = "" }
            else { current.append(character) }
        }
        items.append(unescape(current))
        return items
    }
}
