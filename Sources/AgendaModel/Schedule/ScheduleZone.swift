import Foundation

extension Schedule {
    /// The schedule with its venue zone set to `zone` (`--zone`): times the file gave on the
    /// wall clock (all of them, in a floating file) are read in `zone`; times with an offset keep
    /// their instant and are shown in `zone`. Keys stay as read, so stars do not depend on it.
    ///
    /// `floating: true` keeps the times marked as published: a floating file is read on the
    /// viewer's clock (as calendars read floating times), so "now" and "running" are right.
    public func assigningZone(_ zone: TimeZone, floating: Bool = false) -> Schedule {
        let old = conference.timeZone
        var moved = sessions
        for index in moved.indices where moved[index].wallClock {
            let wall = LocalDateTime(moved[index].start, in: old)
            let shift = wall.dateComponentsDate(in: zone).timeIntervalSince(moved[index].start)
            moved[index].start += shift
            moved[index].end += shift
        }
        var conference = self.conference
        conference.timeZone = zone
        conference.floating = floating
        conference.zoneFromOffsets = false
        var schedule = Schedule(conference: conference, sessions: moved)
        schedule.warnings = floating ? warnings : warnings.filter { $0.kind != .noTimeZone }
        if !changes.isEmpty, schedule.sessions.map(\.key) == moved.map(\.key) { schedule.changes = changes }
        return schedule
    }
}

private extension LocalDateTime {
    /// This wall-clock time in `zone`, ignoring any offset it carries.
    func dateComponentsDate(in zone: TimeZone) -> Date {
        var naive = self
        naive.offset = nil
        return naive.date(in: zone)
    }
}
