import AgendaCanvas

/// A box over the browser listing every key from the one key table, a row per key with the
/// section name beside its first key, so that all of it fits 80×24 (and scrolls below that).
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

    static func box(_ state: AppState) -> Rect {
        let size = state.size
        let width = min(size.width - 2, 80)
        let height = min(size.height - 2, lines(state.strings).count + 2)
        return Rect(x: (size.width - width) / 2, y: (size.height - height) / 2, width: width, height: height)
    }

    /// Rows inside the frame.
    static func visibleRows(_ state: AppState) -> Int { max(0, box(state).height - 2) }

    static func maxTop(_ state: AppState) -> Int { max(0, lines(state.strings).count - visibleRows(state)) }

    static func draw(_ state: AppState, into canvas: inout Canvas) {
        let rect = box(state)
        let measure = state.measure
        let strings = state.strings
        canvas.fill(rect, role: .normal)
        // A frame is read out as bars on every line: a screen reader gets the text alone.
        if !state.screenReader { frame(rect, into: &canvas, measure: measure) }
        canvas.put(strings.helpTitle, x: rect.x + 2, y: rect.y, role: .title, measure: measure)
        let inner = rect.width - 4
        let sectionWidth = inner >= 60 ? 12 : 0
        let keyWidth = min(16, inner / 3)
        // The cursor on the first line shown: scrolling moves the text under it, and a screen
        // reader reads the line that arrives there.
        canvas.cursor = Point(x: rect.x + 2, y: rect.y + 1)
        for (row, line) in lines(strings, spoken: state.screenReader).dropFirst(state.helpTop).prefix(visibleRows(state)).enumerated() {
            let y = rect.y + 1 + row
            var x = rect.x + 2
            if sectionWidth > 0 {
                if let section = line.section { canvas.put(section, x: x, y: y, limit: sectionWidth - 1, role: .heading, measure: measure) }
                x += sectionWidth
            }
            canvas.put(TextLayout.fit(line.keys, width: keyWidth - 1, measure: measure), x: x, y: y, role: .accent, measure: measure)
            x += keyWidth
            canvas.put(TextLayout.fit(line.text, width: rect.x + rect.width - 2 - x, measure: measure), x: x, y: y,
                       role: .normal, measure: measure)
        }
        let footer = " " + strings.helpHint + (state.helpTop < maxTop(state) ? "  " + strings.more : "") + " "
        canvas.put(TextLayout.fit(footer, width: inner, measure: measure), x: rect.x + 2, y: rect.y + rect.height - 1,
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
