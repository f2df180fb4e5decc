/// Fitting text into cells: truncation with an ellipsis and word wrapping, both by cell width.
public enum TextLayout {
    /// `text` cut to at most `width` cells, ending in "…" when something was cut.
    public static func fit(_ text: String, width: Int, measure: TextMeasure) -> String {
        guard width > 0 else { return "" }
        if measure.cells(text) <= width { return text }
        var out = String.UnicodeScalarView()
        var used = 0
        for scalar in text.unicodeScalars {
            let w = max(measure.width(scalar), scalar.value < 0x20 ? 1 : 0)
            if used + w > width - 1 { break }
            out.append(scalar)
            used += w
        }
        return String(out) + "…"
    }

    /// Paragraph-aware word wrap: line breaks in `text` are kept, words wider than a line are split.
    /// Stops once `maxLines` lines are made: a pane needs only what it can show.
    public static func wrap(_ text: String, width: Int, measure: TextMeasure, maxLines: Int = .max) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if lines.count >= maxLines { break }
            var line = ""
            var used = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                let w = measure.cells(word)
                if used > 0, used + 1 + w <= width {
                    line += " " + word
                    used += 1 + w
                    continue
                }
                if used > 0 { lines.append(line); line = ""; used = 0 }
                if w <= width {
                    line = String(word)
                    used = w
                    continue
                }
                // A word longer than the line (a URL, or CJK text without spaces) breaks anywhere.
                for scalar in word.unicodeScalars {
                    let sw = max(0, measure.width(scalar))
                    if used + sw > width { lines.append(line); line = ""; used = 0 }
                    line.unicodeScalars.append(scalar)
                    used += sw
                }
            }
            lines.append(line)
        }
        return lines
    }
}
