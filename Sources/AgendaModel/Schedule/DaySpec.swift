import Foundation

/// What `agenda list --day` accepts: a day number (1 is the first), a date (2024-12-29),
/// `today` or `tomorrow` (by the venue clock, after the day change, at `now`).
public enum DaySpec: Sendable, Equatable {
    case number(Int)
    case date(year: Int, month: Int, day: Int)
    case today
    case tomorrow

    public init?(_ text: String) {
        let lowered = text.lowercased()
        if lowered == "today" { self = .today; return }
        if lowered == "tomorrow" { self = .tomorrow; return }
        if let n = Int(text) { self = .number(n); return }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        self = .date(year: y, month: m, day: d)
    }

    /// The conference day meant (0-based), or nil when the schedule has no such day.
    public func dayIndex(in schedule: Schedule, now: Date) -> Int? {
        switch self {
        case .number(let n): return schedule.days.indices.contains(n - 1) ? n - 1 : nil
        case .date(let y, let m, let d): return Self.index(of: LocalDateTime.daysFromCivil(y, m, d), in: schedule)
        case .today, .tomorrow:
            return Self.index(of: Self.today(at: now, in: schedule.conference) + (self == .tomorrow ? 1 : 0), in: schedule)
        }
    }

    /// The conference's day number (days from 1970-01-01) at `now` by the venue clock, the day
    /// change taken off: a 01:00 talk is still the day before's.
    static func today(at now: Date, in conference: Conference) -> Int {
        let shift = TimeInterval((conference.dayChange.hour ?? 0) * 3600 + (conference.dayChange.minute ?? 0) * 60)
        let local = LocalDateTime(now.addingTimeInterval(-shift), in: conference.timeZone)
        return LocalDateTime.daysFromCivil(local.year, local.month, local.day)
    }

    private static func index(of civilDay: Int, in schedule: Schedule) -> Int? {
        schedule.days.firstIndex { day in
            guard let y = day.date.year, let m = day.date.month, let d = day.date.day else { return false }
            return LocalDateTime.daysFromCivil(y, m, d) == civilDay
        }
    }
}
