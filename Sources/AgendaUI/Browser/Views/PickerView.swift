import AgendaCanvas

/// The filter picker: every room, track, language and type with a check box; unchecked ones
/// are hidden from every view.
enum PickerView {
    static func box(_ state: AppState) -> Rect {
        let size = state.size
        let width = min(size.width - 2, 60)
        // Sized for every choice, so that narrowing does not make the box jump.
        let height = min(size.height - 2, max(state.picker.all.count, state.picker.items.count) + 3)
        return Rect(x: (size.width - width) / 2, y: (size.height - height) / 2, width: width, height: max(3, height))
    }

    static func visibleRows(_ state: AppState) -> Int { max(1, box(state).height - 3) }

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
        // While narrowing, the footer shows what was typed.
        let picker = state.picker
        let footer = picker.typing || !picker.query.isEmpty
            ? "/" + picker.query + (picker.typing ? (state.screenReader ? " · " : "▏ · ") + state.strings.pickerTypingHint : "")
            : state.strings.pickerHint
        let used = canvas.put(TextLayout.fit(" " + footer + " ", width: rect.width - 4, measure: measure),
                              x: rect.x + 2, y: rect.y + rect.height - 1, role: .dim, measure: measure)
        // While narrowing, the cursor stands on the caret after what was typed.
        if picker.typing {
            let caret = min(used - 1, 1 + measure.cells("/" + picker.query))
            canvas.cursor = Point(x: rect.x + 2 + max(0, caret), y: rect.y + rect.height - 1)
        }
    }
}
