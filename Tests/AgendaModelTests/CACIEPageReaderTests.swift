import Foundation
import Testing
@testable import AgendaModel

@Suite struct BundledPlenaryTests {
    let schedule = BundledSchedule.load()
    var session: Session { schedule.sessions[0] }

    func venueDate(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    @Test func conference() {
        #expect(schedule.conference.title == "China Annual Conference for International Education & Expo 2021")
        #expect(schedule.conference.shortTitle == "CACIE 2021")
        #expect(schedule.timeZone.identifier == "Asia/Shanghai")
    }

    @Test func exactlyOneSession() {
        #expect(schedule.sessions.count == 1)
        #expect(schedule.days.count == 1)
        #expect(schedule.days[0].date == DateComponents(year: 2021, month: 10, day: 22))
    }

    @Test func sessionFields() {
        #expect(session.title == "Plenary Session")
        #expect(session.subtitle == "New Opportunities and Prospects for Building an Open and High-Quality Education System")
        #expect(session.start == venueDate("2021-10-22T09:00:00+08:00"))
        #expect(session.end == venueDate("2021-10-22T12:00:00+08:00"))
        #expect(session.room == "Convention Hall No. 1")
        #expect(session.track == nil)
        #expect(session.persons.isEmpty)
    }

    @Test func descriptionIsTheThreeParagraphs() throws {
        let paragraphs = try #require(session.description).components(separatedBy: "\n\n")
        #expect(paragraphs.count == 3)
        #expect(paragraphs[0].hasPrefix("The year 2021 marks the beginning of China’s 14th Five-Year Plan."))
        #expect(paragraphs[1].hasPrefix("For China and countries across the world, opening up"))
        #expect(paragraphs[2].hasPrefix("The theme of 2021 China Annual Conference"))
        #expect(paragraphs[2].hasSuffix("the future of international education."))
        #expect(!paragraphs.contains { $0.contains("\u{A0}") || $0.contains("\n") })
    }

    static let seed = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("../../../shared/seeds/cacie-2021-plenary.txt")

    @Test func assetIsCompiledIn() throws {
        let asset = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().appendingPathComponent("../../Assets/cacie-2021-plenary.txt")
        #expect(try Data(contentsOf: asset) == BundledSchedule.data)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: BundledPlenaryTests.seed.path), "the seed ../shared/seeds/cacie-2021-plenary.txt is not beside the project"))
    func assetIsTheSeedByteForByte() throws {
        #expect(try Data(contentsOf: Self.seed) == BundledSchedule.data)
    }
}

@Suite struct CACIEPageVariantTests {
    func read(_ text: String) throws -> Schedule {
        try CACIEPageReader.read(text: text, file: "page.txt")
    }
    func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test func crlfAndNoRoom() throws {
        let schedule = try read("Opening\r\n\r\nTheme:Hello\r\nTime:October 22 09:00-22 12:00,2021\r\n\r\nFirst.\r\n\r\nSecond.\r\n")
        let session = schedule.sessions[0]
        #expect(session.title == "Opening")
        #expect(session.room == nil)
        #expect(session.description == "First.\n\nSecond.")
        #expect(session.start == date("2021-10-22T01:00:00Z"))
    }

    @Test func endOnAnotherDay() throws {
        let session = try read("Expo\nTime:October 21 09:00-23 17:00,2021\n").sessions[0]
        #expect(session.start == date("2021-10-21T09:00:00+08:00"))
        #expect(session.end == date("2021-10-23T17:00:00+08:00"))
    }

    @Test func conferencePrefixInTitle() throws {
        let schedule = try read("CACIE 2020 Plenary Session\nTime:October 23 09:00-23 12:00,2020\n")
        #expect(schedule.sessions[0].title == "Plenary Session")
        #expect(schedule.conference.shortTitle == "CACIE 2020")
        #expect(schedule.conference.title == "China Annual Conference for International Education & Expo 2020")
    }

    @Test func noBreakSpacesAndLooseSpacing() throws {
        let session = try read("\u{A0}Forum\u{A0}\nTheme:\u{A0}\u{A0}Ideas\nTime:\u{A0}Oct 22  9:30 – 11:00 , 2021\nRoom：\u{A0}Hall 2\n\u{A0}\n")
            .sessions[0]
        #expect(session.title == "Forum")
        #expect(session.subtitle == "Ideas")
        #expect(session.room == "Hall 2")
        #expect(session.start == date("2021-10-22T09:30:00+08:00"))
        #expect(session.end == date("2021-10-22T11:00:00+08:00"))
        #expect(session.description == nil)
    }

    @Test(arguments: [
        ("Talk\nTime:Octember 22 09:00-12:00,2021\n", 2, "no month name"),
        ("Talk\nRoom:A\nTime:October 22 09:00-22,2021\n", 3, "no end time"),
        ("Talk\nTime:October 22 09:00-22 08:00,2021\n", 2, "ends before it starts"),
        ("Talk\nTime:October 32 09:00-32 10:00,2021\n", 2, "no such date"),
        ("Talk\nTime:October 22 25:00-22 26:00,2021\n", 2, "no such date"),
        ("Talk\nTime:October 22 09:00-22 12:00\n", 2, "no year"),
    ])
    func unreadableTimeNamesFileAndLine(text: String, line: Int, why: String) {
        #expect {
            try read(text)
        } throws: { error in
            let error = error as! ScheduleError
            return error.line == line && error.file == "page.txt" && error.message.contains(why)
                && error.description.hasPrefix("page.txt:\(line):6: error: cannot read Time")
        }
    }

    @Test func missingTimeIsAnError() {
        #expect(throws: ScheduleError.self) { try read("Talk\nTheme:x\n\nBody\n") }
    }

    @Test func emptyPageIsAnError() {
        #expect(throws: ScheduleError.self) { try read(" \n\u{A0}\n") }
    }
}

@Suite struct LoaderTests {
    @Test func missingFileIsKindMissing() {
        #expect {
            try ScheduleLoader.load(path: "/nonexistent/schedule.txt")
        } throws: { ($0 as? ScheduleError)?.kind == .missing }
    }

    @Test func invalidUTF8NamesLineAndColumn() {
        let data = Data("Talk\nTime:October 22 09:00-22 12:00,2021\nab\u{FF}".utf8) + Data([0xFF, 0x41])
        #expect {
            try ScheduleLoader.read(data, file: "bad.txt")
        } throws: { error in
            let error = error as! ScheduleError
            return error.line == 3 && error.column == 5 && error.kind == .malformed
        }
    }

    @Test func unknownFormatIsMalformed() {
        #expect {
            try ScheduleLoader.read(Data("hello\nworld\n".utf8), file: "x.txt")
        } throws: { ($0 as? ScheduleError)?.description == "x.txt:1: error: not a schedule this version reads (expected frab/pentabarf XML, c3voc JSON, iCalendar or a CACIE session page)" }
    }
}
