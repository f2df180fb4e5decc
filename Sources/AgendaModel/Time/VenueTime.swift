import Foundation

/// Formats instants as the venue reads them, independent of the process locale.
public struct VenueTime: Sendable {
    public let calendar: Calendar

    public init(timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    static let months = ["January", "February", "March", "April", "May", "June", "July",
                         "August", "September", "October", "November", "December"]

    /// Year, month, day and weekday (1 = Sunday, as `Calendar` counts) on the venue's wall
    /// clock, by arithmetic: `Calendar.dateComponents` costs as much as drawing a list.
    public func parts(_ date: Date) -> DateComponents {
        let days = localSeconds(date).quotient(86400)
        let (year, month, day) = LocalDateTime.civilFromDays(days)
        var parts = DateComponents(year: year, month: month, day: day)
        parts.weekday = (days + 4).remainder(7) + 1   // 1 January 1970 was a Thursday
        return parts
    }

    /// 0 for Sunday … 6 for Saturday, on the venue's wall clock.
    public func weekday(_ date: Date) -> Int { (parts(date).weekday ?? 1) - 1 }

    /// `09:05`. Plain arithmetic on the zone offset: this runs for every row of every frame,
    /// and Foundation's calendar and `String(format:)` cost more than the rest of a frame.
    public func clock(_ date: Date) -> String {
        let minuteOfDay = localSeconds(date).remainder(86400) / 60
        return twoDigits(minuteOfDay / 60) + ":" + twoDigits(minuteOfDay % 60)
    }

    /// `09:00–12:00`, or `09:00–17:00 (+2)` when the end falls days later.
    public func range(_ start: Date, _ end: Date, separator: String = "–") -> String {
        let days = localSeconds(end).quotient(86400) - localSeconds(start).quotient(86400)
        return clock(start) + separator + clock(end) + (days > 0 ? " (+\(days))" : "")
    }

    /// Seconds since the epoch on the venue's wall clock.
    private func localSeconds(_ date: Date) -> Int {
        Int(date.timeIntervalSince1970.rounded(.down)) + calendar.timeZone.secondsFromGMT(for: date)
    }

    private func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// `Fri 22 Oct 2021`
    public func shortDay(_ date: Date) -> String {
        let p = parts(date)
        return "\(Self.weekdays[(p.weekday ?? 1) - 1].prefix(3)) \(p.day ?? 0) \(Self.months[(p.month ?? 1) - 1].prefix(3)) \(p.year ?? 0)"
    }

    /// `Friday 22 October 2021`
    public func longDay(_ date: Date) -> String {
        let p = parts(date)
        return "\(Self.weekdays[(p.weekday ?? 1) - 1]) \(p.day ?? 0) \(Self.months[(p.month ?? 1) - 1]) \(p.year ?? 0)"
    }

    /// `2021-10-22`
    public func isoDay(_ date: Date) -> String {
        let p = parts(date)
        return String(format: "%04d-%02d-%02d", p.year ?? 0, p.month ?? 0, p.day ?? 0)
    }

    /// `UTC+08:00` at that instant (offsets change with daylight saving).
    public func offset(_ date: Date) -> String {
        let seconds = calendar.timeZone.secondsFromGMT(for: date)
        let sign = seconds < 0 ? "-" : "+"
        // Not String(format:): the header draws this on every frame.
        func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "UTC" + sign + twoDigits(abs(seconds) / 3600) + ":" + twoDigits(abs(seconds) % 3600 / 60)
    }

    /// `Asia/Shanghai, UTC+08:00`
    public func zone(at date: Date) -> String {
        "\(calendar.timeZone.identifier), \(offset(date))"
    }
}

private extension Int {
    /// Floor division and its remainder, right for instants before 1970 too.
    func quotient(_ divisor: Int) -> Int { (self - remainder(divisor)) / divisor }
    func remainder(_ divisor: Int) -> Int { ((self % divisor) + divisor) % divisor }
}
