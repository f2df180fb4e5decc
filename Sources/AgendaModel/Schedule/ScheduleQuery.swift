/// The command line's filters: a conference day, a room, a track, a search; all must match.
public struct ScheduleQuery: Sendable {
    /// 1-based conference day.
    public var day: Int?
    public var room: String?
    public var track: String?
    public var search: String?

    public init(day: Int? = nil, room: String? = nil, track: String? = nil, search: String? = nil) {
        self.day = day
        self.room = room
        self.track = track
        self.search = search
    }

    /// Indices into `schedule.sessions`, in schedule order. Room and track compare without case.
    public func apply(to schedule: Schedule) -> [Int] {
        var indices: [Int]
        if let day {
            indices = schedule.days.indices.contains(day - 1) ? schedule.days[day - 1].sessionIndices : []
        } else {
            indices = Array(schedule.sessions.indices)
        }
        if let room = room?.lowercased() {
            indices = indices.filter { schedule.sessions[$0].room?.lowercased() == room }
        }
        if let track = track?.lowercased() {
            indices = indices.filter { schedule.sessions[$0].track?.lowercased() == track }
        }
        if let search, !search.isEmpty {
            let index = SearchIndex(schedule.sessions)
            indices = index.matches(index.fold(search), within: indices)
        }
        return indices
    }
}
