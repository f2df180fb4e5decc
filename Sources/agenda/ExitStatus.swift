import Foundation

/// Exit statuses, following sysexits.h where one fits.
enum ExitStatus {
    static let unusableTerminal: Int32 = 2
    static let dataError: Int32 = 65     // EX_DATAERR
    static let noInput: Int32 = 66       // EX_NOINPUT
    static let unavailable: Int32 = 69   // EX_UNAVAILABLE: a URL that cannot be fetched, no copy cached
}

/// One line on stderr, prefixed with the program name. Sanitised here as well, so that no
/// caller can forget it: messages hold file names, TERM values and user arguments.
func printError(_ message: String) {
    writeStandardError("agenda: \(terminalSafe(message))\n")
}

/// Text on stderr, as much of it as can be written: a closed stderr (EPIPE, SIGPIPE being
/// ignored) or a full disk changes nothing else, the program ends with its own status.
/// Not `FileHandle.write`, which traps on any error.
func writeStandardError(_ text: String) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
        let written = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { return }
        bytes = bytes.dropFirst(written)
    }
}
