/// What the user asked for, independent of the key or click that asked.
public enum Action: Sendable, Equatable {
    case move(Int)
    case page(Int)
    case first, last
    case open, back, switchPane
    case toggleHelp, quit
    case click(x: Int, y: Int)
    case wheel(Int, x: Int, y: Int)
    case resize(Size)
}

/// The browser's keys: one table, so help and behaviour cannot drift apart.
public enum KeyMap {
    public struct Binding: Sendable {
        public let keys: String
        public let help: String
    }

    public static func action(for input: Input) -> Action? {
        switch input {
        case .resize(let size): return .resize(size)
        case .mouse(.left, let x, let y): return .click(x: x, y: y)
        case .mouse(.wheelUp, let x, let y): return .wheel(-3, x: x, y: y)
        case .mouse(.wheelDown, let x, let y): return .wheel(3, x: x, y: y)
        case .key(let key): return action(for: key)
        }
    }

    static func action(for key: Key) -> Action? {
        switch key {
        case .up, .char("k"): .move(-1)
        case .down, .char("j"): .move(1)
        case .pageUp, .char("b"): .page(-1)
        case .pageDown, .char(" "): .page(1)
        case .home, .char("g"): .first
        case .end, .char("G"): .last
        case .enter, .right, .char("l"): .open
        case .escape, .left, .char("h"), .backspace: .back
        case .tab, .backTab: .switchPane
        case .char("?"): .toggleHelp
        case .char("q"), .char("Q"): .quit
        default: nil
        }
    }

    /// Shown by the help overlay, in this order.
    public static let bindings: [Binding] = [
        Binding(keys: "↑ ↓  k j", help: "previous / next session, or scroll the detail"),
        Binding(keys: "PgUp PgDn  b Space", help: "page up / down"),
        Binding(keys: "Home End  g G", help: "first / last"),
        Binding(keys: "Enter → l", help: "open the detail of the session"),
        Binding(keys: "Esc ← h", help: "back to the list; close this help"),
        Binding(keys: "Tab", help: "switch between list and detail"),
        Binding(keys: "mouse", help: "click selects, wheel scrolls"),
        Binding(keys: "?", help: "show or hide this help"),
        Binding(keys: "q", help: "quit"),
    ]
}
