/// Markdown's backslash escapes taken out of a text that is shown as written: pretalx and frab
/// abstracts are Markdown, and `Einsteiger\*innen` is meant to read `Einsteiger*innen`. As
/// CommonMark reads them: a backslash before ASCII punctuation; not in code (spans between
/// backticks, fenced blocks, lines indented as code), and any other backslash stays.
enum MarkdownEscapes {
    static func removed(_ text: String) -> String {
        guard text.containsByte(UInt8(ascii: "\\")) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var fence: Substring?
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if i > 0 { out.append("\n") }
            let trimmed = line.drop { $0 == " " }
            let indent = line.count - trimmed.count
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                out.append(contentsOf: line)
                continue
            }
            if indent < 4, trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
                out.append(contentsOf: line)
                continue
            }
            if indent >= 4 || line.hasPrefix("\t") { out.append(contentsOf: line); continue }
            out.append(unescaped(line))
        }
        return out
    }

    /// One line outside code blocks: escapes removed, code spans kept as they are.
    private static func unescaped(_ line: Substring) -> String {
        let scalars = Array(line.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "\\", i + 1 < scalars.count, isASCIIPunctuation(scalars[i + 1]) {
                out.append(scalars[i + 1])
                i += 2
                continue
            }
            if c == "`" {
                // A run of backticks opens a span closed by a run of the same length.
                var run = i
                while run < scalars.count, scalars[run] == "`" { run += 1 }
                let length = run - i
                var close = run, end: Int?
                while close < scalars.count {
                    guard scalars[close] == "`" else { close += 1; continue }
                    var closeEnd = close
                    while closeEnd < scalars.count, scalars[closeEnd] == "`" { closeEnd += 1 }
                    if closeEnd - close == length { end = closeEnd; break }
                    close = closeEnd
                }
                let through = end ?? run
                out.append(contentsOf: scalars[i..<through])
                i = through
                continue
            }
            out.append(c)
            i += 1
        }
        return String(out)
    }

    private static func isASCIIPunctuation(_ c: Unicode.Scalar) -> Bool {
        c.isASCII && ((0x21...0x2F).contains(c.value) || (0x3A...0x40).contains(c.value)
                      || (0x5B...0x60).contains(c.value) || (0x7B...0x7E).contains(c.value))
    }
}
