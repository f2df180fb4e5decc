/// A box over the browser listing every key, from the one key table.
enum HelpView {
    static let keyColumn = 20

    static func box(_ state: AppState) -> Rect {
        let size = state.size
        let width = min(size.width - 2, 76)
        let height = min(size.height - 2, KeyMap.bindings.count + 4)
        return Rect(x: (size.width - width) / 2, y: (size.height - height) / 2, width: width, height: height)
    }

    /// Rows available for bindings inside the frame (title and footer rows excluded).
    static func visibleRows(_ state: AppState) -> Int { max(0, box(state).height - 4) }

    static func maxTop(_ state: AppState) -> Int { max(0, KeyMap.bindings.count - visibleRows(state)) }

    static func draw(_ state: AppState, into canvas: inout Canvas) {
        let rect = box(state)
        let measure = state.measure
        canvas.fill(rect, role: .normal)
        frame(rect, into: &canvas, measure: measure)
        canvas.put(" Keys ", x: rect.x + 2, y: rect.y, role: .title, measure: measure)
        let inner = rect.width - 4
        for (row, binding) in KeyMap.bindings.dropFirst(state.helpTop).prefix(visibleRows(state)).enumerated() {
            let y = rect.y + 2 + row
            let keyWidth = min(keyColumn, inner / 3)
            canvas.put(TextLayout.fit(binding.keys, width: keyWidth - 1, measure: measure), x: rect.x + 2, y: y,
                       role: .accent, measure: measure)
            canvas.put(TextLayout.fit(binding.help, width: inner - keyWidth, measure: measure),
                       x: rect.x + 2 + keyWidth, y: y, role: .normal, measure: measure)
        }
        let more = state.helpTop < maxTop(state) ? "  ▼ more" : ""
        canvas.put(TextLayout.fit("Esc or ? closes" + more, width: inner, measure: measure),
                   x: rect.x + 2, y: rect.y + rect.height - 1, role: .dim, measure: measure)
    }

    static func frame(_ rect: Rect, into canvas: inout Canvas, measure: TextMeasure) {
        let right = rect.x + rect.width - 1, bottom = rect.y + rect.height - 1
        for x in rect.x...right {
            canvas.put("─", x: x, y: rect.y, role: .border, measure: measure)
            canvas.put("─", x: x, y: bottom, role: .border, measure: measure)
        }
        for y in rect.y...bottom {
            canvas.put("│", x: rect.x, y: y, role: .border, measure: measure)
            canvas.put("│", x: right, y: y, role: .border, measure: measure)
        }
        canvas.put("┌", x: rect.x, y: rect.y, role: .border, measure: measure)
        canvas.put("┐", x: right, y: rect.y, role: .border, measure: measure)
        canvas.put("└", x: rect.x, y: bottom, role: .border, measure: measure)
        canvas.put("┘", x: right, y: bottom, role: .border, measure: measure)
    }
}
