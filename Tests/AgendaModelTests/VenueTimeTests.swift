import Foundation
import Testing
@testable import AgendaModel

@Suite struct VenueTimeTests {
    func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test func clockAndRangeInTheVenueZone() {
        let shanghai = VenueTime(timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        #expect(shanghai.clock(date("2021-10-22T01:05:00Z")) == "09:05")
        #expect(shanghai.range(date("2021-10-21T01:00:00Z"), date("2021-10-23T09:00:00Z")) == "09:00–17:00 (+2)")
    }

    @Test func halfHourZonesAndDaylightSaving() {
        let adelaide = VenueTime(timeZone: TimeZone(identifier: "Australia/Adelaide")!)
        #expect(adelaide.clock(date("2020-01-14T00:00:00Z")) == "10:30")   // +10:30 in summer
        #expect(adelaide.clock(date("2020-07-14T00:00:00Z")) == "09:30")   // +09:30 in winter
        #expect(adelaide.offset(date("2020-07-14T00:00:00Z")) == "UTC+09:30")
    }

    @Test func beforeNineteenSeventy() {
        let utc = VenueTime(timeZone: .gmt)
        #expect(utc.clock(date("1969-12-31T23:59:00Z")) == "23:59")
        #expect(utc.range(date("1969-12-31T23:00:00Z"), date("1970-01-01T01:00:00Z")) == "23:00–01:00 (+1)")
    }

    /// The arithmetic date parts agree with Foundation's calendar, across zones, years and DST.
    @Test func datePartsMatchTheCalendar() {
        var random = SystemRandomNumberGenerator()
        for zone in ["Asia/Shanghai", "Australia/Adelaide", "America/St_Johns", "Pacific/Kiritimati", "UTC", "Europe/Berlin"] {
            let time = VenueTime(timeZone: TimeZone(identifier: zone)!)
            for _ in 0..<500 {
                let instant = Date(timeIntervalSince1970: Double(Int64.random(in: -2_000_000_000...4_000_000_000, using: &random)))
                let expected = time.calendar.dateComponents([.year, .month, .day, .weekday], from: instant)
                let parts = time.parts(instant)
                #expect(parts.year == expected.year && parts.month == expected.month && parts.day == expected.day
                        && parts.weekday == expected.weekday, "\(zone) \(instant)")
            }
        }
        #expect(VenueTime(timeZone: .gmt).longDay(date("2021-10-22T12:00:00Z")) == "Friday 22 October 2021")
    }
}
