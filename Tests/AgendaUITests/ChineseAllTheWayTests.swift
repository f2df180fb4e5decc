import Foundation
import Testing
import AgendaCanvas
@testable import AgendaModel
@testable import AgendaUI

/// With `--lang zh` every word the program itself shows is Chinese: on a programme whose own
/// text is all Chinese, no English word may appear on any screen of the browser or the kiosk.
/// Key names (Enter, Esc, PgUp …), single-letter keys and the names of standards stay as they
/// are printed on keyboards and in documents.
@Suite struct ChineseAllTheWayTests {
    static let keyNames: Set<String> = ["Enter", "Esc", "Tab", "Shift", "Space", "Backspace", "PgUp", "PgDn", "Home", "End", "Ctrl",
                                        "iCalendar", "GMT", "UTC", "CACIE"]

    /// Runs of two or more Latin letters on a screen that are not key names; time zone
    /// identifiers (`Asia/Shanghai`) are names, as published, and are left out first.
    static func englishWords(_ canvas: Canvas) -> [String] {
        let text = canvas.text().replacingOccurrences(of: #"\S*/\S*"#, with: " ", options: .regularExpression)
        var words: [String] = [], word = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic { word.unicodeScalars.append(scalar); continue }
            if word.count >= 2, !keyNames.contains(word) { words.append(word) }
            word = ""
        }
        return words
    }

    /// Every row fills exactly the screen's width, wide characters counted as two cells.
    static func rowsFit(_ canvas: Canvas) -> Bool {
        canvas.text().split(separator: "\n", omittingEmptySubsequences: false).allSatisfy {
            TextMeasure.standard.cells(String($0)) <= canvas.size.width
        }
    }

    static let zone = KioskFixtures.zone
    static func at(_ text: String) -> Date { KioskFixtures.at(text) }

    /// Two days in Chinese only: titles, rooms, tracks, types, people and abstracts.
    static var programme: Schedule {
        func talk(_ id: String, _ title: String, _ start: String, _ end: String, _ room: String, track: String,
                  persons: [String] = []) -> Session {
            Session(id: id, title: title, subtitle: "副标题", start: at(start), end: at(end), room: room, track: track,
                    type: "演讲", language: "中文", persons: persons, abstract: "摘要：国际教育的新路径。",
                    description: "关于合作、质量与创新的讨论。")
        }
        let sessions = [
            talk("p", "开幕式暨全体大会", "10-22 09:00", "10-22 12:00", "国家会议中心一号会议厅", track: "大会"),
            talk("a", "高等教育国际合作论坛", "10-22 13:30", "10-22 15:00", "二〇一会议室", track: "高等教育", persons: ["李伟", "王芳"]),
            talk("b", "职业教育数字化转型", "10-22 13:30", "10-22 15:00", "二〇二会议室", track: "职业教育"),
            talk("c", "国际学生流动与服务", "10-22 15:30", "10-22 17:00", "二〇一会议室", track: "高等教育", persons: ["张敏"]),
            talk("d", "闭幕式", "10-23 09:00", "10-23 10:00", "国家会议中心一号会议厅", track: "大会"),
        ]
        return Schedule(conference: Conference(title: "2021中国国际教育年会", timeZone: zone), sessions: sessions)
    }

    static func browser(_ size: Size = Size(width: 80, height: 24), now: String = "10-22 13:40") -> AppState {
        AppState(schedule: programme, size: size, now: at(now), strings: .for(.zh),
                 localZone: TimeZone(identifier: "Europe/Berlin")!, favourites: ["a", "b", "c"])
    }

    /// The browser's screens, each reached by the keys a user would press.
    static var browserScreens: [(String, AppState)] {
        var screens: [(String, AppState)] = []
        func after(_ name: String, _ actions: [Action], from start: AppState = browser()) {
            var state = start
            for action in actions { state.apply(action) }
            screens.append((name, state))
        }
        after("list", [])
        after("by room", [.cycleView(1)])
        after("by track", [.cycleView(1), .cycleView(1)])
        after("timetable", [.cycleView(1), .cycleView(1), .cycleView(1)])
        after("now and next", [.cycleView(-1)])
        after("detail", [.open])
        after("detail focused", [.open, .switchPane])
        after("help", [.toggleHelp])
        after("help scrolled", [.toggleHelp] + Array(repeating: .move(1), count: 30), from: browser(Size(width: 80, height: 12)))
        after("picker", [.togglePicker])
        after("picker typing", [.togglePicker, .pickerFind, .pickerType("会")])
        after("search typing", [.startSearch, .searchType("论"), .searchType("坛")])
        after("search done", [.startSearch, .searchType("论"), .searchType("坛"), .searchDone])
        after("search without matches", [.startSearch, .searchType("无"), .searchType("此")])
        after("my agenda", [.toggleMyAgenda])
        after("my agenda, nothing starred", [.toggleMyAgenda], from: AppState(schedule: programme, size: Size(width: 80, height: 24),
                                                                              now: at("10-22 13:40"), strings: .for(.zh)))
        after("changes, none", [.toggleChanges])
        after("local time", [.toggleLocalTime])
        after("too small", [], from: browser(Size(width: 30, height: 8)))
        after("before the conference", [], from: browser(now: "10-20 09:00"))
        var changed = browser()
        var moved = programme
        moved = ScheduleChanges.track(previous: moved, current: Schedule(conference: moved.conference,
            sessions: moved.sessions.filter { $0.id != "d" }.map { var s = $0; if s.id == "c" { s.room = "二〇二会议室" }; return s }
                + [Session(id: "n", title: "新增圆桌", start: at("10-23 11:00"), end: at("10-23 12:00"), room: "二〇一会议室")]))
        changed.apply(.refreshed(moved))
        changed.staleNote = StaleNote(kind: .offline, asOf: at("10-22 08:00"), cause: "")
        after("changes", [.toggleChanges], from: changed)
        after("changes, a changed session open", [.toggleChanges, .move(1), .move(1), .open], from: changed)
        var banners = browser()
        banners.apply(.notice(banners.strings.exported(3, "/home/李伟/日程.ics"), until: at("10-22 14:00")))
        screens.append(("exported", banners))
        banners.apply(.notice(banners.strings.exportFailed("/home/李伟/日程.ics"), until: at("10-22 14:00")))
        screens.append(("export failed", banners))
        after("reminder", [.tick(at("10-22 15:26"))])
        return screens
    }

    @Test func noEnglishWordOnAnyBrowserScreen() {
        for (name, state) in Self.browserScreens {
            let canvas = Screen.render(state)
            #expect(Self.englishWords(canvas).isEmpty, "\(name): \(Self.englishWords(canvas))\n\(canvas.text())")
            #expect(Self.rowsFit(canvas), "\(name) is wider than \(canvas.size.width) cells")
        }
    }

    /// The check itself: the same screens in English are full of English words.
    @Test func theSameScreensInEnglishAreCaught() {
        let state = AppState(schedule: Self.programme, size: Size(width: 80, height: 24), now: Self.at("10-22 13:40"))
        #expect(Self.englishWords(Screen.render(state)).count > 5)
    }

    @Test(arguments: [(80, 24), (160, 45)])
    func noEnglishWordOnAnyKioskScreen(width: Int, height: Int) {
        var screens: [(String, KioskState)] = []
        for time in ["10-20 09:00", "10-22 09:30", "10-22 13:25", "10-22 15:10", "10-22 17:30", "10-24 09:00"] {
            for room in [nil, "二〇一会议室", "没有的会议室"] as [String?] {
                for timer in [false, true] where room != nil || !timer {
                    let options = KioskOptions(room: room, language: .zh, timer: timer, qr: .none, closing: "感谢参与")
                    var state = KioskState(schedule: Self.programme, now: Self.at(time), size: Size(width: width, height: height),
                                           options: options, updateFailedAt: Self.at("10-22 08:00"))
                    state.noticesFailedAt = Self.at("10-22 08:30")
                    screens.append(("\(time) \(room ?? "venue")\(timer ? " timer" : "")", state))
                }
            }
        }
        for (name, state) in screens {
            let canvas = KioskBoard.render(state)
            #expect(Self.englishWords(canvas).isEmpty, "\(name): \(Self.englishWords(canvas))\n\(canvas.text())")
            #expect(Self.rowsFit(canvas), "\(name) is wider than \(canvas.size.width) cells")
        }
    }
}
