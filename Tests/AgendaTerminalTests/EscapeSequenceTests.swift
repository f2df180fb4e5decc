import Testing
import AgendaCanvas
@testable import AgendaTerminal

/// Key sequences that reach the program byte by byte, in the forms of every common terminal.
@Suite struct EscapeSequenceTests {
    /// Feeds what follows ESC one character at a time, as the terminal layer does.
    func decode(_ text: String) -> EscapeSequence.Outcome {
        var bytes: [UInt32] = []
        for scalar in text.unicodeScalars {
            bytes.append(scalar.value)
            let outcome = EscapeSequence.decode(bytes)
            if outcome != .incomplete { return outcome }
        }
        return .incomplete
    }

    @Test(arguments: [
        ("[4~", Key.end), ("[8~", .end), ("[F", .end), ("OF", .end), ("[1;2F", .end),          // tmux, rxvt, xterm
        ("[1~", .home), ("[7~", .home), ("[H", .home), ("OH", .home),
        ("[5~", .pageUp), ("[6~", .pageDown), ("[5;5~", .pageUp), ("[6^", .pageDown), ("[5$", .pageUp),
        ("[A", .up), ("OB", .down), ("[1;5C", .right), ("[1;3D", .left),
        ("[Z", .backTab), ("OM", .enter),
    ])
    func keysInEveryForm(sequence: String, key: Key) {
        #expect(decode(sequence) == .key(key))
    }

    @Test(arguments: ["[2~", "[3~", "[15~", "[24;2~", "OP", "OS", "[[A", "[I", "[O", "[200~", "[<0;10;5M", "[M !!", "[?1;2c"])
    func sequencesForNothingOfOursAreSwallowedWhole(sequence: String) {
        #expect(decode(sequence) == .ignored)
    }

    @Test func escFollowedByAnOrdinaryKeyIsEscThenThatKey() {
        #expect(decode("j") == .notASequence)
        #expect(decode("q") == .notASequence)
    }

    @Test func aSequenceThatNeverEndsIsGivenUp() {
        #expect(decode("[" + String(repeating: "1;", count: 20)) == .ignored)
        #expect(decode("[12") == .incomplete)
    }
}
