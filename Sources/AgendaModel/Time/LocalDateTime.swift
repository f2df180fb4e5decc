import Foundation

/// A wall-clock date and time as a file writes it, with its UTC offset when it gives one.
///
/// Kept apart from `Date` because a time without an offset ("floating") can only be placed
/// once the venue zone is known, which may be decided only at the end of the file.
struct LocalDateTime: Equatable, Sendable {
    var year: Int, month: Int, day: Int
    var hour = 0, minute = 0, second = 0
    /// Seconds east of UTC, when the text gave one (`Z` is 0).
    var offset: Int? = nil

    /// Seconds since 1970 reading the wall clock as if it were UTC.
    var naiveEpoch: Int {
        LocalDateTime.daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second
    }

    var isValid: Bool {
        (1...12).contains(month) && day >= 1 && day <= LocalDateTime.daysIn(year, month)
            && (0...24).contains(hour) && (0...59).contains(minute) && (0...60).contains(second)
    }

    /// The instant: by its own offset, else as wall-clock time in `zone` (RFC 5545 §3.3.5 in
    /// daylight-saving gaps and repeated hours: see `WallClock`).
    func date(in zone: TimeZone) -> Date {
        let naive = naiveEpoch
        return Date(timeIntervalSince1970: TimeInterval(naive - (offset ?? resolution(in: zone).offset)))
    }

    /// How this wall-clock time reads in `zone`, ignoring any offset of its own.
    func resolution(in zone: TimeZone) -> WallClock.Resolution {
        WallClock.resolve(naive: naiveEpoch) { zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval($0))) }
    }

    /// The wall-clock time of `date` in `zone`, with that zone's offset.
    init(_ date: Date, in zone: TimeZone) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let offset = zone.secondsFromGMT(for: date)
        let local = seconds + offset
        let days = local >= 0 ? local / 86400 : (local - 86399) / 86400
        let (y, m, d) = LocalDateTime.civilFromDays(days)
        let rest = local - days * 86400
        self.init(year: y, month: m, day: d, hour: rest / 3600, minute: rest % 3600 / 60,
                  second: rest % 60, offset: offset)
    }

    init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, offset: Int? = nil) {
        self.year = year; self.month = month; self.day = day
        self.hour = hour; self.minute = minute; self.second = second
        self.offset = offset
    }

    var dateComponents: DateComponents { DateComponents(year: year, month: month, day: day) }

    /// The same wall clock `days` calendar days later.
    func addingDays(_ days: Int) -> LocalDateTime {
        var copy = self
        (copy.year, copy.month, copy.day) = LocalDateTime.civilFromDays(LocalDateTime.daysFromCivil(year, month, day) + days)
        return copy
    }

    // Howard Hinnant's civil-calendar algorithms: exact for the proleptic Gregorian calendar.
    static func daysFromCivil(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y - 1 : y
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilFromDays(_ z: Int) -> (Int, Int, Int) {
        let z = z + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func daysIn(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
