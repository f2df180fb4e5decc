import AgendaCanvas

/// A box over the browser listing every key from the one key table, a row per key with the
/// section name beside its first key, so that all of it fits 80×24 (and scrolls below that).
/// Wider screens get a wider box, so no line is cut; on narrow ones a line's words wrap under it.
enum HelpView {
    struct Line {
        let section: String?
        let keys: String
        let text: String
    }

    /// `spoken`: keys in words, as a screen reader should say them.
    static func lines(_ strings: Strings, spoken: Bool = false) -> [Line] {
        KeyMap.table(.browser).sections.flatMap { section in
            section.lines.enumerated().map { i, line in
                Line(section: i == 0 ? strings.pick(section.en, section.zh) : nil,
                     keys: KeyMap.label(line, strings, spoken: spoken), text: strings.pick(line.en, line.zh))
            }
        }
    }

    /// Columns inside a box of `width`: section names (when there is room), keys, text.
    struct Columns {
        let section: Int
        let keys: Int
        let text: Int

        init(width: Int) {
            let inner = width - 4
            section = inner >= 60 ? 12 : 0
            keys = min(16, inner / 3)
            text = max(1, inner - section - keys)
        }
    }

    /// The lines as the box shows them: text too long for its column goes on under itself.
    static func rows(_ state: AppState) -> [Line] {
        let text = Columns(width: box(state).width).text
        return lines(state.strings, spoken: state.screenReader).flatMap { line -> [Line] in
            let wrapped = TextLayout.wrap(line.text, width: text, measure: state.measure)
            return wrapped.enumerated().map { i, part in
                i == 0 ? Line(section: line.section, keys: line.keys, text: part) : Line(section: nil, keys: "", text: part)
            }
        }
    }

    /// Overlays over a screen reader's list take its whole body, so that no line reads the
    /// list beside the box; on a narrow screen, the whole width.
    static func overlayBox(_ state: AppState, width: Int, height wanted: Int) -> Rect {
        let size = state.size
        if state.screenReader { return Rect(x: 0, y: 2, width: size.width, height: max(3, size.height - 3)) }
        var width = min(size.width - 2, width)
        if size.width - width < 6 { width = size.width }
        let height = max(3, min(size.height - 2, wanted))
        return Rect(x: (size.width - width) / 2, y: (size.height - height) / 2, width: width, height: height)
    }

    static func box(_ state: AppState) -> Rect {
        let all = lines(state.strings, spoken: state.screenReader)
        // Wide enough for the longest line whole, at least 80 columns.
        let columns = Columns(width: 80)
        let longest = all.map { state.measure.cells($0.text) }.max() ?? 0
        let width = max(80, 4 + columns.section + columns.keys + longest)
        let boxWidth = overlayBox(state, width: width, height: state.size.height).width
        let text = Columns(width: boxWidth).text
        let count = all.reduce(0) { $0 + max(1, TextLayout.wrap($1.text, width: text, measure: state.measure).count) }
        return overlayBox(state, width: width, height: count + 2)
    }

    /// Rows inside the frame.
    static func visibleRows(_ state: AppState) -> Int { max(0, box(state).height - 2) }

    static func maxTop(_ state: AppState) -> Int { max(0, rows(state).count - visibleRows(state)) }

    static func draw(_ state: AppState, into canvas: inout Canvas) {
        let rect = box(state)
        let measure = state.measure
        let strings = state.strings
        canvas.fill(rect, role: .normal)
        // A frame is read out as bars on every line: a screen reader gets the text alone.
        if !state.screenReader { frame(rect, into: &canvas, measure: measure) }
        canvas.put(strings.helpTitle, x: rect.x + 2, y: rect.y, role: .title, measure: measure)
        let columns = Columns(width: rect.width)
        // The cursor on the line being read: a screen reader reads each line it arrives on.
        let reading = state.screenReader ? state.helpLine - state.helpTop : 0
        canvas.cursor = Point(x: rect.x + 2, y: rect.y + 1 + max(0, reading))
        for (row, line) in rows(state).dropFirst(state.helpTop).prefix(visibleRows(state)).enumerated() {
            let y = rect.y + 1 + row
            var x = rect.x + 2
            if columns.section > 0 {
                if let section = line.section { canvas.put(section, x: x, y: y, limit: columns.section - 1, role: .heading, measure: measure) }
                x += columns.section
            }
            canvas.put(TextLayout.fit(line.keys, width: columns.keys - 1, measure: measure), x: x, y: y, role: .accent, measure: measure)
            x += columns.keys
            canvas.put(line.text, x: x, y: y, limit: rect.x + rect.width - 2 - x, role: .normal, measure: measure)
        }
        let footer = " " + strings.helpHint + (state.helpTop < maxTop(state) ? "  " + strings.more : "") + " "
        canvas.put(TextLayout.fit(footer, width: rect.width - 4, measure: measure), x: rect.x + 2, y: rect.y + rect.height - 1,
                   role: .dim, measure: measure)
    }

    static func frame(_ rect: Rect, into canvas: inout Canvas, measure: TextMeasure) {
        let right = rect.x + rect.width - 1, bottom = rect.y + rect.height - 1
        guard right > rect.x, bottom > rect.y else { return }
        let horizontal = String(repeating: "─", count: rect.width - 2)
        canvas.put("┌" + horizontal + "┐", x: rect.x, y: rect.y, role: .border, measure: measure)
        canvas.put("└" + horizontal + "┘", x: rect.x, y: bottom, role: .border, measure: measure)
        for y in (rect.y + 1)..<bottom {
            canvas.put("│", x: rect.x, y: y, role: .border, measure: measure)
            canvas.put("│", x: right, y: y, role: .border, measure: measure)
        }
    }
}
