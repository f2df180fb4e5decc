/// Turns a wall-clock time in a zone into an instant, the way RFC 5545 §3.3.5 says: a time
/// that a daylight-saving change skips (02:30 on the spring-forward night) is read with the
/// offset in force before the gap, so it lands after the change (03:30); a time that occurs
/// twice (02:30 on the fall-back night) is its first occurrence. Every reader that resolves
/// local times uses this one function.
enum WallClock {
    struct Resolution: Equatable {
        /// Seconds east of UTC to read the wall clock with.
        var offset: Int
        /// The time does not exist on that day in that zone.
        var inGap: Bool
    }

    /// `naive`: the wall clock read as if it were UTC (`LocalDateTime.naiveEpoch`).
    /// `offsetAt`: the zone's offset at an instant (seconds since 1970, UTC).
    static func resolve(naive: Int, offsetAt: (Int) -> Int) -> Resolution {
        // No zone moves twice within a day: the offsets a day either side bracket the answer.
        let before = offsetAt(naive - 86400)
        let after = offsetAt(naive + 86400)
        let readsBefore = offsetAt(naive - before) == before
        guard before != after else { return Resolution(offset: before, inGap: !readsBefore) }
        let readsAfter = offsetAt(naive - after) == after
        switch (readsBefore, readsAfter) {
        case (true, true):
            // Repeated: the first occurrence is the earlier instant, the larger offset.
            return Resolution(offset: max(before, after), inGap: false)
        case (true, false): return Resolution(offset: before, inGap: false)
        case (false, true): return Resolution(offset: after, inGap: false)
        case (false, false): return Resolution(offset: before, inGap: true)
        }
    }
}
