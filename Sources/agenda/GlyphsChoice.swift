import ArgumentParser
import AgendaTerminal
import AgendaUI

/// `--glyphs`, for the browser and the kiosk: which characters lines and marks are drawn with.
enum GlyphsChoice: String, ExpressibleByArgument, CaseIterable {
    case unicode, ascii, auto

    static let help = ArgumentHelp(
        "Lines and marks: unicode, ascii, or auto (ascii on TERM=linux, with --screen-reader, or when the terminal draws ambiguous-width characters such as ▽ two cells wide, as CJK terminals may; it is asked once at start).",
        valueName: "unicode|ascii|auto")

    /// Decided once, after the terminal has passed preflight and before curses starts: only
    /// `auto` asks the terminal, and only when standard input and output are one.
    func resolve(environment: [String: String], screenReader: Bool = false) -> Glyphs {
        switch self {
        case .unicode: return .unicode
        case .ascii: return .ascii
        case .auto:
            // The console's font lacks most symbols; a screen reader says "black star" for ★.
            if screenReader || environment["TERM"] == "linux" { return .ascii }
            return WidthProbe.run() ?? .unicode
        }
    }
}
