import AgendaCanvas

/// The browser's keys: one table per context (`KeyTable.swift`) from which the behaviour
/// (`action(for:in:)`), the help screen (`HelpView`) and the manual's KEYS section
/// (`manualKeys`) are all made, so that none of them can say what another does not.
public enum KeyMap {
    /// Where the same key means different things.
    public enum Context: Sendable, CaseIterable {
        /// The list and the detail.
        case browser
        /// Typing in the search line; other keys as in the browser.
        case search
        /// The filter picker.
        case picker
        /// Typing to narrow the picker; other keys as in the picker.
        case pickerTyping
        /// The help screen.
        case help
        /// The session's links, to open or copy one.
        case links
    }

    /// What one part of a line answers to.
    public enum Trigger: Sendable {
        /// These keys, each with its action.
        case keys([(Key, Action)])
        /// Any character typed: the action made of it.
        case typing(@Sendable (Character) -> Action)
        /// These mouse buttons, each with its action.
        case mouse([Pointer])

        static func key(_ key: Key, _ action: Action) -> Trigger { .keys([(key, action)]) }

        /// A key for back and one for forward: `.pair(.up, .down, Action.move)`.
        static func pair(_ back: Key, _ forward: Key, _ action: (Int) -> Action) -> Trigger {
            .keys([(back, action(-1)), (forward, action(1))])
        }
    }

    /// A mouse button, with the action made of where the pointer is.
    public struct Pointer: Sendable {
        public let button: MouseButton
        public let action: @Sendable (_ x: Int, _ y: Int) -> Action

        static func on(_ button: MouseButton, _ action: @escaping @Sendable (_ x: Int, _ y: Int) -> Action) -> Pointer {
            Pointer(button: button, action: action)
        }
    }

    /// One line of help: keys shown together, and what they do.
    public struct Line: Sendable {
        /// Shown two spaces apart: "↑ ↓  k j" is two parts.
        public let parts: [Trigger]
        public let en: String
        public let zh: String
        /// The manual's words where it has room to say more than the help screen (ASCII).
        public let manual: String?

        init(_ parts: Trigger..., en: String, zh: String, manual: String? = nil) {
            self.parts = parts
            self.en = en
            self.zh = zh
            self.manual = manual
        }
    }

    public struct Section: Sendable {
        public let en: String
        public let zh: String
        public let lines: [Line]
    }

    public struct Table: Sendable {
        /// In the help screen's order; one untitled section where there is no help screen.
        public let sections: [Section]
        /// Where a key this table does not have is looked up.
        public let fallback: Context?

        public var lines: [Line] { sections.flatMap(\.lines) }
    }

    /// Which table the keys of `state` are looked up in.
    public static func context(of state: AppState) -> Context {
        switch state.overlay {
        case .help: .help
        case .links: .links
        case .picker: state.picker.typing ? .pickerTyping : .picker
        case .none: state.search.editing ? .search : .browser
        }
    }

    /// The action for an input in the given state (nil: the input means nothing there).
    public static func action(for input: Input, in state: AppState) -> Action? {
        switch input {
        case .resize(let size): .resize(size)
        // Two cells wide: lines and marks in ASCII. One cell: the glyphs drawn already stay.
        case .ambiguousWidth(let cells): cells == 2 ? .glyphsLearnt(.ascii) : nil
        case .key(let key): action(for: key, in: context(of: state))
        case .mouse(let button, let x, let y): action(for: button, x: x, y: y, in: context(of: state))
        }
    }

    static func action(for key: Key, in context: Context) -> Action? {
        let table = table(context)
        for line in table.lines {
            for part in line.parts {
                switch part {
                case .keys(let keys): if let hit = keys.first(where: { $0.0 == key }) { return hit.1 }
                case .typing(let make): if case .char(let c) = key { return make(c) }
                case .mouse: break
                }
            }
        }
        return table.fallback.flatMap { action(for: key, in: $0) }
    }

    static func action(for button: MouseButton, x: Int, y: Int, in context: Context) -> Action? {
        let table = table(context)
        for line in table.lines {
            for case .mouse(let buttons) in line.parts {
                if let hit = buttons.first(where: { $0.button == button }) { return hit.action(x, y) }
            }
        }
        return table.fallback.flatMap { action(for: button, x: x, y: y, in: $0) }
    }
}
