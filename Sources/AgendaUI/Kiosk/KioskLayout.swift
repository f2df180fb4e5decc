import AgendaCanvas

/// Where the parts of the board go for a screen size. The state uses it to count venue pages,
/// the views to draw, so the page indicator and the pages drawn always agree.
struct KioskLayout: Equatable {
    /// Size of the board itself: one cell smaller than the screen each way when it shifts
    /// against burn-in, so every shift position shows the whole board.
    let board: Size
    /// 0 (no large clock), 1 (three rows) or 2 (five rows).
    let clockScale: Int
    let headerHeight: Int
    var body: Rect
    /// The last row: zone, update mark, page indicator. Nil on tiny screens.
    let footerRow: Int?
    /// Venue mode: columns of room blocks, and blocks per column.
    let venueColumns: Int
    let roomsPerColumn: Int

    /// A room block: its name, now and next; plus a blank row between blocks.
    static let roomBlockHeight = 3

    init(screen: Size, shifts: Bool) {
        let shrink = shifts && screen.width >= 20 && screen.height >= 6 ? 1 : 0
        board = Size(width: max(0, screen.width - shrink), height: max(0, screen.height - shrink))
        // By the screen, not the shifted board: a 120×40 screen gets the five-row clock.
        if screen.height >= 40, screen.width >= 100 {
            clockScale = 2
        } else if screen.height >= 16, screen.width >= 56 {
            clockScale = 1
        } else {
            clockScale = 0
        }
        // The header holds the large clock (or one line of text), then a rule when room allows.
        let headerText = clockScale > 0 ? BlockClock.height(scale: clockScale) : (board.height >= 8 ? 2 : 1)
        headerHeight = min(board.height, headerText + (board.height >= 6 ? 1 : 0))
        footerRow = board.height >= 6 ? board.height - 1 : nil
        // Roomy screens get a blank row under the header and above the footer.
        let spacing = board.height >= 12 ? 1 : 0
        let bodyTop = headerHeight + spacing
        let bodyBottom = board.height >= 6 ? board.height - 1 - spacing : board.height
        body = Rect(x: 1, y: bodyTop, width: max(0, board.width - 2), height: max(0, bodyBottom - bodyTop))
        venueColumns = board.width >= 150 ? 2 : 1
        roomsPerColumn = max(1, (body.height + 1) / (Self.roomBlockHeight + 1))
    }

    var roomsPerPage: Int { venueColumns * roomsPerColumn }
}
