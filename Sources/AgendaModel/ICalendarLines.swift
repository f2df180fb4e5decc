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

    /// Splits the file into unfolded content lines, each with its first physical line number.
    static func unfold(_ bytes: UnsafeBufferPointer<UInt8>) -> [(bytes: [UInt8], line: Int)] {
        var result: [(bytes: [UInt8], line: Int)] = []
        var current: [UInt8] = []
        var currentLine = 1
        var physicalLine = 1
        var i = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        var lineHasStarted = false
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x0D || byte == 0x0A {
                i += (byte == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A) ? 2 : 1
                physicalLine += 1
                // A following space or tab continues this content line.
                if i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 {
                    i += 1
                    continue
                }
                if lineHasStarted { result.append((current, currentLine)) }
                current.removeAll(keepingCapacity: true)
                lineHasStarted = false
                continue
            }
            if !lineHasStarted { lineHasStarted = true; currentLine = physicalLine }
            // Copy the run up to the next line break at once.
            var end = i + 1
            while end < bytes.count, bytes[end] != 0x0D, bytes[end] != 0x0A { end += 1 }
            current.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<end]))
            i = end
        }
        if lineHasStarted { result.append((current, currentLine)) }
        return result
    }

    /// Parses one unfolded line. Parameter values may be quoted (and then hold `:;,`).
    /// `CHARSET=` names how the value is encoded; UTF-8 otherwise.
    init?(_ bytes: [UInt8], line: Int, file: String) throws(ScheduleError) {
        var i = 0
        func token(until a: UInt8, _ b: UInt8 = 0, _ c: UInt8 = 0) -> String {
            let start = i
            while i < bytes.count, bytes[i] != a, bytes[i] != b, bytes[i] != c { i += 1 }
            return String(decoding: bytes[start..<i], as: UTF8.self)
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
        let raw = bytes[(i + 1)...]
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

    /// TEXT values (§3.3.11): `\n` `\N` `\,` `\;` `\\` unescaped.
    static func unescape(_ text: String) -> String {
        guard text.containsByte(UInt8(ascii: "\\")) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var escaping = false
        for byte in text.utf8 {
            if escaping {
                out.append(byte == UInt8(ascii: "n") || byte == UInt8(ascii: "N") ? 0x0A : byte)
                escaping = false
            } else if byte == UInt8(ascii: "\\") {
                escaping = true
            } else {
                out.append(byte)
            }
        }
        if escaping { out.append(UInt8(ascii: "\\")) }
        return String(decoding: out, as: UTF8.self)
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
