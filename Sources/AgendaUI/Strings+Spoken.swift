/// Words for `--screen-reader`: marks said as words, and what a key did.
extension Strings {
    private func say(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }

    var runningWord: String { say("running", "进行中") }
    var starredWord: String { say("starred", "已收藏") }
    var unstarredWord: String { say("unstarred", "已取消收藏") }
    var clashWord: String { say("clash", "时间冲突") }
    var cancelledWord: String { say("cancelled", "已取消") }
    /// `3 of 12`: where the selection is among the sessions listed.
    func position(_ n: Int, of total: Int) -> String { say("\(n) of \(total)", "第 \(n) 个，共 \(total) 个") }
    var allShown: String { say("all shown", "显示全部") }
    /// The arrow keys named, for the status line's hints: "↑↓" is read out as symbols.
    var upDown: String { say("Up Down", "上下键") }
}
