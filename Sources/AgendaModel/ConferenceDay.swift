import Foundation

/// One day of the programme as the conference counts it: a 01:00 talk belongs to the day before.
public struct ConferenceDay: Sendable, Equatable {
    /// The calendar date of the day in the venue zone (year, month, day).
    public var date: DateComponents
    /// The day's sessions, as indices into `Schedule.sessions`.
    public var sessionRange: Range<Int>

    /// Groups sorted sessions by the venue date of `start - dayChange`.
    static func split(_ sessions: [Session], calendar: Calendar, dayChange: DateComponents) -> [ConferenceDay] {
        let shift = TimeInterval((dayChange.hour ?? 0) * 3600 + (dayChange.minute ?? 0) * 60)
        var days: [ConferenceDay] = []
        for (index, session) in sessions.enumerated() {
            let date = calendar.dateComponents([.year, .month, .day], from: session.start.addingTimeInterval(-shift))
            if let last = days.last, last.date == date {
                days[days.count - 1].sessionRange = last.sessionRange.lowerBound..<(index + 1)
            } else {
                days.append(ConferenceDay(date: date, sessionRange: index..<(index + 1)))
            }
        }
        return days
    }
}
