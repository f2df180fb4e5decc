/// The last row: the time zone (or the failed-update mark, or what QR codes need) and the venue
/// page indicator.
enum KioskFooterView {
    static func draw(_ view: KioskView, pen: inout KioskPen) {
        guard let row = view.layout.footerRow else { return }
        let width = view.layout.board.width
        let state = view.state
        var right = width - 1
        let page = state.page
        if page.count > 1 {
            let dots = (0..<page.count).map { $0 == page.index ? view.glyphs.pageOn : view.glyphs.pageOff }.joined()
            let text = "\(view.labels.page(page.index, of: page.count))  \(dots)"
            right = pen.right(text, right: right, y: row, width: width - 2, role: .accent) - 2
        }
        if let note = state.staleNote {
            pen.text(view.labels.stale(note), x: 1, y: row, width: right - 1, role: .warning)
        } else if let since = state.noticesStaleSince {
            pen.text(view.labels.noticesStale(since), x: 1, y: row, width: right - 1, role: .warning)
        } else if let failed = state.noticesFailedAt {
            pen.text(view.labels.noticesFailed(at: failed), x: 1, y: row, width: right - 1, role: .warning)
        } else if let failed = state.updateFailedAt {
            pen.text(view.labels.updateFailed(at: failed), x: 1, y: row, width: right - 1, role: .warning)
        } else if let missing = state.qrMissing, state.options.qr == .talk || state.options.streamURL != nil {
            pen.text(missing, x: 1, y: row, width: right - 1, role: .warning)
        } else {
            pen.text(view.time.zone(at: state.now), x: 1, y: row, width: right - 1, role: .dim)
        }
    }
}
