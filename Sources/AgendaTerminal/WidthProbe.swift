import Glibc

/// Asks the terminal how wide it draws an ambiguous-width character, as vim does for
/// `ambiwidth`: U+25BD at the line's start, then a cursor position report (`CSI 6n`). Column 3
/// after it means two cells wide: draw with `Glyphs.ascii`. Asked once curses has started (echo
/// off) and never waited for: the first frame is drawn meanwhile.
public enum WidthProbe {
    /// The line is wiped afterwards (`CR`, erase to end of line): nothing stray is left.
    static let question: [UInt8] = Array("\r\u{25BD}\u{1B}[6n".utf8)
    static let wipe: [UInt8] = Array("\r\u{1B}[K".utf8)

    /// Asks the terminal on `descriptor` without waiting: the question and then the wipe, so the
    /// terminal answers with the column after ▽ whenever the answer is read. The answer comes
    /// back as input (`Terminal` turns it into `Input.ambiguousWidth`).
    static func ask(descriptor: Int32) {
        write(question + wipe, to: descriptor)
    }

    /// Cells a terminal draws ▽ in, from the column its cursor report gives after it.
    static func cells(column: Int) -> Int? {
        switch column {
        case 2: 1
        case 3: 2
        default: nil
        }
    }

    private static func write(_ bytes: [UInt8], to descriptor: Int32) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written <= 0 { if errno == EINTR { continue }; return }
            offset += written
        }
    }
}
