import Foundation
import Glibc
import Synchronization
import AgendaModel
import AgendaSources

/// SIGUSR1: the screen as text, written for remote checks (`systemctl kill -s USR1 …`).
public enum ScreenDump {
    static let requested = Atomic<Bool>(false)

    public static func install() {
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
