import CNcursesw
import Glibc

/// Puts the terminal back before a crash signal ends the program: without it a fault in the
/// middle of a frame leaves the terminal in raw mode on the alternate screen, and the crash
/// report arrives as a staircase nobody can read.
///
/// The handler does only what is safe in a signal handler: `write` of bytes prepared when
/// curses started (leave the alternate screen, show the cursor, reset attributes) and
/// `tcsetattr` back to the modes the shell had. Then it hands the signal on to whoever had it
/// before (the Swift runtime's backtracer), or to the default action.
enum CrashGuard {
    static let signals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT]

    // Written once before the handlers are installed, only read by them. The C structures are
    // kept on the heap: as globals they were given their size without the trailing padding that
    // assigning one copies (an overflow AddressSanitizer reports).
    nonisolated(unsafe) private static var restoreBytes: UnsafeMutableBufferPointer<UInt8>?
    nonisolated(unsafe) private static var shellModes = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    nonisolated(unsafe) private static var previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    nonisolated(unsafe) private static var installed = false
    /// The handler as installed, to install again after a fault `survivor` survived.
    nonisolated(unsafe) private static var action = UnsafeMutablePointer<sigaction>.allocate(capacity: 1)
    /// Asked first: whether a fault is one the program survives (a mapped cache file cut short,
    /// `MappingFaults`), so that the read goes on and the terminal stays as it is. Set once,
    /// before a terminal starts (`Terminal.faultSurvivor`).
    nonisolated(unsafe) static var survivor: (@convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?) -> Bool)?

    /// `modes`: the terminal's modes before curses changed them. Call after `newterm`, so that
    /// terminfo names the sequences of this terminal.
    static func install(shellModes modes: termios, mouse: Bool) {
        var bytes: [UInt8] = []
        for capability in ["rmcup", "cnorm", "sgr0", "rmkx"] {
            guard let value = tigetstr(capability), value != UnsafeMutablePointer(bitPattern: -1) else { continue }
            bytes += Array(String(cString: value).utf8)
        }
        if mouse { bytes += Array("\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1006l".utf8) }
        bytes += [UInt8(ascii: "\r"), UInt8(ascii: "\n")]
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
        restoreBytes?.deallocate()
        restoreBytes = buffer
        shellModes.initialize(to: modes)
        guard !installed else { return }
        installed = true
        action.initialize(to: sigaction())
        action.pointee.__sigaction_handler.sa_sigaction = { signal, info, context in CrashGuard.handle(signal, info, context) }
        sigemptyset(&action.pointee.sa_mask)
        action.pointee.sa_flags = SA_SIGINFO | Int32(bitPattern: SA_RESETHAND)
        for signal in signals { sigaction(signal, action, previous + Int(signal)) }
    }

    /// The terminal is restored normally: hand the signals back.
    static func uninstall() {
        guard installed else { return }
        installed = false
        for signal in signals { sigaction(signal, previous + Int(signal), nil) }
    }

    private static func handle(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
        // A cache file cut short under its mapping is no crash: the read goes on, the guard stays.
        if let survivor, survivor(signal, info) {
            sigaction(signal, action, nil)
            return
        }
        if let bytes = restoreBytes, let base = bytes.baseAddress { _ = write(1, base, bytes.count) }
        _ = tcsetattr(0, TCSANOW, shellModes)
        let before = previous[Int(signal)]
        if before.sa_flags & Int32(SA_SIGINFO) != 0, let handler = before.__sigaction_handler.sa_sigaction {
            handler(signal, info, context)
            return
        }
        // The default action (a core dump, exit 128+N): raised again, it is delivered as soon
        // as this handler returns (SA_RESETHAND has already put the default back).
        var fallback = before
        if unsafeBitCast(fallback.__sigaction_handler.sa_handler, to: Int.self) == 1 {   // SIG_IGN: a crash cannot be ignored
            fallback.__sigaction_handler.sa_handler = nil                                     // SIG_DFL
        }
        sigaction(signal, &fallback, nil)
        raise(signal)
    }
}
