import AgendaCanvas
import AgendaModel

/// The selected session in full: title, theme or subtitle, when, where, track, speakers,
/// star and clashes, then the abstract and description wrapped to the pane and scrolled.
enum DetailView {
    struct Line: Sendable {
        var label: String?
        /// Cells before the text: field values sit right of their label column.
        var indent = 0
        var text: String
        var role: Role
        /// The whole address when `text` shows (a piece of) a web link: drawn as a hyperlink.
        var url: String? = nil
    }

    static let labelWidth = 10

    static func textRect(_ state: AppState) -> Rect {
        let rect = state.layout.detail
        return Rect(x: rect.x + 1, y: rect.y, width: max(1, rect.width - 3), height: rect.height)
    }

    /// The detail's lines; with `limit`, at least that many (or all there are), no more work.
    /// The first `limit` are those of the whole layout, and there are `limit` or more exactly
    /// when the whole has: lines made for a larger limit serve a smaller one.
    static func lines(_ state: AppState, limit: Int = .max) -> [Line] {
        guard let index = state.selected else { return [] }
        return state.detailLayout.lines(for: DetailLayout.Key(state, session: index), limit: limit) {
            layOut(state, index, limit: $0)
        }
    }

    private static func layOut(_ state: AppState, _ index: Int, limit: Int) -> [Line] {
        let session = state.schedule.sessions[index]
        let strings = state.strings
        let width = textRect(state).width
        let measure = state.measure
        let time = state.time
        var lines: [Line] = []
        func wrapped(_ text: String, _ role: Role) {
            let room = limit == .max ? .max : max(0, limit - lines.count)
            for line in TextLayout.wrap(text, width: width, measure: measure, maxLines: room) {
                lines.append(Line(text: line, role: role))
            }
        }
        func field(_ label: String, _ value: String?, role: Role = .normal) {
            guard let value, !value.isEmpty else { return }
            for (i, line) in TextLayout.wrap(value, width: max(1, width - labelWidth), measure: measure).enumerated() {
                lines.append(Line(label: i == 0 ? label : nil, indent: labelWidth, text: line, role: role))
            }
        }
        // Both editions of a session (English and Chinese pages merged): the interface's
        // language leads, the other follows under it.
        let editions = SessionEditions(session, chineseFirst: strings.language == .zh)
        wrapped(editions.lead.title, .title)
        if let subtitle = editions.lead.subtitle { wrapped(subtitle, .subtitle) }
        if let other = editions.other {
            wrapped(other.title, .title)
            if let subtitle = other.subtitle { wrapped(subtitle, .subtitle) }
        }
        lines.append(Line(text: "", role: .normal))
        let dayText = DayNames(strings: strings, time: time).long(session.start)
        field(strings.when, dayText)
        let zone = state.schedule.conference.floating ? strings.timesAsPublished
            : state.showLocalTime ? "\(state.localZone.identifier), \(time.offset(session.start))" : time.zone(at: session.start)
        field("", "\(time.range(session.start, session.end)) (\(zone))")
        field(strings.room, editions.lead.room)
        if let extras = state.roomExtras(of: index) {
            // What the venue says of the room; its stream and map are among the links below.
            field(strings.interpretation, extras.interpretation)
            field(strings.dect, extras.dect)
            field(strings.roomNote, extras.note)
        }
        if let room = editions.other?.room, room != editions.lead.room { field("", room) }
        field(strings.track, session.track)
        field(strings.type, session.type)
        field(strings.languageLabel, session.language)
        field(strings.speakers(editions.lead.persons.count), editions.lead.persons.joined(separator: ", "))
        if state.schedule.isNotRecorded(session) { field("", strings.notRecorded, role: .warning) }
        if session.doNotStream == true { field("", strings.notStreamed, role: .warning) }
        if let stream = state.schedule.streamID(of: session) { field(strings.linkKind(.stream), stream) }
        for link in state.links(of: index) {
            // Each address on a line of its own, beside its label when it fits there whole;
            // a longer one is broken only where the pane ends, and every piece is a hyperlink
            // to the whole address, so a click opens it (as `o` does; `y` copies it).
            let label = link.label
            if measure.cells(link.url) <= width - labelWidth {
                lines.append(Line(label: label, indent: labelWidth, text: link.url, role: .normal, url: link.url))
            } else {
                lines.append(Line(label: label, text: "", role: .normal))
                for piece in TextLayout.breakAnywhere(link.url, width: width, measure: measure) {
                    lines.append(Line(text: piece, role: .normal, url: link.url))
                }
            }
        }
        switch state.starred(index) {
        case .mine?: field("", strings.starred, role: .star)
        case .both?: field("", state.friendMark(.both) + " " + strings.bothOfYou(state.friend?.name ?? ""), role: .star)
        case .theirs?: field("", state.friendMark(.theirs) + " " + strings.friendStarred(state.friend?.name ?? ""), role: .accent)
        case nil: break
        }
        for partner in state.apartPartners(of: index) {
            let other = state.schedule.sessions[partner]
            let whose = state.favourites.contains(other.key) ? strings.you : state.friend?.name ?? ""
            field(strings.apart, "\(whose): \(other.title), \(time.range(other.start, other.end))", role: .clash)
        }
        if let change = state.changeDescription(index) { field(strings.changeLabel, change, role: .warning) }
        for partner in state.clashPartners(of: index) {
            let other = state.schedule.sessions[partner]
            field(strings.clashesWith, "\(other.title), \(time.range(other.start, other.end))", role: .clash)
        }
        for edition in [editions.lead] + (editions.other.map { [$0] } ?? []) {
            for text in [edition.abstract, edition.description].compactMap({ $0 }) where !text.isEmpty {
                if text == edition.abstract, edition.description?.hasPrefix(text) == true { continue }
                lines.append(Line(text: "", role: .normal))
                wrapped(text, .normal)
            }
        }
        return lines
    }

    static func maxTop(_ state: AppState) -> Int {
        max(0, lines(state).count - textRect(state).height)
    }

    static func draw(_ state: AppState, into canvas: inout Canvas) {
        let rect = textRect(state)
        let measure = state.measure
        // One line past the pane is enough to know whether to show "more below".
        let all = lines(state, limit: state.detailTop + rect.height + 1)
        // The cursor on the line being read: a screen reader reads each line it arrives on.
        if state.focus == .detail || (state.screenReader && state.detailOpen) {
            canvas.cursor = Point(x: rect.x, y: rect.y + (state.screenReader ? max(0, state.detailLine - state.detailTop) : 0))
        }
        for (row, line) in all.dropFirst(state.detailTop).prefix(rect.height).enumerated() {
            let y = rect.y + row
            if let label = line.label {
                canvas.put(label, x: rect.x, y: y, limit: labelWidth - 1, role: .label, measure: measure)
            }
            if let url = line.url, SessionLink.isWeb(url) {
                let x = rect.x + line.indent
                let used = canvas.put(line.text, x: x, y: y, limit: rect.width - line.indent, role: .link, measure: measure)
                canvas.hyperlinks.append(Hyperlink(x: x, y: y, width: used, url: url))
            } else if state.search.folded.isEmpty {
                canvas.put(line.text, x: rect.x + line.indent, y: y, limit: rect.width - line.indent,
                           role: line.role, measure: measure)
            } else {
                // Lines are already wrapped to the pane: the search words stand out where they are.
                SessionListView.drawHighlighted(line.text, ranges: state.matchRanges(in: line.text), x: rect.x + line.indent,
                                                y: y, role: line.role, measure: measure, into: &canvas)
            }
        }
        // Scroll marks in the right margin say there is more above or below (not read out to a
        // screen reader as part of the line: scrolling on says so).
        guard !state.screenReader else { return }
        let markX = state.layout.detail.x + state.layout.detail.width - 1
        if state.detailTop > 0 { canvas.put("▲", x: markX, y: rect.y, role: .accent, measure: measure) }
        if state.detailTop + rect.height < all.count {
            canvas.put("▼", x: markX, y: rect.y + rect.height - 1, role: .accent, measure: measure)
        }
    }
}
