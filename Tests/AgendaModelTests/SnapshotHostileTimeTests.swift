import Foundation
import Testing
@testable import AgendaModel

/// A snapshot sealed with a correct digest (written by someone, not damaged) whose times and
/// dates hold hostile values: each is refused as damage, by the whole decode and by the day
/// decoded alone, and never traps on its way to an `Int`.
@Suite struct SnapshotHostileTimeTests {
    static let build = "test 1"
    static let digest = ContentDigest(of: Data("times".utf8))

    /// Two sessions on two days, a day change and stated dates: every time and date in it is
    /// found exactly once in the payload.
    static func schedule() -> Schedule {
        var conference = Conference(title: "Times", timeZone: TimeZone(identifier: "Europe/Berlin")!,
                                    dayChange: DateComponents(hour: 5, minute: 30))
        conference.startDate = DateComponents(year: 2026, month: 12, day: 1)
        conference.endDate = DateComponents(year: 2026, month: 12, day: 2)
        let sessions = [1, 2].map { day in
            Session(id: "\(day)", title: "Talk \(day)", start: FrabXMLReadAheadTests.at(day: day),
                    end: FrabXMLReadAheadTests.at(day: day, hour: 11))
        }
        return Schedule(conference: conference, sessions: sessions)
    }

    static func bytes(_ value: Int64) -> [UInt8] { withUnsafeBytes(of: value.littleEndian) { Array($0) } }
    static func bytes(_ value: Double) -> [UInt8] { bytes(Int64(bitPattern: value.bitPattern)) }
    static func bytes(_ value: UInt32) -> [UInt8] { withUnsafeBytes(of: value.littleEndian) { Array($0) } }

    /// Where `pattern` is in `payload`: it must be there exactly once.
    static func place(of pattern: [UInt8], in payload: [UInt8]) throws -> Int {
        let found = (0...(payload.count - pattern.count)).filter { payload[$0..<($0 + pattern.count)].elementsEqual(pattern) }
        #expect(found.count == 1)
        return try #require(found.first)
    }

    /// Every time field (seconds as a Double) and every date field (a number) of the payload.
    static func fields(of payload: [UInt8], _ schedule: Schedule) throws -> (times: [String: Int], numbers: [String: Int]) {
        var times: [String: Int] = [:], numbers: [String: Int] = [:]
        for (k, session) in schedule.sessions.enumerated() {
            let at = try place(of: bytes(session.start.timeIntervalSinceReferenceDate) + bytes(session.end.timeIntervalSinceReferenceDate),
                               in: payload)
            times["session \(k) start"] = at
            times["session \(k) end"] = at + 8
        }
        // The day change: a mask (hour, minute), then the values.
        let dayChange = try place(of: [0x18] + bytes(Int64(5)) + bytes(Int64(30)), in: payload)
        numbers["day change hour"] = dayChange + 1
        numbers["day change minute"] = dayChange + 9
        // The stated first and last day: present, a mask (year, month, day), then the values.
        for (name, day) in [("start date", 1), ("end date", 2)] {
            let at = try place(of: [1, 0x07] + bytes(Int64(2026)) + bytes(Int64(12)) + bytes(Int64(day)), in: payload)
            numbers["\(name) year"] = at + 2
            numbers["\(name) month"] = at + 10
            numbers["\(name) day"] = at + 18
        }
        // The table of days: a day number, then its sessions.
        for day in 1...2 {
            let number = Int64(LocalDateTime.daysFromCivil(2026, 12, day))
            numbers["day \(day) in the table"] = try place(of: bytes(number) + bytes(UInt32(day - 1)) + bytes(UInt32(day)), in: payload)
        }
        return (times, numbers)
    }

    /// 10000-01-01 and the second before 0001-01-01, UTC, in seconds since the reference date.
    static let justAfter = 252_423_993_600.0, justBefore = -63_113_904_001.0

    static let hostileTimes: [Double] = [1e300, -1e300, .nan, .infinity, -.infinity, .greatestFiniteMagnitude,
                                         Double(Int64.max), Double(Int64.min), justAfter, justBefore]
    static let hostileNumbers: [Int64] = [.max, .min, -1, 10_000, 999_999, -999_999, 1 << 40, (1 << 32) - 1,
                                          Int64(LocalDateTime.daysFromCivil(10000, 1, 1)), Int64(LocalDateTime.daysFromCivil(0, 12, 31))]

    /// The forged payloads: each time alone, each session's start and end together (so that
    /// the end is not before the start), each number alone.
    static func forgeries() throws -> [(name: String, payload: [UInt8])] {
        let payload = try #require(SnapshotCoding.payload(schedule()))
        let (times, numbers) = try fields(of: payload, schedule())
        var out: [(String, [UInt8])] = []
        func patch(_ places: [Int], _ value: [UInt8]) -> [UInt8] {
            var forged = payload
            for at in places { forged.replaceSubrange(at..<(at + 8), with: value) }
            return forged
        }
        for value in hostileTimes {
            for (name, at) in times { out.append(("\(name) = \(value)", patch([at], bytes(value)))) }
            for k in 0..<2 {
                out.append(("session \(k) from and to \(value)", patch([times["session \(k) start"]!, times["session \(k) end"]!], bytes(value))))
            }
        }
        for value in hostileNumbers {
            for (name, at) in numbers where Int64(littleEndian: payload.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: Int64.self) }) != value {
                out.append(("\(name) = \(value)", patch([at], bytes(value))))
            }
        }
        return out
    }

    @Test func theUnforgedPayloadComesBack() throws {
        let schedule = Self.schedule()
        let sealed = ScheduleSnapshot.seal(try #require(SnapshotCoding.payload(schedule)), source: Self.digest, build: Self.build)
        #expect(ScheduleSnapshot.decode(sealed, source: Self.digest, build: Self.build) == schedule)
        #expect(ScheduleSnapshot.openingDay(sealed, source: Self.digest, build: Self.build, now: FrabXMLReadAheadTests.at(day: 2)) != nil)
    }

    @Test func hostileTimesAndDatesAreRefusedWithoutATrap() throws {
        let forgeries = try Self.forgeries()
        #expect(forgeries.count > 150)
        for (name, payload) in forgeries {
            let sealed = ScheduleSnapshot.seal(payload, source: Self.digest, build: Self.build)
            #expect(ScheduleSnapshot.decode(sealed, source: Self.digest, build: Self.build) == nil, "\(name)")
            // The day alone decodes only its own sessions: it may open, but holds only what checks out.
            for day in 1...2 {
                guard let opened = ScheduleSnapshot.openingDay(sealed, source: Self.digest, build: Self.build,
                                                                now: FrabXMLReadAheadTests.at(day: day)) else { continue }
                for date in opened.schedule.days.map(\.date) { #expect((1...9999).contains(date.year ?? 0), "\(name): \(date)") }
                for session in opened.schedule.sessions {
                    #expect(Self.schedule().sessions.contains(session), "\(name): \(session.start)–\(session.end)")
                }
                let conference = opened.schedule.conference
                for date in [conference.startDate, conference.endDate].compactMap({ $0 }) {
                    #expect((1...9999).contains(date.year ?? 0) && (1...12).contains(date.month ?? 0), "\(name): \(date)")
                }
                #expect((0...999).contains(conference.dayChange.hour ?? 0) && (0...59).contains(conference.dayChange.minute ?? 0), "\(name)")
            }
        }
    }

    /// What the reader refuses is not written either (it would be refused on every open).
    @Test func aScheduleBeyondTheYearsIsNotSnapshotted() throws {
        var conference = Self.schedule().conference
        conference.endDate = DateComponents(year: 10_000, month: 1, day: 1)
        let schedule = Schedule(conference: conference, sessions: Self.schedule().sessions)
        #expect(ScheduleSnapshot.encode(schedule, source: Self.digest, build: Self.build) == nil)
        var sessions = Self.schedule().sessions
        sessions[1].end = Date(timeIntervalSinceReferenceDate: Self.justAfter)
        #expect(ScheduleSnapshot.encode(Schedule(conference: Self.schedule().conference, sessions: sessions),
                                        source: Self.digest, build: Self.build) == nil)
    }
}
