import Foundation

/// Favourites that travel: the starred sessions written as text, JSON or iCalendar, and a
/// list from any of those (or another app's calendar export) matched back to sessions.
///
/// - text: one session key (its guid, else its id) per line, then a tab and a comment
///   (`# 2024-12-27 10:30 Title`); blank lines and lines starting with `#` are skipped.
/// - JSON: `{"agenda": "favourites", "version": 1, "conference": "…", "favourites":
///   [{"key", "guid", "id", "title", "start"}]}`; `agenda list --format json` output reads too.
/// - iCalendar: matched by UID (our export's, or a guid another app used), then title and start.
public enum FavouritesTransfer {
    public enum Format: String, Sendable, CaseIterable { case text, json, ics }

    // MARK: - Writing

    /// `alarm`: for iCalendar, a reminder that many seconds before each start.
    public static func write(_ schedule: Schedule, favourites: Set<String>, format: Format, alarm: TimeInterval? = nil) -> String {
        let chosen = schedule.sessions.indices.filter { favourites.contains(schedule.sessions[$0].key) }
        let zone = schedule.timeZone, floating = schedule.conference.floating
        switch format {
        case .ics:
            return ICalendarWriter.write(schedule, sessions: chosen, alarm: alarm)
        case .text:
            var out = "# agenda favourites: \(Sanitizer.line(schedule.conference.title))\n"
            for index in chosen {
                let s = schedule.sessions[index]
                let when = ScheduleJSONWriter.isoTime(s.start, zone, floating: floating).prefix(16).replacingOccurrences(of: "T", with: " ")
                out += "\(s.key)\t# \(when) \(s.title)\n"
            }
            return out
        case .json:
            let items = chosen.map { index -> String in
                let s = schedule.sessions[index]
                return "{\"key\": \(ScheduleJSONWriter.string(s.key)), \"guid\": \(ScheduleJSONWriter.string(s.guid)), "
                    + "\"id\": \(ScheduleJSONWriter.string(s.id)), \"title\": \(ScheduleJSONWriter.string(s.title)), "
                    + "\"start\": \(ScheduleJSONWriter.string(ScheduleJSONWriter.isoTime(s.start, zone, floating: floating)))}"
            }
            return "{\"agenda\": \"favourites\", \"version\": 1, \"conference\": \(ScheduleJSONWriter.string(schedule.conference.title)),\n"
                + " \"favourites\": [" + items.map { "\n  " + $0 }.joined(separator: ",") + (items.isEmpty ? "]}\n" : "\n ]}\n")
        }
    }

    // MARK: - Reading

    /// One entry of an imported list: whatever it says of the session.
    public struct Entry: Sendable, Equatable {
        /// A key, guid, id or UID: matched against each of those.
        public var identifier: String?
        public var title: String?
        public var start: Date?
        /// Where in the file (a line, or the entry's number), for the report.
        public var line: Int
        /// Matched by title and start before its identifier: a calendar's event, whose UID may
        /// stand for an id several sessions share.
        public var titleFirst = false

        public init(identifier: String? = nil, title: String? = nil, start: Date? = nil, line: Int, titleFirst: Bool = false) {
            self.identifier = identifier
            self.title = title
            self.start = start
            self.line = line
            self.titleFirst = titleFirst
        }

        /// How the report names it.
        public var name: String { title ?? identifier ?? "line \(line)" }
    }

    /// The entries of `data`, its format told from its content.
    public static func read(_ data: Data, file: String) throws(ScheduleError) -> [Entry] {
        // A byte-order mark (files saved by Windows tools) is not part of the list.
        let data = data.starts(with: [0xEF, 0xBB, 0xBF]) ? Data(data.dropFirst(3)) : data
        let head = String(decoding: data.prefix(512), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if head.uppercased().hasPrefix("BEGIN:VCALENDAR") { return try calendar(data, file: file) }
        if head.hasPrefix("{") { return try json(data, file: file) }
        return try text(data, file: file)
    }

    static func text(_ data: Data, file: String) throws(ScheduleError) -> [Entry] {
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScheduleError(file: file, line: 1, message: "not UTF-8 text: expected one session key, guid or id per line")
        }
        var entries: [Entry] = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let field = raw.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let token = FieldText.line(String(field)) ?? ""
            guard !token.isEmpty, !token.hasPrefix("#") else { continue }
            let comment = raw.split(separator: "\t", maxSplits: 1).dropFirst().first.map { String($0) }
            let title = comment.flatMap { FieldText.line($0.drop { $0 == "#" || $0 == " " }.split(separator: " ", maxSplits: 2).dropFirst(2).first.map(String.init)) }
            entries.append(Entry(identifier: token, title: title, line: number + 1))
        }
        return entries
    }

    static func json(_ data: Data, file: String) throws(ScheduleError) -> [Entry] {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw ScheduleError(file: file, line: 1, message: "not readable JSON (\(error.localizedDescription))")
        }
        guard let root = object as? [String: Any],
              let list = (root["favourites"] ?? root["sessions"]) as? [Any] else {
            throw ScheduleError(file: file, line: 1, message: "expected {\"favourites\": [...]} (agenda favourites export --format json) or agenda list --format json")
        }
        return list.enumerated().compactMap { number, value -> Entry? in
            if let text = value as? String { return Entry(identifier: FieldText.line(text), line: number + 1) }
            guard let item = value as? [String: Any] else { return nil }
            let identifier = [item["key"], item["guid"], item["id"]].lazy.compactMap { ($0 as? String) ?? ($0 as? Int).map(String.init) }
                .compactMap(FieldText.line).first
            let start = (item["start"] as? String).flatMap { TimeNotation.iso8601($0) }.map { $0.date(in: TimeZone(identifier: "UTC")!) }
            return Entry(identifier: identifier, title: FieldText.line(item["title"] as? String), start: start, line: number + 1)
        }
    }

    static func calendar(_ data: Data, file: String) throws(ScheduleError) -> [Entry] {
        let read = try ICalendarReader.read(data, file: file)
        return read.sessions.enumerated().map { number, s in
            Entry(identifier: s.guid ?? s.key, title: s.title, start: s.start, line: number + 1, titleFirst: true)
        }
    }

    // MARK: - Matching

    public struct Outcome: Sendable {
        /// Keys of the sessions found, in entry order, each once.
        public var matched: [String] = []
        /// Entries found nowhere, with the titles nearest theirs.
        public var unmatched: [(entry: Entry, nearest: [String])] = []
    }

    /// Each entry's session: by key, guid, id or UID, then by title and start.
    public static func match(_ entries: [Entry], in schedule: Schedule) -> Outcome {
        var byIdentifier: [String: String] = [:]
        for s in schedule.sessions {
            byIdentifier[SessionKeys.uid(s, in: schedule.conference)] = byIdentifier[SessionKeys.uid(s, in: schedule.conference)] ?? s.key
            if !s.id.isEmpty { byIdentifier[s.id] = s.key }
            if let guid = s.guid, !guid.isEmpty { byIdentifier[guid] = s.key }
        }
        for s in schedule.sessions { byIdentifier[s.key] = s.key }   // keys win
        var byTitleAndStart: [String: String] = [:]
        for s in schedule.sessions { byTitleAndStart[titleAndStart(s.title, s.start)] = s.key }
        var outcome = Outcome(), seen: Set<String> = []
        let titles = schedule.sessions.map(\.title)
        for entry in entries {
            let byIdentifier = entry.identifier.flatMap { byIdentifier[$0] }
            let byTitle = entry.title.flatMap { title in entry.start.flatMap { byTitleAndStart[titleAndStart(title, $0)] } }
            let key = entry.titleFirst ? byTitle ?? byIdentifier : byIdentifier ?? byTitle
            if let key {
                if seen.insert(key).inserted { outcome.matched.append(key) }
            } else {
                outcome.unmatched.append((entry, entry.title.map { NearestNames.to($0, among: titles) } ?? []))
            }
        }
        return outcome
    }

    private static func titleAndStart(_ title: String, _ start: Date) -> String {
        var folding = SearchFolding()
        let folded = title.unicodeScalars.flatMap { folding.fold($0) }
        return String(decoding: folded, as: UTF8.self).split(separator: " ").joined(separator: " ") + "|\(Int(start.timeIntervalSince1970))"
    }
}
