import Foundation

/// The CACIE page's time range: `October 22 09:00-22 12:00,2021`.
///
/// The end repeats the day (or names another one, or another month); it may also be bare
/// (`09:00-12:00`). Month names may be full or abbreviated, with any spacing and comma.
enum TimeRange {
    static func parse(_ value: String, file: String, line: Int, column: Int,
                      zone: TimeZone) throws(ScheduleError) -> (start: Date, end: Date) {
        let chineseEdition = value.contains("年") || value.contains("月")
        let example = chineseEdition ? "\"2021年10月22日 09:00-12:00\"" : "\"October 22 09:00-22 12:00,2021\""
        func fail(_ why: String) -> ScheduleError {
            ScheduleError(file: file, line: line, column: column,
                          message: "cannot read Time \"\(value)\": \(why) (expected like \(example))")
        }
        let tokens = tokenize(value)
        if chineseEdition {
            return try chinese(tokens, zone: zone, fail: fail)
        }
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

        return try dates(year: year, start: (month, day, startHour, startMinute), end: (endMonth, endDay, endHour, endMinute),
                         zone: zone, fail: fail)
    }

    typealias Moment = (month: Int, day: Int, hour: Int, minute: Int)

    /// The Chinese edition: `2021年10月22日 09:00-12:00`, the end optionally naming its day
    /// (`-23日 17:00`) or month and day (`-11月2日 17:00`); weekday words are passed over.
    static func chinese(_ tokens: [Token], zone: TimeZone, fail: (String) -> ScheduleError) throws(ScheduleError) -> (start: Date, end: Date) {
        var year: Int?
        var months: [Int?] = [nil, nil], days: [Int?] = [nil, nil], clocks: [(Int, Int)?] = [nil, nil]
        var side = 0, i = 0
        while i < tokens.count {
            switch tokens[i] {
            case .number(let n):
                guard i + 1 < tokens.count, case .word(let unit) = tokens[i + 1], let mark = unit.first else {
                    throw fail("a number without 年, 月 or 日")
                }
                switch mark {
                case "年": year = n
                case "月": months[side] = n
                case "日", "号": days[side] = n
                default: throw fail("a number without 年, 月 or 日")
                }
                i += 2
                continue
            case .clock(let h, let m):
                guard clocks[side] == nil else { throw fail("two times on one side of \"-\"") }
                clocks[side] = (h, m)
            case .dash:
                guard side == 0 else { throw fail("more than one \"-\"") }
                side = 1
            case .word, .other: break   // 星期五, （周五）, 上午
            }
            i += 1
        }
        guard let year, (1900...2999).contains(year) else { throw fail("no year") }
        guard let month = months[0], let day = days[0] else { throw fail("no month and day") }
        guard let (startHour, startMinute) = clocks[0] else { throw fail("no start time") }
        guard side == 1 else { throw fail("no \"-\" between start and end") }
        guard let (endHour, endMinute) = clocks[1] else { throw fail("no end time") }
        return try dates(year: year, start: (month, day, startHour, startMinute),
                         end: (months[1] ?? month, days[1] ?? day, endHour, endMinute), zone: zone, fail: fail)
    }

    static func dates(year: Int, start s: Moment, end e: Moment, zone: TimeZone,
                      fail: (String) -> ScheduleError) throws(ScheduleError) -> (start: Date, end: Date) {
        let (month, day, startHour, startMinute) = s
        let (endMonth, endDay, endHour, endMinute) = e
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
            if "-–—~～－至".contains(c) { tokens.append(.dash); chars.removeFirst(); continue }
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
