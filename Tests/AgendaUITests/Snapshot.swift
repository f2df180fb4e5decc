import Foundation
import Testing
import AgendaCanvas
import AgendaUI

/// Compares a rendered canvas with `__Snapshots__/NAME.txt`. A missing snapshot (or
/// `AGENDA_RECORD=1`) writes the file and fails, so a new golden is always looked at once.
func expectSnapshot(_ canvas: Canvas, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let file = directory.appendingPathComponent("\(name).txt")
    let actual = frame(canvas)
    let record = ProcessInfo.processInfo.environment["AGENDA_RECORD"] == "1"
    guard !record, let expected = try? String(contentsOf: file, encoding: .utf8) else {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? actual.write(to: file, atomically: true, encoding: .utf8)
        Issue.record("recorded snapshot \(name); check it and run again", sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "snapshot \(name) differs:\n\(actual)", sourceLocation: sourceLocation)
}

/// The canvas text inside a ruler frame, so trailing space and the exact size are visible.
/// Solid cells of the kiosk's block type (spaces on ink) show as "█".
private func frame(_ canvas: Canvas) -> String {
    let border = "+" + String(repeating: "-", count: canvas.size.width) + "+"
    let rows = (0..<canvas.size.height).map { y in
        var line = (0..<canvas.size.width).map { x in
            canvas[x, y].role.isInk && canvas[x, y].scalar == " " ? "█" : canvas.text(x: x, y: y)
        }.joined()
        while line.last == " " { line.removeLast() }
        return "|" + line
    }
    return ([border] + rows + [border]).joined(separator: "\n") + "\n"
}
