import AgendaCanvas

/// Names cut to a column so that they still tell apart: where cutting the end would make two
/// look alike (`Amphithéâtr…` for rooms 1200 and 1600), the part that differs is kept
/// (`Amphith…1200`, `Amphith…1600`).
struct ShortNames {
    private var labels: [String: String] = [:]

    init(_ names: [String], width: Int, measure: TextMeasure) {
        guard width > 1 else { return }
        let long = names.filter { measure.cells($0) > width }
        guard !long.isEmpty else { return }
        // Names whose plain cuts collide, grouped by that cut (names that fit take part too:
        // `Hall` and `Hall 2` cut to four cells look alike).
        var byCut: [String: [String]] = [:]
        for name in Set(names) { byCut[TextLayout.fit(name, width: width, measure: measure), default: []].append(name) }
        for name in long {
            let cut = TextLayout.fit(name, width: width, measure: measure)
            guard let group = byCut[cut], group.count > 1 else { labels[name] = cut; continue }
            labels[name] = Self.telling(name, apart: group.filter { $0 != name }, width: width, measure: measure)
        }
    }

    /// `name` as the column shows it.
    func label(_ name: String) -> String? { labels[name] }

    /// The start of `name` up to where it parts from the most similar of `others` (taken back to
    /// a word's start), an ellipsis, and the rest, the rest's end kept when it is too long.
    static func telling(_ name: String, apart others: [String], width: Int, measure: TextMeasure) -> String {
        let scalars = Array(name.unicodeScalars)
        var common = 0
        for other in others {
            let o = Array(other.unicodeScalars)
            var n = 0
            while n < scalars.count, n < o.count, scalars[n] == o[n] { n += 1 }
            common = max(common, n)
        }
        // Back to the start of the word that differs: `1200`, not `200`.
        while common > 0, !Self.isBreak(scalars[common - 1]) { common -= 1 }
        guard common > 0 else { return TextLayout.fit(name, width: width, measure: measure) }
        // A differing part of a character or two reads better with the word before it
        // (`…Room 1)`, not `…1)`); a longer one leaves the room to the name's start.
        while measure.cells(String(String.UnicodeScalarView(scalars[common...]))) < min(6, width / 2) {
            var earlier = common - 1
            while earlier > 0, !Self.isBreak(scalars[earlier - 1]) { earlier -= 1 }
            guard earlier > 0 else { break }
            common = earlier
        }
        let rest = String(String.UnicodeScalarView(scalars[common...]))
        let restCells = measure.cells(rest)
        if restCells + 1 >= width {
            // Even the differing part is too long: its end, after an ellipsis.
            return "…" + Self.tail(rest, width: width - 1, measure: measure)
        }
        let head = String(String.UnicodeScalarView(scalars[..<common])).trimmingTrailingBreaks
        return Self.prefix(head, width: width - 1 - restCells, measure: measure).trimmingTrailingBreaks + "…" + rest
    }

    private static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "-" || scalar == "." || scalar == "/" || scalar == "(" || scalar == "_"
    }

    /// The first `width` cells of `text`.
    static func prefix(_ text: String, width: Int, measure: TextMeasure) -> String {
        var used = 0, kept = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let w = max(0, measure.width(scalar))
            if used + w > width { break }
            used += w
            kept.append(scalar)
        }
        return String(kept)
    }

    /// The last `width` cells of `text`.
    static func tail(_ text: String, width: Int, measure: TextMeasure) -> String {
        var used = 0, kept: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars.reversed() {
            let w = max(0, measure.width(scalar))
            if used + w > width { break }
            used += w
            kept.append(scalar)
        }
        return String(String.UnicodeScalarView(kept.reversed()))
    }
}

private extension String {
    var trimmingTrailingBreaks: String {
        var scalars = Array(unicodeScalars)
        while let last = scalars.last, last == " " || last == "(" || last == "-" { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
