import Foundation

/// The names closest to what someone typed, for "no room 'Sal 1'; did you mean …".
public enum NearestNames {
    /// Up to `limit` of `names`, nearest first: names containing the typed text (or contained
    /// in it), then by edit distance, case and accents aside; only names within reach of a typo.
    public static func to(_ typed: String, among names: [String], limit: Int = 3) -> [String] {
        var folding = SearchFolding()
        let wanted = String(decoding: folding.fold(typed), as: UTF8.self)
        guard !wanted.isEmpty else { return [] }
        let scored = names.map { name -> (String, Int) in
            let lower = String(decoding: folding.fold(name), as: UTF8.self)
            if lower.contains(wanted) || wanted.contains(lower) { return (name, 0) }
            return (name, distance(Array(wanted), Array(lower)))
        }
        let reach = max(2, wanted.count / 2)
        return scored.filter { $0.1 <= reach }.sorted { $0.1 < $1.1 }.prefix(limit).map(\.0)
    }

    /// Levenshtein distance.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count), current = previous
        for i in 1...a.count {
            current[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

extension ScheduleQuery {
    /// What `room` and `track` mean in `schedule` (`NameMatch`); nil for a filter not given.
    public func names(in schedule: Schedule) -> (room: NameMatch?, track: NameMatch?) {
        (room.map { NameMatch($0, among: schedule.rooms.compactMap { $0 }) },
         track.map { NameMatch($0, among: schedule.trackNames) })
    }

    /// What to say when a filter names something the schedule does not have:
    /// `no room "Sal 1" in the schedule; nearest: "Saal 1", "Saal G"`.
    public func unmatchedNameWarnings(in schedule: Schedule) -> [String] {
        messages(in: schedule) { if case .none = $0 { return true } else { return false } }
    }

    /// What to say when a filter fits several names: `room "saal" fits several: "Saal 1", …`.
    public func ambiguousNames(in schedule: Schedule) -> [String] {
        messages(in: schedule) { if case .ambiguous = $0 { return true } else { return false } }
    }

    private func messages(in schedule: Schedule, where include: (NameMatch) -> Bool) -> [String] {
        let (roomMatch, trackMatch) = names(in: schedule)
        var out: [String] = []
        if let room, let roomMatch, include(roomMatch),
           let text = roomMatch.message("room", typed: room, names: schedule.rooms.compactMap { $0 }) { out.append(text) }
        if let track, let trackMatch, include(trackMatch),
           let text = trackMatch.message("track", typed: track, names: schedule.trackNames) { out.append(text) }
        return out
    }

    /// `days 1–4 (Fri 27 Dec 2024 – Mon 30 Dec 2024)`: the days a `--day` may name.
    public static func dayRange(of schedule: Schedule) -> String {
        guard let first = schedule.days.first?.date, let last = schedule.days.last?.date else { return "no days" }
        func text(_ date: DateComponents) -> String { String(format: "%04d-%02d-%02d", date.year ?? 0, date.month ?? 0, date.day ?? 0) }
        if schedule.days.count == 1 { return "day 1 (\(text(first)))" }
        return "days 1–\(schedule.days.count) (\(text(first)) to \(text(last)))"
    }
}
