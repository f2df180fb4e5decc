import AgendaCanvas
import Glibc

/// Asks the terminal, before curses starts, how wide it draws an ambiguous-width character,
/// as vim does for `ambiwidth`: U+25BD at the line's start, then a cursor position report
/// (`CSI 6n`). Column 3 after it means two cells wide: draw with `Glyphs.ascii`.
public enum WidthProbe {
    /// The line is wiped afterwards (`CR`, erase to end of line): nothing stray is left.
    static let question: [UInt8] = Array("\r\u{25BD}\u{1B}[6n".utf8)
    static let wipe: [UInt8] = Array("\r\u{1B}[K".utf8)

    /// The glyphs a terminal's answer calls for; nil when there was no answer to read.
    public static func glyphs(answer: [UInt8]) -> Glyphs? {
        switch column(in: answer) {
        case 3?: .ascii
        case 2?: .unicode
        default: nil
        }
    }

    /// The column (1-based) of the last `ESC [ row ; column R` in `bytes`; keys typed meanwhile
    /// may stand around it.
    static func column(in bytes: [UInt8]) -> Int? {
        guard let end = bytes.lastIndex(of: UInt8(ascii: "R")),
              let start = bytes[..<end].lastIndex(of: 0x1B), start + 1 < end, bytes[start + 1] == UInt8(ascii: "[") else { return nil }
        let fields = bytes[(start + 2)..<end].split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false)
        guard fields.count == 2, fields.allSatisfy({ !$0.isEmpty && $0.count <= 5 && $0.allSatisfy { (0x30...0x39).contains($0) } })
        else { return nil }
        return Int(String(decoding: fields[1], as: UTF8.self))
    }

    /// Asks the terminal on standard input/output, waiting at most `milliseconds` for the answer;
    /// nil when these are not a terminal or it does not answer (then nothing was learnt).
    public static func run(milliseconds: Int32 = 200) -> Glyphs? {
        guard isatty(0) == 1, isatty(1) == 1 else { return nil }
        var saved = termios()
        guard tcgetattr(0, &saved) == 0 else { return nil }
        // No echo of the answer, no line buffering: the report arrives as it is sent.
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ICANON | ECHO)
        defer { _ = tcsetattr(0, TCSANOW, &saved) }
        guard tcsetattr(0, TCSANOW, &quiet) == 0 else { return nil }
        write(question)
        var answer: [UInt8] = []
        var waited: Int32 = 0
        var buffer = [UInt8](repeating: 0, count: 64)
        while waited < milliseconds, answer.count < 256, column(in: answer) == nil {
            var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            let slice: Int32 = 10
            let ready = poll(&descriptor, 1, slice)
            waited += slice
            guard ready > 0 else { if ready < 0, errno != EINTR { break }; continue }
            let count = read(0, &buffer, buffer.count)
            if count <= 0 { break }
            answer += buffer[0..<count]
        }
        write(wipe)
        return glyphs(answer: answer)
    }

    private static func write(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
            if written <= 0 { if errno == EINTR { continue }; return }
            offset += written
        }
    }
}
