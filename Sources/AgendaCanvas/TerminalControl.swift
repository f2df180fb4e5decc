/// What a program asks of the terminal besides drawing cells: the terminal layer turns each
/// into its escape sequence, made safe, and writes it between frames.
public enum TerminalControl: Sendable, Equatable {
    /// Put text on the clipboard (OSC 52; terminals that do not allow it ignore it).
    case copy(String)
    /// A desktop notification (OSC 777 and OSC 9), for a terminal in the background.
    case notify(title: String, body: String)
}
