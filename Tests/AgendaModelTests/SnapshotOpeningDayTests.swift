import Foundation
import Testing
@testable import AgendaModel

/// One day of a snapshot, decoded alone for the first screen (`ScheduleSnapshot.openingDay`):
/// it must hold exactly what the whole snapshot holds for that day, and be checked as the
/// whole is (a damaged snapshot gives nil, never a wrong day).
@Suite struct SnapshotOpeningDayTests {
    static let build = "test 1"

    static func snapshot() throws -> (whole: Schedule, bytes: [UInt8], digest: ContentDigest) {
        let path = try FrabXMLReadAheadTests.write(FrabXMLReadAheadTests.fourDays)
        defer { unlink(path) }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let whole = try ScheduleLoader.read(data, file: path)
        let digest = ContentDigest(of: data)
        return (whole, try #require(ScheduleSnapshot.encode(whole, source: digest, build: build)), digest)
    }

    @Test(arguments: [1, 2, 3, 4])
    func todayIsTheWholeSnapshotsDay(day: Int) throws {
        let (whole, bytes, digest) = try Self.snapshot()
        let now = FrabXMLReadAheadTests.at(day: day)
        let opened = try #require(ScheduleSnapshot.openingDay(bytes, source: digest, build: Self.build, now: now))
        #expect(opened.isToday)
        let date = DateComponents(year: 2026, month: 12, day: day)
        let wholeDay = try #require(whole.days.first { $0.date == date })
        #expect(opened.schedule.sessions == Array(whole.sessions[wholeDay.sessionRange]))
        // Every day's tab, the others empty; the conference whole.
        #expect(opened.schedule.days.map(\.date) == whole.days.map(\.date))
        #expect(opened.schedule.days.filter { !$0.sessionRange.isEmpty }.map(\.date) == [date])
        #expect(opened.schedule.conference == whole.conference)
        #expect(DaySpec.today.dayIndex(in: opened.schedule, now: now) == day - 1)
    }

    @Test func outsideTheConferenceItIsTheFirstDay() throws {
        let (whole, bytes, digest) = try Self.snapshot()
        let opened = try #require(ScheduleSnapshot.openingDay(bytes, source: digest, build: Self.build,
                                                              now: FrabXMLReadAheadTests.at(day: 9)))
        #expect(!opened.isToday)
        #expect(opened.schedule.sessions == Array(whole.sessions[whole.days[0].sessionRange]))
    }

    @Test func theNightBeforeTheDayChangeIsTheDayBefore() throws {
        let (whole, bytes, digest) = try Self.snapshot()
        // 02:00 on the 3rd is still the 2nd's programme (the day changes at 04:00 by default).
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin")!
        let now = calendar.date(from: DateComponents(year: 2026, month: 12, day: 3, hour: 2))!
        let opened = try #require(ScheduleSnapshot.openingDay(bytes, source: digest, build: Self.build, now: now))
        #expect(opened.schedule.sessions == Array(whole.sessions[whole.days[1].sessionRange]))
    }

    @Test func aDamagedSnapshotGivesNoDay() throws {
        let (_, bytes, digest) = try Self.snapshot()
        let now = FrabXMLReadAheadTests.at(day: 2)
        let header = ScheduleSnapshot.headerSize
        for length in [0, header - 1, header, header + 1, bytes.count / 2, bytes.count - 1] {
            #expect(ScheduleSnapshot.openingDay(Array(bytes.prefix(length)), source: digest, build: Self.build, now: now) == nil,
                    "cut to \(length) of \(bytes.count) bytes")
        }
        for offset in stride(from: 0, to: bytes.count, by: bytes.count / 97) {
            var damaged = bytes
            damaged[offset] ^= 0x01
            #expect(ScheduleSnapshot.openingDay(damaged, source: digest, build: Self.build, now: now) == nil, "byte \(offset)")
        }
        #expect(ScheduleSnapshot.openingDay(bytes, source: digest, build: "test 2", now: now) == nil)
    }

    /// A payload sealed with a correct digest (written, not damaged) whose table of days points
    /// anywhere: still only what the session decoder accepts, or nil.
    @Test func aForgedTableOfDaysIsCheckedLikeEverythingElse() throws {
        let (_, bytes, digest) = try Self.snapshot()
        let payload = Array(bytes.dropFirst(ScheduleSnapshot.headerSize))
        let now = FrabXMLReadAheadTests.at(day: 2)
        var decodedSome = 0
        for offset in stride(from: 0, to: min(payload.count, 400_000), by: 509) {
            var forged = payload
            forged[offset] ^= 0x5A
            let sealed = ScheduleSnapshot.seal(forged, source: digest, build: Self.build)
            if let day = ScheduleSnapshot.openingDay(sealed, source: digest, build: Self.build, now: now) {
                decodedSome += 1
                for session in day.schedule.sessions { #expect(session.end >= session.start) }
            }
        }
        #expect(decodedSome > 0)   // bytes of long texts change no structure
    }
}
