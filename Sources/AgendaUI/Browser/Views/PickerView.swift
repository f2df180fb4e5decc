import AgendaCanvas

/// The filter picker: every room, track, language and type with a check box; unchecked ones
/// are hidden from every view.
enum PickerView {
    /// What the footer says: the keys, or while narrowing, what was typed.
    static func footer(_ state: AppState) -> String {
        let picker = state.picker
        return picker.typing || !picker.query.isEmpty
            ? "/" + picker.query + (picker.typing ? (state.screenReader ? " · " : "▏ · ") + state.strings.pickerTypingHint : "")
            : state.strings.pickerHint
    }

    /// The footer's lines in a box of `width`: wrapped at its dots rather than cut.
    static func footerLines(_ state: AppState, width: Int) -> [String] {
        TextLayout.wrap(footer(state), width: max(1, width - 6), measure: state.measure)
    }

    static func box(_ state: AppState) -> Rect {
        let measure = state.measure
        let longest = state.picker.all.map { measure.cells($0.label) }.max() ?? 0
        let width = max(60, longest + 10, measure.cells(state.strings.pickerHint) + 6)
        let boxWidth = HelpView.overlayBox(state, width: width, height: state.size.height).width
        // Sized for every choice, so that narrowing does not make the box jump.
        let count = max(state.picker.all.count, state.picker.items.count)
        return HelpView.overlayBox(state, width: width, height: count + 1 + footerLines(state, width: boxWidth).count)
    }

    static func visibleRows(_ state: AppState) -> Int {
        let rect = box(state)
        return max(1, rect.height - 1 - footerLines(state, width: rect.width).count)
    }

    static func draw(_ state: AppState, into canvas: inout Canvas) {
        let rect = box(state)
        let measure = state.measure
        canvas.fill(rect, role: .normal)
        if !state.screenReader { HelpView.frame(rect, into: &canvas, measure: measure) }
        canvas.put(state.strings.pickerTitle, x: rect.x + 2, y: rect.y, role: .title, measure: measure)
        let items = state.picker.items
        for row in 0..<visibleRows(state) {
            let index = state.picker.top + row
            guard index < items.count else { break }
            let item = items[index]
            let y = rect.y + 1 + row
            guard let value = item.value else {
                canvas.put(item.label, x: rect.x + 2, y: y, limit: rect.width - 4, role: .heading, measure: measure)
                continue
            }
            let shown = !(state.filter.hidden[item.facet]?.contains(value) ?? false)
            let selected = index == state.picker.cursor
            if selected {
                canvas.fill(Rect(x: rect.x + 1, y: y, width: rect.width - 2, height: 1), role: .selected)
                canvas.cursor = Point(x: rect.x + 3, y: y)
            }
            let text = (shown ? "[x] " : "[ ] ") + item.label
            canvas.put(TextLayout.fit(text, width: rect.width - 6, measure: measure), x: rect.x + 3, y: y,
                       role: selected ? .selected : (shown ? .normal : .dim), measure: measure)
        }
        let lines = footerLines(state, width: rect.width)
        let footerY = rect.y + rect.height - lines.count
        for (n, line) in lines.enumerated() {
            // The last line sits on the frame: a space either side keeps the frame off its words.
            canvas.put(" " + line + " ", x: rect.x + 2, y: footerY + n, limit: rect.width - 3, role: .dim, measure: measure)
        }
        // While narrowing, the cursor stands on the caret after what was typed.
        if state.picker.typing, let first = lines.first {
            let caret = min(measure.cells(first) - 1, measure.cells("/" + state.picker.query))
            canvas.cursor = Point(x: rect.x + 3 + max(0, caret), y: footerY)
        }
    }
}
