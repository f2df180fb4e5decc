/// The plain listing for pipes and scripts: one session per line, tab-separated
/// (day, start-end, room, title). Every field is already sanitised; tabs cannot occur in them.
public enum ScheduleListing {
    /// `sessions` are indices into `schedule.sessions` (a filtered listing); all when nil.
    public static func text(_ schedule: Schedule, sessions: [Int]? = nil) -> String {
        let time = VenueTime(timeZone: schedule.timeZone)
        var out = ""
        for index in sessions ?? Array(schedule.sessions.indices) {
            let session = schedule.sessions[index]
            out += time.isoDay(session.start) + "\t"
            out += time.range(session.start, session.end, separator: "-") + "\t"
            out += (session.room ?? "-") + "\t"
            out += session.title + "\n"
        }
        return out
    }
}
