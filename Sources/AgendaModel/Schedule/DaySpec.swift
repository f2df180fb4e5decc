import Foundation

/// What `agenda list --day` accepts: a day number (1 is the first), a date (2024-12-29), a
/// weekday (`sat`, `saturday`, `周六`, `星期六`), `today` or `tomorrow` (by the venue clock,
/// after the day change, at `now`).
public enum DaySpec: Sendable, Equatable {
    case number(Int)
    case date(year: Int, month: Int, day: Int)
    /// 1 is Monday, 7 Sunday (ISO 8601).
    case weekday(Int)
    case today
    case tomorrow

    public init?(_ text: String) {
        let lowered = text.lowercased().trimmingCharacters(in: .whitespaces)
        if lowered == "today" { self = .today; return }
        if lowered == "tomorrow" { self = .tomorrow; return }
        if let weekday = Self.weekday(lowered) { self = .weekday(weekday); return }
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
        case .weekday(let weekday):
            // The first such day; in a programme of more than a week, the first from today on.
            let matching = schedule.days.indices.filter { Self.civil(schedule.days[$0]).map(Self.isoWeekday) == weekday }
            let today = Self.today(at: now, in: schedule.conference)
            return matching.first { (Self.civil(schedule.days[$0]) ?? .min) >= today } ?? matching.first
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
        schedule.days.firstIndex { civil($0) == civilDay }
    }

    /// Days since 1970-01-01 of a conference day.
    private static func civil(_ day: ConferenceDay) -> Int? {
        guard let y = day.date.year, let m = day.date.month, let d = day.date.day else { return nil }
        return LocalDateTime.daysFromCivil(y, m, d)
    }

    /// 1970-01-01 was a Thursday (4).
    private static func isoWeekday(_ civilDay: Int) -> Int {
        ((civilDay + 3) % 7 + 7) % 7 + 1
    }

    /// English names and their beginnings from two letters (`sa`, `sat`, `satur`), and the
    /// Chinese ones (`周六`, `星期六`, `礼拜六`; Sunday also `日` or `天`).
    static func weekday(_ lowered: String) -> Int? {
        let english = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        if lowered.count >= 2, let i = english.firstIndex(where: { $0.hasPrefix(lowered) }) { return i + 1 }
        for prefix in ["周", "星期", "礼拜", "禮拜"] where lowered.hasPrefix(prefix) {
            let rest = lowered.dropFirst(prefix.count)
            if let i = ["一", "二", "三", "四", "五", "六"].firstIndex(of: String(rest)) { return i + 1 }
            if rest == "日" || rest == "天" { return 7 }
        }
        return nil
    }
}
