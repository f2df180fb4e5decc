import AgendaModel
import Foundation

/// The board's own words in English, Chinese, or both side by side.
struct KioskLabels {
    let language: KioskLanguage
    let time: VenueTime

    init(language: KioskLanguage, timeZone: TimeZone) {
        self.language = language
        self.time = VenueTime(timeZone: timeZone)
    }

    /// One label in the chosen language(s); both are joined with a middle dot.
    func pick(_ en: String, _ zh: String) -> String {
        switch language {
        case .en: en
        case .zh: zh
        case .bilingual: "\(en) · \(zh)"
        }
    }

    var now: String { pick("Now", "正在进行") }
    var next: String { pick("Next", "即将开始") }
    var laterToday: String { pick("Later today", "今日稍后") }
    var nothingNow: String { pick("Nothing on right now", "当前没有安排") }
    var nothingMoreToday: String { pick("Nothing more here today", "此处今日没有更多安排") }
    var nothingMoreAnywhereToday: String { pick("Nothing more today", "今日没有更多安排") }
    var nothingMoreInRoom: String { pick("Nothing more in this room", "此会场没有更多安排") }
    var nextHere: String { pick("Next here", "此处下一场") }
    var clockNotSet: String { pick("clock not set", "时钟未设置") }
    func notInSchedule(_ room: String) -> String { pick("\(room) is not in this schedule", "日程中没有\(room)") }
    var roomsThere: String { pick("Its rooms:", "日程中的会场：") }
    /// `Day 2`; one language is enough for so short a label, even on a bilingual board.
    func day(_ number: Int) -> String { language == .zh ? "第\(number)天" : "Day \(number)" }
    var justStarted: String { pick("just started", "刚刚开始") }
    var notRecorded: String { pick("not recorded", "不录像") }
    var allRooms: String { pick("All rooms", "全场") }
    var ended: String { pick("The programme has ended", "会议已结束") }
    var thanks: String { pick("Thank you for coming", "感谢您的参与") }

    func moreLater(_ count: Int) -> String { pick("+\(count) more", "另有\(count)场") }
    func updateFailed(at date: Date) -> String { pick("update failed at \(time.clock(date))", "更新失败 \(time.clock(date))") }
    func page(_ index: Int, of count: Int) -> String { pick("Page \(index + 1)/\(count)", "第\(index + 1)/\(count)页") }

    /// `starts in 12 min`, `starts now`.
    func startsIn(_ seconds: TimeInterval) -> String {
        let minutes = Self.minutes(seconds)
        if minutes == 0 { return pick("starts now", "马上开始") }
        return pick("starts in \(enDuration(minutes))", "\(zhDuration(minutes))后开始")
    }

    /// `in 12 min`: the short form for the venue rows.
    func inTime(_ seconds: TimeInterval) -> String {
        let minutes = Self.minutes(seconds)
        if minutes == 0 { return pick("now", "马上") }
        return pick("in \(enDuration(minutes))", "\(zhDuration(minutes))后")
    }

    /// `2 h 5 min left`.
    func left(_ seconds: TimeInterval) -> String {
        let minutes = Self.minutes(seconds)
        return pick("\(enDuration(minutes)) left", "剩余\(zhDuration(minutes))")
    }

    /// The day as the header shows it: `Friday 22 October 2021`, `2021年10月22日 星期五`.
    func date(_ date: Date) -> String {
        pick(time.longDay(date), zhDate(date))
    }

    /// The notice when nothing is on today: when the programme starts or resumes (`Day 2`
    /// when the day has a number).
    func startsOn(_ start: Date, continues: Bool, day: Int? = nil) -> [String] {
        let what = day.map { "Day \($0)" } ?? "The programme"
        let en = "\(what) \(continues ? "continues" : "starts") on \(time.longDay(start)) at \(time.clock(start))"
        let zh = "\(day.map { "第\($0)天" } ?? "会议")将于\(zhDate(start)) \(time.clock(start))\(continues ? "继续" : "开始")"
        switch language {
        case .en: return [en]
        case .zh: return [zh]
        case .bilingual: return [en, zh]
        }
    }

    /// Whole minutes, rounded up, so "starts in 1 min" is never shown for a session starting now.
    static func minutes(_ seconds: TimeInterval) -> Int { max(0, Int((seconds / 60).rounded(.up))) }

    func enDuration(_ minutes: Int) -> String {
        let days = minutes / 1440, hours = minutes % 1440 / 60, rest = minutes % 60
        if days > 0 { return hours > 0 ? "\(days) d \(hours) h" : "\(days) d" }
        if hours > 0 { return rest > 0 ? "\(hours) h \(rest) min" : "\(hours) h" }
        return "\(rest) min"
    }

    func zhDuration(_ minutes: Int) -> String {
        let days = minutes / 1440, hours = minutes % 1440 / 60, rest = minutes % 60
        if days > 0 { return hours > 0 ? "\(days)天\(hours)小时" : "\(days)天" }
        if hours > 0 { return rest > 0 ? "\(hours)小时\(rest)分钟" : "\(hours)小时" }
        return "\(rest)分钟"
    }

    func zhDate(_ date: Date) -> String {
        let p = time.calendar.dateComponents([.year, .month, .day, .weekday], from: date)
        return "\(p.year ?? 0)年\(p.month ?? 0)月\(p.day ?? 0)日 星期\(Self.zhWeekdays[((p.weekday ?? 1) - 1) % 7])"
    }

    /// `Sat 23 Oct 2021`, `10月23日 周六`: the day of a session on another day.
    func shortDay(_ date: Date) -> String {
        let p = time.calendar.dateComponents([.month, .day], from: date)
        return pick(time.shortDay(date), "\(p.month ?? 0)月\(p.day ?? 0)日 \(zhWeekday(date))")
    }

    /// `Sat`, `周六`: where a row has room for no more.
    func weekday(_ date: Date) -> String { pick(String(time.shortDay(date).prefix(3)), zhWeekday(date)) }

    private func zhWeekday(_ date: Date) -> String {
        "周" + Self.zhWeekdays[((time.calendar.component(.weekday, from: date)) - 1) % 7]
    }

    private static let zhWeekdays = ["日", "一", "二", "三", "四", "五", "六"]
}
