import Testing
@testable import AgendaTerminal
import AgendaCanvas

/// Reading the terminal's answer to the ambiguous-width probe (issue 16).
@Suite struct WidthProbeTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func twoCellsWideMeansASCII() {
        #expect(WidthProbe.glyphs(answer: Self.bytes("\u{1B}[12;3R")) == .ascii)
    }

    @Test func oneCellMeansUnicode() {
        #expect(WidthProbe.glyphs(answer: Self.bytes("\u{1B}[1;2R")) == .unicode)
    }

    @Test func noAnswerOrAStrangeOneLearnsNothing() {
        for answer in ["", "\u{1B}[12;", "\u{1B}[;3R", "\u{1B}[12R", "\u{1B}[1;2;3R", "\u{1B}[a;3R", "12;3R",
                       "\u{1B}[1;9R", "\u{1B}[1;999999R"] {
            #expect(WidthProbe.glyphs(answer: Self.bytes(answer)) == nil, "\(answer.debugDescription)")
        }
    }

    /// Keys typed while the probe waits come before or after the report.
    @Test func keysAroundTheReportAreSkipped() {
        #expect(WidthProbe.glyphs(answer: Self.bytes("jj\u{1B}[5;3R")) == .ascii)
        #expect(WidthProbe.glyphs(answer: Self.bytes("\u{1B}[5;2Rq")) == .unicode)
    }

    @Test func theQuestionIsTheWideCandidateThenTheReportRequest() {
        #expect(String(decoding: WidthProbe.question, as: UTF8.self) == "\r\u{25BD}\u{1B}[6n")
        #expect(String(decoding: WidthProbe.wipe, as: UTF8.self) == "\r\u{1B}[K")
    }
}
