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

    private func parts(_ date: Date) -> DateComponents {
        calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date)
    }

    /// `09:05`
    public func clock(_ date: Date) -> String {
        let p = parts(date)
        return String(format: "%02d:%02d", p.hour ?? 0, p.minute ?? 0)
    }

    /// `09:00–12:00`, or `09:00–17:00 (+2)` when the end falls days later.
    public func range(_ start: Date, _ end: Date, separator: String = "–") -> String {
        let days = dayNumber(end) - dayNumber(start)
        return clock(start) + separator + clock(end) + (days > 0 ? " (+\(days))" : "")
    }

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
        return String(format: "UTC%@%02d:%02d", sign, abs(seconds) / 3600, abs(seconds) % 3600 / 60)
    }

    /// `Asia/Shanghai, UTC+08:00`
    public func zone(at date: Date) -> String {
        "\(calendar.timeZone.identifier), \(offset(date))"
    }

    private func dayNumber(_ date: Date) -> Int {
        let p = calendar.dateComponents([.year, .month, .day], from: date)
        let midnight = calendar.date(from: p) ?? date
        return Int((midnight.timeIntervalSince1970 + Double(calendar.timeZone.secondsFromGMT(for: midnight))) / 86400)
    }
}
