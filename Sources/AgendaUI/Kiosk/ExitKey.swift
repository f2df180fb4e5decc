import AgendaCanvas

/// `--exit-key`: the one key that ends a kiosk. Without it no key does.
public enum ExitKey {
    /// `q`, `x`, `esc`, `enter`, `tab`, or a control key as `ctrl-x`, `c-x` or `^x`.
    public static func parse(_ text: String) -> Key? {
        let lower = text.lowercased()
        switch lower {
        case "esc", "escape": return .escape
        case "enter", "return": return .enter
        case "tab": return .tab
        case "space": return .char(" ")
        default: break
        }
        for prefix in ["ctrl-", "ctrl+", "c-", "^"] where lower.hasPrefix(prefix) && lower.count == prefix.count + 1 {
            guard let character = lower.last, (character.isASCII && character.isLetter) || "\\]^_".contains(character) else { return nil }
            return .control(character)
        }
        guard text.count == 1, let character = text.first, !character.isWhitespace else { return nil }
        return .char(character)
    }
}
