import AgendaModel
import Foundation

/// What takes a whole screen over: an urgent notice or an evacuation.
public enum KioskTakeover: Sendable, Equatable {
    case urgent(String)
    /// The room (nil: every room) and the note.
    case evacuate(room: String?, note: String?)
}

extension KioskState {
    /// Whether a notice's or status's room key (a name, case and accents folded, or a guid) is `room`.
    func key(_ key: String, means room: String) -> Bool { schedule.venueKey(key, means: room) }

    /// The notices this screen shows now: those for every screen, and on a door screen those
    /// naming one of its rooms.
    public var activeNotices: [VenueNotices.Notice] {
        let rooms = doorRooms ?? []
        return notices.notices.filter { notice in
            notice.isActive(at: now)
                && (notice.rooms.isEmpty || notice.rooms.contains { key in rooms.contains { self.key(key, means: $0) } })
        }
    }

    /// The status the notices file gives `room`, if any: of every key naming it, the most severe.
    public func status(of room: String) -> VenueNotices.RoomStatus? {
        notices.status { key($0, means: room) }
    }

    /// An evacuation of every room or of this door screen's, else the newest urgent notice.
    public var takeover: KioskTakeover? {
        if let all = notices.status(where: { $0 == "*" }), all.status == .evacuate { return .evacuate(room: nil, note: all.note) }
        for room in doorRooms ?? [] {
            if let status = status(of: room), status.status == .evacuate { return .evacuate(room: room, note: status.note) }
        }
        return activeNotices.last { $0.level == .urgent }.map { .urgent($0.text) }
    }

    /// The info notices' line across the bottom, if any.
    var noticeLine: String? {
        let infos = activeNotices.filter { $0.level == .info }.map(\.text)
        return infos.isEmpty ? nil : infos.joined(separator: "  ·  ")
    }

    /// The schedule's rooms whose status is not open (marked on the venue board).
    var markedRooms: Set<String> {
        guard !notices.rooms.isEmpty else { return [] }
        return Set(schedule.rooms.compactMap { $0 }.filter { room in status(of: room).map { $0.status != .open } ?? false })
    }

    /// A room's extras from the venue file (`--venue`), its guid from the schedule.
    public func extras(of room: String) -> VenueRooms.Extras? { schedule.extras(of: room, in: options.venue) }

    /// A door screen's rooms that are full, with their notes.
    var fullRooms: [(room: String, status: VenueNotices.RoomStatus)] {
        (doorRooms ?? []).compactMap { room in status(of: room).flatMap { $0.status == .full ? (room, $0) : nil } }
    }

    /// How many notice boundaries (`from`, `until`) have passed: the board redraws when it changes.
    var noticeEpoch: Int { notices.boundaries.prefix { $0 <= now }.count }
}

extension KioskLabels {
    var roomFull: String { pick("ROOM FULL", "会场已满") }
    /// The notices and room status on screen are old: the server has not answered since then.
    func noticesStale(_ since: Date) -> String {
        pick("STALE room status and notices, as of \(time.clock(since))", "会场状态与通知已过时（\(time.clock(since))）")
    }
    var evacuate: String { pick("EVACUATE", "请立即疏散") }
    /// The words set in block type (the font has Latin capitals only; a bilingual board says
    /// both in the text line under them).
    var evacuateBlock: String? { language == .zh ? nil : "EVACUATE" }
    var talkPage: String { pick("Talk page", "演讲页面") }
    var map: String { pick("Map", "地图") }
    var stream: String { pick("Stream", "直播") }
    var interpretation: String { pick("Interpretation", "同声传译") }
    var dect: String { "DECT" }
    var watchTheStream: String { pick("Watch the stream", "观看直播") }
    var roomFullBlock: String? { language == .zh ? nil : "ROOM FULL" }
    var leaveNow: String { pick("Leave the building by the nearest exit", "请从最近的出口离开") }
    func noticesFailed(at date: Date) -> String {
        pick("notices update failed at \(time.clock(date))", "通知更新失败 \(time.clock(date))")
    }
}
