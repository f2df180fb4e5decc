import AgendaCanvas

/// Draws the board's text: folded to what the terminal can show, fitted to a width, and
/// moved by the burn-in shift. Every kiosk view draws through it.
struct KioskPen {
    var canvas: Canvas
    let measure: TextMeasure
    let glyphs: KioskGlyphs
    /// The burn-in offset added to every position.
    let origin: (x: Int, y: Int)
    /// The board's own size (coordinates the views use).
    let board: Size

    /// Cells `text` takes once folded.
    func cells(_ text: String) -> Int { measure.cells(glyphs.fold(text)) }

    /// `text` folded and cut to `width` cells with an ellipsis the terminal can show.
    func fit(_ text: String, _ width: Int) -> String {
        let fitted = TextLayout.fit(glyphs.fold(text), width: width, measure: measure)
        guard glyphs.ascii, fitted.hasSuffix("…") else { return fitted }
        return fitted.dropLast() + glyphs.ellipsis
    }

    /// Draws `text` at (x, y) in at most `width` cells; returns the cells used.
    @discardableResult
    mutating func text(_ text: String, x: Int, y: Int, width: Int, role: Role) -> Int {
        guard width > 0, y >= 0, y < board.height, x >= 0 else { return 0 }
        let limit = min(width, board.width - x)
        guard limit > 0 else { return 0 }
        return canvas.put(fit(text, limit), x: x + origin.x, y: y + origin.y, limit: limit, role: role, measure: measure)
    }

    /// Draws `text` ending at column `right` (exclusive); returns where it starts.
    @discardableResult
    mutating func right(_ text: String, right: Int, y: Int, width: Int, role: Role) -> Int {
        let fitted = fit(text, width)
        let x = right - measure.cells(fitted)
        self.text(fitted, x: x, y: y, width: width, role: role)
        return x
    }

    /// Draws `text` centred in the row span [x, x + width).
    mutating func centred(_ text: String, x: Int, y: Int, width: Int, role: Role) {
        let fitted = fit(text, width)
        self.text(fitted, x: x + max(0, (width - measure.cells(fitted)) / 2), y: y, width: width, role: role)
    }

    /// Word-wrapped `text`, at most `maxLines` lines, the last one ending in an ellipsis if cut.
    func wrap(_ text: String, width: Int, maxLines: Int) -> [String] {
        guard width > 0, maxLines > 0 else { return [] }
        let lines = TextLayout.wrap(glyphs.fold(text), width: width, measure: measure)
        guard lines.count > maxLines else { return lines }
        var kept = Array(lines.prefix(maxLines))
        let last = kept[maxLines - 1]
        // Mark the cut: append the ellipsis if it fits, else let `fit` cut the line for it.
        kept[maxLines - 1] = measure.cells(last) < width ? last + glyphs.ellipsis : fit(last + "  ", width)
        return kept
    }

    /// A horizontal rule across [x, x + width).
    mutating func rule(x: Int, y: Int, width: Int, role: Role) {
        guard width > 0 else { return }
        text(String(repeating: glyphs.rule, count: width), x: x, y: y, width: width, role: role)
    }
}
