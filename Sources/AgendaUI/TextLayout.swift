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
    /// A paragraph's own indentation is kept, and list items ("• ", "- ", "* ", "1. ") wrap
    /// under their text, not under the bullet. Stops once `maxLines` lines are made: a pane
    /// needs only what it can show.
    public static func wrap(_ text: String, width: Int, measure: TextMeasure, maxLines: Int = .max) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if lines.count >= maxLines { break }
            let (indent, hang) = indentation(of: paragraph, width: width)
            var line = String(repeating: " ", count: indent)
            var used = indent
            var empty = true  // nothing but indentation on the line yet
            func breakLine() {
                lines.append(line)
                line = String(repeating: " ", count: indent + hang)
                used = indent + hang
                empty = true
            }
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                let w = measure.cells(word)
                if !empty, used + 1 + w <= width {
                    line += " " + word
                    used += 1 + w
                    continue
                }
                if !empty { breakLine() }
                if used + w <= width {
                    line += word
                    used += w
                    empty = false
                    continue
                }
                // A word longer than the line (a URL, or CJK text without spaces) breaks anywhere.
                for scalar in word.unicodeScalars {
                    let sw = max(0, measure.width(scalar))
                    if used + sw > width, !empty { breakLine() }
                    line.unicodeScalars.append(scalar)
                    used += sw
                    empty = false
                }
            }
            lines.append(empty && line.allSatisfy { $0 == " " } ? "" : line)
        }
        return lines
    }

    /// Leading spaces of a paragraph, and how much further its continuation lines go in.
    private static func indentation(of paragraph: Substring, width: Int) -> (Int, Int) {
        let indent = min(paragraph.prefix { $0 == " " }.count, width / 3)
        let body = paragraph.drop { $0 == " " }
        var hang = 0
        if body.hasPrefix("• ") || body.hasPrefix("- ") || body.hasPrefix("* ") {
            hang = 2
        } else if let dot = body.prefix(4).firstIndex(of: "."), body[..<dot].allSatisfy(\.isNumber),
                  !body[..<dot].isEmpty, body[body.index(after: dot)...].hasPrefix(" ") {
            hang = body.distance(from: body.startIndex, to: dot) + 2
        }
        return (indent, indent + hang < width / 2 ? hang : 0)
    }
}
