import Foundation

/// How to leave a kiosk that was started by hand: `q` and Ctrl-C do nothing on a board, so
/// for its first seconds it says which key (`--exit-key`) or signal ends it.
public struct LeaveHint: Sendable, Equatable {
    /// `--exit-key` as given (`esc`, `ctrl-x`), nil when none was.
    public var exitKey: String?
    /// The kiosk's process, for `kill`.
    public var pid: Int32

    /// Board seconds the hint stays up.
    public static let seconds: TimeInterval = 8

    public init(exitKey: String?, pid: Int32) {
        self.exitKey = exitKey
        self.pid = pid
    }

    /// A hint when standard input is a terminal and systemd did not start the kiosk (it sets
    /// NOTIFY_SOCKET for Type=notify units and INVOCATION_ID for every unit).
    public static func forStart(stdinIsTerminal: Bool, environment: [String: String], exitKey: String?, pid: Int32) -> LeaveHint? {
        guard stdinIsTerminal, environment["NOTIFY_SOCKET"] == nil, environment["INVOCATION_ID"] == nil else { return nil }
        return LeaveHint(exitKey: exitKey, pid: pid)
    }
}

extension KioskState {
    /// Whether the board is in its first seconds and was started by hand.
    public var showsLeaveHint: Bool {
        guard options.leaveHint != nil else { return false }
        let since = now.timeIntervalSince(startedAt)
        return since >= 0 && since < LeaveHint.seconds
    }
}

extension KioskLabels {
    func leave(_ hint: LeaveHint) -> [String] {
        let signal = "kill \(hint.pid)"
        // The key itself is not shown: a board restarted at the venue (a console autologin
        // looks like a start by hand) would tell every passer-by how to leave it.
        if hint.exitKey != nil {
            return [pick("To leave this board press the --exit-key it was started with", "按启动时 --exit-key 指定的键退出此屏幕"),
                    pick("(or run \(signal); q and Ctrl-C do nothing here)", "（或运行 \(signal)；q 和 Ctrl-C 在此无效）")]
        }
        return [pick("To leave this board run \(signal) from another terminal", "在另一个终端运行 \(signal) 退出此屏幕"),
                pick("(q and Ctrl-C do nothing here; --exit-key KEY gives it a key)", "（q 和 Ctrl-C 在此无效；--exit-key 可设退出键）")]
    }
}

/// The hint, a box across the lower middle of whatever the board shows.
enum LeaveHintView {
    static func draw(_ hint: LeaveHint, _ view: KioskView, pen: inout KioskPen) {
        let board = view.layout.board
        let lines = view.labels.leave(hint)
        let width = min(board.width, (lines.map { pen.cells($0) }.max() ?? 0) + 4)
        let height = min(board.height, lines.count + 2)
        let x = (board.width - width) / 2, top = max(0, board.height - height - max(1, board.height / 6))
        for row in 0..<height { pen.text(String(repeating: " ", count: width), x: x, y: top + row, width: width, role: .banner) }
        for (i, line) in lines.enumerated() where top + 1 + i < board.height {
            pen.centred(line, x: x + 1, y: top + 1 + i, width: width - 2, role: .banner)
        }
    }
}
