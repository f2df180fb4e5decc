import Foundation
import Glibc
import Synchronization
import AgendaModel

/// systemd's notify protocol, no library needed: datagrams (`READY=1`, `WATCHDOG=1`,
/// `STATUS=…`) to the unix socket `NOTIFY_SOCKET` names (a leading `@`: the abstract namespace).
final class SystemdNotifier {
    private let socket: Int32
    private var address = sockaddr_un()
    private let length: socklen_t
    /// Half of `WATCHDOG_USEC`: how often the render loop says it is alive; nil without a watchdog.
    let watchdogInterval: Duration?

    init?(environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let path = environment["NOTIFY_SOCKET"], !path.isEmpty, path.utf8.count < 108,
              path.hasPrefix("/") || path.hasPrefix("@") else { return nil }
        socket = Glibc.socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard socket >= 0 else { return nil }
        address.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(path.utf8)
        if bytes.first == UInt8(ascii: "@") { bytes[0] = 0 }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (i, byte) in bytes.enumerated() { buffer[i] = byte }
        }
        length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count)
        let forUs = environment["WATCHDOG_PID"].flatMap { Int32($0) }.map { $0 == getpid() } ?? true
        if forUs, let usec = environment["WATCHDOG_USEC"].flatMap({ Int64($0) }), usec > 0 {
            watchdogInterval = .microseconds(usec / 2)
        } else {
            watchdogInterval = nil
        }
    }

    deinit { close(socket) }

    func send(_ message: String) {
        var text = message
        text.withUTF8 { bytes in
            withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                    _ = sendto(socket, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL), address, length)
                }
            }
        }
    }
}

/// SIGUSR1: the screen as text, written for remote checks (`systemctl kill -s USR1 …`).
enum ScreenDump {
    static let requested = Atomic<Bool>(false)

    static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in ScreenDump.requested.store(true, ordering: .relaxed) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0   // no SA_RESTART: the loop's wait returns and it writes at once
        sigaction(SIGUSR1, &action, nil)
    }

    /// `$STATE_DIRECTORY/screen.txt` under systemd (`StateDirectory=`), else
    /// `$XDG_STATE_HOME/agenda/kiosk-PID.txt` (default `~/.local/state/agenda/`).
    static func path(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let state = environment["STATE_DIRECTORY"]?.split(separator: ":").first, state.hasPrefix("/") {
            return URL(fileURLWithPath: String(state)).appendingPathComponent("screen.txt")
        }
        return XDGFolder.state.url(environment).appendingPathComponent("agenda/kiosk-\(getpid()).txt")
    }

    /// Written whole (a temporary file renamed), so a reader never sees half a screen.
    static func write(_ text: String) {
        let url = path()
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: url, options: .atomic)
    }
}

extension Schedule {
    /// A short digest of what the board shows from this version (FNV-1a over each session's
    /// key, times, room and title): the same on every screen that shows the same version.
    var kioskVersion: String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for session in sessions {
            for byte in "\(session.key)|\(session.start.timeIntervalSince1970)|\(session.end.timeIntervalSince1970)|\(session.room ?? "")|\(session.title)\n".utf8 {
                value ^= UInt64(byte)
                value = value &* 0x100_0000_01b3
            }
        }
        let hex = String(value >> 32, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
