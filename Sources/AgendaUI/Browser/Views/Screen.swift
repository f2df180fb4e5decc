import AgendaCanvas

/// Draws the whole browser for a state. The only entry point the run loop needs.
public enum Screen {
    public static func render(_ state: AppState) -> Canvas {
        var canvas = Canvas(size: state.size)
        let layout = state.layout
        if layout.isTooSmall {
            TooSmallView.draw(into: &canvas, strings: state.strings, measure: state.measure)
            canvas.foldAmbiguous(state.glyphs)
            return canvas
        }
        HeaderView.draw(state, into: &canvas)
        if layout.sideBySide {
            SessionListView.draw(state, into: &canvas)
            for y in layout.list.y..<(layout.list.y + layout.list.height) {
                canvas.put("│", x: layout.list.width, y: y, role: .border, measure: state.measure)
            }
            DetailView.draw(state, into: &canvas)
        } else if state.detailOpen {
            DetailView.draw(state, into: &canvas)
        } else if state.showsTimetable {
            TimetableView.draw(state, into: &canvas)
        } else if state.screenReader {
            SpokenListView.draw(state, into: &canvas)
        } else {
            SessionListView.draw(state, into: &canvas)
        }
        StatusBarView.draw(state, into: &canvas)
        if state.overlay != .none {
            // Nothing of the list shows beside a box: a mark or a half row there reads as part of it.
            canvas.fill(Rect(x: 0, y: layout.list.y, width: state.size.width, height: layout.list.height), role: .normal)
            // The detail's links are under the box now: none of its cells may link to them.
            canvas.hyperlinks.removeAll()
        }
        switch state.overlay {
        case .help: HelpView.draw(state, into: &canvas)
        case .picker: PickerView.draw(state, into: &canvas)
        case .links: LinkChooserView.draw(state, into: &canvas)
        case .none: break
        }
        // Nothing selected (an empty day, a note): the cursor on the body's first line.
        if canvas.cursor == nil { canvas.cursor = Point(x: layout.list.x + 1, y: layout.list.y) }
        canvas.foldAmbiguous(state.glyphs)
        return canvas
    }
}
