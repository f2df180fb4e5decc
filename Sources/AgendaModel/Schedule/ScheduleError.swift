/// Why a schedule could not be read, located as precisely as the format allows.
public struct ScheduleError: Error, Equatable, CustomStringConvertible, Sendable {
    public enum Kind: Sendable, Equatable {
        /// The file does not exist or cannot be opened (exit 66).
        case missing
        /// The file exists but its content cannot be read as a schedule (exit 65).
        case malformed
    }

    public var kind: Kind
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(_ kind: Kind = .malformed, file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `FILE:LINE:COLUMN: error: message`, the form compilers use and editors jump to.
    /// The file name and message are sanitised: both may come from untrusted input.
    public var description: String {
        var location = Sanitizer.line(file)
        if let line { location += ":\(line)" }
        if let line, line > 0, let column { location += ":\(column)" }
        return "\(location): error: \(Sanitizer.line(message))"
    }
}
