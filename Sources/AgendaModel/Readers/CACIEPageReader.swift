import Foundation

/// Reads session pages of the CACIE conference site, in either edition:
///
///     Plenary Session                      开幕式暨全体大会
///     Theme:New Opportunities …            主题：构建开放、高质量的教育体系
///     Time:  October 22 09:00-22 12:00,2021 时间：2021年10月22日 09:00-12:00
///     Room:Convention Hall No. 1           地点：国家会议中心一号会议厅
///     paragraph…                           paragraph…
///
/// A page may hold several sessions: a title line followed by field lines starts each (see
/// `CACIEPageBlocks`). The page never names the conference but in a title prefix: it is CACIE
/// of the year the page gives, held in Asia/Shanghai. Any line ending (LF, CRLF, CR, mixed)
/// and a UTF-8 BOM; separators may be U+00A0; blank paragraphs may hold a lone U+00A0.
public enum CACIEPageReader {
    public static let venueTimeZone = TimeZone(identifier: "Asia/Shanghai")!

    /// True when the text looks like a CACIE page: a time line within the first lines.
    public static func sniff(_ text: Substring) -> Bool {
        // Split on every line ending: in Swift "\r\n" is one Character, never equal to "\n".
        text.split(maxSplits: 12, omittingEmptySubsequences: true, whereSeparator: \.isNewline)
            .prefix(12)
            .contains { Field(line: Substring(normalised($0)))?.name == .time }
    }

    public static func read(_ data: Data, file: String) throws(ScheduleError) -> Schedule {
        try read(text: TextDecoding.utf8(data, file: file), file: file)
    }

    public static func read(text: String, file: String) throws(ScheduleError) -> Schedule {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { normalised($0) }
        guard lines.contains(where: { !$0.isEmpty }) else {
            throw ScheduleError(file: file, line: 1, message: "the page is empty: expected a title line")
        }
        var warnings: [ScheduleWarning] = []
        var sessions: [Session] = []
        var conferenceYear: Int?, chinese = false
        var firstError: ScheduleError?
        let blocks = CACIEPageBlocks.split(lines)
        for block in blocks {
            do throws(ScheduleError) {
                let read = try session(block, lines: lines, file: file)
                sessions.append(read.session)
                conferenceYear = conferenceYear ?? read.year
                chinese = chinese || read.chinese
            } catch {
                // One block that does not read spoils neither the page nor its other sessions.
                firstError = firstError ?? error
                warnings.append(ScheduleWarning(.ignoredValue, file: file, line: error.line,
                                                message: "a block that is not a session was left out: \(error.message)"))
            }
        }
        guard let first = sessions.first else { throw firstError! }
        let year = conferenceYear ?? Calendar.venue.component(.year, from: first.start)
        var conference = Conference(
            title: chinese ? "\(year)中国国际教育年会" : "China Annual Conference for International Education & Expo \(year)",
            shortTitle: "CACIE \(year)",
            timeZone: venueTimeZone)
        var rooms: [String] = []
        for case let room? in sessions.map(\.room) where !rooms.contains(room) { rooms.append(room) }
        conference.rooms = rooms
        var schedule = Schedule(conference: conference, sessions: sessions)
        schedule.warnings = warnings
        return schedule
    }

    private static func session(_ block: CACIEPageBlocks.Block, lines: [String],
                                file: String) throws(ScheduleError) -> (session: Session, year: Int?, chinese: Bool) {
        var (year, title) = block.title.map { splitConferencePrefix(lines[$0]) } ?? (nil, "")
        var theme: String?, room: String?, venue: String?, speakers: [String] = []
        var time: (start: Date, end: Date)?
        var chinese = false
        for index in block.fields {
            guard let field = Field(line: Substring(lines[index])) else { continue }
            chinese = chinese || field.chinese
            switch field.name {
            case .theme: theme = field.value
            case .room: room = room ?? field.value
            case .venue: venue = venue ?? field.value
            case .speakers:
                // Sanitised before splitting: a `;` inside an escape sequence is not a separator.
                speakers = Sanitizer.line(field.value).split { ",，、;；".contains($0) }
                    .map { $0.trimmingCharacters(in: .whitespaces) }
            case .time:
                time = try TimeRange.parse(field.value, file: file, line: index + 1, column: field.valueColumn, zone: venueTimeZone)
            }
        }
        let titleLine = (block.title ?? block.fields.first ?? 0) + 1
        guard let time else {
            throw ScheduleError(file: file, line: titleLine,
                                message: "session \"\(Sanitizer.line(title))\" has no \"Time:\" line")
        }
        if title.isEmpty { title = "Session" }
        let paragraphs = block.body.map { lines[$0] }
        // The id is made from the clean title: a zero-width character rides along with the
        // letter before it (one Character), so slugging the raw title kept it (found by fuzzing).
        let cleanTitle = Sanitizer.line(title)
        // 会场 (the hall) is the room; 地点 (the place) stands in when the page names no hall.
        let cleanRoom = (room ?? venue).map(Sanitizer.line).flatMap { $0.isEmpty ? nil : $0 }
        var session = Session(
            id: slug(cleanTitle),
            title: cleanTitle,
            subtitle: theme.map(Sanitizer.line).flatMap { $0.isEmpty ? nil : $0 },
            start: time.start, end: time.end,
            room: cleanRoom,
            persons: speakers.filter { !$0.isEmpty },
            description: paragraphs.isEmpty ? nil : Sanitizer.text(paragraphs.joined(separator: "\n\n")),
            key: SessionKeys.startAndRoom(time.start, cleanRoom))
        if chinese { session.language = "zh" }
        return (session, year, chinese)
    }

    /// No-break and ideographic spaces as spaces, ends trimmed: the page uses them for layout.
    static func normalised(_ line: Substring) -> String {
        line.replacingOccurrences(of: "\u{A0}", with: " ").replacingOccurrences(of: "\u{3000}", with: " ")
            .trimmingCharacters(in: .whitespaces)
    }

    static let chineseName = "中国国际教育年会"

    /// `CACIE 2020 Plenary Session` → (2020, "Plenary Session"); `2021中国国际教育年会 开幕式`
    /// and `中国国际教育年会2021：开幕式` → (2021, "开幕式"); the year is nil when not given.
    static func splitConferencePrefix(_ title: String) -> (Int?, String) {
        let words = title.split(separator: " ", maxSplits: 2)
        if words.count >= 2, words[0].uppercased() == "CACIE", let year = Int(words[1]), (1900...2999).contains(year) {
            return (year, words.count == 3 ? String(words[2]) : "")
        }
        guard let name = title.range(of: chineseName) else { return (nil, title) }
        let before = title[..<name.lowerBound].trimmingCharacters(in: .whitespaces)
        var rest = title[name.upperBound...]
        let digitsAfter = rest.prefix { $0.isASCII && $0.isNumber }
        rest = rest.dropFirst(digitsAfter.count)
        let yearText = before.isEmpty ? String(digitsAfter) : before.replacingOccurrences(of: "年", with: "")
        guard before.isEmpty || Int(yearText) != nil else { return (nil, title) }   // the name inside a title
        let separators: Set<Character> = [" ", ":", "：", "·", "-", "—", "|", "丨"]
        let session = String(rest.drop { separators.contains($0) || $0 == "年" })
        return (Int(yearText).flatMap { (1900...2999).contains($0) ? $0 : nil }, session)
    }

    static func slug(_ title: String) -> String {
        let parts = title.lowercased().split { !$0.isLetter && !$0.isNumber }
        return parts.isEmpty ? "session" : parts.joined(separator: "-")
    }

    /// A `Name: value` header line; the name is one of the few either edition uses.
    struct Field {
        enum Name { case theme, time, room, venue, speakers }
        static let names: [String: (Name, chinese: Bool)] = [
            "theme": (.theme, false), "time": (.time, false), "room": (.room, false), "venue": (.venue, false),
            "speaker": (.speakers, false), "speakers": (.speakers, false),
            "主题": (.theme, true), "时间": (.time, true), "会场": (.room, true), "地点": (.venue, true),
            "嘉宾": (.speakers, true), "演讲嘉宾": (.speakers, true),
        ]
        var name: Name
        var chinese: Bool
        var value: String
        var valueColumn: Int

        init?(line: Substring) {
            guard let colon = line.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
            let label = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            guard let (name, chinese) = Field.names[label] else { return nil }
            let rest = line[line.index(after: colon)...]
            let leading = rest.prefix { $0 == " " }.count
            self.name = name
            self.chinese = chinese
            self.value = rest.trimmingCharacters(in: .whitespaces)
            self.valueColumn = line.distance(from: line.startIndex, to: colon) + 2 + leading
        }
    }
}

/// The sessions of a page: each is a title line, the field lines right after it, then
/// paragraphs up to the next title. A title is the text line just before a run of field
/// lines, so a `Time:` line can never end up inside a description.
enum CACIEPageBlocks {
    struct Block {
        /// Line indices (0-based) of the title, the fields and the paragraphs.
        var title: Int?
        var fields: [Int] = []
        var body: [Int] = []
    }

    static func split(_ lines: [String]) -> [Block] {
        let filled = lines.indices.filter { !lines[$0].isEmpty }
        let isField = filled.map { CACIEPageReader.Field(line: Substring(lines[$0])) != nil }
        var blocks: [Block] = []
        var k = 0
        // Text before the first field run: its last line is the first title, earlier lines
        // (a heading above the session) belong to nothing. A page without fields is one block.
        while k < filled.count {
            if isField[k] {
                var block = Block()
                if k > 0, !isField[k - 1] {
                    block.title = filled[k - 1]
                    if !blocks.isEmpty { blocks[blocks.count - 1].body.removeLast() }
                }
                while k < filled.count, isField[k] { block.fields.append(filled[k]); k += 1 }
                blocks.append(block)
            } else {
                if blocks.isEmpty {
                    // The first lines before any field: only the last can be a title.
                    if k + 1 >= filled.count { blocks.append(Block(title: filled[k])) }
                } else {
                    blocks[blocks.count - 1].body.append(filled[k])
                }
                k += 1
            }
        }
        return blocks
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
