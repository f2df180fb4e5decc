import Foundation
import AgendaModel

extension AppState {
    /// `c`: the changes view, or back to the day.
    mutating func toggleChanges() {
        special = special == .changes ? nil : .changes
        changesStarredOnly = false
        detailOpen = false
        focus = .list
        if special == .changes, !search.query.isEmpty { clearSearch() }
        rebuildRows(keepSelection: true)
    }

    /// New, changed and cancelled sessions, each kind under its heading, in time order.
    func changesRows() -> RowList {
        var list = RowList()
        for kind in [SessionChange.Kind.changed, .new, .cancelled] {
            let indices = schedule.changedIndices.filter { schedule.change(at: $0)?.kind == kind && admits($0)
                && (!changesStarredOnly || favourites.contains(schedule.sessions[$0].key)) }
            guard !indices.isEmpty else { continue }
            list.heading(strings.changeHeading(kind, indices.count))
            list.rows.append(contentsOf: indices.map(Row.session))
        }
        return list.orNote(changesStarredOnly ? strings.noStarredChanges : strings.noChanges)
    }

    /// One mark for the list and the timetable: `+` new, `~` changed, `✗` cancelled.
    func changeMark(_ index: Int) -> String? {
        switch schedule.change(at: index)?.kind {
        case .new?: "+"
        case .changed?: "~"
        case .cancelled?: glyphs.folds ? "x" : "✗"  // not ambiguous, so not folded, but not ASCII either
        case nil: nil
        }
    }

    /// What the detail says about a change: `Changed: time (was Fri 10:00–10:30), room (was Saal 1)`.
    func changeDescription(_ index: Int) -> String? {
        guard let change = schedule.change(at: index) else { return nil }
        switch change.kind {
        case .new: return strings.newSession
        case .cancelled: return strings.cancelledSession
        case .changed:
            guard let old = change.previous else { return strings.changedFields(change.fields.names.map(strings.fieldName)) }
            let time = self.time
            let parts = SessionChange.Fields.all.filter { change.fields.contains($0.0) }.map { field, name -> String in
                let was: String
                switch field {
                case .time: was = DayNames(strings: strings, time: time).short(old.start) + " " + time.clock(old.start)
                case .room: was = old.room ?? strings.noRoom
                case .title: was = old.title
                case .persons: was = old.persons.isEmpty ? "–" : old.persons.joined(separator: ", ")
                default: was = "\(Int(old.duration / 60)) min"
                }
                return strings.was(strings.fieldName(name), was)
            }
            return strings.changedFields(parts)
        }
    }
}

extension Strings {
    var changes: String { pick("Changes", "变更") }
    var noChanges: String { pick("No changes since the previous version.", "与上一版本相比没有变更。") }
    var newSession: String { pick("New in this version", "本版本新增") }
    var cancelledSession: String { pick("Cancelled (gone from this version)", "已取消（本版本中已删除）") }
    func changeHeading(_ kind: SessionChange.Kind, _ count: Int) -> String {
        switch kind {
        case .new: pick("New (\(count))", "新增（\(count)）")
        case .changed: pick("Changed (\(count))", "变更（\(count)）")
        case .cancelled: pick("Cancelled (\(count))", "已取消（\(count)）")
        }
    }
    func fieldName(_ name: String) -> String {
        guard language == .zh else { return name }
        return ["time": "时间", "room": "会场", "title": "标题", "persons": "讲者", "duration": "时长"][name] ?? name
    }
    func was(_ field: String, _ old: String) -> String { pick("\(field) (was \(old))", "\(field)（原为 \(old)）") }
    func changedFields(_ parts: [String]) -> String { pick("Changed: ", "已变更：") + parts.joined(separator: pick(", ", "，")) }
    var changeLabel: String { pick("Update", "更新") }
    func stale(_ note: StaleNote, clock: String) -> String {
        note.kind == .offline ? pick("offline, schedule as of \(clock)", "离线，日程截至 \(clock)")
            : pick("update failed, schedule as of \(clock)", "更新失败，日程截至 \(clock)")
    }
    public func exported(_ count: Int, _ path: String) -> String {
        pick("\(count) favourite\(count == 1 ? "" : "s") written to \(path)", "已将 \(count) 个收藏写入 \(path)")
    }
    public func exportFailed(_ path: String) -> String { pick("could not write \(path)", "无法写入 \(path)") }
    func exportAsk(_ count: Int, _ path: String) -> String {
        pick("Write \(count) favourite\(count == 1 ? "" : "s") to \(path)? e: write · Esc: cancel",
             "将 \(count) 个收藏写入 \(path)？e：写入 · Esc：取消")
    }
}
