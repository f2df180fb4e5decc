/// The plain listing for pipes and scripts: one session per line, five tab-separated fields
/// (date, HH:MM-HH:MM, room, title, end date or "-"). The time field keeps its shape whatever
/// the session: one that ends on a later date says so in the last field. Every field is
/// already sanitised; tabs cannot occur in them.
public enum ScheduleListing {
    /// `sessions` are indices into `schedule.sessions` (a filtered listing); all when nil.
    public static func text(_ schedule: Schedule, sessions: [Int]? = nil) -> String {
        let time = VenueTime(timeZone: schedule.timeZone)
        var out = ""
        for index in sessions ?? Array(schedule.sessions.indices) {
            let session = schedule.sessions[index]
            out += time.isoDay(session.start) + "\t"
            out += time.clock(session.start) + "-" + time.clock(session.end) + "\t"
            out += (session.room ?? "-") + "\t"
            out += session.title + "\t"
            let endDay = time.isoDay(session.end)
            out += (endDay > time.isoDay(session.start) ? endDay : "-") + "\n"
        }
        return out
    }
}
