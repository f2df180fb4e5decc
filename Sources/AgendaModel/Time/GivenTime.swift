import Foundation

/// A time given on the command line (`--now`): with an offset or `Z`, that instant; without
/// one, a time at the venue, placed once the venue's zone is known (as the notices file
/// reads its times). A date alone is not a time.
public struct GivenTime: Sendable, Equatable {
    private let local: LocalDateTime

    /// `2026-01-31T10:00`, `2026-01-31T10:00:00+01:00`, `2026-01-31 10:00Z`, …
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.utf8.count > 10, let local = TimeNotation.iso8601(trimmed) else { return nil }
        self.local = local
    }

    /// Whether the text named its offset (then `date(in:)` does not depend on the zone).
    public var hasOffset: Bool { local.offset != nil }

    /// The instant, reading a time without an offset on the clock of `zone`.
    public func date(in zone: TimeZone) -> Date { local.date(in: zone) }
}
