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

    /// The glyphs of the first frame, decided before curses starts, and whether the terminal
    /// is to be asked how wide it draws ▽ once curses runs (only `auto`, and not on the
    /// console); its answer arrives after the first frame and may turn them to ASCII.
    func resolve(environment: [String: String], screenReader: Bool = false) -> (glyphs: Glyphs, ask: Bool) {
        switch self {
        case .unicode: return (.unicode, false)
        case .ascii: return (.ascii, false)
        case .auto:
            // The console's font lacks most symbols, but never draws anything two cells wide.
            if environment["TERM"] == "linux" { return (.asciiMarks, false) }
            // A screen reader says "black star" for ★, and "Café" right.
            return (screenReader ? .asciiMarks : .unicode, true)
        }
    }
}
