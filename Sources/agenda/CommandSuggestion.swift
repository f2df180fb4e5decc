import Foundation
import AgendaModel

/// `agenda lsit FILE`: the first word is taken for a schedule to browse (browse is the default
/// command), so a mistyped command would read as a missing file. A word that is no file, no
/// URL and not a command, but near one, gets "did you mean" instead.
enum CommandSuggestion {
    static let commands = ["browse", "list", "validate", "kiosk"]

    /// The message for `arguments` (without the program's name), or nil when nothing is amiss.
    static func message(_ arguments: [String], fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) -> String? {
        guard let word = arguments.first, !word.hasPrefix("-"), !word.contains("/"), !word.contains("."),
              !(commands + ["help", "bench-parse"]).contains(word), !fileExists(word) else { return nil }
        let near: [String]
        switch NameMatch(word.lowercased(), among: commands) {
        case .found(let command): near = [command]
        case .ambiguous(let commands): near = commands
        case .none(let nearest): near = nearest
        }
        guard !near.isEmpty else { return nil }
        let shown = near.map { "agenda \($0)" }.joined(separator: "\" or \"")
        return "agenda: \"\(Sanitizer.line(word))\" is neither a file nor a command; did you mean \"\(shown)\"?"
    }
}
