/// What a terminal must write to turn the frame it shows into the next one: row by row, the
/// cells that changed, as runs of plain cells (one write each) and wide or marked cells alone,
/// and where a row is cleared first because wide characters moved.
///
/// A cell counts as changed when its right neighbour did, so that a wide character goes with
/// its right half; a plain cell is then written once more than needed, which costs no output
/// (curses sends only what differs from the screen).
public struct FrameDiff: Sendable, Equatable {
    public enum Change: Sendable, Equatable {
        /// Blank row `y` from column `x` to its end, before the row's cells are written.
        case clear(y: Int, x: Int)
        /// Cells `x..<x + count` of row `y`: each one cell wide, without combining marks.
        case run(y: Int, x: Int, count: Int)
        /// The cell at (x, y) alone: a wide character, or one with combining marks.
        case cell(y: Int, x: Int)

        /// The row the change is on.
        public var row: Int {
            switch self {
            case .clear(let y, _), .run(let y, _, _), .cell(let y, _): y
            }
        }
    }

    /// In the order they are written.
    public let changes: [Change]

    /// With no previous frame, or one of another size, every cell is written.
    public init(from previous: Canvas?, to canvas: Canvas) {
        let previous = previous?.size == canvas.size ? previous : nil
        let width = canvas.size.width
        // Plain arrays in the loop: this runs over every cell of every frame.
        let now = canvas.cells
        let before = previous?.cells ?? []
        func unchanged(_ index: Int, last: Bool) -> Bool {
            !before.isEmpty && before[index] == now[index]
                && (!now[index].hasMarks || previous!.marks[index] == canvas.marks[index])
                // A wide character's right half changing means the character changed too.
                && (last || before[index + 1] == now[index + 1])
        }
        var changes: [Change] = []
        for y in 0..<canvas.size.height {
            let rowStart = y * width
            guard var firstChange = (0..<width).first(where: { !unchanged(rowStart + $0, last: $0 + 1 == width) }) else { continue }
            // A change right after a wide character shows first on its right half: start at the
            // character itself, or clearing from there would blank it and nothing redraw it.
            if firstChange > 0, now[rowStart + firstChange].isContinuation { firstChange -= 1 }
            // Where wide characters move, curses asked to write into what it still holds as an
            // old wide character's right half blanks back to that character's start, which may
            // by then be a new character: such a row is cleared from its first change and
            // written whole from there (unchanged cells cost no output: curses compares).
            let rewrite = (firstChange..<width).contains {
                now[rowStart + $0].isContinuation || (!before.isEmpty && before[rowStart + $0].isContinuation)
            }
            if rewrite { changes.append(.clear(y: y, x: firstChange)) }
            // Changed single-width cells of a row make one run; wide characters and cells with
            // combining marks go one by one.
            var runStart = 0, runCount = 0
            for x in firstChange..<width {
                let index = rowStart + x
                let cell = now[index]
                if cell.isContinuation { continue }
                let last = x + 1 == width
                if !rewrite, unchanged(index, last: last) {
                    if runCount > 0 { changes.append(.run(y: y, x: runStart, count: runCount)); runCount = 0 }
                    continue
                }
                if !cell.hasMarks, last || !now[index + 1].isContinuation {
                    if runCount == 0 { runStart = x }
                    runCount += 1
                    continue
                }
                if runCount > 0 { changes.append(.run(y: y, x: runStart, count: runCount)); runCount = 0 }
                changes.append(.cell(y: y, x: x))
            }
            if runCount > 0 { changes.append(.run(y: y, x: runStart, count: runCount)) }
        }
        self.changes = changes
    }
}
