/// Lenient readers for the date, time and duration notations schedule files use.
enum TimeNotation {
    /// ISO 8601 as schedules write it: `2024-12-27`, `2024-12-27T10:30:00+01:00`,
    /// `2024-12-27 10:30`, fractions, `Z`, `+0100`, `+01`. Nil when it is none of these.
    static func iso8601(_ text: String) -> LocalDateTime? {
        var c = Cursor(text)
        guard let year = c.digits(4), c.take(UInt8(ascii: "-")), let month = c.digits(2),
              c.take(UInt8(ascii: "-")), let day = c.digits(2) else { return nil }
        var result = LocalDateTime(year: year, month: month, day: day)
        if c.take(UInt8(ascii: "T")) || c.take(UInt8(ascii: "t")) || c.take(UInt8(ascii: " ")) {
            guard let hour = c.digits(2), c.take(UInt8(ascii: ":")), let minute = c.digits(2) else { return nil }
            result.hour = hour
            result.minute = minute
            if c.take(UInt8(ascii: ":")) {
                guard let second = c.digits(2) else { return nil }
                result.second = second
                if c.take(UInt8(ascii: ".")) || c.take(UInt8(ascii: ",")) { _ = c.digitRun() }
            }
            c.skipSpaces()
            if c.take(UInt8(ascii: "Z")) || c.take(UInt8(ascii: "z")) {
                result.offset = 0
            } else if let sign = c.peek, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                c.index += 1
                guard let hours = c.digits(2) else { return nil }
                _ = c.take(UInt8(ascii: ":"))
                let minutes = c.digits(2) ?? 0
                result.offset = (sign == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
            }
        }
        c.skipSpaces()
        guard c.atEnd, result.isValid else { return nil }
        return result
    }

    /// A clock time `H:MM`, `HH:MM` or `HH:MM:SS`, in seconds after midnight.
    static func clock(_ text: String) -> Int? {
        guard let seconds = hms(text), seconds < 86400 + 1 else { return nil }
        return seconds
    }

    /// A frab duration in seconds: `H:MM`, `HH:MM`, `HH:MM:SS`, `D:HH:MM:SS`, or plain minutes.
    static func duration(_ text: String) -> Int? {
        var c = Cursor(text)
        c.skipSpaces()
        var parts: [Int] = []
        repeat {
            guard let value = c.digitRun(), value < 100_000 else { return nil }
            parts.append(value)
        } while c.take(UInt8(ascii: ":"))
        c.skipSpaces()
        guard c.atEnd else { return nil }
        switch parts.count {
        case 1: return parts[0] * 60
        case 2 where parts[1] < 60: return parts[0] * 3600 + parts[1] * 60
        case 3 where parts[1] < 60 && parts[2] < 60: return parts[0] * 3600 + parts[1] * 60 + parts[2]
        case 4 where parts[1] < 24 && parts[2] < 60 && parts[3] < 60:
            return parts[0] * 86400 + parts[1] * 3600 + parts[2] * 60 + parts[3]
        default: return nil
        }
    }

    private static func hms(_ text: String) -> Int? {
        var c = Cursor(text)
        c.skipSpaces()
        guard let hour = c.digitRun(), hour <= 24, c.take(UInt8(ascii: ":")), let minute = c.digits(2), minute < 60 else { return nil }
        var second = 0
        if c.take(UInt8(ascii: ":")) {
            guard let s = c.digits(2), s < 60 else { return nil }
            second = s
        }
        c.skipSpaces()
        return c.atEnd ? hour * 3600 + minute * 60 + second : nil
    }

    /// A byte cursor over a string's UTF-8: the notations are ASCII.
    struct Cursor {
        let bytes: [UInt8]
        var index = 0

        init(_ text: String) { bytes = Array(text.utf8) }

        var atEnd: Bool { index >= bytes.count }
        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func take(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            index += 1
            return true
        }

        mutating func skipSpaces() {
            while let b = peek, b == 0x20 || b == 0x09 { index += 1 }
        }

        /// Exactly `count` ASCII digits.
        mutating func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for i in index..<(index + count) {
                let b = bytes[i]
                guard b >= 0x30 && b <= 0x39 else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            index += count
            return value
        }

        /// One or more digits (at most 9, so it cannot overflow).
        mutating func digitRun() -> Int? {
            var value = 0, count = 0
            while let b = peek, b >= 0x30 && b <= 0x39 {
                if count < 9 { value = value * 10 + Int(b - 0x30) }
                count += 1
                index += 1
            }
            return count > 0 ? value : nil
        }
    }
}
