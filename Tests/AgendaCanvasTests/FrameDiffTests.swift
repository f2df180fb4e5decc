import Testing
import AgendaCanvas

@Suite struct FrameDiffTests {
    /// A frame of `width` cells per row, each row's text drawn from its left edge.
    static func frame(_ rows: [String], width: Int, role: Role = .normal) -> Canvas {
        var canvas = Canvas(size: Size(width: width, height: rows.count))
        for (y, row) in rows.enumerated() { canvas.put(row, x: 0, y: y, role: role, measure: .standard) }
        return canvas
    }

    static func changes(_ before: [String], _ after: [String], width: Int) -> [FrameDiff.Change] {
        FrameDiff(from: frame(before, width: width), to: frame(after, width: width)).changes
    }

    @Test func anUnchangedFrameHasNoChanges() {
        let canvas = Self.frame(["a中文b", "e\u{301}x", ""], width: 8)
        #expect(FrameDiff(from: canvas, to: canvas).changes.isEmpty)
        #expect(FrameDiff(from: Canvas(size: Size(width: 0, height: 0)), to: Canvas(size: Size(width: 0, height: 0))).changes.isEmpty)
    }

    /// A changed cell goes with its left neighbour, which may be the left half of a wide
    /// character; rows without a change are left alone.
    @Test func oneChangedCellIsWrittenWithItsLeftNeighbour() {
        #expect(Self.changes(["abcde", "abcde"], ["abcde", "abXde"], width: 8) == [.run(y: 1, x: 1, count: 2)])
        #expect(Self.changes(["abcde"], ["Xbcde"], width: 8) == [.run(y: 0, x: 0, count: 1)])
        // The last column has no right neighbour to compare.
        #expect(Self.changes(["abcde"], ["abcdX"], width: 5) == [.run(y: 0, x: 3, count: 2)])
        #expect(Self.changes(["abcde"], ["abcde"], width: 5).isEmpty)
    }

    @Test func roleAndTintAreChangesToo() {
        var after = Self.frame(["abc"], width: 3)
        after.put("b", x: 1, y: 0, role: .selected, measure: .standard)
        #expect(FrameDiff(from: Self.frame(["abc"], width: 3), to: after).changes == [.run(y: 0, x: 0, count: 2)])
        var tinted = Self.frame(["abc"], width: 3)
        tinted.put("c", x: 2, y: 0, role: .normal, tint: 2, measure: .standard)
        #expect(FrameDiff(from: Self.frame(["abc"], width: 3), to: tinted).changes == [.run(y: 0, x: 1, count: 2)])
    }

    /// Unchanged cells between two changes end one run and start another.
    @Test func unchangedCellsSplitRuns() {
        #expect(Self.changes(["abcdefgh"], ["aXcdeYgh"], width: 8) == [.run(y: 0, x: 0, count: 2), .run(y: 0, x: 4, count: 2)])
    }

    @Test func withoutAPreviousFrameEverythingIsWritten() {
        let canvas = Self.frame(["ab", "a中b"], width: 5)
        let expected: [FrameDiff.Change] = [
            .run(y: 0, x: 0, count: 5),
            // A row with wide characters is cleared and written whole.
            .clear(y: 1, x: 0), .run(y: 1, x: 0, count: 1), .cell(y: 1, x: 1), .run(y: 1, x: 3, count: 2),
        ]
        #expect(FrameDiff(from: nil, to: canvas).changes == expected)
        // A previous frame of another size counts for nothing.
        #expect(FrameDiff(from: Self.frame(["ab", "a中b"], width: 6), to: canvas).changes == expected)
        #expect(FrameDiff(from: Self.frame(["ab"], width: 5), to: canvas).changes == expected)
    }

    /// Where a wide character is in the row from the first change on, the row is cleared from
    /// there and written whole, unchanged cells too; the wide character alone.
    @Test func aChangedWideCharacterRewritesTheRowFromThere() {
        #expect(Self.changes(["ab中c"], ["ab文c"], width: 7)
                == [.clear(y: 0, x: 1), .run(y: 0, x: 1, count: 1), .cell(y: 0, x: 2), .run(y: 0, x: 4, count: 3)])
    }

    /// A change right after a wide character shows first on its right half: the row starts
    /// at the character itself.
    @Test func aChangeAfterAWideCharacterStartsAtIt() {
        #expect(Self.changes(["中b"], ["中c"], width: 4) == [.clear(y: 0, x: 0), .cell(y: 0, x: 0), .run(y: 0, x: 2, count: 2)])
    }

    /// Wide characters only in the old frame still clear the row: curses holds their halves.
    @Test func wideCharactersGoneStillClearTheRow() {
        #expect(Self.changes(["x中文"], ["xabcd"], width: 5) == [.clear(y: 0, x: 0), .run(y: 0, x: 0, count: 5)])
        #expect(Self.changes(["abcd"], ["a中d"], width: 4) == [.clear(y: 0, x: 0), .run(y: 0, x: 0, count: 1), .cell(y: 0, x: 1), .run(y: 0, x: 3, count: 1)])
    }

    /// A cell with combining marks is written alone, and a change of marks alone is a change.
    @Test func cellsWithMarksAreWrittenAlone() {
        #expect(Self.changes(["e\u{301}b"], ["e\u{300}b"], width: 3) == [.cell(y: 0, x: 0)])
        #expect(Self.changes(["abc"], ["ae\u{301}c"], width: 3) == [.run(y: 0, x: 0, count: 1), .cell(y: 0, x: 1)])
        #expect(Self.changes(["ae\u{301}c"], ["abc"], width: 3) == [.run(y: 0, x: 0, count: 2)])
    }

    /// Whatever the frames, writing the changes over the old frame gives the new one.
    @Test(arguments: [
        (["↑↓ 移动  Enter 打开", "plain"], ["已将 0 个收藏写入 x", "plainer"]),
        (["a中文b", "中文中文"], ["中文中文", "a中b文c"]),
        (["x中文", "ab中文"], ["中文x", "a中文b"]),
        (["e\u{301}中", "abc"], ["中e\u{302}", "a\u{301}bc"]),
        (["", "中"], ["中文中文中文中文中文中", ""]),
    ])
    func writingTheChangesGivesTheNewFrame(before: [String], after: [String]) {
        let old = Self.frame(before, width: 21), new = Self.frame(after, width: 21, role: .banner)
        // What a cell shows: its role and text; nothing for the right half of a wide character.
        func shown(_ canvas: Canvas, _ x: Int, _ y: Int) -> String {
            canvas[x, y].isContinuation ? "" : "\(canvas[x, y].role) \(canvas.text(x: x, y: y))"
        }
        let blank = shown(Canvas(size: Size(width: 1, height: 1)), 0, 0)
        var screen = (0..<new.size.height).map { y in (0..<new.size.width).map { shown(old, $0, y) } }
        for change in FrameDiff(from: old, to: new).changes {
            switch change {
            case let .clear(y, x):
                for column in x..<new.size.width { screen[y][column] = blank }
            case let .run(y, x, count):
                for column in x..<(x + count) {
                    #expect(new.marks(x: column, y: y).isEmpty && !new[column, y].isContinuation)
                    screen[y][column] = shown(new, column, y)
                }
            case let .cell(y, x):
                screen[y][x] = shown(new, x, y)
                if x + 1 < new.size.width, new[x + 1, y].isContinuation { screen[y][x + 1] = "" }
            }
        }
        #expect(screen == (0..<new.size.height).map { y in (0..<new.size.width).map { shown(new, $0, y) } })
    }
}
