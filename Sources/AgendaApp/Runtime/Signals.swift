import Glibc
import Synchronization

/// The last terminating signal received, 0 if none. Set by the handler, read by the run loop.
let caughtSignal = Atomic<Int32>(0)

/// ncurses' own handlers exit with status 1 and can leave the alternate screen on: catch
/// INT, TERM and HUP ourselves so the run loop can restore the terminal and exit 128+N.
public enum Signals {
    public static func install() {
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { caughtSignal.store($0, ordering: .relaxed) }
            sigemptyset(&action.sa_mask)
            // No SA_RESTART: a blocking read returns at once and the loop notices.
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
    }

    public static var caught: Int32 { caughtSignal.load(ordering: .relaxed) }
}
