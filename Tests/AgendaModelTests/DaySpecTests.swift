import Foundation
import Testing
@testable import AgendaModel

/// `list --day` by weekday (English and Chinese), and `--now` without an offset.
@Suite struct DaySpecTests {
    // The fixture's days: Saturday 6 and Sunday 7 February 2021.
    @Test func weekdaysInEnglishAndChinese() throws {
        let schedule = try PentabarfFixture.schedule()
        let now = Date(timeIntervalSince1970: 0)
        for text in ["sat", "Saturday", "SA", "satur", "周六", "星期六", "礼拜六"] {
            #expect(DaySpec(text) == .weekday(6), "\(text)")
            #expect(DaySpec(text)?.dayIndex(in: schedule, now: now) == 0, "\(text)")
        }
        for text in ["sun", "sunday", "周日", "星期天", "礼拜日"] {
            #expect(DaySpec(text)?.dayIndex(in: schedule, now: now) == 1, "\(text)")
        }
        #expect(DaySpec("fri")?.dayIndex(in: schedule, now: now) == nil)
        #expect(DaySpec("mon") == .weekday(1) && DaySpec("thu") == .weekday(4) && DaySpec("tu") == .weekday(2))
        #expect(DaySpec("s") == nil && DaySpec("t") == nil && DaySpec("someday") == nil && DaySpec("周八") == nil)
        #expect(DaySpec("2") == .number(2) && DaySpec("today") == .today)
    }

    @Test func aTimeWithoutAnOffsetIsTheVenues() throws {
        let brussels = TimeZone(identifier: "Europe/Brussels")!
        let venue = try #require(GivenTime("2021-02-06T10:00"))
        #expect(!venue.hasOffset)
        #expect(venue.date(in: brussels) == Date(timeIntervalSince1970: 1_612_602_000))   // 09:00Z
        let instant = try #require(GivenTime("2021-02-06T10:00+01:00"))
        #expect(instant.hasOffset && instant.date(in: TimeZone(identifier: "Asia/Tokyo")!) == venue.date(in: brussels))
        #expect(GivenTime("2021-02-06T09:00:00Z")?.date(in: brussels) == venue.date(in: brussels))
        #expect(GivenTime("2021-02-06") == nil && GivenTime("10:00") == nil && GivenTime("2021-02-30T10:00") == nil)
    }
}
