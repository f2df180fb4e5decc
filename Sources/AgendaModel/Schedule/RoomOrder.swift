/// The publisher's order of rooms, which decides between sessions that start together: the
/// order the file lists its rooms in (`Conference.rooms`: its room list, else first
/// appearance); rooms it does not list come after, by name, and sessions without a room last,
/// as `Schedule.rooms` has them.
struct RoomOrder {
    private let rank: [String: Int]

    init(_ rooms: [String]) {
        var rank: [String: Int] = [:]
        for (i, room) in rooms.enumerated() where rank[room] == nil { rank[room] = i }
        self.rank = rank
    }

    /// Whether a session in room `a` comes before one in room `b` starting at the same time.
    func precedes(_ a: String?, _ b: String?) -> Bool {
        guard a != b, let a else { return false }
        guard let b else { return true }
        let ra = rank[a] ?? Int.max, rb = rank[b] ?? Int.max
        return ra != rb ? ra < rb : a < b
    }
}
