/// The bottom row: the keys that matter right now, and where the selection is.
enum StatusBarView {
    static func draw(_ state: AppState, into canvas: inout Canvas) {
        let rect = state.layout.status
        let measure = state.measure
        canvas.fill(rect, role: .statusBar)
        let count = state.schedule.sessions.count
        let position = count == 0 ? "0/0" : "\(state.selection + 1)/\(count)"
        let positionWidth = measure.cells(position)
        canvas.put(position, x: rect.width - positionWidth - 1, y: rect.y, role: .statusBar, measure: measure)

        var x = 1
        let limit = rect.width - positionWidth - 2
        for (key, what) in hints(state) {
            let needed = measure.cells(key) + 1 + measure.cells(what) + 2
            guard x + needed <= limit else { break }
            x += canvas.put(key, x: x, y: rect.y, role: .statusKey, measure: measure) + 1
            x += canvas.put(what, x: x, y: rect.y, role: .statusBar, measure: measure) + 2
        }
    }

    static func hints(_ state: AppState) -> [(String, String)] {
        if state.helpVisible { return [("↑↓", "scroll"), ("Esc", "close help"), ("q", "quit")] }
        if state.focus == .detail && state.detailVisible {
            return [("↑↓", "scroll"), ("Esc", "back"), ("Tab", "list"), ("?", "help"), ("q", "quit")]
        }
        return [("↑↓", "move"), ("Enter", "open"), ("Tab", "detail"),
                ("?", "help"), ("q", "quit")]
    }
}
