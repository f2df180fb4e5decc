/// Why the full-screen UI cannot start; each has one clear line for stderr.
public enum TerminalError: Error, CustomStringConvertible, Equatable {
    case notATerminal
    case noTerm
    case unknownTerm(String)
    case noCursorAddressing(String)
    case startFailed

    public var description: String {
        switch self {
        case .notATerminal: "standard input is not a terminal; use `agenda list` for a plain listing"
        case .noTerm: "TERM is not set; set it to your terminal type (e.g. TERM=xterm-256color) or use `agenda list`"
        case .unknownTerm(let term): "TERM=\(term) is not a terminal type this system knows (no terminfo entry); try TERM=xterm-256color or use `agenda list`"
        case .noCursorAddressing(let term): "TERM=\(term) cannot move the cursor, so no full-screen view is possible; use `agenda list`"
        case .startFailed: "the terminal could not be initialised"
        }
    }
}
