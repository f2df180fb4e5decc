import Foundation
import Testing
@testable import AgendaModel

/// Inputs the fuzz targets in `Fuzz/` found, kept so the bug stays fixed. Each case names the
/// target and what went wrong; the checks are the targets' own (see `Fuzz/README.md`).
@Suite struct FuzzRegressionTests {
    /// fuzz-sanitizer: the properties every string must keep.
    static func checkSanitizer(_ input: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let line = Sanitizer.line(input), text = Sanitizer.text(input)
        #expect(isSafe(line, newlines: false), "\(Array(line.unicodeScalars))", sourceLocation: sourceLocation)
        #expect(isSafe(text, newlines: true), "\(Array(text.unicodeScalars))", sourceLocation: sourceLocation)
        #expect(Sanitizer.line(line) == line, sourceLocation: sourceLocation)
        #expect(Sanitizer.text(text) == text, sourceLocation: sourceLocation)
        #expect(FieldText.line(input) == (line.isEmpty ? nil : line), sourceLocation: sourceLocation)
        if !input.contains("<"), !input.contains("&") {
            let expected = Sanitizer.text(FieldText.normalisingCR(input))
            #expect(FieldText.text(input) == (expected.isEmpty ? nil : expected), "\(Array(input.unicodeScalars))",
                    sourceLocation: sourceLocation)
        }
    }

    /// No C0/C1 control (but LF where allowed), ESC, DEL, bidi control or other invisible scalar.
    static func isSafe(_ text: String, newlines: Bool) -> Bool {
        !text.unicodeScalars.contains { scalar in
            if newlines, scalar == "\n" { return false }
            return Sanitizer.isInvisible(scalar) || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
        }
    }

    /// fuzz-sanitizer, 2026-11-29: a line of only a tab (or spaces) after a blank line made
    /// `FieldText.text` write two blank lines where `Sanitizer.text` writes one. The byte-level
    /// tidy emitted the pending blank line before it knew whether the line held any text.
    @Test(arguments: [
        "x\n\n\t\n\ny",
        "x\n\n  \n \n\ty",
        String(decoding: [13, 13, 13, 245, 13, 13, 9, 13, 13, 85, 255, 32, 255, 255, 13, 118, 97, 108, 105, 96] as [UInt8], as: UTF8.self),
    ])
    func whitespaceLineAfterBlankLine(input: String) {
        Self.checkSanitizer(input)
    }

    /// fuzz-cacie, 2026-11-30 (1.3 M runs into a one-hour run): a zero-width non-joiner after a
    /// digit of the title survived into the session id. Swift counts it as part of the
    /// character before it, so the slug, made from the raw title, kept it.
    @Test func cacieIdHasNoInvisibleCharacter() throws {
        let page = "1\u{200C}o0\u{206C}\u{206C}Ple\u{202E}\nTime: October 22 23:00-23 01:00,2020\n"
        let schedule = try CACIEPageReader.read(Data(page.utf8), file: "p.txt")
        let session = try #require(schedule.sessions.first)
        #expect(Self.isSafe(session.id, newlines: false), "\(Array(session.id.unicodeScalars))")
        #expect(session.id == "1o0ple" && session.title == "1o0Ple")
    }

    /// fuzz-ics, 2026-11-30 (307,000 runs into a one-hour run, a 10 s timeout): a session ending
    /// in the year 4040 made the iCalendar writer list every daylight-saving change in between,
    /// 4,000 observances. The zone is now written for at most ten years.
    @Test func icsWriterBoundsTheTimeZoneSpan() throws {
        let ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART;TZID=Europe/Berlin:20200113T011000\r\n"
            + "DTEND;TZID=Europe/Berlin:40400226T014500\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let schedule = try ICalendarReader.read(Data(ics.utf8), file: "long.ics")
        let written = ICalendarWriter.write(schedule)
        let observances = written.components(separatedBy: "BEGIN:DAYLIGHT").count - 1
        #expect(observances <= 11, "\(observances) daylight observances")
        let again = try ICalendarReader.read(Data(written.utf8), file: "again.ics")
        #expect(again.sessions.map(\.start) == schedule.sessions.map(\.start))
        #expect(again.sessions.map(\.end) == schedule.sessions.map(\.end))
    }
}
