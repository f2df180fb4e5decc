import Foundation

/// Reads a session page of the CACIE conference site:
///
///     Plenary Session
///     Theme:New Opportunities and Prospects …
///     Time:  October 22 09:00-22 12:00,2021
///     Room:Convention Hall No. 1
///     paragraph…
///
/// The page never names the conference: it is CACIE of the year the page gives, held in
/// Asia/Shanghai. Separators may be U+00A0; blank paragraphs may hold a lone U+00A0.
public enum CACIEPageReader {
    public static let venueTimeZone = TimeZone(identifier: "Asia/Shanghai")!

    /// True when the text looks like a CACIE page: a `Time:` line within the first lines.
    public static func sniff(_ text: Substring) -> Bool {
        text.split(separator: "\n", maxSplits: 12, omittingEmptySubsequences: true)
            .prefix(12)
            .contains { Field(line: Substring(normalised($0)))?.name == "time" }
    }

    public static func read(_ data: Data, file: String) throws(ScheduleError) -> Schedule {
        try read(text: TextDecoding.utf8(data, file: file), file: file)
    }

    public static func read(text: String, file: String) throws(ScheduleError) -> Schedule {
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
            .map { normalised($0) }

        guard let titleIndex = lines.firstIndex(where: { !$0.isEmpty }) else {
            throw ScheduleError(file: file, line: 1, message: "the page is empty: expected a title line")
        }
        var (conferenceYear, title) = splitConferencePrefix(lines[titleIndex])

        var theme: String?, room: String?, speakers: [String] = []
        var time: (start: Date, end: Date)?
        var paragraphs: [String] = []
        var inBody = false
        for index in (titleIndex + 1)..<lines.count {
            let line = lines[index]
            if line.isEmpty { continue }
            if !inBody, let field = Field(line: Substring(line)) {
                switch field.name {
                case "theme": theme = field.value
                case "room", "venue": room = field.value
                case "speaker", "speakers": speakers = field.value.split(separator: ",").map { Sanitizer.line(String($0)) }
                default:
                    time = try TimeRange.parse(field.value, file: file, line: index + 1,
                                               column: field.valueColumn, zone: venueTimeZone)
                }
                continue
            }
            inBody = true
            paragraphs.append(line)
        }
        guard let time else {
            throw ScheduleError(file: file, line: titleIndex + 1,
                                message: "session \"\(title)\" has no \"Time:\" line")
        }
        if conferenceYear == nil {
            conferenceYear = Calendar.venue.component(.year, from: time.start)
        }
        if title.isEmpty { title = "Session" }

        let year = conferenceYear.map(String.init) ?? ""
        let conference = Conference(
            title: "China Annual Conference for International Education & Expo \(year)",
            shortTitle: "CACIE \(year)",
            timeZone: venueTimeZone)
        // The id is made from the clean title: a zero-width character rides along with the
        // letter before it (one Character), so slugging the raw title kept it (found by fuzzing).
        let cleanTitle = Sanitizer.line(title)
        let cleanRoom = room.map(Sanitizer.line).flatMap { $0.isEmpty ? nil : $0 }
        let session = Session(
            id: slug(cleanTitle),
            title: cleanTitle,
            subtitle: theme.map(Sanitizer.line).flatMap { $0.isEmpty ? nil : $0 },
            start: time.start, end: time.end,
            room: cleanRoom,
            persons: speakers.filter { !$0.isEmpty },
            description: paragraphs.isEmpty ? nil : Sanitizer.text(paragraphs.joined(separator: "\n\n")),
            key: SessionKeys.startAndRoom(time.start, cleanRoom))
        return Schedule(conference: conference, sessions: [session])
    }

    /// No-break spaces as spaces, ends trimmed: the page uses U+00A0 for layout.
    static func normalised(_ line: Substring) -> String {
        line.replacingOccurrences(of: "\u{A0}", with: " ").trimmingCharacters(in: .whitespaces)
    }

    /// `CACIE 2020 Plenary Session` → (2020, "Plenary Session").
    static func splitConferencePrefix(_ title: String) -> (Int?, String) {
        let words = title.split(separator: " ", maxSplits: 2)
        guard words.count >= 2, words[0].uppercased() == "CACIE", let year = Int(words[1]),
              (1900...2999).contains(year) else { return (nil, title) }
        return (year, words.count == 3 ? String(words[2]) : "")
    }

    static func slug(_ title: String) -> String {
        let parts = title.lowercased().split { !$0.isLetter && !$0.isNumber }
        return parts.isEmpty ? "session" : parts.joined(separator: "-")
    }

    /// A `Name: value` header line; the name is one of the few the page uses.
    struct Field {
        static let names: Set<String> = ["theme", "time", "room", "venue", "speaker", "speakers"]
        var name: String
        var value: String
        var valueColumn: Int

        init?(line: Substring) {
            guard let colon = line.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            guard Field.names.contains(name) else { return nil }
            let rest = line[line.index(after: colon)...]
            let leading = rest.prefix { $0 == " " }.count
            self.name = name
            self.value = rest.trimmingCharacters(in: .whitespaces)
            self.valueColumn = line.distance(from: line.startIndex, to: colon) + 2 + leading
        }
    }
}

extension Calendar {
    /// Gregorian in the CACIE venue zone.
    static var venue: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CACIEPageReader.venueTimeZone
        return calendar
    }
}
