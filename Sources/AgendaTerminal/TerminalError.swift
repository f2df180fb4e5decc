/// Why the full-screen UI cannot start; each has one clear line for stderr.
public enum TerminalError: Error, CustomStringConvertible, Equatable {
    case notATerminal
    case noTerm
    case unknownTerm(String)
    case noCursorAddressing(String)
    case startFailed

    public var description: String { message(chinese: false) }

    /// The line in English, or in Chinese for `--lang zh` (the UI's languages are not known here).
    public func message(chinese: Bool) -> String {
        if chinese {
            switch self {
            case .notATerminal: return "标准输入不是终端；如需纯文本列表，请使用 `agenda list`"
            case .noTerm: return "未设置 TERM；请设为所用终端的类型（例如 TERM=xterm-256color），或使用 `agenda list`"
            case .unknownTerm(let term): return "本系统不认识终端类型 TERM=\(term)（没有 terminfo 条目）；请试用 TERM=xterm-256color，或使用 `agenda list`"
            case .noCursorAddressing(let term): return "TERM=\(term) 无法移动光标，不能全屏显示；请使用 `agenda list`"
            case .startFailed: return "无法初始化终端"
            }
        }
        return switch self {
        case .notATerminal: "standard input is not a terminal; use `agenda list` for a plain listing"
        case .noTerm: "TERM is not set; set it to your terminal type (e.g. TERM=xterm-256color) or use `agenda list`"
        case .unknownTerm(let term): "TERM=\(term) is not a terminal type this system knows (no terminfo entry); try TERM=xterm-256color or use `agenda list`"
        case .noCursorAddressing(let term): "TERM=\(term) cannot move the cursor, so no full-screen view is possible; use `agenda list`"
        case .startFailed: "the terminal could not be initialised"
        }
    }
}
