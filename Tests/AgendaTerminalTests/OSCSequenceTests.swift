import Foundation
import Testing
@testable import AgendaTerminal
import AgendaCanvas

/// Escape sequences built from untrusted text: nothing in it can end them or start another.
extension Curses {
    @Suite(.serialized) struct OSCSequenceTests {
        @Test func hyperlinksAreWebAddressesOnly() {
            #expect(OSCSequence.hyperlink("https://e.org/a", text: "e.org/a") == "\u{1B}]8;;https://e.org/a\u{1B}\\e.org/a\u{1B}]8;;\u{1B}\\")
            #expect(OSCSequence.hyperlink("file:///etc/passwd", text: "x") == nil)
            #expect(OSCSequence.hyperlink("https://e.org/\u{1B}]52;c;AAAA\u{7}", text: "x") == nil)
            #expect(OSCSequence.hyperlink("https://e.org/\u{9C}", text: "x") == nil)
            #expect(OSCSequence.hyperlink("https://e.org/a", text: "a\u{1B}[2Jb") == "\u{1B}]8;;https://e.org/a\u{1B}\\a[2Jb\u{1B}]8;;\u{1B}\\")
        }

        @Test func theClipboardGetsBase64OfCleanText() {
            #expect(OSCSequence.clipboard("https://e.org/ü") == "\u{1B}]52;c;" + Data("https://e.org/ü".utf8).base64EncodedString() + "\u{1B}\\")
            #expect(OSCSequence.clipboard("a\u{7}b") == "\u{1B}]52;c;" + Data("ab".utf8).base64EncodedString() + "\u{1B}\\")
        }

        @Test func notificationsCarryNoControlsAndNoFieldBreak() {
            let sequence = OSCSequence.notification(title: "In 5 min; Saal 1\u{7}", body: "Talk\u{1B}]0;pwned\u{7} — 中文")
            #expect(sequence == "\u{1B}]777;notify;In 5 min, Saal 1;Talk]0;pwned — 中文\u{1B}\\\u{1B}]9;In 5 min, Saal 1: Talk]0;pwned — 中文\u{1B}\\")
            let bodies = sequence.unicodeScalars.filter { $0.value < 0x20 }
            #expect(bodies.allSatisfy { $0 == "\u{1B}" } && bodies.count == 4)
        }

        /// After curses has drawn a frame, its hyperlinks are written over the same cells, the
        /// cursor and attributes saved and restored around them; again only when they may be lost.
        @Test func presentWritesHyperlinksOverTheirCells() throws {
            TerminalLocale.setUp()
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-osc-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            let terminal = try Terminal.headless(size: Size(width: 40, height: 4), output: path)
            var canvas = Canvas(size: terminal.size)
            canvas.put("Link", x: 0, y: 1, role: .label, measure: terminal.measure)
            let used = canvas.put("https://e.org/a", x: 10, y: 1, role: .link, measure: terminal.measure)
            canvas.hyperlinks = [Hyperlink(x: 10, y: 1, width: used, url: "https://e.org/a")]
            terminal.present(canvas)
            var second = canvas
            second.put("x", x: 0, y: 3, role: .normal, measure: terminal.measure)   // another row changes
            terminal.present(second)
            terminal.send(.copy("https://e.org/a"))
            terminal.stop()
            let written = try String(contentsOfFile: path, encoding: .utf8)
            let link = "\u{1B}7\u{1B}[2;11H" + terminal.sgr(.link) + "\u{1B}]8;;https://e.org/a\u{1B}\\https://e.org/a\u{1B}]8;;\u{1B}\\\u{1B}8"
            #expect(written.components(separatedBy: link).count == 2, "\(written.debugDescription)")
            #expect(written.contains("\u{1B}]52;c;" + Data("https://e.org/a".utf8).base64EncodedString()))
            #expect(terminal.sgr(.link) == "\u{1B}[0;4m")   // the default theme: underlined, the terminal's colour
        }
    }
}
