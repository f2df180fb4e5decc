import AgendaCanvas

/// Which roles a block picture is drawn in: `ink` for a cell whose two halves are both set (a
/// space on the ink's colour, solid in any font: a "█" glyph is drawn a pixel short in some),
/// `paper` for the rest (blank, or "▀" / "▄" in the ink's colour on the paper's background).
struct BlockRoles: Equatable {
    let ink: Role
    let paper: Role

    static let clock = BlockRoles(ink: .clockInk, paper: .clock)
    static let qr = BlockRoles(ink: .qrInk, paper: .qr)
    static let urgent = BlockRoles(ink: .urgentInk, paper: .urgent)
    static let caution = BlockRoles(ink: .cautionInk, paper: .caution)
    static let alarm = BlockRoles(ink: .alarmInk, paper: .alarm)

    /// The roles whose cells may hold half blocks, kept whole by the console's glyph folding.
    static let paperRoles: Set<Role> = [.clock, .qr, .urgent, .caution, .alarm]
}

/// Draws a picture of pixels in terminal cells: each pixel `across` cells wide and `halves`
/// half rows high, two half rows to a cell.
enum BlockPainter {
    /// Rows of cells a picture of `pixelRows` takes.
    static func rows(pixelRows: Int, halves: Int) -> Int { (pixelRows * halves + 1) / 2 }

    static func draw(_ pixels: [[Bool]], x: Int, y: Int, across: Int, halves: Int, roles: BlockRoles, pen: inout KioskPen) {
        guard across > 0, halves > 0 else { return }
        let halfRows: [[Bool]] = pixels.flatMap { row in
            Array(repeating: row.flatMap { Array(repeating: $0, count: across) }, count: halves)
        }
        let halfBlocks = pen.glyphs.halfBlocks
        for top in stride(from: 0, to: halfRows.count, by: 2) {
            let upper = halfRows[top], lower = top + 1 < halfRows.count ? halfRows[top + 1] : nil
            // Runs of cells of one role, drawn as one string each.
            var runs: [(text: String, role: Role, x: Int)] = []
            for column in upper.indices {
                let cell: (Character, Role)
                switch (upper[column], lower?[column] ?? false) {
                case (true, true): cell = (" ", roles.ink)
                case (true, false): cell = (halfBlocks ? "▀" : " ", roles.paper)
                case (false, true): cell = (halfBlocks ? "▄" : " ", roles.paper)
                case (false, false): cell = (" ", roles.paper)
                }
                if let last = runs.last, last.role == cell.1 {
                    runs[runs.count - 1].text.append(cell.0)
                } else {
                    runs.append((String(cell.0), cell.1, column))
                }
            }
            for run in runs {
                pen.text(run.text, x: x + run.x, y: y + top / 2, width: run.text.count, role: run.role)
            }
        }
    }
}
