import Foundation
import AgendaModel

/// "Your talks changed": a new version that moves, renames or cancels a starred session is
/// said once, in the banner and with the bell, when the browser opens or the version arrives;
/// `C` shows the changes to starred sessions alone.
extension AppState {
    /// Changes that send you elsewhere or drop your talk: time, room, title, length, or gone.
    static let majorFields: SessionChange.Fields = [.time, .room, .title, .duration]

    /// Starred sessions the latest version moved, renamed or cancelled, in time order.
    public var starredChanges: [Int] {
        guard !favourites.isEmpty else { return [] }
        return schedule.changedIndices.filter { index in
            guard favourites.contains(schedule.sessions[index].key), let change = schedule.change(at: index) else { return false }
            return change.kind == .cancelled || (change.kind == .changed && !change.fields.isDisjoint(with: Self.majorFields))
        }
    }

    /// Says what changed among your stars since it was last said.
    mutating func announceStarredChanges() {
        let fresh = starredChanges.filter { index in
            announcedChanges.insert(Self.changeToken(schedule.sessions[index], schedule.change(at: index))).inserted
        }
        guard !fresh.isEmpty else { return }
        let parts = fresh.map { index -> String in
            let session = schedule.sessions[index]
            guard let change = schedule.change(at: index), change.kind == .changed else { return strings.cancelledTalk(session.title) }
            let fields = change.fields.intersection(Self.majorFields).names.map(strings.fieldName)
            return strings.changedTalk(session.title, fields)
        }
        banner = Banner(text: (glyphs.folds ? "" : "⚠ ") + strings.yourTalksChanged(fresh.count, parts), until: now.addingTimeInterval(600))
        if bellEnabled { effects.append(.bell) }
    }

    /// The same change of the same session is said once, across refreshes.
    private static func changeToken(_ session: Session, _ change: SessionChange?) -> String {
        "\(session.key)|\(change?.kind.rawValue ?? "")|\(change?.fields.rawValue ?? 0)|\(Int(session.start.timeIntervalSince1970))|\(session.title)"
    }

    /// `C`: the changes to starred sessions, or back.
    mutating func toggleStarredChanges() {
        if special == .changes, changesStarredOnly {
            special = nil
            changesStarredOnly = false
            rebuildRows(keepSelection: true)
        } else {
            special = nil
            toggleChanges()
            changesStarredOnly = true
            rebuildRows(keepSelection: true)
        }
    }
}

extension Strings {
    func yourTalksChanged(_ count: Int, _ parts: [String]) -> String {
        let list = parts.joined(separator: pick("; ", "；"))
        // The key first: a long list is cut at the screen's edge.
        return language == .zh ? "你收藏的 \(count) 场有变更（C 查看）：\(list)"
            : "\(count == 1 ? "1 of your talks" : "\(count) of your talks") changed (C shows them): \(list)"
    }
    func changedTalk(_ title: String, _ fields: [String]) -> String {
        pick("\(title) (\(fields.joined(separator: ", ")))", "\(title)（\(fields.joined(separator: "、"))）")
    }
    func cancelledTalk(_ title: String) -> String { pick("\(title) (cancelled)", "\(title)（已取消）") }
    var noStarredChanges: String { pick("None of your starred talks changed.", "你收藏的场次没有变更。") }
    var starredChangesTitle: String { pick("Changes to your stars", "收藏的变更") }
}
