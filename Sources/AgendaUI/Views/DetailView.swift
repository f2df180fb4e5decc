import AgendaModel

/// The selected session in full: title, theme or subtitle, when, where, track, speakers,
/// then the description wrapped to the pane and scrolled by `detailTop`.
enum DetailView {
    struct Line {
        var label: String?
        /// Cells before the text: field values sit right of their label column.
        var indent = 0
        var text: String
        var role: Role
    }

    static let labelWidth = 10

    static func textRect(_ state: AppState) -> Rect {
        let rect = state.layout.detail
        return Rect(x: rect.x + 1, y: rect.y, width: max(1, rect.width - 3), height: rect.height)
    }

    static func lines(_ state: AppState) -> [Line] {
        guard let session = state.selectedSession else { return [] }
        let width = textRect(state).width
        let measure = state.measure
        let time = VenueTime(timeZone: state.schedule.timeZone)
        var lines: [Line] = []
        func wrapped(_ text: String, _ role: Role) {
            for line in TextLayout.wrap(text, width: width, measure: measure) { lines.append(Line(text: line, role: role)) }
        }
        func field(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            let valueWidth = max(1, width - labelWidth)
            for (i, line) in TextLayout.wrap(value, width: valueWidth, measure: measure).enumerated() {
                lines.append(Line(label: i == 0 ? label : nil, indent: labelWidth, text: line, role: .normal))
            }
        }
        wrapped(session.title, .title)
        if let subtitle = session.subtitle { wrapped(subtitle, .subtitle) }
        lines.append(Line(text: "", role: .normal))
        field("When", time.longDay(session.start))
        field("", "\(time.range(session.start, session.end)) (\(time.zone(at: session.start)))")
        field("Room", session.room)
        field("Track", session.track)
        field(session.persons.count == 1 ? "Speaker" : "Speakers", session.persons.joined(separator: ", "))
        if let text = session.description ?? session.abstract {
            lines.append(Line(text: "", role: .normal))
            wrapped(text, .normal)
        }
        return lines
    }

    static func maxTop(_ state: AppState) -> Int {
        max(0, lines(state).count - textRect(state).height)
    }

    static func draw(_ state: AppState, into canvas: inout Canvas) {
        let rect = textRect(state)
        let measure = state.measure
        let all = lines(state)
        for (row, line) in all.dropFirst(state.detailTop).prefix(rect.height).enumerated() {
            let y = rect.y + row
            if let label = line.label {
                canvas.put(label, x: rect.x, y: y, limit: labelWidth, role: .label, measure: measure)
            }
            canvas.put(line.text, x: rect.x + line.indent, y: y, limit: rect.width - line.indent,
                       role: line.role, measure: measure)
        }
        // Scroll marks in the right margin say there is more above or below.
        let markX = state.layout.detail.x + state.layout.detail.width - 1
        if state.detailTop > 0 { canvas.put("▲", x: markX, y: rect.y, role: .accent, measure: measure) }
        if state.detailTop + rect.height < all.count {
            canvas.put("▼", x: markX, y: rect.y + rect.height - 1, role: .accent, measure: measure)
        }
    }
}
