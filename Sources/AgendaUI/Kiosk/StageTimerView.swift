import AgendaCanvas
import AgendaModel
import Foundation

/// What the speaker's stage timer shows (`agenda kiosk --timer --room NAME`).
public struct StageTimerFace: Sendable, Equatable {
    public enum Phase: Sendable, Equatable {
        /// Before the talk: time until it starts (`-m:ss`).
        case before
        /// During the talk: time left.
        case running
        /// After its end: time over (`+m:ss`, flashing).
        case overtime
    }

    public var talk: Session?
    public var phase: Phase
    /// Whole seconds to the start, left, or over.
    public var seconds: Int
    /// The talk after this one, in small type.
    public var next: Session?

    /// `-2:05`, `12:30`, `+1:07`; hours when there are any (`1:05:00`).
    public var text: String {
        let sign = phase == .before ? "-" : phase == .overtime ? "+" : ""
        let h = seconds / 3600, m = seconds % 3600 / 60, s = seconds % 60
        let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return sign + (h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(m):\(two(s))")
    }
}

extension KioskState {
    /// How long a finished talk's overtime stays up: until halfway to the next talk, at most this.
    static let overtimeShownFor: TimeInterval = 15 * 60

    /// The stage timer for the door room: the running talk's time left; after its end its
    /// overtime (until halfway to the next talk, at most 15 minutes); else the time to the next.
    public var timerFace: StageTimerFace? {
        guard let room = doorRooms?.first else { return nil }
        let talks = schedule.sessions.filter { $0.room == room }
        func after(_ talk: Session) -> Session? { talks.first { $0.start >= talk.end && $0 != talk } ?? talks.first { $0.start > talk.start } }
        if let current = talks.filter({ $0.isRunning(at: now) }).max(by: { $0.start < $1.start }) {
            return StageTimerFace(talk: current, phase: .running, seconds: Int(current.end.timeIntervalSince(now).rounded(.up)),
                                  next: after(current))
        }
        let next = talks.first { $0.start > now }
        if let previous = talks.filter({ $0.end <= now }).max(by: { $0.end < $1.end }) {
            let gap = next.map { $0.start.timeIntervalSince(previous.end) / 2 } ?? .infinity
            if now.timeIntervalSince(previous.end) < min(Self.overtimeShownFor, gap) {
                return StageTimerFace(talk: previous, phase: .overtime, seconds: Int(now.timeIntervalSince(previous.end)), next: next)
            }
        }
        guard let next else { return StageTimerFace(talk: nil, phase: .before, seconds: 0, next: nil) }
        return StageTimerFace(talk: next, phase: .before, seconds: Int(next.start.timeIntervalSince(now).rounded(.up)), next: after(next))
    }
}

extension KioskLabels {
    var noMoreTalks: String { pick("No more talks here", "此处没有更多演讲") }
    var nextTalk: String { pick("Next", "下一场") }
}

/// The stage timer: the talk's title, a huge remaining time (the terminal's colour, magenta under 5 minutes,
/// red under 2, flashing red overtime), the next talk in small type.
enum StageTimerView {
    static func draw(_ view: KioskView, pen: inout KioskPen) {
        let board = view.layout.board, state = view.state
        guard let face = state.timerFace else { return }
        pen.text(state.doorRooms?.first ?? "", x: 1, y: 0, width: board.width / 2, role: .headerAccent)
        pen.right(view.time.clock(state.now), right: board.width - 1, y: 0, width: board.width / 2 - 2, role: .clock)
        guard let talk = face.talk else {
            pen.centred(view.labels.noMoreTalks, x: 0, y: board.height / 2, width: board.width, role: .title)
            return
        }
        let titles = pen.wrap(view.title(talk), width: max(1, board.width - 4), maxLines: board.height >= 16 ? 2 : 1)
        for (i, line) in titles.enumerated() { pen.centred(line, x: 0, y: 2 + i, width: board.width, role: .title) }
        let top = 2 + titles.count + 1
        let bottom = board.height - (face.next == nil ? 1 : 3)
        digits(face.text, top: top, bottom: bottom, width: board.width, roles: roles(face, now: state.now), pen: &pen)
        if let next = face.next, board.height >= 8 {
            let line = "\(view.labels.nextTalk)  \(view.range(next))  \(view.title(next))"
            pen.centred(line, x: 0, y: board.height - 2, width: board.width, role: .dim)
        }
    }

    /// The terminal's colour, then a caution colour under 5 minutes and red under 2; overtime
    /// flashes red and the terminal's colour, a second each, the digits' shapes kept.
    static func roles(_ face: StageTimerFace, now: Date) -> BlockRoles {
        switch face.phase {
        case .before: return .clock
        case .running: return face.seconds <= 120 ? .alarm : face.seconds <= 300 ? .caution : .clock
        case .overtime: return Int(now.timeIntervalSince1970.rounded(.down)) % 2 == 0 ? .clock : .alarm
        }
    }

    /// The time in the block font, each pixel 2k cells wide and k rows high, as large as fits.
    static func digits(_ text: String, top: Int, bottom: Int, width: Int, roles: BlockRoles, pen: inout KioskPen) {
        let columns = BlockClock.width(text, scale: 1)   // pixels across, one-pixel gaps
        let rows = bottom - top
        let k = max(0, min(rows / 5, (width - 2) / (2 * columns)))
        guard k >= 1 else {
            pen.centred(text, x: 0, y: top + max(0, rows / 2), width: width, role: roles.paper)
            return
        }
        let x0 = (width - columns * 2 * k) / 2, y0 = top + (rows - 5 * k) / 2
        BlockPainter.draw(BlockClock.pixels(text), x: x0, y: y0, across: 2 * k, halves: 2 * k, roles: roles, pen: &pen)
    }
}
