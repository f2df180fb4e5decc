import Foundation
import Testing
@testable import AgendaCanvas
@testable import AgendaUI
@testable import AgendaModel

/// `--glyphs ascii` (issue 16): no East Asian Ambiguous character on any screen, so nothing
/// shifts on a terminal that draws them two cells wide; wide (CJK) text stays as it is.
@Suite struct GlyphsTests {
    /// The ambiguous characters on a screen, with where they are.
    static func ambiguous(_ canvas: Canvas) -> [String] {
        var found: [String] = []
        for y in 0..<canvas.size.height {
            for x in 0..<canvas.size.width where AmbiguousWidth.contains(canvas[x, y].scalar) && !canvas[x, y].isContinuation {
                found.append("\(canvas[x, y].scalar) at \(x),\(y)")
            }
        }
        return found
    }

    /// Every browser screen: list views, detail, timetable, search, help, picker, my agenda.
    static func browserScreens(_ size: Size, glyphs: Glyphs) -> [(String, AppState)] {
        var state = Fixtures.congress(size: size, now: "2024-12-27T10:40:00+01:00", favourites: ["guid-2", "guid-3"],
                                      settings: BrowserSettings(glyphs: glyphs))
        var screens: [(String, AppState)] = [("list", state)]
        func then(_ name: String, _ actions: [Action]) {
            for action in actions { state.apply(action) }
            screens.append((name, state))
        }
        then("detail", [.move(1), .open])
        then("back", [.back])
        for mode in ["by room", "by track", "timetable", "now & next"] { then(mode, [.cycleView(1)]) }
        then("timetable detail", [.cycleView(-1), .open])
        then("search", [.back, .cycleView(1), .startSearch, .searchType("a")])
        then("results", [.searchDone])
        then("help", [.toggleHelp])
        then("help end", [.last])
        then("picker", [.back, .back, .togglePicker, .move(2), .pickerToggle])
        then("picker narrowed", [.pickerFind, .pickerType("s")])
        then("my agenda", [.back, .back, .back, .toggleMyAgenda])
        then("banner", [.back, .exportFavourites])
        state.apply(.notice("⚠ could not save — “disk full” … ★", until: state.now.addingTimeInterval(60)))
        screens.append(("notice", state))
        then("too small", [.resize(Size(width: 30, height: 8))])
        return screens
    }

    @Test(arguments: [Size(width: 120, height: 40), Size(width: 80, height: 24), Size(width: 60, height: 16)])
    func browserScreensHaveNoAmbiguousCharacter(size: Size) {
        for (name, state) in Self.browserScreens(size, glyphs: .ascii) {
            let canvas = Screen.render(state)
            #expect(Self.ambiguous(canvas).isEmpty, "\(name) at \(size): \(Self.ambiguous(canvas))\n\(canvas.text())")
        }
    }

    /// For the console and screen readers: no ambiguous line, mark or punctuation, but the
    /// schedule's letters as published.
    @Test func asciiMarksKeepLetters() {
        for (name, state) in Self.browserScreens(Size(width: 100, height: 30), glyphs: .asciiMarks) {
            let canvas = Screen.render(state)
            let symbols = Self.ambiguous(canvas).filter { !$0.unicodeScalars.first!.properties.isAlphabetic }
            #expect(symbols.isEmpty, "\(name): \(symbols)\n\(canvas.text())")
        }
        let state = Fixtures.congress(size: Size(width: 100, height: 30), settings: BrowserSettings(glyphs: .asciiMarks))
        #expect(Screen.render(state).text().contains("Café Ünïcode"))
        let kiosk = KioskBoard.render(KioskState(
            schedule: KioskFixtures.congress, now: KioskFixtures.at("10-22 14:15"), size: Size(width: 100, height: 30),
            options: KioskOptions(room: "Room 201", consoleFont: true, glyphs: .asciiMarks)))
        // Save the half blocks of the block clock, which the console's font draws one cell wide.
        #expect(Self.ambiguous(kiosk).filter { !$0.hasPrefix("▀") && !$0.hasPrefix("▄") }.isEmpty, "\(kiosk.text())")
    }

    /// Marks that are not ambiguous but not ASCII either (the cancelled `✗`, the gap's `⋯`, the
    /// reminder's clock) are drawn in ASCII too.
    @Test func theInterfacesOwnMarksAreASCII() {
        var state = Fixtures.congress(size: Size(width: 100, height: 30), now: "2024-12-27T10:40:00+01:00",
                                      favourites: ["guid-1", "guid-5", "guid-9"], settings: BrowserSettings(glyphs: .ascii))
        state.apply(.refreshed(ChangedCongress.versions().1))
        var screens = [Screen.render(state)]
        state.apply(.toggleChanges)
        screens.append(Screen.render(state))
        state.apply(.toggleMyAgenda)
        screens.append(Screen.render(state))
        state.apply(.tick(Fixtures.date("2024-12-28T16:57:00+01:00")))
        screens.append(Screen.render(state))
        #expect(screens[1].text().contains("x Lightning Talks"), "\(screens[1].text())")
        #expect(screens[2].text().contains("~ "), "\(screens[2].text())")
        for canvas in screens {
            let symbols = canvas.cells.filter { !$0.isContinuation && !$0.scalar.isASCII && !$0.scalar.properties.isAlphabetic }
            #expect(symbols.isEmpty, "\(symbols.map { String($0.scalar) })\n\(canvas.text())")
        }
    }

    /// The test above can fail: in Unicode the same screens do draw ambiguous characters.
    @Test func unicodeScreensDoDrawThem() {
        let screens = Self.browserScreens(Size(width: 120, height: 40), glyphs: .unicode)
        #expect(screens.filter { !Self.ambiguous(Screen.render($0.1)).isEmpty }.count >= screens.count - 1)
    }

    @Test func asciiKeepsLayoutAndWideText() {
        let unicode = Screen.render(Fixtures.congress(size: Size(width: 120, height: 40), favourites: ["guid-2"]))
        let ascii = Screen.render(Fixtures.congress(size: Size(width: 120, height: 40), favourites: ["guid-2"],
                                                    settings: BrowserSettings(glyphs: .ascii)))
        #expect(ascii.text().contains("开源硬件与教育"))
        #expect(ascii.text().contains("Cafe Ünïcode"))   // é is ambiguous, Ü and ï are not
        #expect(ascii.cursor == unicode.cursor)
        // Cell for cell: the same characters where unicode drew ASCII or wide ones.
        for y in 0..<40 {
            for x in 0..<120 where unicode[x, y].scalar.isASCII || unicode[x, y].isContinuation {
                #expect(ascii[x, y] == unicode[x, y])
            }
        }
    }

    @Test func snapshots() {
        var state = Fixtures.congress(size: Size(width: 100, height: 24), now: "2024-12-27T10:40:00+01:00", favourites: ["guid-2", "guid-3"],
                                      settings: BrowserSettings(glyphs: .ascii))
        expectSnapshot(Screen.render(state), "ascii-congress-100x24")
        state.apply(.toggleHelp)
        expectSnapshot(Screen.render(state), "ascii-help-100x24")
    }

    // MARK: - Kiosk

    static func kiosk(_ schedule: Schedule, at time: String, room: String?, size: (Int, Int), timer: Bool = false,
                      consoleFont: Bool = false) -> KioskState {
        KioskState(schedule: schedule, now: KioskFixtures.at(time), size: Size(width: size.0, height: size.1),
                   options: KioskOptions(room: room, language: .bilingual, consoleFont: consoleFont,
                                         glyphs: .ascii, timer: timer),
                   qrCodes: .encoder { _ in QRMatrix(width: 21, dark: (0..<441).map { $0 % 3 == 0 }) })
    }

    @Test(arguments: [(80, 24), (120, 40), (60, 16)])
    func kioskScreensHaveNoAmbiguousCharacterButKeepChinese(width: Int, height: Int) {
        for time in ["10-22 08:50", "10-22 13:31", "10-22 14:15", "10-01 10:00", "10-27 10:00"] {
            for schedule in [KioskFixtures.congress, KioskFixtures.chinese] {
                for room in [nil, schedule.rooms.first!] {
                    for timer in room == nil ? [false] : [false, true] {
                        let canvas = KioskBoard.render(Self.kiosk(schedule, at: time, room: room, size: (width, height), timer: timer))
                        #expect(Self.ambiguous(canvas).isEmpty, "\(time) \(room ?? "venue") timer \(timer): \(canvas.text())")
                    }
                }
            }
        }
        let chinese = KioskBoard.render(Self.kiosk(KioskFixtures.chinese, at: "10-22 13:31", room: nil, size: (width, height)))
        #expect(chinese.text().contains("高等教育"), "\(chinese.text())")
    }

    /// The console's font draws the QR code's half blocks in one cell: they stay there.
    @Test func consoleKeepsItsQRCode() {
        let base = KioskFixtures.congress
        let schedule = Schedule(conference: base.conference, sessions: base.sessions.map { session in
            var linked = session
            linked.url = "https://example.org/\(session.id)"
            return linked
        })
        let plain = Self.kiosk(schedule, at: "10-22 14:15", room: "Room 201", size: (100, 30))
        #expect(!KioskBoard.render(plain).text().contains("▀"))
        let console = Self.kiosk(schedule, at: "10-22 14:15", room: "Room 201", size: (100, 30), consoleFont: true)
        #expect(KioskBoard.render(console).text().contains("▀"))
    }

    /// TERM=linux gets the block clock (half blocks and solid cells), not seven-segment strokes.
    @Test func consoleGetsTheBlockClock() {
        let plain = Self.kiosk(KioskFixtures.congress, at: "10-22 14:15", room: "Room 201", size: (80, 24))
        let console = Self.kiosk(KioskFixtures.congress, at: "10-22 14:15", room: "Room 201", size: (80, 24), consoleFont: true)
        let header = { (canvas: Canvas) in (0..<3).flatMap { y in (0..<80).map { x in canvas[x, y] } } }
        #expect(header(KioskBoard.render(plain)).contains { $0.scalar == "|" })
        let blocks = header(KioskBoard.render(console))
        #expect(blocks.contains { $0.role == .clockInk } && blocks.contains { $0.scalar == "▀" })
        #expect(!blocks.contains { $0.scalar == "|" || $0.scalar == "_" })
    }
}
