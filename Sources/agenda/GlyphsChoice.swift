import ArgumentParser
import AgendaCanvas
import AgendaTerminal
import AgendaUI

/// `--glyphs`, for the browser and the kiosk: which characters lines and marks are drawn with.
enum GlyphsChoice: String, ExpressibleByArgument, CaseIterable {
    case unicode, ascii, auto

    static let help = ArgumentHelp(
        "Lines and marks: unicode, ascii, or auto (ascii when the terminal draws ambiguous-width characters such as ▽ two cells wide, as CJK terminals may, which it is asked once at start; ASCII lines and marks but letters as published on TERM=linux and with --screen-reader).",
        valueName: "unicode|ascii|auto")

    /// Decided once, after the terminal has passed preflight and before curses starts: only
    /// `auto` asks the terminal, and only when standard input and output are one.
    func resolve(environment: [String: String], screenReader: Bool = false) -> Glyphs {
        switch self {
        case .unicode: return .unicode
        case .ascii: return .ascii
        case .auto:
            // The console's font lacks most symbols, but never draws anything two cells wide.
            if environment["TERM"] == "linux" { return .asciiMarks }
            let asked = WidthProbe.run()
            if asked == .ascii { return .ascii }
            // A screen reader says "black star" for ★, and "Café" right.
            return screenReader ? .asciiMarks : .unicode
        }
    }
}
