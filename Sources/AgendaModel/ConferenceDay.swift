import Foundation

/// One day of the programme as the conference counts it: a 01:00 talk belongs to the day before.
public struct ConferenceDay: Sendable, Equatable {
    /// The calendar date of the day in the venue zone (year, month, day).
    public var date: DateComponents
    /// The day's sessions, as indices into `Schedule.sessions`.
    public var sessionRange: Range<Int>

    /// Groups sorted sessions by the venue date of `start - dayChange`. When the file states
    /// its first and last day, a session outside them (a DJ set at 04:00 after the last day,
    /// a workshop before the first) joins the nearest stated day rather than making a new one.
    static func split(_ sessions: [Session], calendar: Calendar, dayChange: DateComponents,
                      within range: (first: DateComponents, last: DateComponents)? = nil) -> [ConferenceDay] {
        let shift = TimeInterval((dayChange.hour ?? 0) * 3600 + (dayChange.minute ?? 0) * 60)
        let zone = calendar.timeZone
        let bounds = range.flatMap { range -> ClosedRange<Int>? in
            guard let first = dayNumber(range.first), let last = dayNumber(range.last), first <= last else { return nil }
            return first...last
        }
        var days: [ConferenceDay] = []
        var lastDay: Int?  // day number of days.last: DateComponents are made only per new day
        for (index, session) in sessions.enumerated() {
            let local = LocalDateTime(session.start.addingTimeInterval(-shift), in: zone)
            var day = LocalDateTime.daysFromCivil(local.year, local.month, local.day)
            if let bounds { day = min(max(day, bounds.lowerBound), bounds.upperBound) }
            if day == lastDay {
                days[days.count - 1].sessionRange = days[days.count - 1].sessionRange.lowerBound..<(index + 1)
            } else {
                let (y, m, d) = LocalDateTime.civilFromDays(day)
                days.append(ConferenceDay(date: DateComponents(year: y, month: m, day: d), sessionRange: index..<(index + 1)))
                lastDay = day
            }
        }
        return days
    }

    private static func dayNumber(_ date: DateComponents) -> Int? {
        guard let y = date.year, let m = date.month, let d = date.day else { return nil }
        return LocalDateTime.daysFromCivil(y, m, d)
    }
}
