import Foundation

extension Schedule {
    /// The conference day `now` falls on (by the venue clock, after the day change); when it is
    /// no conference day, the next one; nil after the last.
    public func dayIndex(at now: Date) -> Int? {
        let shift = TimeInterval((conference.dayChange.hour ?? 0) * 3600 + (conference.dayChange.minute ?? 0) * 60)
        let local = LocalDateTime(now.addingTimeInterval(-shift), in: timeZone)
        let today = LocalDateTime.daysFromCivil(local.year, local.month, local.day)
        return days.firstIndex { day in
            guard let y = day.date.year, let m = day.date.month, let d = day.date.day else { return false }
            return LocalDateTime.daysFromCivil(y, m, d) >= today
        }
    }

    /// Where "now" is in the programme, for the start screen and `t`: the first session of
    /// today that has not ended (a long session that began on an earlier day does not count,
    /// it belongs to that day), else the next session to start on a later day, else nil.
    public func sessionForNow(_ now: Date, where admits: (Int) -> Bool = { _ in true }) -> Int? {
        if let today = dayIndex(at: now),
           let index = days[today].sessionRange.first(where: { sessions[$0].end > now && admits($0) }) {
            return index
        }
        return sessions.indices.first { sessions[$0].start >= now && admits($0) }
    }
}
