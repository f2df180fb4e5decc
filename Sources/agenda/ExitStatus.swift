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
    FileHandle.standardError.write(Data("agenda: \(terminalSafe(message))\n".utf8))
}
