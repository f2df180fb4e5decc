import AgendaModel

extension AppState {
    /// Applies one user action. Pure: the same state and action always give the same state.
    public mutating func apply(_ action: Action) {
        if case .resize(let newSize) = action {
            size = newSize
            if layout.sideBySide { detailOpen = false }
            clampScrolling()
            return
        }
        if helpVisible {
            applyInHelp(action)
            return
        }
        let detailHasFocus = focus == .detail && detailVisible
        switch action {
        case .move(let n): detailHasFocus ? scrollDetail(by: n) : select(selection + n)
        case .page(let n):
            detailHasFocus ? scrollDetail(by: n * max(1, layout.detail.height - 1))
                           : select(selection + n * max(1, layout.list.height - 1))
        case .first: detailHasFocus ? scrollDetail(to: 0) : select(0)
        case .last: detailHasFocus ? scrollDetail(to: Int.max / 2) : select(schedule.sessions.count - 1)
        case .open:
            detailOpen = !layout.sideBySide
            focus = .detail
        case .back:
            detailOpen = false
            focus = .list
        case .switchPane:
            if layout.sideBySide { focus = focus == .list ? .detail : .list }
            else { detailOpen.toggle(); focus = detailOpen ? .detail : .list }
        case .toggleHelp:
            helpVisible = true
            helpTop = 0
        case .quit: shouldQuit = true
        case .click(let x, let y): click(x: x, y: y)
        case .wheel(let n, let x, let y):
            if detailVisible, layout.detail.contains(x: x, y: y), layout.sideBySide || detailOpen {
                scrollDetail(by: n)
            } else if layout.list.contains(x: x, y: y) {
                select(selection + n)
            }
        case .resize: break
        }
    }

    private mutating func applyInHelp(_ action: Action) {
        switch action {
        case .move(let n): helpTop = max(0, min(helpTop + n, HelpView.maxTop(self)))
        case .page(let n): helpTop = max(0, min(helpTop + n * 5, HelpView.maxTop(self)))
        case .first: helpTop = 0
        case .last: helpTop = HelpView.maxTop(self)
        case .back, .toggleHelp, .click: helpVisible = false
        case .quit: shouldQuit = true
        default: break
        }
    }

    private mutating func click(x: Int, y: Int) {
        let listShown = layout.sideBySide || !detailOpen
        if listShown, layout.list.contains(x: x, y: y) {
            let index = listTop + (y - layout.list.y)
            if schedule.sessions.indices.contains(index) { select(index) }
            focus = .list
        } else if detailVisible, layout.detail.contains(x: x, y: y) {
            focus = .detail
        }
    }

    mutating func select(_ index: Int) {
        let clamped = max(0, min(index, schedule.sessions.count - 1))
        if clamped != selection { detailTop = 0 }
        selection = clamped
        clampScrolling()
    }

    mutating func scrollDetail(by n: Int) { scrollDetail(to: detailTop + n) }

    mutating func scrollDetail(to line: Int) {
        detailTop = max(0, min(line, DetailView.maxTop(self)))
    }

    /// Keeps the selection on screen and every offset within its content after any change.
    mutating func clampScrolling() {
        selection = max(0, min(selection, schedule.sessions.count - 1))
        let rows = max(1, layout.list.height)
        if selection < listTop { listTop = selection }
        if selection >= listTop + rows { listTop = selection - rows + 1 }
        listTop = max(0, min(listTop, schedule.sessions.count - rows))
        detailTop = max(0, min(detailTop, DetailView.maxTop(self)))
        helpTop = max(0, min(helpTop, HelpView.maxTop(self)))
    }
}
