import Foundation

/// Reads frab, pentabarf and c3voc schedule XML:
/// `schedule > conference, day+ > room* > event*`, and the old form with events right under
/// `day`. Unknown elements are skipped wherever they appear.
public enum FrabXMLReader {
    /// `release`: called with each range of the file once read; `spill`: where long texts go
    /// as they are found (`ScheduleLoader.read`).
    public static func read(_ data: Data, file: String, release: ((Range<Int>) -> Void)? = nil,
                            spill: TextSpill? = nil) throws(ScheduleError) -> Schedule {
        try data.withBytes { bytes throws(ScheduleError) in
            try TextDecoding.validateUTF8(bytes, file: file, release: release)
            var reader = Reader(scanner: XMLScanner(bytes: bytes, file: file), draft: ScheduleDraft(file: file))
            reader.release = release
            reader.draft.spill = spill
            // Most of a programme's bytes are its long texts: room for them without regrowing
            // (pages never written cost nothing); spilled, a megabyte and the text that passes it.
            reader.draft.foundTexts.reserveCapacity(spill == nil ? bytes.count : (1 << 20) + (256 << 10))
            // Real programmes take two kilobytes or so an event: room for about half as many
            // again, so that the drafts most often never move while their array grows.
            reader.draft.items.reserveCapacity(bytes.count / 1400)
            try reader.run()
            try reader.draft.finishSpill()
            return reader.draft.build()
        }
    }

    /// The leaf elements read; everything else is skipped.
    private enum Field {
        case title, acronym, start, end, timeZoneName, dayChange, url, baseURL     // conference
        case date, duration, room, subtitle, track, type, language, abstract, description, slug
        case person, link, attachment, optout, videoDownloadURL, feedbackURL

        var isLong: Bool { self == .abstract || self == .description }
    }

    private struct Reader {
        var scanner: XMLScanner
        var draft: ScheduleDraft
        var text: [UInt8] = []
        var field: Field?
        var fieldDepth = 0
        var fieldOffset = 0
        /// Where a long field's text starts in `draft.foundTexts`.
        var foundStart = 0
        var conferenceDepth = 0
        var dayDepth = 0
        var day: ScheduleDraft.Day?
        var roomName: String?
        var event: ScheduleDraft.Item?
        var eventDepth = 0
        var eventOffset = 0
        var listDepth = 0           // <persons>, <links>, <attachments> or <recording> inside an event
        var linkHref: String?
        // The event's times as written, resolved when the event ends.
        var dateText: String?, dateOffset = 0
        var startText: String?, startOffset = 0
        var durationText: String?
        /// Given what the scan has passed, a megabyte at a time (at the start of an event).
        var release: ((Range<Int>) -> Void)?
        var released = 0

        mutating func run() throws(ScheduleError) {
            var sawRoot = false
            while true {
                switch try scanner.next() {
                case .eof:
                    if !sawRoot { throw ScheduleError(file: draft.file, line: 1, message: "no XML element: not a schedule") }
                    return
                case .text:
                    if let field {
                        // Long texts stay bytes until shown (`SessionText`): most never are.
                        if field.isLong { scanner.appendText(to: &draft.foundTexts) } else { scanner.appendText(to: &text) }
                    }
                case .start:
                    if !sawRoot {
                        sawRoot = true
                        guard scanner.nameIs("schedule") else {
                            throw scanner.error(at: scanner.tagOffset, "not a frab or pentabarf schedule: the root element is <\(scanner.string(scanner.nameRange))>, expected <schedule>")
                        }
                        continue
                    }
                    if field == nil { try startElement() }
                case .end:
                    try endElement()
                }
            }
        }

        mutating func capture(_ what: Field?) {
            guard let what else { return }
            field = what
            fieldDepth = scanner.depth
            fieldOffset = scanner.tagOffset
            foundStart = draft.foundCount
            text.removeAll(keepingCapacity: true)
        }

        mutating func startElement() throws(ScheduleError) {
            let depth = scanner.depth
            if event != nil {
                if depth == eventDepth + 1 {
                    if scanner.nameIs("persons") || scanner.nameIs("links") || scanner.nameIs("attachments")
                        || scanner.nameIs("recording") { listDepth = depth; return }
                    capture(eventField())
                } else if listDepth != 0, depth == listDepth + 1 {
                    if scanner.nameIs("person") { capture(.person) }
                    else if scanner.nameIs("link") { linkHref = scanner.attribute("href"); capture(.link) }
                    else if scanner.nameIs("attachment") { linkHref = scanner.attribute("href"); capture(.attachment) }
                    else if scanner.nameIs("optout") { capture(.optout) }
                }
                return
            }
            if scanner.nameIs("event") {
                eventDepth = depth
                eventOffset = scanner.tagOffset
                if let release, eventOffset - released >= 1 << 20 {
                    release(released..<eventOffset)
                    released = eventOffset
                }
                var item = ScheduleDraft.Item()
                item.line = scanner.location(of: eventOffset).line
                item.id = FieldText.line(scanner.attribute("id")) ?? ""
                item.guid = FieldText.line(scanner.attribute("guid"))
                item.room = roomName
                event = item
                dateText = nil; startText = nil; durationText = nil
            } else if conferenceDepth != 0 {
                if depth == conferenceDepth + 1, scanner.nameIs("track") {
                    draft.addTrackColour(name: scanner.attribute("name"), colour: scanner.attribute("color"))
                } else if depth == conferenceDepth + 1 {
                    capture(conferenceField())
                }
            } else if scanner.nameIs("conference"), depth == 2 {
                conferenceDepth = depth
            } else if scanner.nameIs("day"), dayDepth == 0 {
                dayDepth = depth
                let date = try time(scanner.attribute("date"), at: scanner.tagOffset, what: "day date")
                day = ScheduleDraft.Day(date: date,
                                        start: try time(scanner.attribute("start"), at: scanner.tagOffset, what: "day start"),
                                        end: try time(scanner.attribute("end"), at: scanner.tagOffset, what: "day end"))
            } else if scanner.nameIs("room"), dayDepth != 0 {
                roomName = FieldText.line(scanner.attribute("name"))
                draft.declareRoom(roomName, guid: FieldText.line(scanner.attribute("guid")))
            }
        }

        func eventField() -> Field? {
            let s = scanner
            if s.nameIs("title") { return .title }
            if s.nameIs("date") { return .date }
            if s.nameIs("start") { return .start }
            if s.nameIs("duration") { return .duration }
            if s.nameIs("room") { return .room }
            if s.nameIs("subtitle") { return .subtitle }
            if s.nameIs("track") { return .track }
            if s.nameIs("type") { return .type }
            if s.nameIs("language") { return .language }
            if s.nameIs("abstract") { return .abstract }
            if s.nameIs("description") { return .description }
            if s.nameIs("url") { return .url }
            if s.nameIs("slug") { return .slug }
            if s.nameIs("feedback_url") { return .feedbackURL }
            if s.nameIs("video_download_url") { return .videoDownloadURL }
            return nil
        }

        func conferenceField() -> Field? {
            let s = scanner
            if s.nameIs("title") { return .title }
            if s.nameIs("acronym") { return .acronym }
            if s.nameIs("start") { return .start }
            if s.nameIs("end") { return .end }
            if s.nameIs("time_zone_name") { return .timeZoneName }
            if s.nameIs("day_change") { return .dayChange }
            if s.nameIs("url") { return .url }
            if s.nameIs("base_url") { return .baseURL }
            return nil
        }

        mutating func endElement() throws(ScheduleError) {
            let depth = scanner.depth + 1   // the depth the closed element had
            if let field, depth == fieldDepth {
                self.field = nil
                if field.isLong, event != nil {
                    let found = foundStart..<draft.foundCount
                    draft.foundTextEnded()
                    if field == .abstract { event!.foundAbstract = found.isEmpty ? nil : found; event!.abstract = nil }
                    else { event!.foundDescription = found.isEmpty ? nil : found; event!.description = nil }
                    return
                }
                let value = String(decoding: text, as: UTF8.self)
                if event != nil { try eventValue(field, value) } else { try conferenceValue(field, value) }
                return
            }
            if field != nil { return }
            if depth == listDepth { listDepth = 0 }
            else if event != nil, depth == eventDepth { try finishEvent() }
            else if depth == conferenceDepth { conferenceDepth = 0 }
            else if depth == dayDepth {
                if let day { draft.days.append(day) }
                day = nil
                dayDepth = 0
                roomName = nil
            } else if dayDepth != 0, depth == dayDepth + 1 { roomName = nil }
        }

        mutating func eventValue(_ field: Field, _ value: String) throws(ScheduleError) {
            switch field {
            case .title: event!.title = FieldText.line(value) ?? ""
            case .subtitle: event!.subtitle = FieldText.line(value)
            case .room: if let room = FieldText.line(value) { event!.room = room }
            case .track: event!.track = FieldText.line(value)
            case .type: event!.type = FieldText.line(value)
            case .language: event!.language = FieldText.line(value)
            case .url: event!.url = FieldText.line(value)
            case .slug: if event!.id.isEmpty { event!.id = FieldText.line(value) ?? "" }
            case .person: if let name = FieldText.line(value) { event!.persons.append(name) }
            case .link, .attachment:
                event!.addLink(FieldText.line(linkHref) ?? value, title: value, kind: field == .link ? .link : .attachment)
                linkHref = nil
            case .optout: event!.doNotRecord = FieldText.flag(value)
            case .feedbackURL: event!.addLink(value, kind: .feedback)
            case .videoDownloadURL: event!.addLink(value, kind: .recording)
            case .date: dateText = value; dateOffset = fieldOffset
            case .start: startText = value; startOffset = fieldOffset
            case .duration: durationText = value
            default: break
            }
        }

        mutating func conferenceValue(_ field: Field, _ value: String) throws(ScheduleError) {
            switch field {
            case .title: draft.title = FieldText.line(value)
            case .acronym: draft.acronym = FieldText.line(value)
            case .url: draft.url = FieldText.line(value) ?? draft.url
            case .baseURL: if draft.url == nil { draft.url = FieldText.line(value) }
            case .start: draft.conferenceStart = TimeNotation.iso8601(value.trimmed)
            case .end: draft.conferenceEnd = TimeNotation.iso8601(value.trimmed)
            case .timeZoneName:
                draft.zoneName = FieldText.line(value)
                draft.zoneLine = scanner.location(of: fieldOffset).line
            case .dayChange:
                if let seconds = TimeNotation.clock(value) { draft.dayChange = seconds }
                else if !value.trimmed.isEmpty {
                    draft.warn(.ignoredValue, line: scanner.location(of: fieldOffset).line,
                               "cannot read day_change \"\(value.trimmed)\" (expected HH:MM); using the day ranges")
                }
            default: break
            }
        }

        /// Places the event: its absolute `<date>` when readable, else `<start>` on the day's date.
        mutating func finishEvent() throws(ScheduleError) {
            guard var item = event.take() else { return }
            listDepth = 0
            let date = dateText?.trimmed ?? "", start = startText?.trimmed ?? ""
            if let absolute = TimeNotation.iso8601(date), !date.isEmpty, date.count > 10 {
                item.start = absolute
            } else if let full = TimeNotation.iso8601(start), start.count > 10 {
                item.start = full
            } else if let clock = TimeNotation.clock(start), let dayDate = day?.date ?? TimeNotation.iso8601(date) {
                var local = LocalDateTime(year: dayDate.year, month: dayDate.month, day: dayDate.day,
                                          hour: clock / 3600, minute: clock % 3600 / 60, second: clock % 60)
                // A 01:00 talk under a day's date happens the next morning.
                if clock < (draft.dayChange ?? 4 * 3600) { local = local.addingDays(1) }
                item.start = local
            } else {
                let offset = !date.isEmpty ? dateOffset : !start.isEmpty ? startOffset : eventOffset
                let shown = !date.isEmpty ? date : start
                throw scanner.error(at: offset, shown.isEmpty
                    ? "session \"\(item.title)\" has no <date> or <start>"
                    : "cannot read the time \"\(shown)\" of session \"\(item.title)\" (expected like 2024-12-27T10:30:00+01:00 or 10:30)")
            }
            if let durationText, !durationText.trimmed.isEmpty {
                if let seconds = TimeNotation.duration(durationText) { item.duration = seconds }
                else {
                    draft.warn(.ignoredValue, line: item.line,
                               "cannot read duration \"\(durationText.trimmed)\" of session \"\(item.title)\" (expected HH:MM); taken as 0")
                }
            }
            try draft.add(consume item)
        }

        mutating func time(_ value: String?, at offset: Int, what: String) throws(ScheduleError) -> LocalDateTime? {
            guard let value = value?.trimmed, !value.isEmpty else { return nil }
            guard let time = TimeNotation.iso8601(value) else {
                throw scanner.error(at: offset, "cannot read the \(what) \"\(value)\" (expected like 2024-12-27 or 2024-12-27T10:00:00+01:00)")
            }
            return time
        }
    }
}
