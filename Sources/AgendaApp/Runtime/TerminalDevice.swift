import AgendaCanvas
import AgendaUI

/// What the run loops need of a terminal: its size, keys in, frames out. `Terminal` (ncurses)
/// is the real one; tests drive the loops with one of their own.
public protocol TerminalDevice: AnyObject {
    var size: Size { get }
    var measure: TextMeasure { get }
    /// Standard input has ended (EOF, hang-up).
    var inputClosed: Bool { get }
    /// The next key, click or resize, waiting at most `timeout` milliseconds.
    func nextInput(timeout: Int32) -> Input?
    func present(_ canvas: Canvas)
    /// The next frame is drawn whole (after a resize).
    func invalidate()
    func bell()
    func useTrackColours(_ hexes: [String])
    /// Writes a control sequence between frames: the clipboard, a desktop notification.
    func send(_ control: TerminalControl)
    /// Puts the terminal back as it was; safe to call twice.
    func stop()
}
