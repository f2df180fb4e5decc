import Testing
@testable import AgendaCanvas

/// `--glyphs ascii`: each ambiguous character folds to one ASCII cell.
@Suite struct GlyphFoldingTests {
    @Test func standInsAreOneASCIICell() {
        for scalar in ["★", "▶", "│", "─", "┌", "…", "●", "○", "█", "▀", "▄", "·", "–", "▲", "▼", "◀", "▏", "↑", "×"] as [Unicode.Scalar] {
            #expect(AmbiguousWidth.contains(scalar), "\(scalar)")
            let plain = Canvas.asciiStandIn(scalar)
            #expect(plain?.isASCII == true && plain != " ", "\(scalar)")
        }
        for scalar in ["a", "中", "，", "Ü", "▐", "⚠"] as [Unicode.Scalar] { #expect(!AmbiguousWidth.contains(scalar), "\(scalar)") }
        #expect(Canvas.asciiStandIn("é") == "e")
        #expect(Canvas.asciiStandIn("Ж") == nil && Canvas.asciiStandIn("α") == nil)   // words, kept
    }
}
