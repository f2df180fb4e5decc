import AgendaCanvas
/// The key table itself: per context, every key with its action and the words that explain it.
/// The help screen shows the browser's sections in this order; the manual lists every context.
extension KeyMap {
    public static func table(_ context: Context) -> Table {
        switch context {
        case .browser: browser
        case .search: search
        case .picker: picker
        case .pickerTyping: pickerTyping
        case .help: help
        case .links: links
        }
    }

    static let browser = Table(sections: [
        Section(en: "Move", zh: "移动", lines: [
            Line(.pair(.up, .down, Action.move), .pair(.char("k"), .char("j"), Action.move),
                 en: "previous / next session; scroll the detail", zh: "上一场 / 下一场；滚动详情",
                 manual: "previous / next session; scroll the detail when it has focus"),
            pages,
            Line(.keys([(.home, .first), (.end, .last)]), .keys([(.char("g"), .first), (.char("G"), .last)]),
                 en: "first / last", zh: "第一场 / 最后一场", manual: "first / last session"),
            Line(.keys([(.left, .sideways(-1)), (.right, .sideways(1)), (.char("h"), .sideways(-1)), (.char("l"), .sideways(1)),
                        (.char("["), .changeDay(-1)), (.char("]"), .changeDay(1))]),
                 en: "previous / next day (timetable, ← →: room)", zh: "前一天 / 后一天（时间表中 ← →：会场）",
                 manual: "previous / next day; in the timetable, the arrows and h l move to the room to the left / right"),
            Line(.key(.char("t"), .jumpToNow), .key(.char("z"), .toggleLocalTime),
                 en: "jump to what runs now / venue or local time", zh: "跳到正在进行的场次 / 会场时间或本地时间",
                 manual: "jump to what runs now / show venue time or local time"),
        ]),
        Section(en: "Show", zh: "显示", lines: [
            Line(.key(.enter, .open), en: "open the session's detail", zh: "打开场次详情"),
            Line(.keys([(.escape, .back), (.backspace, .back)]), en: "back; clear the search; close", zh: "返回；清除搜索；关闭",
                 manual: "back: close the detail, leave my agenda, clear the search, close a box"),
            Line(.keys([(.tab, .switchPane), (.backTab, .switchPane)]), en: "switch between list and detail", zh: "在列表与详情间切换"),
            Line(.keys([(.char("v"), .cycleView(1)), (.char("V"), .cycleView(-1))]),
                 en: "cycle views: all, room, track, grid, now", zh: "切换视图：全部、会场、专题、时间表、当前",
                 manual: "next / previous view: all rooms, by room, by track, timetable, now & next"),
            Line(.key(.char("c"), .toggleChanges), .key(.char("C"), .toggleStarredChanges),
                 en: "changes in this version / to your stars", zh: "本版本的变更 / 收藏的变更",
                 manual: "changes since the schedule's previous version / only those to your starred sessions"),
            Line(.key(.char("o"), .openLink), .key(.char("y"), .copyLink),
                 en: "open / copy the session's link", zh: "打开 / 复制场次链接",
                 manual: "open the session's web link in the browser (xdg-open, or $BROWSER) / copy it to the terminal's clipboard (OSC 52); with several links, choose one first"),
        ]),
        Section(en: "Find", zh: "查找", lines: [
            Line(.key(.char("/"), .startSearch), en: "search titles, people, rooms, text", zh: "搜索标题、讲者、会场、内容",
                 manual: "search titles, people, rooms and text as you type"),
            Line(.keys([(.char("n"), .nextMatch(1)), (.char("N"), .nextMatch(-1))]), en: "next / previous match", zh: "下一个 / 上一个结果"),
            Line(.key(.char("p"), .togglePicker), .key(.char("x"), .clearFilter),
                 en: "filter by room, track, language, type / show all", zh: "筛选会场、专题、语言、类型 / 显示全部",
                 manual: "choose which rooms, tracks, languages and types to show / show them all again"),
        ]),
        Section(en: "Favourites", zh: "收藏", lines: [
            Line(.key(.char("f"), .toggleFavourite), .key(.char(" "), .toggleFavourite),
                 en: "star / unstar the session", zh: "收藏 / 取消收藏", manual: "star or unstar the session"),
            Line(.key(.char("F"), .toggleMyAgenda), en: "my agenda: favourites, gaps, clashes", zh: "我的日程：收藏、空档、冲突",
                 manual: "my agenda: the starred sessions, the gaps between them, clashes"),
            Line(.key(.char("e"), .exportFavourites), en: "export favourites to an iCalendar file", zh: "将收藏导出为 iCalendar 文件",
                 manual: "export the starred sessions to an iCalendar file: the status line says where first, e again writes it"),
        ]),
        Section(en: "Other", zh: "其他", lines: [
            Line(.mouse([.on(.left) { .click(x: $0, y: $1) }, .on(.wheelUp) { .wheel(-3, x: $0, y: $1) },
                         .on(.wheelDown) { .wheel(3, x: $0, y: $1) }]),
                 en: "click selects, wheel scrolls", zh: "单击选择，滚轮滚动",
                 manual: "a click selects a session, a timetable box or a day tab; the wheel scrolls what is under it"),
            redraw,
            Line(.key(.char("?"), .toggleHelp), .keys([(.char("q"), .quit), (.char("Q"), .quit)]),
                 en: "this help (q closes it) / quit", zh: "本帮助（按 q 关闭）/ 退出", manual: "help: every key / quit"),
        ]),
    ], fallback: nil)

    /// While the search line is open, characters type; keys not here move as in the browser.
    static let search = Table(sections: [Section(en: "", zh: "", lines: [
        Line(.typing(Action.searchType), en: "search as you type", zh: "边输入边搜索",
             manual: "search as you type: word starts, several words in any order, case and accents ignored"),
        Line(.key(.backspace, .searchErase), en: "erase the last character", zh: "删除最后一个字符"),
        Line(.key(.enter, .searchDone), en: "keep the results", zh: "保留结果"),
        Line(.key(.escape, .back), en: "clear the search", zh: "清除搜索",
             manual: "clear the search and stay on the chosen session"),
    ])], fallback: .browser)

    static let picker = Table(sections: [Section(en: "", zh: "", lines: [
        Line(.pair(.up, .down, Action.move), .pair(.char("k"), .char("j"), Action.move),
             en: "previous / next choice", zh: "上一项 / 下一项"),
        pages,
        Line(.keys([(.home, .first), (.end, .last)]), .keys([(.char("g"), .first), (.char("G"), .last)]),
             en: "first / last choice", zh: "第一项 / 最后一项"),
        Line(.keys([(.char(" "), .pickerToggle), (.enter, .pickerToggle)]), .key(.char("f"), .pickerToggle),
             en: "show / hide the choice", zh: "显示 / 隐藏该项"),
        Line(.key(.char("a"), .pickerAll), en: "all or none of its kind (narrowed: those shown)",
             zh: "该类全选 / 全不选（缩小范围时：所列各项）",
             manual: "all or none of its kind; while narrowed, only those shown or all again"),
        Line(.key(.char("/"), .pickerFind), en: "type to narrow the choices", zh: "输入以缩小范围"),
        Line(.key(.char("x"), .clearFilter), en: "show everything again", zh: "全部显示"),
        Line(.keys([(.escape, .back), (.backspace, .back)]), .keys([(.char("q"), .back), (.char("Q"), .back)]),
             en: "drop what was typed; close", zh: "清除输入；关闭"),
        Line(.key(.char("p"), .togglePicker), .key(.char("?"), .togglePicker), en: "close", zh: "关闭"),
        Line(.mouse([.on(.left) { .click(x: $0, y: $1) }]), en: "a click closes", zh: "单击关闭"),
        redraw,
    ])], fallback: nil)

    /// While narrowing the picker, characters type; keys not here work as in the picker.
    static let pickerTyping = Table(sections: [Section(en: "", zh: "", lines: [
        Line(.typing(Action.pickerType), en: "narrow the choices", zh: "缩小范围"),
        Line(.key(.backspace, .pickerErase), en: "erase the last character", zh: "删除最后一个字符"),
        Line(.key(.enter, .pickerDone), en: "done: keep the choices shown", zh: "完成：保留所列各项"),
    ])], fallback: .picker)

    static let help = Table(sections: [Section(en: "", zh: "", lines: [
        Line(.pair(.up, .down, Action.move), .pair(.char("k"), .char("j"), Action.move), en: "scroll", zh: "滚动"),
        pages,
        Line(.keys([(.home, .first), (.end, .last)]), .keys([(.char("g"), .first), (.char("G"), .last)]),
             en: "top / bottom", zh: "顶部 / 底部"),
        Line(.keys([(.escape, .back), (.backspace, .back)]), .keys([(.char("q"), .back), (.char("Q"), .back)]),
             .key(.char("?"), .toggleHelp), en: "close the help", zh: "关闭帮助"),
        Line(.mouse([.on(.left) { .click(x: $0, y: $1) }]), en: "a click closes", zh: "单击关闭"),
        redraw,
    ])], fallback: nil)

    static let links = Table(sections: [Section(en: "", zh: "", lines: [
        Line(.pair(.up, .down, Action.move), .pair(.char("k"), .char("j"), Action.move),
             en: "previous / next link", zh: "上一个 / 下一个链接"),
        Line(.keys((1...9).map { (Key.char(Character("\($0)")), Action.chooseLink($0)) }),
             en: "open (or copy) the link numbered so", zh: "打开（或复制）该编号的链接",
             manual: "open the link numbered so (copy it when y opened the chooser)"),
        Line(.key(.enter, .open), en: "open (or copy) the chosen link", zh: "打开（或复制）所选链接"),
        Line(.key(.char("o"), .openLink), .key(.char("y"), .copyLink), en: "open / copy the chosen link", zh: "打开 / 复制所选链接"),
        Line(.keys([(.escape, .back), (.backspace, .back)]), .keys([(.char("q"), .back), (.char("Q"), .back)]),
             en: "close", zh: "关闭"),
        Line(.mouse([.on(.left) { .click(x: $0, y: $1) }]), en: "a click closes", zh: "单击关闭"),
        redraw,
    ])], fallback: nil)

    private static let pages = Line(.pair(.pageUp, .pageDown, Action.page), en: "a page up / down", zh: "上一页 / 下一页")
    private static let redraw = Line(.key(.control("l"), .redraw), en: "redraw the screen", zh: "重绘屏幕")
}
