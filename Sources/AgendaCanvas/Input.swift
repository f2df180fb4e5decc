/// A key as the UI sees it, whatever terminal produced it.
public enum Key: Sendable, Equatable {
    case char(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace
    /// Ctrl plus a letter (or \ ] ^ _) not taken above; in raw mode this includes Ctrl-C, Ctrl-Z.
    case control(Character)
}

public enum MouseButton: Sendable, Equatable { case left, wheelUp, wheelDown }

/// Everything the terminal layer can report.
public enum Input: Sendable, Equatable {
    case key(Key)
    case mouse(MouseButton, x: Int, y: Int)
    case resize(Size)
    /// The terminal's answer to the width probe: how many cells it draws an ambiguous-width
    /// character such as ▽ in (2 on some CJK terminals). It arrives after the first frame.
    case ambiguousWidth(Int)
}
