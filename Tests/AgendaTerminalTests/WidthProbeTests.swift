import Testing
@testable import AgendaTerminal
import AgendaCanvas

/// The ambiguous-width probe (issue 16), asked without waiting (issue 30): its question, and
/// the answer as it comes back among the keys.
@Suite struct WidthProbeTests {
    static func decode(_ text: String) -> EscapeSequence.Outcome {
        EscapeSequence.decode(text.unicodeScalars.map(\.value))
    }

    @Test func theColumnAfterTheCandidateGivesItsWidth() {
        #expect(WidthProbe.cells(column: 2) == 1)
        #expect(WidthProbe.cells(column: 3) == 2)
        #expect(WidthProbe.cells(column: 1) == nil)
        #expect(WidthProbe.cells(column: 9) == nil)
    }

    @Test func theReportIsReadAsACursorPosition() {
        #expect(Self.decode("[12;3R") == .cursorPosition(row: 12, column: 3))
        #expect(Self.decode("[1;2R") == .cursorPosition(row: 1, column: 2))
        #expect(Self.decode("[1;2") == .incomplete)
    }

    @Test func aStrangeReportIsSwallowedWhole() {
        for answer in ["[;3R", "[12R", "[1;2;3R", "[1;999999R", "[R"] {
            #expect(Self.decode(answer) == .ignored, "\(answer.debugDescription)")
        }
    }

    @Test func theQuestionIsTheWideCandidateThenTheReportRequest() {
        #expect(String(decoding: WidthProbe.question, as: UTF8.self) == "\r\u{25BD}\u{1B}[6n")
        #expect(String(decoding: WidthProbe.wipe, as: UTF8.self) == "\r\u{1B}[K")
    }
}
