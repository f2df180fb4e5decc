/// Fitting text into cells: truncation with an ellipsis and word wrapping, both by cell width.
public enum TextLayout {
    /// `text` cut to at most `width` cells, ending in "…" when something was cut.
    public static func fit(_ text: String, width: Int, measure: TextMeasure) -> String {
        guard width > 0 else { return "" }
        if measure.cells(text) <= width { return text }
        // Cut at a scalar boundary found by width; the prefix is copied once as UTF-8.
        var used = 0
        var end = text.unicodeScalars.startIndex
        for index in text.unicodeScalars.indices {
            let scalar = text.unicodeScalars[index]
            let w = max(measure.width(scalar), scalar.value < 0x20 ? 1 : 0)
            if used + w > width - 1 { break }
            used += w
            end = text.unicodeScalars.index(after: index)
        }
        return String(text.unicodeScalars[..<end]) + "…"
    }

    /// Paragraph-aware word wrap: line breaks in `text` are kept, words wider than a line are split.
    /// A paragraph's own indentation is kept, and list items ("• ", "- ", "* ", "1. ") wrap
    /// under their text, not under the bullet. Stops once `maxLines` lines are made: a pane
    /// needs only what it can show.
    /// Pieces of at most `width` cells, broken wherever the width ends (an address has no
    /// place a word-wrap could use without making it look like two).
    public static func breakAnywhere(_ text: String, width: Int, measure: TextMeasure) -> [String] {
        var pieces: [String] = [], piece = "", used = 0
        for character in text {
            let cells = measure.cells(String(character))
            if used + cells > max(1, width), !piece.isEmpty {
                pieces.append(piece)
                piece = ""
                used = 0
            }
            piece.append(character)
            used += cells
        }
        if !piece.isEmpty { pieces.append(piece) }
        return pieces
    }

    public static func wrap(_ text: String, width: Int, measure: TextMeasure, maxLines: Int = .max) -> [String] {
        guard width > 0 else { return [] }
        // Works on one array of scalars: splitting into Substrings and concatenating Strings
        // cost more than the rest of a detail pane's drawing.
        let scalars = Array(text.unicodeScalars)
        var lines: [String] = []
        var start = 0
        while start <= scalars.count, lines.count < maxLines {
            var end = start
            while end < scalars.count, scalars[end] != "\n" { end += 1 }
            wrapParagraph(scalars[start..<end], width: width, measure: measure, maxLines: maxLines, into: &lines)
            start = end + 1
        }
        return lines
    }

    private static func wrapParagraph(_ paragraph: ArraySlice<Unicode.Scalar>, width: Int, measure: TextMeasure,
                                      maxLines: Int, into lines: inout [String]) {
        let (indent, hang) = indentation(of: paragraph, width: width)
        // Lines are built as UTF-8 bytes: appending to a String's scalar view is a generic,
        // unspecialised call per word that cost thousands of instructions.
        var line = [UInt8](repeating: 0x20, count: indent)
        var used = indent
        var empty = true  // nothing but indentation on the line yet
        func append(_ scalar: Unicode.Scalar) {
            if scalar.value < 0x80 { line.append(UInt8(scalar.value)) } else { UTF8.encode(scalar) { line.append($0) } }
        }
        func breakLine() {
            lines.append(String(decoding: line, as: UTF8.self))
            line = [UInt8](repeating: 0x20, count: indent + hang)
            used = indent + hang
            empty = true
        }
        var index = paragraph.startIndex
        while index < paragraph.endIndex, lines.count < maxLines {
            if paragraph[index] == " " { index += 1; continue }
            var wordEnd = index, w = 0
            while wordEnd < paragraph.endIndex, paragraph[wordEnd] != " " {
                let cells = measure.width(paragraph[wordEnd])
                w += cells < 0 ? 1 : cells
                wordEnd += 1
            }
            let word = paragraph[index..<wordEnd]
            index = wordEnd
            if !empty, used + 1 + w <= width {
                line.append(0x20)
                for scalar in word { append(scalar) }
                used += 1 + w
                continue
            }
            if !empty { breakLine() }
            if used + w <= width {
                for scalar in word { append(scalar) }
                used += w
                empty = false
                continue
            }
            // A word longer than the line (a URL, or CJK text without spaces) breaks anywhere.
            for scalar in word {
                let sw = max(0, measure.width(scalar))
                if used + sw > width, !empty { breakLine() }
                append(scalar)
                used += sw
                empty = false
            }
        }
        if lines.count < maxLines { lines.append(empty ? "" : String(decoding: line, as: UTF8.self)) }
    }

    /// Leading spaces of a paragraph, and how much further its continuation lines go in.
    private static func indentation(of paragraph: ArraySlice<Unicode.Scalar>, width: Int) -> (Int, Int) {
        let leading = paragraph.prefix { $0 == " " }.count
        let indent = min(leading, width / 3)
        let body = paragraph.dropFirst(leading)
        var hang = 0
        if body.count >= 2, ["•", "-", "*"].contains(body.first!), body.dropFirst().first == " " {
            hang = 2
        } else {
            let digits = body.prefix { ("0"..."9").contains($0) }.count
            if digits > 0, digits <= 3, body.dropFirst(digits).starts(with: [".", " "]) { hang = digits + 2 }
        }
        return (indent, indent + hang < width / 2 ? hang : 0)
    }
}
