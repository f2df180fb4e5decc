import AgendaCanvas
import AgendaModel

/// A box over the browser listing the session's links, numbered, for `o` and `y`: each on one
/// line as `1 Feedback: https://…`, cut at the box's edge (the whole address is what is opened).
enum LinkChooserView {
    static func box(_ state: AppState) -> Rect {
        let size = state.size
        let widest = state.linkChooser.links.map { state.measure.cells($0.line) + 6 }.max() ?? 0
        let width = max(min(size.width - 2, 40), min(size.width - 2, widest))
        let height = min(size.height - 2, state.linkChooser.links.count + 2)
        return Rect(x: (size.width - width) / 2, y: (size.height - height) / 2, width: width, height: height)
    }

    static func draw(_ state: AppState, into canvas: inout Canvas) {
        let rect = box(state)
        let measure = state.measure
        let strings = state.strings
        canvas.fill(rect, role: .normal)
        if !state.screenReader { HelpView.frame(rect, into: &canvas, measure: measure) }
        canvas.put(strings.linksTitle, x: rect.x + 2, y: rect.y, role: .title, measure: measure)
        let inner = rect.width - 4
        let visible = max(0, rect.height - 2)
        let chooser = state.linkChooser
        let top = max(0, chooser.cursor - visible + 1)
        for (row, link) in chooser.links.enumerated().dropFirst(top).prefix(visible) {
            let y = rect.y + 1 + row - top
            let selected = row == chooser.cursor
            if selected {
                canvas.fill(Rect(x: rect.x + 1, y: y, width: rect.width - 2, height: 1), role: .selected)
                canvas.cursor = Point(x: rect.x + 2, y: y)
            }
            let number = row < 9 ? "\(row + 1) " : "  "
            canvas.put(number, x: rect.x + 2, y: y, role: selected ? .selected : .accent, measure: measure)
            canvas.put(TextLayout.fit(link.line, width: inner - 2, measure: measure), x: rect.x + 4, y: y,
                       role: selected ? .selected : .normal, measure: measure)
        }
        let hint = " " + (chooser.copy ? strings.copyHint : strings.linksHint) + " "
        canvas.put(TextLayout.fit(hint, width: inner, measure: measure), x: rect.x + 2, y: rect.y + rect.height - 1,
                   role: .dim, measure: measure)
    }
}
