/// Favourites that overlap in time: you cannot be in both.
public enum Clashes {
    /// Indices (into `sessions`, sorted by start) of chosen sessions that overlap another chosen one.
    public static func find(in sessions: [Session], chosen: Set<String>) -> Set<Int> {
        var clashing: Set<Int> = []
        var running: [Int] = []  // chosen sessions that have not ended by the current start
        for index in sessions.indices where chosen.contains(sessions[index].key) {
            let start = sessions[index].start
            running.removeAll { sessions[$0].end <= start }
            if !running.isEmpty {
                clashing.insert(index)
                clashing.formUnion(running)
            }
            running.append(index)
        }
        return clashing
    }
}
