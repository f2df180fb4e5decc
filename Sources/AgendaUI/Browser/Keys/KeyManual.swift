import AgendaCanvas
/// The KEYS lists of agenda(1), in mdoc, made from the key table. The manual's source
/// (docs/man/agenda-sections.mdoc) holds a copy between two comment lines; a test fails while
/// they differ, and with `AGENDA_RECORD=1` writes this text there.
extension KeyMap {
    static var manualKeys: String {
        Context.allCases.map { context in
            let lines = table(context).lines
            let labels = lines.map { label($0, .for(.en), spoken: true).split(separator: " ") }
            let widest = labels.map { $0.joined(separator: " ") }.max { $0.count < $1.count } ?? ""
            var mdoc = [manualHeading(context), ".Bl -tag -width \"\(widest)\""]
            for (line, label) in zip(lines, labels) {
                mdoc.append(".It Sy " + label.map(manualWord).joined(separator: " "))
                mdoc.append(line.manual ?? line.en)
            }
            return (mdoc + [".El"]).joined(separator: "\n")
        }.joined(separator: "\n.Pp\n")
    }

    private static func manualHeading(_ context: Context) -> String {
        switch context {
        case .browser: "In the browser:"
        case .search: "While typing a search (other keys as in the browser):"
        case .picker: "In the picker that p opens:"
        case .pickerTyping: "While typing in the picker (other keys as in the picker):"
        case .help: "In the help:"
        case .links: "In the link chooser that o and y open on a session with several links:"
        }
    }

    /// mdoc reads a lone bracket or punctuation mark as a delimiter: `\&` makes it a word.
    private static func manualWord(_ word: Substring) -> String {
        word.count == 1 && "()[].,:;?!|".contains(word) ? "\\&" + word : String(word)
    }
}
