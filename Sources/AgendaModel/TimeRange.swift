import Foundation

/// The CACIE page's time range: `October 22 09:00-22 12:00,2021`.
///
/// The end repeats the day (or names another one, or another month); it may also be bare
/// (`09:00-12:00`). Month names may be full or abbreviated, with any spacing and comma.
enum TimeRange {
    static func parse(_ value: String, file: String, line: Int, column: Int,
                      zone: TimeZone) throws(ScheduleError) -> (start: Date, end: Date) {
        func fail(_ why: String) -> ScheduleError {
            ScheduleError(file: file, line: line, column: column,
                          message: "cannot read Time \"\(value)\": \(why) (expected like \"October 22 09:00-22 12:00,2021\")")
        }
        let tokens = tokenize(value)
        var cursor = tokens.makeIterator()
        var next = cursor.next()
        func take() -> Token? { defer { next = cursor.next() }; return next }

        guard case .word(let monthName)? = take(), let month = monthNumber(monthName) else {
            throw fail("no month name")
        }
        guard case .number(let day)? = take() else { throw fail("no day after the month") }
        guard case .clock(let startHour, let startMinute)? = take() else { throw fail("no start time") }
        guard case .dash? = take() else { throw fail("no \"-\" between start and end") }
        var endMonth = month, endDay = day
        if case .word(let name)? = next {
            _ = take()
            guard let number = monthNumber(name) else { throw fail("unknown month \"\(name)\"") }
            endMonth = number
        }
        if case .number(let number)? = next { _ = take(); endDay = number }
        guard case .clock(let endHour, let endMinute)? = take() else { throw fail("no end time") }
        guard case .number(let year)? = take(), (1900...2999).contains(year) else { throw fail("no year") }
        if let extra = take() { throw fail("unexpected \(extra) after the year") }

        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        func date(_ month: Int, _ day: Int, _ hour: Int, _ minute: Int) throws(ScheduleError) -> Date {
            let parts = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute)
            guard hour < 24, minute < 60, parts.isValidDate(in: calendar), let date = calendar.date(from: parts) else {
                throw fail("no such date or time")
            }
            return date
        }
        let start = try date(month, day, startHour, startMinute)
        var end = try date(endMonth, endDay, endHour, endMinute)
        if end < start, endMonth < month { end = try date(endMonth, endDay, endHour, endMinute).addingYear(calendar) }
        guard end >= start else { throw fail("the session ends before it starts") }
        return (start, end)
    }

    enum Token: CustomStringConvertible {
        case word(String), number(Int), clock(Int, Int), dash, other(Character)
        var description: String {
            switch self {
            case .word(let w): "\"\(w)\""
            case .number(let n): "\"\(n)\""
            case .clock(let h, let m): "\"\(h):\(m)\""
            case .dash: "\"-\""
            case .other(let c): "\"\(c)\""
            }
        }
    }

    static func tokenize(_ value: String) -> [Token] {
        var tokens: [Token] = []
        var chars = Array(value)[...]
        while let c = chars.first {
            if c.isWhitespace || c == "," || c == "，" || c == "." { chars.removeFirst(); continue }
            if c == "-" || c == "–" || c == "—" || c == "~" || c == "～" { tokens.append(.dash); chars.removeFirst(); continue }
            if c.isLetter {
                let word = chars.prefix { $0.isLetter }
                chars.removeFirst(word.count)
                tokens.append(.word(String(word)))
                continue
            }
            if c.isASCII, c.isNumber {
                let digits = chars.prefix { $0.isASCII && $0.isNumber }
                chars.removeFirst(digits.count)
                let number = Int(String(digits)) ?? 0
                if chars.first == ":" || chars.first == "：" {
                    let minutes = chars.dropFirst().prefix { $0.isASCII && $0.isNumber }
                    if minutes.count == 2, let minute = Int(String(minutes)) {
                        chars.removeFirst(1 + minutes.count)
                        tokens.append(.clock(number, minute))
                        continue
                    }
                }
                tokens.append(.number(number))
                continue
            }
            tokens.append(.other(c))
            chars.removeFirst()
        }
        return tokens
    }

    static let months = ["january", "february", "march", "april", "may", "june", "july",
                         "august", "september", "october", "november", "december"]

    static func monthNumber(_ name: String) -> Int? {
        let lower = name.lowercased()
        guard lower.count >= 3 else { return nil }
        if let index = months.firstIndex(where: { $0 == lower || $0.hasPrefix(lower) || (lower == "sept" && $0 == "september") }) {
            return index + 1
        }
        return nil
    }
}

private extension Date {
    func addingYear(_ calendar: Calendar) -> Date { calendar.date(byAdding: .year, value: 1, to: self) ?? self }
}
