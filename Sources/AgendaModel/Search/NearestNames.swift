import Foundation

/// The names closest to what someone typed, for "no room 'Sal 1'; did you mean …".
public enum NearestNames {
    /// Up to `limit` of `names`, nearest first: names containing the typed text (or contained
    /// in it), then by edit distance, ignoring case; only names within reach of a typo.
    public static func to(_ typed: String, among names: [String], limit: Int = 3) -> [String] {
        let wanted = typed.lowercased()
        let scored = names.map { name -> (String, Int) in
            let lower = name.lowercased()
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
    /// What to say when a filter names something the schedule does not have, nil when it does:
    /// `no room "Sal 1" in the schedule; nearest: "Saal 1", "Saal G"`.
    public func unmatchedNameWarnings(in schedule: Schedule) -> [String] {
        var warnings: [String] = []
        func check(_ what: String, _ typed: String?, _ names: [String]) {
            guard let typed, !names.contains(where: { $0.lowercased() == typed.lowercased() }) else { return }
            let nearest = NearestNames.to(typed, among: names).map { "\"\($0)\"" }
            warnings.append("no \(what) \"\(Sanitizer.line(typed))\" in the schedule; "
                            + (nearest.isEmpty ? "its \(what)s: \(names.prefix(8).map { "\"\($0)\"" }.joined(separator: ", "))\(names.count > 8 ? ", …" : "")"
                                               : "nearest: \(nearest.joined(separator: ", "))"))
        }
        check("room", room, schedule.rooms.compactMap { $0 })
        var tracks: [String] = []
        for case let track? in schedule.sessions.map(\.track) where !tracks.contains(track) { tracks.append(track) }
        check("track", track, tracks)
        return warnings
    }

    /// `days 1–4 (Fri 27 Dec 2024 – Mon 30 Dec 2024)`: the days a `--day` may name.
    public static func dayRange(of schedule: Schedule) -> String {
        guard let first = schedule.days.first?.date, let last = schedule.days.last?.date else { return "no days" }
        func text(_ date: DateComponents) -> String { String(format: "%04d-%02d-%02d", date.year ?? 0, date.month ?? 0, date.day ?? 0) }
        if schedule.days.count == 1 { return "day 1 (\(text(first)))" }
        return "days 1–\(schedule.days.count) (\(text(first)) to \(text(last)))"
    }
}
