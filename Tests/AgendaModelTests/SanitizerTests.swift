import Testing
@testable import AgendaModel

@Suite struct SanitizerTests {
    @Test(arguments: [
        ("a\u{1B}]0;pwned\u{07}b", "ab"),                       // OSC 0 window title
        ("a\u{1B}]2;pwned\u{1B}\\b", "ab"),                    // OSC 2, ST-terminated
        ("a\u{1B}]8;;http://evil\u{1B}\\link\u{1B}]8;;\u{1B}\\b", "alinkb"),  // OSC 8 hyperlink
        ("a\u{1B}]52;c;cHduZWQ=\u{07}b", "ab"),                 // OSC 52 clipboard
        ("a\u{1B}[2J\u{1B}[1;1Hb", "ab"),                       // CSI clear, cursor move
        ("a\u{1B}P1$r\u{1B}\\b", "ab"),                         // DCS
        ("a\u{9B}31mb", "ab"),                                  // C1 CSI as a code point
        ("a\u{07}\u{08}\u{7F}b", "ab"),                         // BEL BS DEL
        ("a\u{202E}b\u{2066}c\u{2069}", "abc"),                 // bidi overrides, isolates
        ("a\u{200D}b\u{200B}c\u{FEFF}", "abc"),                 // zero-width
        ("❤\u{FE0F}", "❤"),                                     // VS16
        ("👍\u{1F3FD}", "👍"),                                  // skin tone
        ("a\r\nb\tc", "a b c"),
        ("  spaced   out  ", "spaced out"),
        ("中文标题", "中文标题"),
    ])
    func line(input: String, expected: String) {
        #expect(Sanitizer.line(input) == expected)
    }

    @Test func textKeepsParagraphs() {
        #expect(Sanitizer.text("one\r\ntwo\r\r\r\n\n\nthree  \n\n") == "one\ntwo\n\nthree")
    }

    @Test func unterminatedOSCEndsAtLineBreak() {
        #expect(Sanitizer.text("a\u{1B}]0;evil\nnext") == "a\nnext")
    }

    @Test func nothingBelowSpaceSurvives() {
        let everyControl = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init) + (0x7F...0x9F).compactMap(Unicode.Scalar.init)))
        let cleaned = Sanitizer.text("x" + everyControl + "y")
        #expect(!cleaned.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
    }
}

/// The byte-level `Sanitizer` and `FieldText` against the scalar-by-scalar reference.
@Suite struct SanitizerReferenceTests {
    static let alphabet: [String] = [
        " ", " ", "\n", "\r", "\r\n", "\t", "a", "b", "Z", "é", "日", "😀", "\u{A0}", "\u{1B}", "[", "]", "P", "\\",
        "\u{07}", "\u{9B}", "\u{9C}", "\u{9D}", "\u{90}", "\u{85}", "\u{7F}", "\u{200B}", "\u{202E}", "\u{2066}",
        "\u{FE0F}", "\u{1F3FD}", "\u{E0041}", "\u{600}", "\u{301}", "0", ";", "(", "#", "\u{0}", "\u{FEFF}",
    ]

    static func samples(_ count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        return (0..<count).map { _ in (0..<(next() % 24)).map { _ in alphabet[next() % alphabet.count] }.joined() }
    }

    @Test func matchesTheReferenceOnRandomText() {
        for sample in Self.samples(20_000, seed: 0x5EED) {
            let scalars = Array(sample.unicodeScalars)
            #expect(Sanitizer.line(sample) == ReferenceSanitizer.line(sample), "\(scalars)")
            #expect(Sanitizer.text(sample) == ReferenceSanitizer.text(sample), "\(scalars)")
            let expected = ReferenceSanitizer.text(ReferenceSanitizer.normalisingCR(sample))
            #expect(FieldText.text(sample, markdown: false) == (expected.isEmpty ? nil : expected), "\(scalars)")
        }
    }

    /// Mostly plain ASCII, long enough that the 8-byte fast path of the clean check runs, with
    /// what must still be caught right after a plain run: spaces before a line break, blank lines.
    @Test func matchesTheReferenceOnMostlyPlainText() {
        var state: UInt64 = 0xC1EA
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        let plain = ["abcdefgh", "word ", " ", "  ", "\n", "\n\n\n", "x", "~", "é", "\u{7F}", "\u{1B}", "\u{202E}", "\t"]
        for _ in 0..<20_000 {
            let sample = (0..<(next() % 40)).map { _ in plain[next() % 6 == 0 ? next() % plain.count : next() % 2] }.joined()
            let expected = ReferenceSanitizer.text(ReferenceSanitizer.normalisingCR(sample))
            #expect(FieldText.text(sample, markdown: false) == (expected.isEmpty ? nil : expected), "\(Array(sample.unicodeScalars))")
        }
    }

    @Test func printableASCIIWordCheckIsExact() {
        for byte in 0...255 {
            for position in 0..<8 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                bytes[position] = UInt8(byte)
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                #expect(isPrintableASCII(word) == (0x20...0x7E).contains(byte), "\(byte) at \(position)")
            }
        }
    }

    @Test func longRunsOfControlsStayLinear() {
        let crs = String(repeating: "\r", count: 1_000_000) + "x"
        #expect(FieldText.text(crs) == "x")
        let csi = "\u{1B}[" + String(repeating: "1;", count: 500_000) + "my"
        #expect(Sanitizer.text(csi) == "y")
        let osc = "\u{1B}]0;" + String(repeating: "x", count: 1_000_000) + "\u{07}z"
        #expect(Sanitizer.line(osc) == "z")
    }
}
