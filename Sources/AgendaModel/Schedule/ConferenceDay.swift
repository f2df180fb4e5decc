import Foundation

/// One day of the programme as the conference counts it: a 01:00 talk belongs to the day before.
public struct ConferenceDay: Sendable, Equatable {
    /// The calendar date of the day in the venue zone (year, month, day).
    public var date: DateComponents
    /// The sessions that start this day, as indices into `Schedule.sessions`.
    public var sessionRange: Range<Int>
    /// Sessions that started on an earlier day and still run this day (an expo over three
    /// days), in programme order: listed on every day they cover.
    public var continuing: [Int] = []

    /// What the day lists: the sessions continuing from earlier days, then its own.
    public var sessionIndices: [Int] { continuing.isEmpty ? Array(sessionRange) : continuing + Array(sessionRange) }

    public init(date: DateComponents, sessionRange: Range<Int>, continuing: [Int] = []) {
        self.date = date
        self.sessionRange = sessionRange
        self.continuing = continuing
    }

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
        for index in sessions.indices {
            let local = LocalDateTime(sessions[index].start.addingTimeInterval(-shift), in: zone)
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
        addContinuations(&days, sessions, shift: shift, zone: zone, bounds: bounds)
        return days
    }

    /// Sessions of twelve hours or more are listed again on each later day they run into; a
    /// day that only such a session covers is made (with no sessions of its own). Shorter
    /// ones (a night's DJ set past the day change) stay on their day only.
    private static func addContinuations(_ days: inout [ConferenceDay], _ sessions: [Session], shift: TimeInterval,
                                         zone: TimeZone, bounds: ClosedRange<Int>?) {
        func dayNumber(_ date: Date) -> Int {
            let local = LocalDateTime(date.addingTimeInterval(-shift), in: zone)
            let day = LocalDateTime.daysFromCivil(local.year, local.month, local.day)
            return bounds.map { min(max(day, $0.lowerBound), $0.upperBound) } ?? day
        }
        var covered: [Int: [Int]] = [:]   // day number → sessions continuing into it
        for index in sessions.indices where sessions[index].duration >= 12 * 3600 {
            let first = dayNumber(sessions[index].start), last = dayNumber(sessions[index].end.addingTimeInterval(-1))
            guard last > first else { continue }
            for day in (first + 1)...min(last, first + 366) { covered[day, default: []].append(index) }
        }
        guard !covered.isEmpty else { return }
        for (day, indices) in covered.sorted(by: { $0.key < $1.key }) {
            let (y, m, d) = LocalDateTime.civilFromDays(day)
            let date = DateComponents(year: y, month: m, day: d)
            if let existing = days.firstIndex(where: { $0.date == date }) {
                days[existing].continuing = indices
            } else {
                insertEmpty(date, continuing: indices, into: &days, sessionCount: sessions.count)
            }
        }
    }

    /// A day with no sessions of its own, in its place among `days` (in date order).
    static func insertEmpty(_ date: DateComponents, continuing: [Int] = [], into days: inout [ConferenceDay], sessionCount: Int) {
        let number = dayNumber(of: date)
        let position = days.firstIndex { dayNumber(of: $0.date) > number } ?? days.count
        let at = position < days.count ? days[position].sessionRange.lowerBound : sessionCount
        days.insert(ConferenceDay(date: date, sessionRange: at..<at, continuing: continuing), at: position)
    }

    private static func dayNumber(of date: DateComponents) -> Int {
        LocalDateTime.daysFromCivil(date.year ?? 0, date.month ?? 0, date.day ?? 0)
    }

    static func dayNumber(_ date: DateComponents) -> Int? {
        guard let y = date.year, let m = date.month, let d = date.day else { return nil }
        return LocalDateTime.daysFromCivil(y, m, d)
    }
}
