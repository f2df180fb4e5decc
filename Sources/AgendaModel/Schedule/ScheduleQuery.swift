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

    /// Indices into `schedule.sessions`, in schedule order. Room and track are the names they
    /// mean (`NameMatch`: any case and accents, a unique prefix or word); one that means no
    /// single name matches nothing.
    public func apply(to schedule: Schedule) -> [Int] {
        var indices: [Int]
        if let day {
            indices = schedule.days.indices.contains(day - 1) ? schedule.days[day - 1].sessionIndices : []
        } else {
            indices = Array(schedule.sessions.indices)
        }
        let (roomMatch, trackMatch) = names(in: schedule)
        if let roomMatch {
            indices = indices.filter { schedule.sessions[$0].room.map { $0 == roomMatch.name } ?? false }
        }
        if let trackMatch {
            indices = indices.filter { schedule.sessions[$0].track.map { $0 == trackMatch.name } ?? false }
        }
        if let search, !search.isEmpty {
            let index = SearchIndex(schedule.sessions)
            indices = index.matches(index.fold(search), within: indices)
        }
        return indices
    }
}

extension Schedule {
    /// Every track, in the order sessions first name it.
    public var trackNames: [String] {
        var seen = Set<String>(), names: [String] = []
        for case let track? in sessions.map(\.track) where seen.insert(track).inserted { names.append(track) }
        return names
    }
}
