import Foundation

/// The day a large schedule opens on, made before the rest of it so the first screen need not
/// wait for the whole (`FrabXMLReadAhead` from the XML, `ScheduleSnapshot.openingDay` from a
/// snapshot). Its other days are there, empty, so every day's tab shows; the whole schedule
/// replaces it and is the one that counts (warnings, change marks, sessions that run over
/// several days).
public struct OpeningDay: Sendable {
    public var schedule: Schedule
    /// The day is today by the venue clock (the browser opens on what is on now).
    public var isToday: Bool

    public init(schedule: Schedule, isToday: Bool) {
        self.schedule = schedule
        self.isToday = isToday
    }

    /// `schedule`, one day of a whole, with empty days for `otherDates`; nil when the day it
    /// holds, `date`, is not the day the whole would open on at `now` (today's date, by the
    /// zone and day change its own sessions give, or else the first).
    public init?(_ schedule: Schedule, date: Int, otherDates: [DateComponents], today: Int, now: Date) {
        let schedule = schedule.withEmptyDays(otherDates)
        let chosen = schedule.days.firstIndex { ConferenceDay.dayNumber($0.date) == date }
        let isToday = DaySpec.today.dayIndex(in: schedule, now: now)
        guard isToday == nil || isToday == chosen, (isToday != nil) == (date == today) else { return nil }
        self.init(schedule: schedule, isToday: isToday != nil)
    }
}
