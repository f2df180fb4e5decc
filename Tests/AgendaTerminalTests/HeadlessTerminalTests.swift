import Testing
@testable import AgendaTerminal
import AgendaCanvas
import CNcursesw

/// ncurses holds one global screen: these tests must not run in parallel.
extension Curses {
    @Suite(.serialized) struct HeadlessTerminalTests {
        @Test func presentedCellsReachCursesVirtualScreen() throws {
            TerminalLocale.setUp()
            let terminal = try Terminal.headless(size: Size(width: 20, height: 4))
            defer { terminal.stop() }
            #expect(terminal.size == Size(width: 20, height: 4))
            var canvas = Canvas(size: terminal.size)
            canvas.put("Plenary 中文", x: 1, y: 1, role: .title, measure: terminal.measure)
            canvas.put("é", x: 0, y: 3, role: .normal, measure: terminal.measure)
            terminal.present(canvas)
            #expect(terminal.cell(x: 1, y: 1).text == "P")
            #expect(terminal.cell(x: 9, y: 1).text == "中")
            #expect(terminal.cell(x: 11, y: 1).text == "文")
            #expect(terminal.cell(x: 0, y: 3).text == "é")
            #expect(terminal.cell(x: 1, y: 1).attributes & Terminal.boldAttribute != 0)
            #expect(terminal.cell(x: 0, y: 3).attributes & Terminal.boldAttribute == 0)
        }

        /// Runs of plain cells go to curses in one call, wide and combining ones one by one: both
        /// ways must give each cell its own character, attributes and colour pair.
        @Test func runsAndSingleCellsCarryTheirColours() throws {
            TerminalLocale.setUp()
            let terminal = try Terminal.headless(size: Size(width: 30, height: 2))
            defer { terminal.stop() }
            var canvas = Canvas(size: terminal.size)
            canvas.put("ab", x: 0, y: 0, role: .statusBar, measure: terminal.measure)
            canvas.put("c中é\u{301}d", x: 2, y: 0, role: .selected, measure: terminal.measure)
            canvas.put("ef", x: 8, y: 0, role: .title, measure: terminal.measure)
            terminal.present(canvas)
            let expected: [(Int, String, Role)] = [(0, "a", .statusBar), (1, "b", .statusBar), (2, "c", .selected), (3, "中", .selected),
                                                   (6, "d", .selected), (8, "e", .title), (9, "f", .title)]
            for (x, text, role) in expected {
                let cell = terminal.cell(x: x, y: 0)
                #expect(cell.text == text && cell.pair == terminal.pair(of: role), "\(x): \(cell)")
            }
            #expect(terminal.cell(x: 5, y: 0).text == "é\u{301}")
            #expect(terminal.pair(of: .statusBar) != terminal.pair(of: .selected))
            #expect(terminal.cell(x: 8, y: 0).attributes & Terminal.boldAttribute != 0)
        }

        @Test func onlyChangedCellsAreRewrittenAndStaleTextIsCleared() throws {
            TerminalLocale.setUp()
            let terminal = try Terminal.headless(size: Size(width: 10, height: 2))
            defer { terminal.stop() }
            var first = Canvas(size: terminal.size)
            first.put("abcdef", x: 0, y: 0, role: .normal, measure: terminal.measure)
            terminal.present(first)
            var second = Canvas(size: terminal.size)
            second.put("ab", x: 0, y: 0, role: .normal, measure: terminal.measure)
            terminal.present(second)
            #expect(terminal.cell(x: 1, y: 0).text == "b")
            #expect(terminal.cell(x: 2, y: 0).text == " ")
            #expect(terminal.cell(x: 5, y: 0).text == " ")
        }

        /// Ctrl-L is reported as a key: the key table says it redraws, not the terminal.
        @Test func ctrlLIsAKey() throws {
            TerminalLocale.setUp()
            let terminal = try Terminal.headless(size: Size(width: 20, height: 4))
            defer { terminal.stop() }
            unget_wch(12)
            #expect(terminal.nextInput(timeout: 0) == .key(.control("l")))
        }

        /// After a frame, the cursor stands where the frame says, whatever was drawn last; with
        /// none given, at the top left.
        @Test func cursorEndsWhereTheFrameSays() throws {
            TerminalLocale.setUp()
            let terminal = try Terminal.headless(size: Size(width: 20, height: 4))
            defer { terminal.stop() }
            var canvas = Canvas(size: terminal.size)
            canvas.put("selected", x: 3, y: 1, role: .selected, measure: terminal.measure)
            canvas.put("status", x: 0, y: 3, role: .statusBar, measure: terminal.measure)
            canvas.cursor = Point(x: 3, y: 1)
            terminal.present(canvas)
            #expect(terminal.cursorPosition == Point(x: 3, y: 1))
            canvas.cursor = nil
            canvas.put("12:01", x: 14, y: 0, role: .header, measure: terminal.measure)
            terminal.present(canvas)
            #expect(terminal.cursorPosition == Point(x: 0, y: 0))
            canvas.cursor = Point(x: 99, y: 99)   // off screen: kept on it
            terminal.present(canvas)
            #expect(terminal.cursorPosition == Point(x: 19, y: 3))
        }

        /// Wide characters moved by one cell between frames (the status line's hints replaced by
        /// "已将 0 个收藏写入 …"): curses, asked to write into what it still holds as the right half
        /// of an old wide character, blanks back to that character's start, which by then is a new
        /// character. Every cell must hold what the frame says.
        @Test(arguments: [("↑↓ 移动  Enter 打开", "已将 0 个收藏写入 x"), ("a中文b", "中文中文"), ("中文中文", "a中b文c"),
                          ("x中文", "中文x"), ("ab中文", "a中文b")])
        func wideCharactersShiftedByACellAreAllShown(before: String, after: String) throws {
            TerminalLocale.setUp()
            let terminal = try Terminal.headless(size: Size(width: 24, height: 1))
            defer { terminal.stop() }
            let measure = terminal.measure
            var first = Canvas(size: terminal.size)
            first.put(before, x: 1, y: 0, role: .statusBar, measure: measure)
            terminal.present(first)
            var second = Canvas(size: terminal.size)
            second.put(after, x: 1, y: 0, role: .banner, measure: measure)
            terminal.present(second)
            var x = 1
            for character in after {
                let cell = terminal.cell(x: x, y: 0)
                #expect(cell.text == String(character) && cell.pair == terminal.pair(of: .banner), "\(after) at \(x): \(cell)")
                x += measure.cells(String(character))
            }
        }

        @Test func wcwidthAgreesWithCursesOnWideAndCombining() {
            TerminalLocale.setUp()
            let measure = TerminalLocale.measure
            #expect(measure.width("中") == 2)
            #expect(measure.width("a") == 1)
            #expect(measure.width("\u{301}") == 0)
            #expect(measure.width("\u{7}") == -1)
        }
    }
}

@Suite struct TrackTintTests {
    @Test func hexColoursMapToTheNearestTerminalColour() {
        #expect(TrackTints.rgb("#0347B4")! == (3, 71, 180))
        #expect(TrackTints.nearest8((230, 10, 20)) == 1)       // red
        #expect(TrackTints.nearest8((0, 0, 0)) != 0)           // never black on black
        #expect(TrackTints.nearest256((255, 0, 0)) == 196)
        #expect(TrackTints.nearest256((128, 128, 128)) == 244)
    }
}
