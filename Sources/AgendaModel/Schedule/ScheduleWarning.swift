/// Something a reader noticed in a schedule it could still read, for `agenda validate`.
public struct ScheduleWarning: Equatable, CustomStringConvertible, Sendable {
    public enum Kind: Sendable, Equatable {
        case missingRoom
        case duplicateID
        case duplicateGUID
        case endBeforeStart
        case unknownTimeZone
        /// The file names no zone and gives no offsets: times are shown as published.
        case noTimeZone
        /// A wall-clock time that a daylight-saving change skips.
        case nonexistentTime
        /// A value the reader could not use and skipped (an unreadable duration, …).
        case ignoredValue
    }

    public var kind: Kind
    public var file: String
    public var line: Int?
    public var message: String

    public init(_ kind: Kind, file: String, line: Int? = nil, message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.message = message
    }

    /// `FILE:LINE: warning: message`, like `ScheduleError`; both parts sanitised.
    public var description: String {
        var location = Sanitizer.line(file)
        if let line { location += ":\(line)" }
        return "\(location): warning: \(Sanitizer.line(message))"
    }
}
