import AgendaCanvas

/// The browser's keys: one table, so the help screen and the behaviour cannot drift apart.
public enum KeyMap {
    public struct Binding: Sendable {
        public let keys: String
        public let en: String
        public let zh: String
        /// The keys as a Chinese reader names them, where they are a word ("mouse") and not a key cap.
        public var zhKeys: String? = nil
    }

    public struct Section: Sendable {
        public let en: String
        public let zh: String
        public let bindings: [Binding]
    }

    /// The action for an input in the given state: while the search line is open, letters type.
    public static func action(for input: Input, in state: AppState) -> Action? {
        switch input {
        case .resize(let size): return .resize(size)
        case .mouse(.left, let x, let y): return .click(x: x, y: y)
        case .mouse(.wheelUp, let x, let y): return .wheel(-3, x: x, y: y)
        case .mouse(.wheelDown, let x, let y): return .wheel(3, x: x, y: y)
        case .key(let key):
            // `q` closes the help, as in less, mutt and htop; Ctrl-C still quits.
            if state.overlay == .help, key == .char("q") || key == .char("Q") { return .back }
            if state.overlay == .picker {
                if state.picker.typing {
                    switch key {
                    case .char(let c): return .searchType(c)
                    case .backspace: return .searchErase
                    case .enter: return .searchDone
                    default: break
                    }
                } else if key == .char("q") || key == .char("Q") {
                    return .back
                }
            }
            if state.search.editing, state.overlay == .none {
                switch key {
                case .char(let c): return .searchType(c)
                case .backspace: return .searchErase
                case .enter: return .searchDone
                case .escape: return .back
                default: break
                }
            }
            return action(for: key)
        }
    }

    static func action(for key: Key) -> Action? {
        switch key {
        case .up, .char("k"): .move(-1)
        case .down, .char("j"): .move(1)
        case .pageUp: .page(-1)
        case .pageDown: .page(1)
        case .home, .char("g"): .first
        case .end, .char("G"): .last
        case .left, .char("h"): .sideways(-1)
        case .right, .char("l"): .sideways(1)
        case .char("["): .changeDay(-1)
        case .char("]"): .changeDay(1)
        case .enter: .open
        case .escape, .backspace: .back
        case .tab, .backTab: .switchPane
        case .char("v"): .cycleView(1)
        case .char("V"): .cycleView(-1)
        case .char("t"): .jumpToNow
        case .char("/"): .startSearch
        case .char("n"): .nextMatch(1)
        case .char("N"): .nextMatch(-1)
        case .char("f"), .char(" "): .toggleFavourite
        case .char("F"): .toggleMyAgenda
        case .char("c"): .toggleChanges
        case .char("e"): .exportFavourites
        case .char("p"): .togglePicker
        case .char("a"): .pickerAll
        case .char("x"): .clearFilter
        case .char("z"): .toggleLocalTime
        case .char("?"): .toggleHelp
        case .char("q"), .char("Q"): .quit
        default: nil
        }
    }

    /// Shown by the help overlay, in this order.
    public static let sections: [Section] = [
        Section(en: "Move", zh: "移动", bindings: [
            Binding(keys: "↑ ↓  k j", en: "previous / next session; scroll the detail", zh: "上一场 / 下一场；滚动详情"),
            Binding(keys: "PgUp PgDn", en: "a page up / down", zh: "上一页 / 下一页"),
            Binding(keys: "Home End  g G", en: "first / last", zh: "第一场 / 最后一场"),
            Binding(keys: "← → h l [ ]", en: "previous / next day (timetable, ← →: room)", zh: "前一天 / 后一天（时间表中 ← →：会场）"),
            Binding(keys: "t", en: "jump to what runs now", zh: "跳到正在进行的场次"),
        ]),
        Section(en: "Show", zh: "显示", bindings: [
            Binding(keys: "Enter", en: "open the session's detail", zh: "打开场次详情"),
            Binding(keys: "Esc", en: "back; clear the search; close", zh: "返回；清除搜索；关闭"),
            Binding(keys: "Tab", en: "switch between list and detail", zh: "在列表与详情间切换"),
            Binding(keys: "v V", en: "cycle views: all, room, track, grid, now", zh: "切换视图：全部、会场、专题、时间表、当前"),
            Binding(keys: "z", en: "venue time / local time", zh: "会场时间 / 本地时间"),
            Binding(keys: "c", en: "changes since the previous version", zh: "与上一版本相比的变更"),
        ]),
        Section(en: "Find", zh: "查找", bindings: [
            Binding(keys: "/", en: "search titles, people, rooms, text", zh: "搜索标题、讲者、会场、内容"),
            Binding(keys: "n N", en: "next / previous match", zh: "下一个 / 上一个结果"),
            Binding(keys: "p  x", en: "filter rooms, tracks, languages, types / show all", zh: "筛选会场、专题、语言、类型 / 显示全部"),
        ]),
        Section(en: "Favourites", zh: "收藏", bindings: [
            Binding(keys: "f  Space", en: "star / unstar the session", zh: "收藏 / 取消收藏"),
            Binding(keys: "F", en: "my agenda: favourites, gaps, clashes", zh: "我的日程：收藏、空档、冲突"),
            Binding(keys: "e", en: "export favourites to an iCalendar file", zh: "将收藏导出为 iCalendar 文件"),
        ]),
        Section(en: "Other", zh: "其他", bindings: [
            Binding(keys: "mouse", en: "click selects, wheel scrolls", zh: "单击选择，滚轮滚动", zhKeys: "鼠标"),
            Binding(keys: "Ctrl-L", en: "redraw the screen", zh: "重绘屏幕"),
            Binding(keys: "?  q", en: "this help (q closes it) / quit", zh: "本帮助（按 q 关闭）/ 退出"),
        ]),
    ]
}
