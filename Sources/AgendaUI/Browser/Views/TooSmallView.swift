import AgendaCanvas

/// Shown instead of the browser below the minimum size; the next resize brings the browser back.
enum TooSmallView {
    static func draw(into canvas: inout Canvas, strings: Strings, measure: TextMeasure) {
        let size = canvas.size
        guard size.width > 0, size.height > 0 else { return }
        let need = Layout.minimum
        let lines = [strings.tooSmall, strings.need(size.width, size.height, need.width, need.height), strings.qQuits]
        let top = max(0, (size.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < size.height {
            let text = TextLayout.fit(line, width: size.width, measure: measure)
            let x = max(0, (size.width - measure.cells(text)) / 2)
            canvas.put(text, x: x, y: top + i, role: i == 0 ? .warning : .normal, measure: measure)
            if i == 0 { canvas.cursor = Point(x: x, y: top) }   // read first: why nothing else shows
        }
    }
}
