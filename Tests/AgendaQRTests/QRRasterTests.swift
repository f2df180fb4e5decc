import AgendaCanvas
import AgendaModel
import AgendaQR
import AgendaUI
import Foundation
import Testing

/// The door screen's QR code, rasterised from the cell grid as a terminal font draws it, reads
/// with `zbarimg`. The font is modelled on DejaVu Sans Mono, whose block glyphs stop a pixel
/// short of the cell: a code drawn with "█" gets a light seam across every row; solid cells
/// (spaces on the dark colour) have none.
@Suite(.enabled(if: QREncoder.unavailable == nil, "libqrencode4 is not installed: QR codes cannot be made here"),
       .enabled(if: QRRaster.zbarimg != nil, "zbarimg is not installed (apt install zbar-tools): the code cannot be read back"))
struct QRRasterTests {
    static let url = "https://events.ccc.de/congress/2024/hub/event/detail/opening-ceremony"

    static func doorScreen(width: Int, height: Int) -> Canvas {
        let zone = TimeZone(identifier: "Europe/Berlin")!
        let start = Date(timeIntervalSince1970: 1_735_290_000)
        var talk = Session(id: "1", title: "Opening Ceremony", start: start, end: start.addingTimeInterval(3600), room: "Saal 1")
        talk.url = url
        let schedule = Schedule(conference: Conference(title: "38C3", timeZone: zone), sessions: [talk])
        let state = KioskState(schedule: schedule, now: start.addingTimeInterval(600), size: Size(width: width, height: height),
                               options: KioskOptions(room: "Saal 1", burnInShift: false), qrCodes: .encoder(QREncoder.encode))
        return KioskBoard.render(state)
    }

    @Test(arguments: [(120, 40), (200, 50)])
    func theCodeOnTheDoorScreenReads(width: Int, height: Int) throws {
        let canvas = Self.doorScreen(width: width, height: height)
        let cells = QRRaster.codeCells(canvas)
        #expect(!cells.isEmpty, "no QR code on the screen:\n\(canvas.text())")
        // Every full cell is a space on the dark colour, never a glyph a font may draw short.
        #expect(!cells.contains { canvas[$0.x, $0.y].scalar == "█" })
        #expect(cells.contains { canvas[$0.x, $0.y].role == .qrInk })
        #expect(try QRRaster.decode(canvas) == Self.url)
    }

    /// The check can fail: the same code with its full cells drawn as "█" (the seam) does not read.
    @Test func theSameCodeInGlyphsDoesNot() throws {
        var canvas = Self.doorScreen(width: 120, height: 40)
        for point in QRRaster.codeCells(canvas) where canvas[point.x, point.y].role == .qrInk {
            canvas.put("█", x: point.x, y: point.y, role: .qr, measure: .standard)
        }
        #expect(try QRRaster.decode(canvas) != Self.url)
    }
}

/// A terminal's picture of the QR cells: 8×16 pixels a cell, glyphs as DejaVu draws them.
enum QRRaster {
    static let zbarimg: String? = ["/usr/bin/zbarimg", "/usr/local/bin/zbarimg"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static func codeCells(_ canvas: Canvas) -> [Point] {
        (0..<canvas.size.height).flatMap { y in
            (0..<canvas.size.width).compactMap { x in
                [.qr, .qrInk].contains(canvas[x, y].role) ? Point(x: x, y: y) : nil
            }
        }
    }

    /// The pixel rows a glyph covers in a 16-row cell; the bottom row is left light, as DejaVu does.
    static func covered(_ scalar: Unicode.Scalar) -> Range<Int> {
        switch scalar {
        case "█": 0..<15
        case "▀": 0..<8
        case "▄": 8..<15
        default: 0..<0
        }
    }

    /// The code's cells, with a light margin, as a PBM image; zbarimg's answer.
    static func decode(_ canvas: Canvas) throws -> String? {
        let cells = codeCells(canvas)
        guard let left = cells.map(\.x).min(), let right = cells.map(\.x).max(),
              let top = cells.map(\.y).min(), let bottom = cells.map(\.y).max() else { return nil }
        let margin = 2, cellWidth = 8, cellHeight = 16
        let columns = right - left + 1 + 2 * margin, rows = bottom - top + 1 + 2 * margin
        var image = "P1\n\(columns * cellWidth) \(rows * cellHeight)\n"
        for py in 0..<rows * cellHeight {
            var line = ""
            for px in 0..<columns * cellWidth {
                let x = left - margin + px / cellWidth, y = top - margin + py / cellHeight
                var dark = false
                if x >= left, x <= right, y >= top, y <= bottom {
                    let cell = canvas[x, y]
                    if cell.role == .qrInk { dark = true }
                    if cell.role == .qr { dark = covered(cell.scalar).contains(py % cellHeight) }
                }
                line += dark ? "1" : "0"
            }
            image += line + "\n"
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-qr-\(UUID().uuidString).pbm")
        try image.write(to: file, atomically: true, encoding: .ascii)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: zbarimg!)
        process.arguments = ["--quiet", "--raw", file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return process.terminationStatus == 0 && !text.isEmpty ? text : nil
    }
}
