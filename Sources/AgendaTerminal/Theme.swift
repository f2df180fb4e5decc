import AgendaCanvas
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

    init(_ name: ThemeName, colours: Int) {
        let roles = Role.allCases.count
        attributes = Array(repeating: agenda_a_normal(), count: roles)
        pairs = Array(repeating: 0, count: roles)
        for (role, style) in Self.styles(name, colours: colours) {
            attributes[Int(role.rawValue)] = style.attributes
            guard style.foreground != -1 || style.background != -1 else { continue }
            let pair = Int16(role.rawValue) + 1
            init_pair(pair, style.foreground, style.background)
            pairs[Int(role.rawValue)] = pair
        }
    }

    func style(_ role: Role) -> (attr_t, Int16) {
        (attributes[Int(role.rawValue)], pairs[Int(role.rawValue)])
    }

    /// How a role is drawn: attributes, and colour numbers (-1: the terminal's own).
    struct RoleStyle: Equatable {
        var attributes: attr_t
        var foreground: Int16 = -1
        var background: Int16 = -1
    }

    /// Every role's style, worked out without curses so that tests can check its contrast.
    ///
    /// Nothing may assume the terminal's background: the same colours are read on black and on
    /// white (`xterm -bg white`). Text on the terminal's background is the terminal's own
    /// foreground (the 8-colour theme) or one of the few xterm-256 colours that keep 4.5:1 on
    /// both; colour on that background otherwise only marks things (3:1). Coloured bars carry
    /// their own background. Bold is left off dark text on colour: many terminals draw bold
    /// black as grey ("bold is bright"), which read as grey on cyan.
    ///
    /// Past sessions and secondary text (`dim`) are grey #767676 (xterm colour 243) wherever the
    /// terminal has 256 colours: the one grey that keeps 4.5:1 on black and on white. The dim
    /// attribute alone leaves black text black on a white terminal.
    static func styles(_ name: ThemeName, colours: Int = 256) -> [Role: RoleStyle] {
        let bold = agenda_a_bold(), normal = agenda_a_normal(), dim = agenda_a_dim()
        let reverse = agenda_a_reverse(), underline = agenda_a_underline()
        switch name {
        case .mono:
            var styles: [Role: RoleStyle] = [:]
            for (role, attr) in [(Role.header, reverse | bold), (.headerAccent, bold), (.statusBar, reverse),
                                 (.statusKey, reverse | bold), (.selected, reverse | bold), (.selectedInactive, reverse),
                                 (.running, bold), (.title, bold), (.subtitle, underline), (.label, bold), (.accent, bold),
                                 (.warning, bold), (.dim, dim), (.heading, bold | underline), (.tabSelected, reverse),
                                 (.match, underline | bold), (.star, bold), (.clash, bold), (.banner, reverse | bold),
                                 (.boxTitle, bold), (.nowLine, bold), (.clock, bold), (.badge, reverse | bold),
                                 (.urgent, reverse | bold), (.qr, reverse), (.caution, bold), (.alarm, reverse | bold),
                                 (.clockInk, reverse), (.qrInk, normal), (.urgentInk, normal),
                                 (.cautionInk, reverse), (.alarmInk, reverse), (.link, underline)] {
                styles[role] = RoleStyle(attributes: attr)
            }
            return styles
        case .standard, .xterm256:
            let p = name == .standard ? Palette.standard : Palette.xterm256
            func on(_ attr: attr_t, _ fg: Int16, _ bg: Int16 = -1) -> RoleStyle { RoleStyle(attributes: attr, foreground: fg, background: bg) }
            return [
                .header: on(bold, p.light, p.headerBackground),
                .headerAccent: on(bold, p.textAccent),
                .statusBar: on(normal, p.black, p.light),
                .statusKey: on(normal, p.keyOnLight, p.light),
                .listTime: on(normal, p.textTime),
                .listRoom: on(normal, p.textRoom),
                .selected: on(normal, p.black, p.cyan),
                .selectedInactive: on(normal, p.black, p.light),
                .running: on(bold, p.textRunning),
                .title: on(bold, -1),
                .subtitle: on(normal, p.textAccent),
                .label: on(bold, p.textTime),
                .border: on(normal, p.mark),
                .accent: on(bold, p.textAccent),
                .warning: on(bold, p.light, p.alertBackground),
                .dim: colours >= 256 ? on(normal, Palette.grey) : on(dim, -1),
                .heading: on(bold | underline, p.textHeading),
                .tab: on(normal, p.textAccent),
                .tabSelected: on(normal, p.black, p.cyan),
                .match: on(normal, p.black, p.yellow),
                .star: on(bold, p.starMark),
                .clash: on(bold, p.light, p.alertBackground),
                .banner: on(normal, p.black, p.yellow),
                .box: on(normal, p.light, p.boxBackground),
                .boxTitle: on(bold, p.light, p.boxBackground),
                .nowLine: on(normal, p.alarmMark),
                .clock: on(bold, -1),                        // kiosk: the large clock
                .badge: on(normal, p.black, p.yellow),       // kiosk: "just started"
                .urgent: on(bold, p.light, p.alertBackground), // kiosk: urgent notices, evacuation, ROOM FULL
                .blackout: on(normal, p.black, p.black),     // kiosk: quiet hours
                .qr: on(normal, p.black, p.white),           // kiosk: QR codes, dark on light
                .caution: on(bold, p.cautionMark),           // stage timer: five minutes left
                .alarm: on(bold, p.alarmMark),               // stage timer: two minutes left
                // Block type: spaces in reverse show the partner role's ink as a solid cell.
                .clockInk: on(reverse, -1),
                .qrInk: on(normal, p.white, p.black),
                .urgentInk: on(normal, p.alertBackground, p.light),
                .cautionInk: on(reverse, p.cautionMark),
                .alarmInk: on(reverse, p.alarmMark),
                .link: on(underline, p.textAccent),          // a web address
            ]
        }
    }
}

/// Colour numbers per theme: the eight ANSI colours, or xterm-256 ones. The `text…` colours
/// are drawn on the terminal's own background, so they must read on black and on white: in
/// eight colours none does (each is the terminal's foreground, -1); of the 256, a few mid
/// tones keep 4.5:1 on both. `…Mark` colours keep 3:1 on both (see ThemeContrastTests).
struct Palette {
    var black, yellow, cyan, white, light, headerBackground, boxBackground, alertBackground, keyOnLight: Int16
    var textTime, textRoom, textAccent, textHeading, textRunning: Int16
    var mark, starMark, cautionMark, alarmMark: Int16
    /// #767676, 4.5:1 on black and on white (256 colours only).
    static let grey: Int16 = 243

    static let standard = Palette(black: 0, yellow: 3, cyan: 6, white: 7, light: 7, headerBackground: 4,
                                  boxBackground: 4, alertBackground: 1, keyOnLight: 4,
                                  textTime: -1, textRoom: -1, textAccent: -1, textHeading: -1, textRunning: -1,
                                  mark: -1, starMark: 5, cautionMark: 5, alarmMark: 1)
    static let xterm256 = Palette(black: 16, yellow: 221, cyan: 80, white: 255, light: 255, headerBackground: 24,
                                  boxBackground: 237, alertBackground: 124, keyOnLight: 18,
                                  textTime: 29, textRoom: 98, textAccent: 63, textHeading: 98, textRunning: 131,
                                  mark: 243, starMark: 136, cautionMark: 136, alarmMark: 160)
}
