import AgendaModel
import Foundation

extension KioskView {
    /// `cancelled`, or `moved to Saal 2` / `moved to 14:00` for a session that changed room or time.
    func changeMark(_ session: Session) -> String? {
        let schedule = state.schedule
        guard !schedule.changes.isEmpty else { return nil }
        // Sessions on the board are values; find this one's mark by identity in the schedule.
        guard let index = schedule.sessions.firstIndex(where: { $0 == session }),
              let change = schedule.change(at: index) else { return nil }
        if let moved = change.movedTo { return labels.movedTo(place(moved, change)) }
        switch change.kind {
        case .cancelled: return labels.cancelled
        case .new: return nil
        case .changed:
            let where_ = place(session, change)
            return where_.isEmpty ? nil : labels.movedTo(where_)
        }
    }

    /// `Saal 2, 14:00`: the new room and time, as far as they changed.
    private func place(_ session: Session, _ change: SessionChange) -> String {
        var places: [String] = []
        if change.fields.contains(.room) { places.append(session.room ?? "?") }
        if change.fields.contains(.time) {
            let sameDay = state.schedule.conferenceDay(of: session.start)
                == change.previous.flatMap { state.schedule.conferenceDay(of: $0.start) }
            places.append((sameDay ? "" : labels.shortDay(session.start) + " ") + time.clock(session.start))
        }
        return places.joined(separator: ", ")
    }
}

extension KioskLabels {
    var cancelled: String { pick("cancelled", "已取消") }
    func movedTo(_ place: String) -> String { pick("moved to \(place)", "改至 \(place)") }
    func stale(_ note: StaleNote) -> String {
        let clock = time.clock(note.asOf)
        return note.kind == .offline ? pick("offline, schedule as of \(clock)", "离线，日程截至 \(clock)")
            : pick("update failed, schedule as of \(clock)", "更新失败，日程截至 \(clock)")
    }
}
