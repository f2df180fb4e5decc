import Foundation

/// The times and calendar numbers a snapshot may hold: years 1 to 9999, the years a reader's
/// four-digit dates give. Beyond them is damage or forgery, and far enough beyond, making a
/// time whole seconds (`Int(1e300)`) would trap. The writer refuses what the reader refuses,
/// so a schedule outside them is parsed each time rather than snapshotted and refused.
enum SnapshotBounds {
    /// Day numbers (days since 1970-01-01) from 0001-01-01 to 9999-12-31.
    static let days = Int64(LocalDateTime.daysFromCivil(1, 1, 1))...Int64(LocalDateTime.daysFromCivil(9999, 12, 31))

    /// Seconds since the reference date (`timeIntervalSinceReferenceDate`) over those days.
    /// NaN and the infinities are outside.
    static let times = seconds(days.lowerBound)..<seconds(days.upperBound + 1)

    /// Year, month, day, hour and minute of a conference's dates and day change. Hours pass 24:
    /// a day change is the offset a file states (`+9959` in iCalendar).
    static let dateParts: [ClosedRange<Int64>] = [1...9999, 1...12, 1...31, 0...999, 0...59]

    private static func seconds(_ day: Int64) -> Double {
        Double(day) * 86400 - Date.timeIntervalBetween1970AndReferenceDate
    }
}
