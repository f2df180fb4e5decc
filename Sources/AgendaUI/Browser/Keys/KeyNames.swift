import AgendaCanvas
/// Keys written out for people: the help screen, the screen reader and the manual name the
/// keys the table binds, never a copy of them.
extension KeyMap {
    /// A key as help writes it ("↑", "PgUp", "Space", "Ctrl-L"); `spoken`: in words, as a screen
    /// reader should say it and the manual prints it ("Up").
    static func name(_ key: Key, spoken: Bool) -> String {
        switch key {
        case .up: spoken ? "Up" : "↑"
        case .down: spoken ? "Down" : "↓"
        case .left: spoken ? "Left" : "←"
        case .right: spoken ? "Right" : "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .control(let c): "Ctrl-" + c.uppercased()
        }
    }

    /// The keys of a line: "↑ ↓  k j" (spoken: "Up Down  k j").
    static func label(_ line: Line, _ strings: Strings, spoken: Bool) -> String {
        line.parts.map { part in
            switch part {
            case .keys(let keys): keys.map { name($0.0, spoken: spoken) }.joined(separator: " ")
            case .typing: strings.typedKeys
            case .mouse: strings.mouseKeys
            }
        }.joined(separator: "  ")
    }
}
