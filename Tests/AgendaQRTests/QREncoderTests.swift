import AgendaQR
import AgendaUI
import Testing

/// The codes libqrencode makes, when it is installed (`libqrencode4`; CI installs it).
@Suite(.enabled(if: QREncoder.unavailable == nil, "libqrencode4 is not installed: QR codes cannot be made here"))
struct QREncoderTests {
    @Test func aURLBecomesASymbolWithItsThreeFinderSquares() throws {
        let code = try #require(QREncoder.encode("https://cacie.cn/2021/plenary"))
        // Version v is 17 + 4v modules across.
        #expect(code.width >= 21 && (code.width - 17) % 4 == 0)
        #expect(code.dark.count == code.width * code.width)
        let corners = [(0, 0), (code.width - 7, 0), (0, code.width - 7)]
        for (left, top) in corners {
            // A finder square: a dark 7×7 ring, a light ring inside it, a dark 3×3 core.
            for y in 0..<7 {
                for x in 0..<7 {
                    let ring = max(abs(x - 3), abs(y - 3))
                    #expect(code.dark[(top + y) * code.width + left + x] == (ring != 2), "finder at \(left),\(top): \(x),\(y)")
                }
            }
        }
    }

    @Test func longerTextNeedsALargerSymbol() throws {
        let short = try #require(QREncoder.encode("https://a.example/"))
        let long = try #require(QREncoder.encode("https://a.example/" + String(repeating: "talk-", count: 40)))
        #expect(long.width > short.width)
    }

    @Test func nothingToEncodeGivesNoCode() {
        #expect(QREncoder.encode("") == nil)
        #expect(QREncoder.encode("a\u{0}b") == nil)
        // Past the largest symbol (version 40, level L holds 2953 bytes).
        #expect(QREncoder.encode(String(repeating: "x", count: 3000)) == nil)
    }
}

/// Without the library the encoder says why and makes nothing; the board carries on.
@Suite(.enabled(if: QREncoder.unavailable != nil, "libqrencode4 is installed: its absence cannot be tested here"))
struct QREncoderWithoutLibraryTests {
    @Test func saysWhatIsMissingAndMakesNoCode() throws {
        let why = try #require(QREncoder.unavailable)
        #expect(why.contains("libqrencode"))
        #expect(QREncoder.encode("https://cacie.cn/") == nil)
        #expect(QREncoder.installHint.contains("libqrencode4"))
    }
}
