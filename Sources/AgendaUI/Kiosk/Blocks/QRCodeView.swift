import AgendaModel

/// A QR code's modules, row by row: what an encoder hands the board.
public struct QRMatrix: Sendable, Equatable {
    public let width: Int
    public let dark: [Bool]

    public init(width: Int, dark: [Bool]) {
        self.width = width
        self.dark = dark
    }

    /// Modules across with the 4-module quiet zone on each side.
    static let quietZone = 4
    var cells: Int { width + 2 * Self.quietZone }
    /// Rows: two modules per row, in half blocks.
    var rows: Int { (cells + 1) / 2 }

    func isDark(_ x: Int, _ y: Int) -> Bool {
        let q = Self.quietZone
        guard x >= q, y >= q, x < width + q, y < width + q else { return false }
        return dark[(y - q) * width + (x - q)]
    }
}

/// Draws a QR code in half blocks and solid cells, dark on light, quiet zone included; never clipped.
enum QRCodeView {
    /// The code for the door screen and what it leads to (its caption): a full room's stream,
    /// else the session's own page, else the room's map from the venue file.
    static func code(for session: Session?, room: String?, _ view: KioskView) -> (matrix: QRMatrix, caption: String)? {
        // Half blocks: not outside UTF-8, nor where they may be two cells wide (not so on the console).
        let state = view.state, options = state.options
        guard let encode = state.encodeQR, !options.ascii, !options.asciiGlyphs || options.consoleFont else { return nil }
        let extras = room.flatMap(state.extras(of:))
        if let full = state.fullRooms.first {
            let url = full.status.url ?? options.streamURL ?? state.extras(of: full.room)?.stream
            return url.flatMap(encode).map { ($0, view.labels.watchTheStream) }
        }
        if options.qr == .talk, let url = session?.url, !url.isEmpty, let code = encode(url) {
            return (code, view.labels.talkPage)
        }
        guard options.qr == .talk, let map = extras?.map, let code = encode(map) else { return nil }
        return (code, view.labels.map)
    }

    static func draw(_ code: QRMatrix, x: Int, y: Int, pen: inout KioskPen) {
        let pixels = (0..<code.cells).map { row in (0..<code.cells).map { code.isDark($0, row) } }
        BlockPainter.draw(pixels, x: x, y: y, across: 1, halves: 1, roles: .qr, pen: &pen)
    }
}
