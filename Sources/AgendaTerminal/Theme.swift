import AgendaUI
import CNcursesw

/// The colour schemes `--theme` chooses between.
public enum ThemeName: String, Sendable, CaseIterable {
    /// Eight colours on the terminal's own background: works everywhere, the Linux console too.
    case standard = "default"
    /// Softer xterm-256 colours for terminals that have them.
    case xterm256 = "256"
    /// Attributes only (reverse, bold, underline): for NO_COLOR and monochrome terminals.
    case mono
}

/// Maps each UI role to ncurses attributes and a colour pair.
struct Theme {
    private var attributes: [attr_t]
    private var pairs: [Int16]

    init(_ name: ThemeName) {
        let roles = Role.allCases.count
        attributes = Array(repeating: agenda_a_normal(), count: roles)
        pairs = Array(repeating: 0, count: roles)
        switch name {
        case .mono: setMono()
        case .standard: setColours(Palette.standard)
        case .xterm256: setColours(Palette.xterm256)
        }
    }

    private mutating func set(_ role: Role, _ attr: attr_t, _ colours: (Int16, Int16)? = nil) {
        attributes[Int(role.rawValue)] = attr
        if let (fg, bg) = colours {
            let pair = Int16(role.rawValue) + 1
            init_pair(pair, fg, bg)
            pairs[Int(role.rawValue)] = pair
        }
    }

    private mutating func setMono() {
        let bold = agenda_a_bold(), reverse = agenda_a_reverse(), underline = agenda_a_underline(), dim = agenda_a_dim()
        for (role, attr) in [(Role.header, reverse | bold), (.headerAccent, bold), (.statusBar, reverse),
                             (.statusKey, reverse | bold), (.selected, reverse | bold), (.selectedInactive, reverse),
                             (.running, bold), (.title, bold), (.subtitle, underline), (.label, bold), (.accent, bold),
                             (.warning, bold), (.dim, dim), (.heading, bold | underline), (.tabSelected, reverse),
                             (.match, underline | bold), (.star, bold), (.clash, bold), (.banner, reverse | bold),
                             (.boxTitle, bold), (.nowLine, bold), (.clock, bold), (.badge, reverse | bold), (.urgent, reverse | bold), (.qr, reverse)] {
            set(role, attr)
        }
    }

    private mutating func setColours(_ palette: Palette) {
        let bold = agenda_a_bold(), normal = agenda_a_normal(), dim = agenda_a_dim()
        let p = palette
        set(.header, bold, (p.white, p.headerBackground))
        set(.headerAccent, bold, (p.cyan, -1))
        set(.statusBar, normal, (p.black, p.light))
        set(.statusKey, bold, (p.blue, p.light))
        set(.listTime, normal, (p.cyan, -1))
        set(.listRoom, normal, (p.green, -1))
        set(.selected, bold, (p.black, p.cyan))
        set(.selectedInactive, normal, (p.black, p.light))
        set(.running, bold, (p.yellow, -1))
        set(.title, bold, (p.yellow, -1))
        set(.subtitle, normal, (p.cyan, -1))
        set(.label, bold, (p.green, -1))
        set(.border, normal, (p.blue, -1))
        set(.accent, bold, (p.cyan, -1))
        set(.warning, bold, (p.red, -1))
        set(.dim, dim)
        set(.heading, bold, (p.magenta, -1))
        set(.tab, normal, (p.cyan, -1))
        set(.tabSelected, bold, (p.black, p.cyan))
        set(.match, bold, (p.black, p.yellow))
        set(.star, bold, (p.yellow, -1))
        set(.clash, bold, (p.red, -1))
        set(.banner, bold, (p.black, p.yellow))
        set(.box, normal, (p.white, p.boxBackground))
        set(.boxTitle, bold, (p.white, p.boxBackground))
        set(.nowLine, normal, (p.red, -1))
        set(.clock, bold, (p.cyan, -1))           // kiosk: the large clock
        set(.badge, bold, (p.black, p.yellow))    // kiosk: "just started"
        set(.urgent, bold, (p.white, p.red))       // kiosk: urgent notices, evacuation, ROOM FULL
        set(.blackout, normal, (p.black, p.black)) // kiosk: quiet hours
        set(.qr, normal, (p.black, p.white))       // kiosk: QR codes, dark on light
    }

    func style(_ role: Role) -> (attr_t, Int16) {
        (attributes[Int(role.rawValue)], pairs[Int(role.rawValue)])
    }
}

/// Colour numbers per theme: the eight ANSI colours, or gentler xterm-256 ones.
struct Palette {
    var black, red, green, yellow, blue, magenta, cyan, white, light, headerBackground, boxBackground: Int16

    static let standard = Palette(black: 0, red: 1, green: 2, yellow: 3, blue: 4, magenta: 5, cyan: 6, white: 7,
                                  light: 7, headerBackground: 4, boxBackground: 4)
    static let xterm256 = Palette(black: 16, red: 203, green: 114, yellow: 221, blue: 68, magenta: 176, cyan: 80,
                                  white: 255, light: 252, headerBackground: 24, boxBackground: 237)
}
