import AgendaCanvas
import CNcursesw
import Glibc

/// The full-screen terminal: the only type that talks to ncurses.
///
/// It copies each `Canvas` into curses' virtual screen, touching only the cells that changed,
/// and lets ncurses send the minimal update; it turns curses input into `Input`.
public final class Terminal {
    private let screen: OpaquePointer
    private let output: UnsafeMutablePointer<FILE>
    private let input: UnsafeMutablePointer<FILE>
    private let theme: Theme
    private let themeName: ThemeName
    private var tints = TrackTints([], theme: .mono)
    private var shown: Canvas?
    private var needsFullRepaint = false
    private var stopped = false
    /// The width probe asked after start (`askAmbiguousWidth`), until its answer or `deadline`:
    /// the key codes curses gives the answers that are also function keys in terminfo.
    private var probe: (deadline: UInt64, oneCell: Int32, twoCells: Int32)?
    /// Set when standard input has ended (EOF, hang-up): the run loop should finish.
    public private(set) var inputClosed = false

    public var measure: TextMeasure { TerminalLocale.measure }

    public struct Options: Sendable {
        public var theme: ThemeName
        public var mouse: Bool
        /// Raw mode: Ctrl-C, Ctrl-Z and Ctrl-\ arrive as keys instead of signals (kiosk).
        public var raw: Bool
        /// Shows the cursor (`--screen-reader`); it stands on the focus either way.
        public var showCursor: Bool
        public init(theme: ThemeName = .standard, mouse: Bool = true, raw: Bool = false, showCursor: Bool = false) {
            self.theme = theme
            self.mouse = mouse
            self.raw = raw
            self.showCursor = showCursor
        }
    }

    /// Asked before the terminal is put back on a crash signal: true when the program survives
    /// this fault (then the terminal stays as it is). Set once, before a terminal starts.
    public static var faultSurvivor: (@convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?) -> Bool)? {
        get { CrashGuard.survivor }
        set { CrashGuard.survivor = newValue }
    }

    /// Checks everything that would make curses fail or misbehave, before touching the terminal.
    public static func preflight(environment: [String: String]) throws(TerminalError) {
        guard isatty(0) == 1, isatty(1) == 1 else { throw .notATerminal }
        guard let term = environment["TERM"], !term.isEmpty else { throw .noTerm }
        switch agenda_check_term(term) {
        case 0: return
        case 1: throw .unknownTerm(term)
        default: throw .noCursorAddressing(term)
        }
    }

    /// Starts curses on the process's terminal (stdin/stdout).
    public convenience init(options: Options = Options()) throws(TerminalError) {
        // Exported LINES/COLUMNS pin the size and break resizing.
        unsetenv("LINES")
        unsetenv("COLUMNS")
        // Close-on-exec: a browser started for `o` must not keep the terminal open after us.
        guard let output = fdopen(fcntl(1, F_DUPFD_CLOEXEC, 0), "w"), let input = fdopen(fcntl(0, F_DUPFD_CLOEXEC, 0), "r")
        else { throw .startFailed }
        var shellModes = termios()
        let haveModes = tcgetattr(0, &shellModes) == 0
        try self.init(term: nil, output: output, input: input, options: options)
        if haveModes { CrashGuard.install(shellModes: shellModes, mouse: options.mouse) }
    }

    /// Starts curses without a terminal: output to /dev/null, no input. For tests of this layer.
    public static func headless(size: Size, term: String = "xterm-256color",
                                output path: String = "/dev/null") throws(TerminalError) -> Terminal {
        setenv("LINES", String(size.height), 1)
        setenv("COLUMNS", String(size.width), 1)
        defer { unsetenv("LINES"); unsetenv("COLUMNS") }
        guard let output = fopen(path, "w"), let input = fopen("/dev/null", "r") else { throw .startFailed }
        return try Terminal(term: term, output: output, input: input, options: Options(mouse: false))
    }

    private init(term: String?, output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>,
                 options: Options) throws(TerminalError) {
        set_escdelay(Self.escapeDelay)
        guard let screen = newterm(term, output, input) else {
            fclose(output); fclose(input)
            throw .startFailed
        }
        self.screen = screen
        self.output = output
        self.input = input
        set_term(screen)
        // Until a first endwin, curses treats every cursor motion as a call from a low-level
        // terminfo program and flushes after it: a frame went out in dozens of small writes (a
        // page: ~50), which a terminal may show half drawn. Leaving and resuming once, before
        // anything is drawn, puts curses in its running state: one write per frame.
        endwin()
        doupdate()
        _ = options.raw ? raw() : cbreak()
        noecho()
        nonl()
        let window = agenda_stdscr()
        keypad(window, true)
        // Hidden or shown, the cursor is moved to the focus after every frame (never
        // `leaveok`): screen readers and braille displays follow it.
        curs_set(options.showCursor ? 1 : 0)
        if options.mouse {
            mousemask(agenda_mouse_mask(), nil)
            mouseinterval(0)
        }
        var themeName = has_colors() ? options.theme : .mono
        if themeName != .mono {
            start_color()
            use_default_colors()
            if themeName == .xterm256, agenda_colors() < 256 { themeName = .standard }
        }
        theme = Theme(themeName, colours: themeName == .mono ? 0 : Int(agenda_colors()))
        self.themeName = themeName
    }

    deinit { stop() }

    public var size: Size { Size(width: Int(agenda_cols()), height: Int(agenda_lines())) }

    /// Puts the terminal back as it was: cursor, echo, line mode, main screen.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        drainProbeAnswer()
        endwin()
        CrashGuard.uninstall()
        delscreen(screen)
        fclose(output)
        fclose(input)
    }

    /// Shows a frame. Only cells that differ from the last frame are handed to curses.
    public func present(_ canvas: Canvas) {
        let window = agenda_stdscr()
        let diff = FrameDiff(from: needsFullRepaint ? nil : shown, to: canvas)
        // Hyperlinks are written again whenever curses may have written over their cells.
        let relink = !canvas.hyperlinks.isEmpty && (needsFullRepaint || canvas.hyperlinks != shown?.hyperlinks
            || diff.changes.contains { change in canvas.hyperlinks.contains { $0.y == change.row } })
        if needsFullRepaint { clearok(window, true); needsFullRepaint = false }
        let width = canvas.size.width
        let cells = canvas.cells
        var text: [wchar_t] = Array(repeating: 0, count: 8)
        // A run of plain cells is one curses call; a wide or marked cell is one of its own.
        var run = Run()
        for change in diff.changes {
            switch change {
            case let .clear(y, x):
                wmove(window, Int32(y), Int32(x))
                wclrtoeol(window)
            case let .run(y, x, count):
                for column in x..<(x + count) {
                    let cell = cells[y * width + column]
                    let (attr, pair) = style(cell)
                    run.add(column, wchar_t(bitPattern: cell.scalar.value), attr, pair)
                }
                run.flush(window, y: y)
            case let .cell(y, x):
                let index = y * width + x
                let cell = cells[index]
                let (attr, pair) = style(cell)
                text[0] = wchar_t(bitPattern: cell.scalar.value)
                var count = 1
                if cell.hasMarks {
                    for mark in canvas.marks[index] ?? [] where count < 5 {
                        text[count] = wchar_t(bitPattern: mark.value)
                        count += 1
                    }
                }
                text[count] = 0
                _ = agenda_put_cell(window, Int32(y), Int32(x), text, attr, pair)
            }
        }
        // Last, so the terminal's cursor ends on the focus; when it has not moved, curses
        // sends nothing for it.
        let cursor = canvas.cursor ?? Point(x: 0, y: 0)
        wmove(window, Int32(max(0, min(cursor.y, canvas.size.height - 1))), Int32(max(0, min(cursor.x, width - 1))))
        wnoutrefresh(window)
        doupdate()
        if relink { writeHyperlinks(canvas) }
        shown = canvas
    }

    /// OSC 8 over cells curses has drawn: ncurses knows no hyperlinks, so once a frame is out
    /// the same characters are written again, in the same colours, inside a hyperlink. The
    /// cursor and attributes are saved and restored around it (DECSC, DECRC), so curses' idea
    /// of the screen stays true. A terminal without OSC 8 shows the same characters as before.
    private func writeHyperlinks(_ canvas: Canvas) {
        var out = "\u{1B}7"
        for link in canvas.hyperlinks where link.y < canvas.size.height && link.x + link.width <= canvas.size.width {
            let text = (link.x..<(link.x + link.width)).map { canvas.text(x: $0, y: link.y) }.joined()
            guard let sequence = OSCSequence.hyperlink(link.url, text: text) else { continue }
            out += "\u{1B}[\(link.y + 1);\(link.x + 1)H" + sgr(canvas[link.x, link.y].role) + sequence
        }
        out += "\u{1B}8"
        fputs(out, output)
        fflush(output)
    }

    /// The SGR sequence that draws `role` as the theme does.
    func sgr(_ role: Role) -> String {
        guard let style = Theme.styles(themeName)[role] else { return "\u{1B}[0m" }
        var codes = ["0"]
        if style.attributes & agenda_a_bold() != 0 { codes.append("1") }
        if style.attributes & agenda_a_dim() != 0 { codes.append("2") }
        if style.attributes & agenda_a_underline() != 0 { codes.append("4") }
        if style.attributes & agenda_a_reverse() != 0 { codes.append("7") }
        func colour(_ number: Int16, base: Int) -> String? {
            number < 0 ? nil : number < 8 ? "\(base + Int(number))" : "\(base + 8);5;\(number)"
        }
        if themeName != .mono {
            if let fg = colour(style.foreground, base: 30) { codes.append(fg) }
            if let bg = colour(style.background, base: 40) { codes.append(bg) }
        }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    /// Writes a control sequence (clipboard, notification) between frames.
    public func send(_ control: TerminalControl) {
        fputs(OSCSequence.sequence(for: control), output)
        fflush(output)
    }

    /// The attributes and colour pair a cell is drawn with: its role's, or its track's colour.
    private func style(_ cell: Cell) -> (attr_t, Int16) {
        var (attr, pair) = theme.style(cell.role)
        if cell.tint != 0, case let tinted = tints.pair(cell.tint), tinted != 0 { pair = tinted }
        return (attr, pair)
    }

    /// Consecutive changed cells of one row, collected for one curses call.
    private struct Run {
        var start = 0
        var chars: [wchar_t] = []
        var attrs: [attr_t] = []
        var pairs: [Int16] = []

        var isEmpty: Bool { chars.isEmpty }

        mutating func add(_ x: Int, _ char: wchar_t, _ attr: attr_t, _ pair: Int16) {
            if chars.isEmpty { start = x }
            chars.append(char)
            attrs.append(attr)
            pairs.append(pair)
        }

        mutating func flush(_ window: UnsafeMutablePointer<WINDOW>?, y: Int) {
            _ = agenda_put_run(window, Int32(y), Int32(start), chars, attrs, pairs, Int32(chars.count))
            chars.removeAll(keepingCapacity: true)
            attrs.removeAll(keepingCapacity: true)
            pairs.removeAll(keepingCapacity: true)
        }
    }

    /// Sets up colours for the tracks' own colours (`#RRGGBB`), numbered as `Cell.tint` counts.
    public func useTrackColours(_ hexes: [String]) {
        tints = TrackTints(hexes, theme: themeName)
        needsFullRepaint = true
    }

    /// Rings the terminal bell (or flashes, where there is no bell).
    public func bell() { beep() }

    /// Draws everything again on the next `present`: after a resize, a resume, or Ctrl-L.
    public func invalidate() { needsFullRepaint = true }

    /// Asks the terminal how wide it draws ▽ (`WidthProbe`) without waiting for the answer,
    /// which `nextInput` hands over as `Input.ambiguousWidth` when it arrives within
    /// `milliseconds`. Curses has turned echo off, so the answer is never shown; the first
    /// frame clears the line the question was drawn on.
    public func askAmbiguousWidth(milliseconds: UInt64 = 2000) {
        guard isatty(fileno(input)) == 1, isatty(fileno(output)) == 1 else { return }
        fflush(output)
        WidthProbe.ask(descriptor: fileno(output))
        needsFullRepaint = true
        // Curses cuts a frame short while input waits to be read, and the answer may arrive
        // while the first frame is drawn: until it has been read, frames are drawn whole.
        typeahead(-1)
        // The row is 1 (the question follows curses' clear); xterm's terminfo calls these
        // reports Shift-F3 and Alt-F3, so curses may hand them over as those keys.
        probe = (Self.milliseconds() + milliseconds, key_defined("\u{1B}[1;2R"), key_defined("\u{1B}[1;3R"))
    }

    /// The answer to the width probe, while one is awaited; nil otherwise (then a report is
    /// some other key's, and means nothing).
    private func probeAnswer(column: Int) -> Input? {
        guard let asked = probe else { return nil }
        endProbe()
        guard Self.milliseconds() <= asked.deadline, let cells = WidthProbe.cells(column: column) else { return nil }
        return .ambiguousWidth(cells)
    }

    /// Quitting before the width probe's answer came: it would arrive after the terminal is
    /// back in line mode and be echoed into the shell (`^[[1;2R`). Waits a moment for it (not
    /// past the probe's deadline), then drops whatever input is unread.
    private func drainProbeAnswer() {
        guard let asked = probe else { return }
        probe = nil
        let descriptor = fileno(input)
        let until = min(asked.deadline, Self.milliseconds() + 300)
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        var buffer = [UInt8](repeating: 0, count: 256)
        while Self.milliseconds() < until, poll(&poller, 1, Int32(until - Self.milliseconds())) > 0 {
            let count = read(descriptor, &buffer, buffer.count)
            if count <= 0 || buffer[..<count].contains(UInt8(ascii: "R")) { break }
        }
        flushinp()
        tcflush(descriptor, TCIFLUSH)
    }

    /// No answer is awaited any more: curses may again leave a frame for the keys that wait.
    private func endProbe() {
        probe = nil
        typeahead(fileno(input))
    }

    private static func milliseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1000 + UInt64(now.tv_nsec / 1_000_000)
    }

    /// Waits up to `timeout` milliseconds (negative: forever) for one input.
    public func nextInput(timeout: Int32) -> Input? {
        if let asked = probe, Self.milliseconds() > asked.deadline { endProbe() }
        let window = agenda_stdscr()
        wtimeout(window, timeout)
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        if status == KEY_CODE_YES {
            if let asked = probe, Int32(code) > 0, [asked.oneCell, asked.twoCells].contains(Int32(code)) {
                return probeAnswer(column: Int32(code) == asked.twoCells ? 3 : 2)
            }
            return functionKey(Int32(code))
        }
        guard status == OK else {
            if timeout != 0, inputHasEnded() { inputClosed = true }
            return nil
        }
        switch code {
        case 10, 13: return .key(.enter)
        case 9: return .key(.tab)
        case 27: return escapeSequence(window)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.control(Character(Unicode.Scalar(UInt8(code) + 96))))  // Ctrl-A…Z
        case 28...31: return .key(.control(Character(Unicode.Scalar(UInt8(code) + 64))))  // Ctrl-\ ] ^ _
        default:
            guard code >= 32, let scalar = Unicode.Scalar(UInt32(code)) else { return nil }
            return .key(.char(Character(scalar)))
        }
    }

    /// After ESC: the rest of a sequence curses did not recognise, read whole (it arrives at
    /// once; a lone Esc is followed by nothing within the escape delay).
    private func escapeSequence(_ window: UnsafeMutablePointer<WINDOW>?) -> Input? {
        var bytes: [UInt32] = []
        wtimeout(window, Self.escapeDelay)
        while true {
            var code: wint_t = 0
            let status = wget_wch(window, &code)
            if status == KEY_CODE_YES {
                // A key curses did recognise: it comes next, after the Esc typed before it.
                ungetch(Int32(code))
                return bytes.isEmpty ? .key(.escape) : nil
            }
            guard status == OK else { return bytes.isEmpty ? .key(.escape) : nil }   // cut short: dropped
            bytes.append(UInt32(code))
            switch EscapeSequence.decode(bytes) {
            case .incomplete: continue
            case .key(let key): return .key(key)
            case .ignored: return nil
            case .cursorPosition(_, let column): return probeAnswer(column: column)
            case .notASequence:
                unget_wch(wchar_t(bitPattern: code))
                return .key(.escape)
            }
        }
    }

    /// Milliseconds: as `set_escdelay` above, the wait that tells Esc from a sequence.
    static let escapeDelay: Int32 = 25

    /// curses reports EOF as a timeout; ask the descriptor itself so we do not spin on it.
    private func inputHasEnded() -> Bool {
        var descriptor = pollfd(fd: fileno(input), events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) >= 0 else { return false }
        return descriptor.revents & Int16(POLLHUP | POLLNVAL | POLLERR) != 0
    }

    private func functionKey(_ code: Int32) -> Input? {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME, KEY_A1: return .key(.home)
        case KEY_END, KEY_C1: return .key(.end)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_BTAB: return .key(.backTab)
        case agenda_key_resize():
            invalidate()
            return .resize(size)
        case agenda_key_mouse():
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            let x = Int(event.x), y = Int(event.y)
            if event.bstate & agenda_wheel_up() != 0 { return .mouse(.wheelUp, x: x, y: y) }
            if event.bstate & agenda_wheel_down() != 0 { return .mouse(.wheelDown, x: x, y: y) }
            if event.bstate & agenda_button1() != 0 { return .mouse(.left, x: x, y: y) }
            return nil
        default: return nil
        }
    }

    /// What curses holds for one cell, for tests: its text and whether it is drawn reversed or bold.
    public func cell(x: Int, y: Int) -> (text: String, attributes: UInt, pair: Int16) {
        var text: [wchar_t] = Array(repeating: 0, count: 8)
        var attr: attr_t = 0
        var pair: Int16 = 0
        guard agenda_get_cell(agenda_stdscr(), Int32(y), Int32(x), &text, &attr, &pair) != ERR else { return ("", 0, 0) }
        let scalars = text.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
        return (String(String.UnicodeScalarView(scalars)), UInt(attr & ~agenda_a_color()), pair)
    }

    /// Where curses holds the cursor (after `present`, where the terminal's cursor stands).
    public var cursorPosition: Point {
        let window = agenda_stdscr()
        return Point(x: Int(getcurx(window)), y: Int(getcury(window)))
    }

    /// The colour pair a role is drawn with in this terminal's theme.
    func pair(of role: Role) -> Int16 { theme.style(role).1 }

    public static var boldAttribute: UInt { UInt(agenda_a_bold()) }
    public static var reverseAttribute: UInt { UInt(agenda_a_reverse()) }
}
