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

/// The table of days is written by agenda, but read as untrusted as the rest.
@Suite struct SnapshotDayTableTests {
    /// The payload and where its table's first entry (day 1: its number, then session 0) starts.
    static func payload() throws -> (payload: [UInt8], table: Int, digest: ContentDigest) {
        let (whole, _, digest) = try SnapshotOpeningDayTests.snapshot()
        let payload = try #require(SnapshotCoding.payload(whole))
        var entry: [UInt8] = []
        withUnsafeBytes(of: Int64(LocalDateTime.daysFromCivil(2026, 12, 1)).littleEndian) { entry += $0 }
        entry += [0, 0, 0, 0]
        let at = try #require((0...(payload.count - entry.count)).first { payload[$0..<($0 + entry.count)].elementsEqual(entry) })
        return (payload, at, digest)
    }

    static func sealed(_ payload: [UInt8], _ digest: ContentDigest) -> [UInt8] {
        ScheduleSnapshot.seal(payload, source: digest, build: SnapshotOpeningDayTests.build)
    }

    @Test func aTableThatDisagreesWithTheSessionsIsRefusedWhole() throws {
        let (payload, table, digest) = try Self.payload()
        #expect(ScheduleSnapshot.decode(Self.sealed(payload, digest), source: digest, build: SnapshotOpeningDayTests.build) != nil)
        // Day 1 one session shorter, day 2 one longer: still a tiling, but not what the sessions say.
        var forged = payload
        let upper = table + 12, nextLower = table + 20 + 8
        forged[upper] &-= 1
        forged[nextLower] &-= 1
        #expect(ScheduleSnapshot.decode(Self.sealed(forged, digest), source: digest, build: SnapshotOpeningDayTests.build) == nil)
    }

    @Test func daysOutOfOrderOrNotTilingTheSessionsAreRefused() throws {
        let (payload, table, digest) = try Self.payload()
        let now = FrabXMLReadAheadTests.at(day: 2)
        var damaged: [[UInt8]] = []
        var least = payload   // the smallest day number there is: no trap taking its size
        for k in 0..<8 { least[table + k] = k == 7 ? 0x80 : 0 }
        damaged.append(least)
        var gap = payload     // day 2 starting a session after day 1 ends
        gap[table + 20 + 8] &+= 1
        damaged.append(gap)
        var backwards = payload   // day 2 dated before day 1
        backwards[table + 20] &-= 2
        damaged.append(backwards)
        for bytes in damaged {
            let sealed = Self.sealed(bytes, digest)
            #expect(ScheduleSnapshot.decode(sealed, source: digest, build: SnapshotOpeningDayTests.build) == nil)
            #expect(ScheduleSnapshot.openingDay(sealed, source: digest, build: SnapshotOpeningDayTests.build, now: now) == nil)
        }
    }
}
