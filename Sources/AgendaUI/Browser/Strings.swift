import AgendaModel

/// Every word the browser shows, in English and Simplified Chinese.
public struct Strings: Sendable {
    public enum Language: String, Sendable, CaseIterable { case en, zh }

    public let language: Language

    public static func `for`(_ language: Language) -> Strings { Strings(language: language) }

    /// `LC_ALL`, then `LC_MESSAGES`, then `LANG`: zh_* picks Chinese, anything else English.
    public static func language(environment: [String: String]) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty { return value.lowercased().hasPrefix("zh") ? .zh : .en }
        }
        return .en
    }

    /// The English or the Chinese text, as the language is: every file of words uses this.
    func pick(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }

    var weekdays: [String] { language == .zh ? Self.weekdaysZH : Self.weekdaysEN }
    var months: [String] { Self.monthsEN }
    // Constants, not split per call: the header names days on every frame.
    private static let weekdaysEN = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    private static let weekdaysZH = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"]
    private static let monthsEN = ["January", "February", "March", "April", "May", "June", "July", "August",
                                   "September", "October", "November", "December"]

    // A session over several days, on the days after its first
    var continues: String { pick("continues", "持续") }
    /// `until Sat 17:00`, `至周六 17:00`
    func until(weekday: Int, clock: String) -> String {
        language == .zh ? "至周\(Self.weekdaysZH[weekday].suffix(1)) \(clock)"
                        : "until \(Self.weekdaysEN[weekday].prefix(3)) \(clock)"
    }

    /// `Sun 11:00`, `周日 11:00`: a session on another day than today.
    func dayAndClock(weekday: Int, clock: String) -> String {
        language == .zh ? "周\(Self.weekdaysZH[weekday].suffix(1)) \(clock)" : "\(Self.weekdaysEN[weekday].prefix(3)) \(clock)"
    }

    // Header
    var venueTime: String { pick("venue time", "会场时间") }
    var localTime: String { pick("local time", "本地时间") }
    var timesAsPublished: String { pick("times as published", "按原文时间") }
    var cannotConvert: String {
        pick("Times as published: the file names no time zone, so they cannot be converted (start with --zone NAME)",
             "按原文时间：文件未注明时区，无法换算（可用 --zone 指定时区）")
    }
    var filtered: String { pick("filtered", "已筛选") }
    func day(_ n: Int) -> String { pick("Day \(n)", "第\(n)天") }
    func sessions(_ n: Int) -> String { pick(n == 1 ? "1 session" : "\(n) sessions", "\(n)场") }

    // Views
    func viewName(_ mode: ViewMode) -> String {
        switch mode {
        case .chronological: pick("All rooms", "全部会场")
        case .byRoom: pick("By room", "按会场")
        case .byTrack: pick("By track", "按专题")
        case .timetable: pick("Timetable", "时间表")
        case .nowNext: pick("Now & next", "正在进行与下一场")
        }
    }
    var myAgenda: String { pick("My agenda", "我的日程") }
    var searchResults: String { pick("Search", "搜索") }
    var noTrack: String { pick("(no track)", "（无专题）") }
    var noRoom: String { pick("(no room)", "（无会场）") }
    var noSessions: String { pick("No sessions to show.", "没有可显示的场次。") }
    /// The filter leaves this day empty; `days` are where it shows sessions ("Sun 1").
    func filteredElsewhere(_ days: [String]) -> String {
        let list = days.count > 4 ? days.prefix(4).joined(separator: ", ") + ", …" : days.joined(separator: ", ")
        return days.isEmpty ? pick("The filter hides every session: x shows them again.", "筛选隐藏了所有场次：按 x 全部显示。")
            : pick("The filter shows sessions on \(list): [ ] to go, x to show all.",
                   "筛选后的场次在 \(list)：[ ] 前往，x 全部显示。")
    }
    // Why a search result is listed when its title does not say
    func cueSpeaker(_ name: String) -> String { pick("speaker \(name)", "讲者 \(name)") }
    var cueRoom: String { pick("in its room", "会场匹配") }
    var cueTrack: String { pick("in its track", "专题匹配") }
    var cueText: String { pick("in its text", "内容匹配") }
    var noFavourites: String { pick("No favourites yet: press f on a session to star it.", "还没有收藏：在场次上按 f 收藏。") }
    var noMatches: String { pick("Nothing matches.", "没有匹配的结果。") }
    var stillReading: String { pick("Still reading the other days of the schedule…", "正在读取日程的其他日期…") }
    var nothingNow: String { pick("Nothing running or coming up.", "当前没有进行中或即将开始的场次。") }
    var now: String { pick("now", "进行中") }
    var next: String { pick("next", "下一场") }
    func free(_ minutes: Int) -> String { pick("\(minutes) min free", "空闲 \(minutes) 分钟") }
    var clash: String { pick("clash", "冲突") }

    // Detail
    var when: String { pick("When", "时间") }
    var room: String { pick("Room", "会场") }
    var track: String { pick("Track", "专题") }
    var type: String { pick("Type", "类型") }
    var languageLabel: String { pick("Language", "语言") }
    func speakers(_ n: Int) -> String { pick(n == 1 ? "Speaker" : "Speakers", "讲者") }
    var starred: String { pick("★ in your agenda", "★ 已收藏") }
    var clashesWith: String { pick("Clash", "冲突") }
    func friendStarred(_ name: String) -> String { pick("in \(name)'s list", "在 \(name) 的列表中") }
    func bothOfYou(_ name: String) -> String { pick("both of you (you and \(name))", "你和 \(name) 都收藏了") }
    var apart: String { pick("Apart", "分开") }
    var you: String { pick("you", "你") }
    var link: String { pick("Link", "链接") }
    var notRecorded: String { pick("Not recorded — see it live", "不录像——请到现场观看") }
    var notStreamed: String { pick("Not streamed", "不直播") }
    /// What a link is, as the detail and the link chooser name it.
    func linkKind(_ kind: SessionLink.Kind) -> String {
        switch kind {
        case .link: pick("Link", "链接")
        case .attachment: pick("Attached", "附件")
        case .recording: pick("Recording", "录像")
        case .feedback: pick("Feedback", "反馈")
        case .stream: pick("Stream", "直播")
        }
    }
    var talkPage: String { pick("Talk page", "场次页面") }
    // What a venue file (`--venue`) says of a room; labels fit the detail's label column
    var map: String { pick("Map", "地图") }
    var interpretation: String { pick("Interp.", "同传") }
    var dect: String { pick("DECT", "DECT") }
    var roomNote: String { pick("Note", "备注") }
    var noLink: String { pick("This session has no web link", "此场次没有网页链接") }
    func opening(_ url: String) -> String { pick("Opening \(url)", "正在打开 \(url)") }
    func copied(_ url: String) -> String { pick("Copied \(url)", "已复制 \(url)") }
    public func couldNotOpen(_ url: String) -> String {
        pick("could not start a browser for \(url) (set BROWSER, or install xdg-open)", "无法启动浏览器打开 \(url)（请设置 BROWSER 或安装 xdg-open）")
    }
    var linksTitle: String { pick(" Links ", " 链接 ") }
    var linksHint: String { pick("1–9 or Enter opens · y copies · Esc closes", "1–9 或 Enter 打开 · y 复制 · Esc 关闭") }
    var copyHint: String { pick("1–9 or Enter copies · o opens · Esc closes", "1–9 或 Enter 复制 · o 打开 · Esc 关闭") }

    // Status bar
    var move: String { pick("move", "移动") }
    var open: String { pick("open", "打开") }
    var copy: String { pick("copy", "复制") }
    var back: String { pick("back", "返回") }
    var scroll: String { pick("scroll", "滚动") }
    var search: String { pick("search", "搜索") }
    var star: String { pick("star", "收藏") }
    var view: String { pick("view", "视图") }
    var help: String { pick("help", "帮助") }
    var quit: String { pick("quit", "退出") }
    var close: String { pick("close", "关闭") }
    var toggle: String { pick("toggle", "切换") }
    var done: String { pick("done", "完成") }
    var keepMatch: String { pick("keep", "保留") }
    var clear: String { pick("clear", "清除") }
    var changesHint: String { pick("changes", "变更") }
    var export: String { pick("export", "导出") }
    var nextMatch: String { pick("next/prev", "下一个/上一个") }
    func matches(_ n: Int) -> String { pick(n == 1 ? "1 match" : "\(n) matches", "\(n) 个结果") }
    func startsIn(_ minutes: Int, _ title: String) -> String {
        pick("In \(minutes) min: \(title)", "\(minutes) 分钟后开始：\(title)")
    }

    // Picker
    var pickerTitle: String { pick(" Show ", " 显示 ") }
    var rooms: String { pick("Rooms", "会场") }
    var tracks: String { pick("Tracks", "专题") }
    var languages: String { pick("Languages", "语言") }
    var types: String { pick("Types", "类型") }
    var pickerHint: String { pick("Space toggles · / finds · a all/none · x clears · Esc closes", "空格 切换 · / 查找 · a 全选/全不选 · x 清除 · Esc 关闭") }
    var pickerTypingHint: String { pick("type to narrow · Enter done · Esc clears", "输入以缩小范围 · Enter 完成 · Esc 清除") }

    // Help and small screens
    var helpTitle: String { pick(" Keys ", " 按键 ") }
    var helpHint: String { pick("q, Esc or ? closes", "q、Esc 或 ? 关闭") }
    /// In the key column of help: the mouse, and any character typed.
    var mouseKeys: String { pick("mouse", "鼠标") }
    var typedKeys: String { pick("characters", "字符") }
    var clearFilter: String { pick("show all", "显示全部") }
    var more: String { pick("▼ more", "▼ 更多") }
    var tooSmall: String { pick("Terminal too small", "终端窗口太小") }
    func need(_ w: Int, _ h: Int, _ hw: Int, _ hh: Int) -> String {
        pick("\(w)×\(h), need \(hw)×\(hh)", "当前 \(w)×\(h)，至少 \(hw)×\(hh)")
    }
    var qQuits: String { pick("q quits", "q 退出") }

    // What went wrong: on the status line, and on stderr before and after the full screen
    public func couldNotSaveFavourites(_ path: String) -> String { pick("could not save favourites to \(path)", "无法将收藏保存到 \(path)") }
    public func couldNotSaveFilter(_ path: String) -> String { pick("could not save the filter to \(path)", "无法将筛选条件保存到 \(path)") }
    public var warning: String { pick("warning: ", "警告：") }

    public enum LoadFailure: Sendable { case missing, malformed, unavailable }
    /// The line said before a reader's own message (which names file, line and field as the
    /// file has them): nil in English, where that message says it all.
    public func cannotLoad(_ failure: LoadFailure, _ name: String) -> String? {
        guard language == .zh else { return nil }
        return switch failure {
        case .missing: "无法打开日程 \(name)：文件不存在或无法读取"
        case .malformed: "无法读取日程 \(name)：内容有误，位置与原因见下一行"
        case .unavailable: "无法获取日程 \(name)，也没有缓存的副本"
        }
    }
}
