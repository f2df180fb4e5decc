import Foundation

/// iCalendar DATE, DATE-TIME and DURATION values, and VTIMEZONE definitions.
enum ICalendarTime {
    /// `20200114`, `20200114T070000`, `20200114T070000Z`. `isDate` for a bare date.
    static func dateTime(_ text: String) -> (time: LocalDateTime, isDate: Bool)? {
        var c = TimeNotation.Cursor(text.trimmed)
        guard let year = c.digits(4), let month = c.digits(2), let day = c.digits(2) else { return nil }
        var time = LocalDateTime(year: year, month: month, day: day)
        var isDate = true
        if c.take(UInt8(ascii: "T")) {
            guard let hour = c.digits(2), let minute = c.digits(2) else { return nil }
            time.hour = hour
            time.minute = minute
            time.second = c.digits(2) ?? 0
            isDate = false
            if c.take(UInt8(ascii: "Z")) { time.offset = 0 }
        }
        guard c.atEnd, time.isValid else { return nil }
        return (time, isDate)
    }

    /// The longest duration read: what `TimeNotation.duration` allows too (99,999 days). Longer
    /// ones are unreadable, not overflows: `P999999999W` repeated would trap Int arithmetic.
    static let maximumDuration = 100_000 * 86400

    /// `PT1H30M`, `P1D`, `P2W`, `-PT15M` (§3.3.6), in seconds.
    static func duration(_ text: String) -> Int? {
        var c = TimeNotation.Cursor(text.trimmed)
        var sign = 1
        if c.take(UInt8(ascii: "-")) { sign = -1 } else { _ = c.take(UInt8(ascii: "+")) }
        guard c.take(UInt8(ascii: "P")) else { return nil }
        var total = 0, inTime = false, parts = 0
        while !c.atEnd {
            if c.take(UInt8(ascii: "T")) { inTime = true; continue }
            guard let number = c.digitRun(), let unit = c.peek else { return nil }
            c.index += 1
            switch (unit, inTime) {
            case (UInt8(ascii: "W"), false): total += number * 7 * 86400
            case (UInt8(ascii: "D"), false): total += number * 86400
            case (UInt8(ascii: "H"), true): total += number * 3600
            case (UInt8(ascii: "M"), true): total += number * 60
            case (UInt8(ascii: "S"), true): total += number
            default: return nil
            }
            parts += 1
            // Each part is below 10^9 × 604,800 and the total stays below the maximum: no overflow.
            if total > maximumDuration { return nil }
        }
        return parts > 0 ? sign * total : nil
    }

    /// `+0100`, `-0930`, `+013000` in seconds east of UTC.
    static func offset(_ text: String) -> Int? {
        var c = TimeNotation.Cursor(text.trimmed)
        let sign: Int
        if c.take(UInt8(ascii: "+")) { sign = 1 } else if c.take(UInt8(ascii: "-")) { sign = -1 } else { return nil }
        guard let hours = c.digits(2), let minutes = c.digits(2) else { return nil }
        let seconds = c.digits(2) ?? 0
        return c.atEnd ? sign * (hours * 3600 + minutes * 60 + seconds) : nil
    }
}

/// A VTIMEZONE: its STANDARD and DAYLIGHT observances. Yearly `BYMONTH`/`BYDAY` rules (the
/// form every real zone uses) are followed; anything else counts from the observance's start.
struct ICalendarZone {
    struct Observance {
        var start: LocalDateTime
        var offsetTo: Int
        var offsetFrom: Int
        var isStandard: Bool
        /// Month and (ordinal, weekday 0 = Sunday) of a yearly rule.
        var rule: (month: Int, ordinal: Int, weekday: Int)?
    }

    var id: String
    var observances: [Observance] = []

    /// How a wall-clock time in this zone reads (RFC 5545 §3.3.5 in gaps and repeated hours).
    func resolution(at local: LocalDateTime) -> WallClock.Resolution? {
        guard !observances.isEmpty else { return nil }
        return WallClock.resolve(naive: local.naiveEpoch) { offset(atInstant: $0) }
    }

    /// The offset in force at an instant (seconds since 1970, UTC): that of the latest onset
    /// before it, each onset being a wall-clock time in the offset it ends.
    func offset(atInstant instant: Int) -> Int {
        let year = LocalDateTime.civilFromDays(instant >= 0 ? instant / 86400 : (instant - 86399) / 86400).0
        var best: (onset: Int, offset: Int)?
        for observance in observances {
            for onset in onsets(observance, near: year) {
                let moment = onset - observance.offsetFrom
                if moment <= instant, best == nil || moment > best!.onset { best = (moment, observance.offsetTo) }
            }
        }
        if let best { return best.offset }
        // Before every observance: the standard offset is the best guess.
        return (observances.first { $0.isStandard } ?? observances[0]).offsetFrom
    }

    private func onsets(_ observance: Observance, near year: Int) -> [Int] {
        let first = observance.start.naiveEpoch
        guard let rule = observance.rule else { return [first] }
        return [year - 1, year, year + 1].compactMap { y in
            guard let day = ICalendarZone.nthWeekday(year: y, month: rule.month, ordinal: rule.ordinal, weekday: rule.weekday) else { return nil }
            var onset = observance.start
            onset.year = y; onset.month = rule.month; onset.day = day
            return onset.naiveEpoch >= first ? onset.naiveEpoch : nil
        }
    }

    /// The day of the month of the `ordinal`th `weekday` (negative counts from the end).
    static func nthWeekday(year: Int, month: Int, ordinal: Int, weekday: Int) -> Int? {
        // A month has at most five of a weekday; a larger ordinal (even Int.max) names no day.
        guard (1...12).contains(month), ordinal != 0, (-5...5).contains(ordinal), (0...6).contains(weekday) else { return nil }
        let length = LocalDateTime.daysIn(year, month)
        let firstWeekday = (LocalDateTime.daysFromCivil(year, month, 1) % 7 + 11) % 7   // 1970-01-01 was a Thursday
        if ordinal > 0 {
            let day = 1 + (weekday - firstWeekday + 7) % 7 + 7 * (ordinal - 1)
            return day <= length ? day : nil
        }
        let lastWeekday = (firstWeekday + length - 1) % 7
        let day = length - (lastWeekday - weekday + 7) % 7 + 7 * (ordinal + 1)
        return day >= 1 ? day : nil
    }

    /// `FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU` → (10, -1, 0).
    static func yearlyRule(_ text: String) -> (month: Int, ordinal: Int, weekday: Int)? {
        var parts: [String: String] = [:]
        for item in text.split(separator: ";") {
            let pair = item.split(separator: "=", maxSplits: 1)
            if pair.count == 2 { parts[pair[0].uppercased()] = String(pair[1]).uppercased() }
        }
        guard parts["FREQ"] == "YEARLY", let month = parts["BYMONTH"].flatMap({ Int($0) }),
              let byDay = parts["BYDAY"], byDay.count >= 2 else { return nil }
        let names = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"]
        guard let weekday = names.firstIndex(of: String(byDay.suffix(2))) else { return nil }
        let ordinalText = byDay.dropLast(2)
        let ordinal = ordinalText.isEmpty ? 1 : Int(ordinalText.replacingOccurrences(of: "+", with: "")) ?? 1
        return (month, ordinal, weekday)
    }
}
