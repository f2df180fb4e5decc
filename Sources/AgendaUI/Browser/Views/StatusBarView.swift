import AgendaCanvas

/// The bottom row: a reminder, the search line, or the keys that matter right now;
/// on the right, where the selection is.
enum StatusBarView {
    static func draw(_ state: AppState, into canvas: inout Canvas) {
        let rect = state.layout.status
        let measure = state.measure
        let strings = state.strings
        if let banner = state.banner, state.overlay == .none, !state.search.editing {
            canvas.fill(rect, role: .banner)
            canvas.put(TextLayout.fit(banner.text, width: rect.width - 2, measure: measure), x: 1, y: rect.y,
                       role: .banner, measure: measure)
            return
        }
        canvas.fill(rect, role: .statusBar)
        let position = positionText(state)
        let positionWidth = measure.cells(position)
        canvas.put(position, x: rect.width - positionWidth - 1, y: rect.y, role: .statusBar, measure: measure)

        var x = 1
        let limit = rect.width - positionWidth - 2
        if state.search.isActive, state.overlay == .none {
            // The shown cursor is the caret for a screen reader; "▏" would be read out.
            let prompt = "/" + state.search.query + (state.search.editing && !state.screenReader ? "▏" : "")
            let used = canvas.put(TextLayout.fit(prompt, width: limit / 2, measure: measure), x: x, y: rect.y,
                                  role: .statusKey, measure: measure)
            // While typing, the cursor stands on the caret, after the last character typed.
            if state.search.editing { canvas.cursor = Point(x: x + max(0, used - (state.screenReader ? 0 : 1)), y: rect.y) }
            x += used + 1
            if !state.search.query.isEmpty, state.announcement == nil {
                x += canvas.put(strings.matches(state.search.matches.count), x: x, y: rect.y, role: .statusBar, measure: measure) + 2
            }
        }
        // Screen-reader mode: what the last key did, first, in words.
        if let said = state.announcement, state.screenReader, state.overlay == .none {
            x += canvas.put(TextLayout.fit(said, width: max(0, limit - x), measure: measure), x: x, y: rect.y,
                            role: .statusKey, measure: measure) + 2
        }
        for (key, what) in hints(state) {
            let needed = measure.cells(key) + 1 + measure.cells(what) + 2
            guard x + needed <= limit else { break }
            x += canvas.put(key, x: x, y: rect.y, role: .statusKey, measure: measure) + 1
            x += canvas.put(what, x: x, y: rect.y, role: .statusBar, measure: measure) + 2
        }
    }

    static func hints(_ state: AppState) -> [(String, String)] {
        let s = state.strings
        // Arrows would be read out as "upwards arrow" (or, in ASCII, "caret v").
        let arrows = state.screenReader ? s.upDown : "↑↓"
        switch state.overlay {
        case .help: return [(arrows, s.scroll), ("q Esc ?", s.close)]
        case .links: return [(arrows, s.move), ("Enter", state.linkChooser.copy ? s.copy : s.open), ("Esc", s.close)]
        case .picker:
            if state.picker.typing { return [(arrows, s.move), ("Enter", s.done), ("Esc", s.clear)] }
            return [(arrows, s.move), ("Space", s.toggle), ("/", s.search), ("x", s.clearFilter), ("Esc", s.close)]
        case .none: break
        }
        if state.search.editing { return [("Enter", s.keepMatch), ("Esc", s.back)] }
        if !state.search.query.isEmpty { return [("n N", s.nextMatch), ("Enter", s.open), ("Esc", s.clear), ("f", s.star)] }
        if state.focus == .detail && state.detailVisible {
            return [(arrows, s.scroll), ("Esc", s.back), ("f", s.star), ("?", s.help), ("q", s.quit)]
        }
        var keys = [(arrows, s.move), ("Enter", s.open), ("/", s.search), ("f", s.star), ("v", s.view)]
        if state.filter.isActive { keys.append(("x", s.clearFilter)) }
        // Help and quit first: on a narrow terminal the rest are cut, and ? lists them all.
        keys += [("?", s.help), ("q", s.quit), ("c", s.changesHint), ("e", s.export)]
        return keys
    }

    /// "12/340": the selection among the sessions listed.
    static func positionText(_ state: AppState) -> String {
        if state.showsTimetable {
            let sessions = state.daySessions()
            let position = state.selected.flatMap { sessions.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
            return "\(position)/\(sessions.count)"
        }
        let (position, total) = state.sessionPosition
        return "\(position)/\(total)"
    }
}
