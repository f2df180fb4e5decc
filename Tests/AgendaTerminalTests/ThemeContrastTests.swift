import Testing
@testable import AgendaTerminal
import AgendaCanvas
import CNcursesw
import Foundation

/// Every theme reads on a dark and on a light terminal: the WCAG 2 contrast of each role's
/// text against its background, in xterm's default palette, on black (white text) and on white
/// (black text). Text needs 4.5:1, marks (borders, stars, the now line, the kiosk's large
/// clock and timer digits, which WCAG counts as large text) 3:1.
@Suite struct ThemeContrastTests {
    /// Drawn on, never read: glyphs and large digits.
    static let marks: Set<Role> = [.border, .star, .nowLine, .clock, .caution, .alarm,
                                    .clockInk, .qrInk, .urgentInk, .cautionInk, .alarmInk]
    /// Not the theme's to choose: the terminal's own colours, quiet hours (drawn blank on
    /// purpose) and the publisher's track colours. `dim` is checked where it is a colour (256).
    static let notChecked: Set<Role> = [.normal, .blackout, .trackMark]

    struct Terminal: CustomStringConvertible {
        let name: String
        let foreground: RGB
        let background: RGB
        var description: String { name }
    }
    static let terminals = [Terminal(name: "on black", foreground: RGB(0xFF, 0xFF, 0xFF), background: RGB(0, 0, 0)),
                            Terminal(name: "on white", foreground: RGB(0, 0, 0), background: RGB(0xFF, 0xFF, 0xFF))]

    @Test(arguments: ThemeName.allCases, [8, 256])
    func everyRoleReadsOnBlackAndOnWhite(theme: ThemeName, colours: Int) {
        let styles = Theme.styles(theme, colours: colours)
        for role in Role.allCases where !Self.notChecked.contains(role) {
            // The dimmed attribute, on terminals with too few colours for a grey that reads.
            if role == .dim, styles[role]?.foreground ?? -1 == -1 { continue }
            let style = styles[role] ?? Theme.RoleStyle(attributes: agenda_a_normal())
            let needed = Self.marks.contains(role) ? 3.0 : 4.5
            for terminal in Self.terminals {
                let reverse = style.attributes & agenda_a_reverse() != 0
                var background = style.background == -1 ? terminal.background : XtermPalette.rgb(style.background)
                // Bold on one of the eight colours is drawn bright by many terminals: both must read.
                let bright = style.attributes & agenda_a_bold() != 0 && (0..<8).contains(style.foreground)
                for number in bright ? [style.foreground, style.foreground + 8] : [style.foreground] {
                    var foreground = number == -1 ? terminal.foreground : XtermPalette.rgb(number)
                    if reverse { swap(&foreground, &background) }
                    let ratio = RGB.contrast(foreground, background)
                    #expect(ratio >= needed, "\(theme) \(role) \(terminal): colour \(number) gives \(ratio), needs \(needed)")
                    if reverse { swap(&foreground, &background) }
                }
            }
        }
    }

    /// The check can fail: the previous 8-colour theme's yellow titles and bold black on cyan.
    @Test func yellowTitlesAndBoldBlackOnCyanAreCaught() {
        let yellowOnWhite = RGB.contrast(XtermPalette.rgb(3), RGB(0xFF, 0xFF, 0xFF))
        let greyOnCyan = RGB.contrast(XtermPalette.rgb(8), XtermPalette.rgb(6))
        #expect(yellowOnWhite < 2 && greyOnCyan < 2.5)
        #expect(RGB.contrast(RGB(0, 0, 0), RGB(0xFF, 0xFF, 0xFF)) == 21)
    }

    /// Past sessions on 256 colours are a grey, not the dim attribute that leaves black black.
    @Test(arguments: [ThemeName.standard, .xterm256]) func pastSessionsAreARealGrey(theme: ThemeName) {
        let dim = Theme.styles(theme, colours: 256)[.dim]
        #expect(dim?.foreground == 243 && dim.map { $0.attributes & agenda_a_dim() } == 0)
    }

    @Test func paletteNumbersAreXterms() {
        #expect(XtermPalette.rgb(4) == RGB(0, 0, 0xEE))
        #expect(XtermPalette.rgb(16) == RGB(0, 0, 0))
        #expect(XtermPalette.rgb(29) == RGB(0, 0x87, 0x5F))
        #expect(XtermPalette.rgb(231) == RGB(0xFF, 0xFF, 0xFF))
        #expect(XtermPalette.rgb(232) == RGB(8, 8, 8))
        #expect(XtermPalette.rgb(255) == RGB(0xEE, 0xEE, 0xEE))
    }
}

struct RGB: Equatable, CustomStringConvertible {
    let r, g, b: Int
    init(_ r: Int, _ g: Int, _ b: Int) { (self.r, self.g, self.b) = (r, g, b) }
    var description: String { "#" + [r, g, b].map { String($0, radix: 16) }.joined() }

    /// WCAG 2 relative luminance.
    var luminance: Double {
        func linear(_ c: Int) -> Double {
            let s = Double(c) / 255
            return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    }

    static func contrast(_ a: RGB, _ b: RGB) -> Double {
        let (l1, l2) = (max(a.luminance, b.luminance), min(a.luminance, b.luminance))
        return ((l1 + 0.05) / (l2 + 0.05) * 100).rounded() / 100
    }
}

/// xterm's default colours: the sixteen of its resources, the 6×6×6 cube and the grey ramp.
enum XtermPalette {
    static let sixteen = [RGB(0, 0, 0), RGB(0xCD, 0, 0), RGB(0, 0xCD, 0), RGB(0xCD, 0xCD, 0), RGB(0, 0, 0xEE),
                          RGB(0xCD, 0, 0xCD), RGB(0, 0xCD, 0xCD), RGB(0xE5, 0xE5, 0xE5), RGB(0x7F, 0x7F, 0x7F),
                          RGB(0xFF, 0, 0), RGB(0, 0xFF, 0), RGB(0xFF, 0xFF, 0), RGB(0x5C, 0x5C, 0xFF),
                          RGB(0xFF, 0, 0xFF), RGB(0, 0xFF, 0xFF), RGB(0xFF, 0xFF, 0xFF)]

    static func rgb(_ number: Int16) -> RGB {
        let n = Int(number)
        if n < 16 { return sixteen[n] }
        if n >= 232 { let v = 8 + 10 * (n - 232); return RGB(v, v, v) }
        let level = { (i: Int) in i == 0 ? 0 : 55 + 40 * i }
        let i = n - 16
        return RGB(level(i / 36), level(i / 6 % 6), level(i % 6))
    }
}
