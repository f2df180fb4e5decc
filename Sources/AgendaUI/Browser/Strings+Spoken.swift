/// Words for `--screen-reader`: marks said as words, and what a key did.
extension Strings {
    var runningWord: String { pick("running", "进行中") }
    var starredWord: String { pick("starred", "已收藏") }
    var unstarredWord: String { pick("unstarred", "已取消收藏") }
    var notRecordedWord: String { pick("not recorded", "不录像") }
    var clashWord: String { pick("clash", "时间冲突") }
    var cancelledWord: String { pick("cancelled", "已取消") }
    /// `3 of 12`: where the selection is among the sessions listed.
    func position(_ n: Int, of total: Int) -> String { pick("\(n) of \(total)", "第 \(n) 个，共 \(total) 个") }
    var allShown: String { pick("all shown", "显示全部") }
    /// The arrow keys named, for the status line's hints: "↑↓" is read out as symbols.
    var upDown: String { pick("Up Down", "上下键") }
}
