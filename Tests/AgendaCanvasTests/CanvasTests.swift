import Testing
import AgendaCanvas

@Suite struct CanvasTests {
    let measure = TextMeasure.standard

    @Test func wideCharactersTakeTwoCells() {
        var canvas = Canvas(size: Size(width: 6, height: 1))
        #expect(canvas.put("中文a", x: 0, y: 0, role: .normal, measure: measure) == 5)
        #expect(canvas[1, 0].isContinuation && canvas[3, 0].isContinuation)
        #expect(canvas.text() == "中文a")
    }

    @Test func wideCharacterAtTheLimitBecomesASpace() {
        var canvas = Canvas(size: Size(width: 5, height: 1))
        canvas.put("ab中", x: 0, y: 0, limit: 3, role: .normal, measure: measure)
        #expect(canvas.text() == "ab")
        #expect(!canvas[2, 0].isContinuation)
    }

    @Test func combiningMarksJoinThePreviousCell() {
        var canvas = Canvas(size: Size(width: 3, height: 1))
        #expect(canvas.put("e\u{301}x", x: 0, y: 0, role: .normal, measure: measure) == 2)
        #expect(canvas.text(x: 0, y: 0) == "e\u{301}")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var canvas = Canvas(size: Size(width: 4, height: 1))
        canvas.put("中中", x: 0, y: 0, role: .normal, measure: measure)
        canvas.put("x", x: 1, y: 0, role: .normal, measure: measure)
        #expect(canvas.text() == " x中")
    }

    /// A box (help, picker) filled over wide characters that straddle its edges: no half may
    /// be left, or the terminal draws the orphan two cells wide and shifts the row (the
    /// Chinese help once lost its last character until Ctrl-L).
    @Test func fillingOverHalfAWideCharacterBlanksTheOtherHalf() {
        var canvas = Canvas(size: Size(width: 8, height: 1))
        canvas.put("开源硬件", x: 0, y: 0, role: .normal, measure: measure)
        canvas.fill(Rect(x: 3, y: 0, width: 2, height: 1), role: .box)
        #expect(canvas.text() == "开    件")
        #expect(!canvas[2, 0].isContinuation && canvas[2, 0].scalar == " ")
        #expect(!canvas[5, 0].isContinuation && canvas[5, 0].scalar == " ")
        #expect(canvas[6, 0].scalar == "件" && canvas[7, 0].isContinuation)
    }

    @Test func unprintableBecomesReplacementCharacter() {
        var canvas = Canvas(size: Size(width: 3, height: 1))
        canvas.put("a\u{7}b", x: 0, y: 0, role: .normal, measure: measure)
        #expect(canvas.text() == "a\u{FFFD}b")
    }

    @Test func fitAddsEllipsisByCells() {
        #expect(TextLayout.fit("Plenary Session", width: 8, measure: measure) == "Plenary…")
        #expect(TextLayout.fit("中文标题", width: 5, measure: measure) == "中文…")
        #expect(TextLayout.fit("short", width: 8, measure: measure) == "short")
    }

    @Test func wrapBreaksOnWordsAndInsideLongOnes() {
        #expect(TextLayout.wrap("one two three", width: 7, measure: measure) == ["one two", "three"])
        #expect(TextLayout.wrap("abcdefghij", width: 4, measure: measure) == ["abcd", "efgh", "ij"])
        #expect(TextLayout.wrap("中文中文中", width: 4, measure: measure) == ["中文", "中文", "中"])
        #expect(TextLayout.wrap("a\n\nb", width: 4, measure: measure) == ["a", "", "b"])
    }

    @Test func listItemsHangAndIndentationStays() {
        #expect(TextLayout.wrap("• one two three", width: 9, measure: measure) == ["• one two", "  three"])
        #expect(TextLayout.wrap("12. alpha beta", width: 10, measure: measure) == ["12. alpha", "    beta"])
        #expect(TextLayout.wrap("  - deep item", width: 12, measure: measure) == ["  - deep", "    item"])
        #expect(TextLayout.wrap("   ", width: 8, measure: measure) == [""])
    }
}
