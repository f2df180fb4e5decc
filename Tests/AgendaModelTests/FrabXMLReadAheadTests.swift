import Foundation
import Testing
import Synchronization
@testable import AgendaModel

/// The day a large frab XML file opens on, read before the rest (`FrabXMLReadAhead`): it must
/// hold exactly what the whole file's read holds for that day, and anything it cannot cut
/// must give nil (the browser then waits for the whole file), never a wrong day.
@Suite struct FrabXMLReadAheadTests {
    static let fourDays = file()
    static let fourDaysUnstated = file(stated: false)

    /// The read ahead of a file of any size (a small one keeps these tests quick under the
    /// sanitizers); one test reads a file past the real size.
    static func ahead(_ path: String, _ now: Date) -> OpeningDay? {
        FrabXMLReadAhead.read(path: path, now: now, minimumBytes: 0)
    }

    /// A frab file of `days` days from 2026-12-01 of `rooms` rooms, about `bytes` long, with
    /// entities, CDATA, indented HTML and an event `<room>` in every event.
    static func file(days: Int = 4, rooms: Int = 6, stated: Bool = true, before: String = "", dayExtra: String = "",
                     bytes: Int = 250_000) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<schedule>\n  <version>1</version>\n  <conference>\n    <acronym>big</acronym>\n    <title>Big &amp; Long</title>\n"
        if stated { xml += "    <start>2026-12-01</start>\n    <end>2026-12-0\(days)</end>\n" }
        xml += "    <time_zone_name>Europe/Berlin</time_zone_name>\n  </conference>\n" + before
        var id = 0
        // Forty quarter hours a room from 09:00, each event long enough that the file passes the read-ahead's size.
        let perRoom = 40
        let filler = String(repeating: "Talks about kernels, &lt;tags&gt; and caf&#233;s. ", count: bytes / (days * rooms * perRoom * 48) + 1)
        for day in 1...days {
            xml += "  <day index=\"\(day)\" date=\"2026-12-0\(day)\" start=\"2026-12-0\(day)T09:00:00+01:00\" end=\"2026-12-0\(day + 1)T03:00:00+01:00\">\(dayExtra)\n"
            for room in 0..<rooms {
                xml += "    <room name=\"Hall \(room)\" guid=\"00000000-0000-0000-0000-00000000000\(room)\">\n"
                for slot in 0..<perRoom {
                    id += 1
                    let hour = 9 + slot / 4, minute = slot % 4 * 15
                    xml += """
                          <event guid="e-\(id)" id="\(id)">
                            <room>Hall \(room)</room>
                            <title>Talk \(id) on day \(day)</title>
                            <date>2026-12-0\(day)T\(String(format: "%02d:%02d", hour, minute)):00+01:00</date>
                            <start>\(String(format: "%02d:%02d", hour, minute))</start>
                            <duration>00:15</duration>
                            <track>Track \(slot % 3)</track>
                            <abstract><![CDATA[<p>Abstract of \(id)</p>]]></abstract>
                            <description>
                              <p>\(filler)</p>
                              <p>Second paragraph of \(id).</p>
                            </description>
                            <persons><person id="\(id)">Speaker \(id % 50)</person></persons>
                          </event>

                    """
                }
                xml += "    </room>\n"
            }
            xml += "  </day>\n"
        }
        return xml + "</schedule>\n"
    }

    static func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-ahead-\(UUID().uuidString).xml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// 10:00 in Berlin on 2026-12-`day`.
    static func at(day: Int, hour: Int = 10) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin")!
        return calendar.date(from: DateComponents(year: 2026, month: 12, day: day, hour: hour))!
    }

    func sessionsOfDay(_ schedule: Schedule, _ date: DateComponents) -> [Session] {
        guard let day = schedule.days.first(where: { $0.date == date }) else { return [] }
        return Array(schedule.sessions[day.sessionRange])
    }

    @Test(arguments: [1, 2, 3, 4])
    func todayIsReadWholeAndEqualsTheWholeFilesDay(day: Int) throws {
        for stated in [true, false] {
            let path = try Self.write(stated ? Self.fourDays : Self.fourDaysUnstated)
            defer { unlink(path) }
            let whole = try ScheduleLoader.load(path: path)
            let ahead = try #require(Self.ahead(path, Self.at(day: day)))
            #expect(ahead.isToday)
            let date = DateComponents(year: 2026, month: 12, day: day)
            #expect(ahead.schedule.sessions == sessionsOfDay(whole, date), "day \(day), dates stated: \(stated)")
            // Every day's tab is there, the others empty.
            #expect(ahead.schedule.days.map(\.date) == whole.days.map(\.date))
            #expect(ahead.schedule.days.filter { !$0.sessionRange.isEmpty }.map(\.date) == [date])
            #expect(ahead.schedule.conference.title == whole.conference.title)
            #expect(ahead.schedule.conference.timeZone == whole.conference.timeZone)
            #expect(ahead.schedule.conference.rooms == whole.conference.rooms)
            #expect(DaySpec.today.dayIndex(in: ahead.schedule, now: Self.at(day: day)) == day - 1)
        }
    }

    /// At the real size: the day is found across many of the search's blocks.
    @Test func aFilePastTheSizeOpensOnItsDay() throws {
        let path = try Self.write(Self.file(bytes: FrabXMLReadAhead.minimumBytes + 500_000))
        defer { unlink(path) }
        let whole = try ScheduleLoader.load(path: path)
        let ahead = try #require(FrabXMLReadAhead.read(path: path, now: Self.at(day: 3)))
        #expect(ahead.isToday)
        #expect(ahead.schedule.sessions == sessionsOfDay(whole, DateComponents(year: 2026, month: 12, day: 3)))
        #expect(ahead.schedule.days.map(\.date) == whole.days.map(\.date))
    }

    @Test func outsideTheConferenceTheFirstDayIsRead() throws {
        let path = try Self.write(Self.fourDays)
        defer { unlink(path) }
        let whole = try ScheduleLoader.load(path: path)
        for now in [Self.at(day: 1).addingTimeInterval(-40 * 86400), Self.at(day: 9)] {
            let ahead = try #require(Self.ahead(path, now))
            #expect(!ahead.isToday)
            #expect(ahead.schedule.sessions == sessionsOfDay(whole, DateComponents(year: 2026, month: 12, day: 1)))
        }
    }

    /// Before the day change (03:00 here is still the day before's night).
    @Test func theNightBelongsToTheDayBefore() throws {
        let path = try Self.write(Self.fourDays)
        defer { unlink(path) }
        let ahead = try #require(Self.ahead(path, Self.at(day: 3, hour: 2)))
        #expect(ahead.schedule.sessions.first?.title.hasSuffix("day 2") == true)
    }

    @Test func whatCannotBeCutIsNotRead() throws {
        // Too small: read whole as fast.
        let small = try Self.write(Self.fourDays)
        defer { unlink(small) }
        #expect(FrabXMLReadAhead.read(path: small, now: Self.at(day: 2)) == nil)
        // Not XML, however large.
        let json = try Self.write("{\"schedule\": \"" + String(repeating: "<day date=\\\"2026-12-01\\\">", count: 10_000) + "\"}")
        defer { unlink(json) }
        #expect(Self.ahead(json, Self.at(day: 2)) == nil)
        // The conference after the days: no zone known before the day.
        let text = Self.fourDays
        let conference = try #require(text.range(of: "  <conference>")?.lowerBound).utf16Offset(in: text)
        let end = try #require(text.range(of: "</conference>\n")?.upperBound).utf16Offset(in: text)
        let block = String(text.utf16.dropFirst(conference).prefix(end - conference))!
        let late = text.replacingOccurrences(of: block, with: "").replacingOccurrences(of: "</schedule>", with: block + "</schedule>")
        #expect(try FrabXMLReader.read(Data(late.utf8), file: "late.xml").conference.title == "Big & Long")
        let latePath = try Self.write(late)
        defer { unlink(latePath) }
        #expect(Self.ahead(latePath, Self.at(day: 2)) == nil)
        // A day without a date.
        let undated = try Self.write(Self.fourDays.replacingOccurrences(of: "date=\"2026-12-02\"", with: "when=\"2026-12-02\""))
        defer { unlink(undated) }
        #expect(Self.ahead(undated, Self.at(day: 2)) == nil)
        #expect(FrabXMLReadAhead.read(path: "/nonexistent/agenda.xml", now: Self.at(day: 2)) == nil)
    }

    /// `<day` in a comment before the days is taken for a tag: the cut does not read, and the
    /// browser waits for the whole file rather than showing a wrong day.
    @Test func aDayTagInACommentGivesNothingRatherThanAWrongDay() throws {
        let path = try Self.write(Self.file(before: "  <!-- <day date=\"2026-12-02\"> was moved -->\n"))
        defer { unlink(path) }
        #expect(try ScheduleLoader.load(path: path).sessions.count > 0)
        #expect(Self.ahead(path, Self.at(day: 2)) == nil)
    }

    /// A file without a zone: the header alone says UTC, the day's times say UTC+1. At 04:00
    /// on the 3rd (UTC+1), past the day change, it is the 3rd there and still the 2nd's night in
    /// UTC: the day read by the header's reckoning is not today, so none is shown. At 10:00
    /// both agree, and the day is the one the whole file opens on.
    @Test func todayByTheZoneTheTimesGive() throws {
        let text = Self.fourDays.replacingOccurrences(of: "<time_zone_name>Europe/Berlin</time_zone_name>", with: "")
        let path = try Self.write(text)
        defer { unlink(path) }
        let whole = try ScheduleLoader.load(path: path)
        #expect(DaySpec.today.dayIndex(in: whole, now: Self.at(day: 3, hour: 4)) == 2)
        #expect(Self.ahead(path, Self.at(day: 3, hour: 4)) == nil)
        let ahead = try #require(Self.ahead(path, Self.at(day: 3, hour: 10)))
        #expect(ahead.isToday)
        #expect(ahead.schedule.sessions == Array(whole.sessions[whole.days[2].sessionRange]))
    }

    /// A guid on an event in each half of the day: the day read ahead keys them as the whole
    /// file does (not by the guid), so a star made before the rest arrives is kept.
    @Test func keysAsTheWholeFileGivesThem() throws {
        var text = Self.fourDays
        text = text.replacingOccurrences(of: "guid=\"e-250\"", with: "guid=\"twice\"")
            .replacingOccurrences(of: "guid=\"e-440\"", with: "guid=\"twice\"")
        let path = try Self.write(text)
        defer { unlink(path) }
        let whole = try ScheduleLoader.load(path: path)
        let ahead = try #require(Self.ahead(path, Self.at(day: 2)))
        let keys = Set(ahead.schedule.sessions.map(\.key))
        #expect(!keys.contains("twice"))
        #expect(keys.isSubset(of: Set(whole.sessions.map(\.key))))
    }

    /// A guid of day 2 that day 3 repeats (merged files such as 36C3's have such), in a file
    /// past the real size: every day read ahead keys each session as the whole file does, so a
    /// star made before the rest arrives names the session the whole file has.
    @Test func keysAcrossDaysAreTheWholeFiles() throws {
        // 240 events a day: e-250 is on day 2, e-500 on day 3.
        let text = Self.file(bytes: FrabXMLReadAhead.minimumBytes + 500_000)
            .replacingOccurrences(of: "guid=\"e-500\"", with: "guid=\"e-250\"")
        let path = try Self.write(text)
        defer { unlink(path) }
        let whole = try ScheduleLoader.load(path: path)
        #expect(whole.sessions.first { $0.guid == "e-250" }?.key == "250")
        for day in 1...4 {
            let ahead = try #require(FrabXMLReadAhead.read(path: path, now: Self.at(day: day)))
            let wholeDay = sessionsOfDay(whole, DateComponents(year: 2026, month: 12, day: day))
            #expect(ahead.schedule.sessions.map(\.key) == wholeDay.map(\.key), "day \(day)")
            #expect(ahead.schedule.sessions == wholeDay, "day \(day)")
        }
    }

    /// Without guids, ids key the sessions: an id of day 1 that day 4 repeats, and one that
    /// repeats within day 2, are no key on any day read ahead.
    @Test func idsRepeatedOnAnotherDayAreNoKey() throws {
        let text = Self.fourDays.replacingOccurrences(of: "<event guid=", with: "<event uid=")
            .replacingOccurrences(of: "<event uid=\"e-800\" id=\"800\">", with: "<event uid=\"e-800\" id=\"10\">")
            .replacingOccurrences(of: "<event uid=\"e-300\" id=\"300\">", with: "<event uid=\"e-300\" id=\"260\">")
        let path = try Self.write(text)
        defer { unlink(path) }
        let whole = try ScheduleLoader.load(path: path)
        #expect(!whole.sessions.contains { $0.key == "10" || $0.key == "260" })
        for day in 1...4 {
            let ahead = try #require(Self.ahead(path, Self.at(day: day)))
            #expect(ahead.schedule.sessions == sessionsOfDay(whole, DateComponents(year: 2026, month: 12, day: day)), "day \(day)")
        }
    }

    /// An event without an id may take its id from its `<slug>`: its day is not read ahead.
    @Test func anEventWithoutAnIdIsNotReadAhead() throws {
        let path = try Self.write(Self.fourDays.replacingOccurrences(of: "<event guid=\"e-900\" id=\"900\">", with: "<event guid=\"e-900\">"))
        defer { unlink(path) }
        #expect(Self.ahead(path, Self.at(day: 2)) == nil)
    }

    static func eventIDs(_ text: String) throws -> FrabXMLEventIDs? {
        let path = try write(text)
        defer { unlink(path) }
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        return FrabXMLEventIDs.scan(descriptor: descriptor, size: text.utf8.count)
    }

    /// Guids and ids as the reader reads them (entities decoded); events in comments, CDATA
    /// and processing instructions are not counted; a tag cut by a block's end is read whole.
    @Test func repeatedIdsAreFoundAsTheReaderReadsThem() throws {
        let text = """
            <?xml version="1.0"?><schedule>
            <!-- <event guid="d" id="2"> -->
            <event guid="a&amp;b" id="1"><description><![CDATA[<event guid="d" id="2">]]></description></event>
            <event id = '1'
              guid="a&#38;b"/>
            <?note <event guid="d" id="2"> ?>
            <event guid="d" id="2"></event>
            </schedule>
            """
        #expect(try Self.eventIDs(text) == FrabXMLEventIDs(repeatedGuids: ["a&b"], repeatedIDs: ["1"]))
        // The same events across the search's blocks, cut at every place near a block's end.
        let events = "<event guid=\"x\" id=\"7\"><![CDATA[<event guid=\"y\" id=\"8\">]]></event><!-- <event id=\"8\"> -->"
            + "<event guid=\"x\" id=\"9\"></event>"
        for shift in 0..<events.utf8.count {
            let padded = String(repeating: " ", count: FrabXMLEventIDs.block - shift) + events + "<event guid=\"y\" id=\"8\"/>"
            #expect(try Self.eventIDs(padded) == FrabXMLEventIDs(repeatedGuids: ["x"], repeatedIDs: []), "shift \(shift)")
        }
        #expect(try Self.eventIDs("<event guid=\"x\"></event>") == nil)
        #expect(try Self.eventIDs("<event id=\"1\"></event><!-- <event id=\"1\">") == nil)
    }

    /// A file that grows while it is read ahead (rewritten in place): a day tag for today past
    /// the length it had is not taken (it was a trap: a range from the tag to the old end).
    @Test func aFileGrowingWhileReadIsNeverATrap() throws {
        let path = try Self.write(Self.fourDaysUnstated)
        defer { unlink(path) }
        let stop = Mutex(false)
        let writer = Thread {
            // A few hundred kilobytes at most, appended while the reads run.
            for _ in 0..<4000 where !stop.withLock({ $0 }) {
                if let handle = FileHandle(forWritingAtPath: path) {
                    handle.seekToEndOfFile()
                    handle.write(Data("<day index=\"9\" date=\"2026-12-09\"><room name=\"X\"></room></day>\n".utf8))
                    try? handle.close()
                }
            }
        }
        writer.start()
        for _ in 0..<20 { _ = Self.ahead(path, Self.at(day: 9)) }
        stop.withLock { $0 = true }
    }

    /// A tag cut by the end of a block of the search is read whole from the next block.
    @Test(arguments: [-40, -12, -6, -5, -4, -3, -1, 0, 1])
    func aTagAcrossTheBlocksEndIsFound(shift: Int) throws {
        let at = FrabXMLDayTags.block + shift
        var bytes = [UInt8](repeating: UInt8(ascii: " "), count: at)
        bytes += Array("<day index=\"2\" date=\"2026-12-02\" start=\"x\">".utf8) + [UInt8](repeating: 0x20, count: 5000)
        bytes += Array("<days>4</days><day\ndate='2026-12-03'/>".utf8)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-tags-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { unlink(path) }
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        var tags = FrabXMLDayTags(descriptor: descriptor, size: bytes.count)
        let first = tags.next(), second = tags.next()
        #expect(first?.offset == at)
        #expect(first?.date == DateComponents(year: 2026, month: 12, day: 2))
        #expect(second?.date == DateComponents(year: 2026, month: 12, day: 3))
        #expect(tags.next() == nil)
    }

    @Test func theDatesAttributeIsNotAnotherNamesEnd() {
        func date(_ text: String) -> DateComponents? {
            Array(text.utf8).withUnsafeBytes { FrabXMLDayTags.date(in: $0) }
        }
        #expect(date(" update=\"2026-12-09\" date=\"2026-12-02\"") == DateComponents(year: 2026, month: 12, day: 2))
        #expect(date(" update=\"2026-12-09\"") == nil)
        #expect(date(" date = '2026-12-02T09:00'") == DateComponents(year: 2026, month: 12, day: 2))
        #expect(date(" date=\"tomorrow\"") == nil)
        #expect(date(" date=\"2026-13-02\"") == nil)
    }

    /// The day's halves are split at a room of the day, never at an event's `<room>`, and joined
    /// in programme order with the rooms as the file lists them.
    @Test func halvesJoinAsOneDay() throws {
        let text = Self.file(days: 1, rooms: 5)
        let whole = try FrabXMLReader.read(Data(text.utf8), file: "t.xml")
        let data = Data(text.utf8)
        let dayStart = try #require(text.range(of: "<day ")).lowerBound.utf16Offset(in: text)
        let header = data[..<dayStart], day = Data(data[dayStart...])
        let (first, middle) = try #require(FrabXMLDayHalves.split(day))
        #expect(day[first..<(first + 6)] == Data("<room ".utf8))
        #expect(day[middle..<(middle + 6)] == Data("<room ".utf8))
        #expect(first < middle)
        let read = try #require(FrabXMLDayHalves.read(header: Data(header), day: day, last: true, file: "t.xml") { FrabXMLEventIDs() })
        #expect(read.sessions == whole.sessions)
        #expect(read.conference.rooms == whole.conference.rooms)
        #expect(read.days == whole.days)
    }

    /// A day of events with no rooms around them (old pentabarf) is read in one piece.
    @Test func aDayWithoutRoomsIsNotSplit() {
        #expect(FrabXMLDayHalves.split(Data("<day date=\"2026-12-01\"><event><room>A</room></event></day>".utf8)) == nil)
    }

    @Test func emptyDaysAreAddedInDateOrder() throws {
        let path = try Self.write(Self.fourDays)
        defer { unlink(path) }
        let whole = try ScheduleLoader.load(path: path)
        let third = DateComponents(year: 2026, month: 12, day: 3)
        let oneDay = Schedule(conference: whole.conference, sessions: sessionsOfDay(whole, third))
        let dates = [1, 2, 3, 4, 2].map { DateComponents(year: 2026, month: 12, day: $0) }
        let padded = oneDay.withEmptyDays(dates)
        #expect(padded.days.map(\.date) == Array(dates.prefix(4)))
        #expect(padded.days.map(\.sessionRange) == [0..<0, 0..<0, 0..<oneDay.sessions.count, oneDay.sessions.count..<oneDay.sessions.count])
        #expect(padded.dayIndex(ofSession: 0) == 2)
    }
}
