import AgendaUI
import CNcursesw

/// Maps each UI role to ncurses attributes and a colour pair. Monochrome terminals and
/// NO_COLOR get attributes only (reverse, bold, dim), which every terminal understands.
struct Theme {
    private var attributes: [attr_t]
    private var pairs: [Int16]

    init(colour: Bool) {
        let normal = agenda_a_normal(), bold = agenda_a_bold(), reverse = agenda_a_reverse()
        let dim = agenda_a_dim(), underline = agenda_a_underline()
        attributes = Array(repeating: normal, count: Role.allCases.count)
        pairs = Array(repeating: 0, count: Role.allCases.count)
        func set(_ role: Role, _ attr: attr_t, _ fg: Int16 = -1, _ bg: Int16 = -1) {
            attributes[Int(role.rawValue)] = attr
            if colour, fg != -1 || bg != -1 {
                let pair = Int16(role.rawValue) + 1
                init_pair(pair, fg, bg)
                pairs[Int(role.rawValue)] = pair
            }
        }
        let black = Int16(COLOR_BLACK), white = Int16(COLOR_WHITE), blue = Int16(COLOR_BLUE)
        let cyan = Int16(COLOR_CYAN), yellow = Int16(COLOR_YELLOW), green = Int16(COLOR_GREEN)
        let red = Int16(COLOR_RED)
        if colour {
            set(.header, bold, white, blue)
            set(.headerAccent, bold, cyan)
            set(.statusBar, normal, black, white)
            set(.statusKey, bold, blue, white)
            set(.listTime, normal, cyan)
            set(.listRoom, normal, green)
            set(.selected, bold, black, cyan)
            set(.selectedInactive, normal, black, white)
            set(.running, bold, yellow)
            set(.title, bold, yellow)
            set(.subtitle, normal, cyan)
            set(.label, bold, green)
            set(.border, normal, blue)
            set(.accent, bold, cyan)
            set(.warning, bold, red)
            set(.dim, dim)
            set(.clock, bold, cyan)          // kiosk; 8 colours only, so TERM=linux shows it too
            set(.badge, bold, black, yellow)
        } else {
            set(.header, reverse | bold)
            set(.headerAccent, bold)
            set(.statusBar, reverse)
            set(.statusKey, reverse | bold)
            set(.selected, reverse | bold)
            set(.selectedInactive, reverse)
            set(.running, bold)
            set(.title, bold)
            set(.subtitle, underline)
            set(.label, bold)
            set(.accent, bold)
            set(.warning, bold)
            set(.dim, dim)
            set(.clock, bold)
            set(.badge, reverse | bold)
        }
    }

    func style(_ role: Role) -> (attr_t, Int16) {
        (attributes[Int(role.rawValue)], pairs[Int(role.rawValue)])
    }
}
