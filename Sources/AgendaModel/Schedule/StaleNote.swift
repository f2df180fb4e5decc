import Foundation

/// Shown while the last good copy stands in for a source that cannot be fetched or read.
public struct StaleNote: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The server could not be reached or answered with an error.
        case offline
        /// The server sent a version that does not read.
        case broken
    }

    public var kind: Kind
    /// When the copy shown was last known to be current.
    public var asOf: Date
    /// What went wrong, sanitised.
    public var cause: String

    public init(kind: Kind, asOf: Date, cause: String) {
        self.kind = kind
        self.asOf = asOf
        self.cause = cause
    }
}

extension StaleNote {
    /// `offline, schedule as of 09:42` in the given time.
    public func text(clock: String) -> String {
        (kind == .offline ? "offline" : "update failed") + ", schedule as of " + clock
    }
}
