import Foundation
import Testing
@testable import AgendaModel

/// CACIE pages in the forms organisers publish them (pages written here, after the bundled
/// seed's layout): several sessions, any line ending, a BOM, the Chinese edition.
@Suite struct CACIEPagesAsPublishedTests {
    func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }
    func load(_ text: String, bom: Bool = false) throws -> Schedule {
        try ScheduleLoader.read((bom ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(text.utf8), file: "page.txt")
    }

    static let twoSessions = """
        Plenary Session
        \u{A0}
        Theme:New Opportunities
        Time:\u{A0}\u{A0}October 22 09:00-22 12:00,2021
        Room:Convention Hall No. 1

        The plenary opens the conference.
        \u{A0}
        Its second paragraph.

        Parallel Forum: Vocational Education
        Theme:Skills for the Future
        Time:October 22 14:00-22 17:30,2021
        Room:Room 201

        The forum's only paragraph.

        """

    @Test func aPageWithTwoSessionsIsTwoSessions() throws {
        let schedule = try load(Self.twoSessions)
        #expect(schedule.sessions.map(\.title) == ["Plenary Session", "Parallel Forum: Vocational Education"])
        #expect(schedule.warnings.isEmpty)
        let plenary = schedule.sessions[0], forum = schedule.sessions[1]
        #expect(plenary.description == "The plenary opens the conference.\n\nIts second paragraph.")
        #expect(forum.subtitle == "Skills for the Future" && forum.room == "Room 201")
        #expect(forum.start == date("2021-10-22T14:00:00+08:00") && forum.end == date("2021-10-22T17:30:00+08:00"))
        #expect(forum.description == "The forum's only paragraph.")
        #expect(schedule.conference.rooms == ["Convention Hall No. 1", "Room 201"])
    }

    @Test(arguments: ["\r\n", "\r", "\n"])
    func everyLineEndingWithAndWithoutBOM(ending: String) throws {
        let text = Self.twoSessions.replacingOccurrences(of: "\n", with: ending)
        for bom in [false, true] {
            let schedule = try load(text, bom: bom)
            #expect(schedule.sessions.count == 2)
            #expect(schedule.sessions[0].title == "Plenary Session")
            #expect(schedule.sessions[1].description == "The forum's only paragraph.")
        }
    }

    @Test func mixedLineEndings() throws {
        let text = "Opening\r\nTheme:Hi\nTime:October 22 09:00-22 12:00,2021\rRoom:Hall\r\n\r\nText.\n"
        let session = try load(text).sessions[0]
        #expect(session.title == "Opening" && session.room == "Hall" && session.description == "Text.")
    }

    @Test func aTimeLineNeverEndsUpInADescription() throws {
        // A title line with no field after it, then a time line: the block without a time is
        // reported with its line, the session after it is read.
        let text = "Opening\nTheme:Hi\nNo time given here\nTime:October 22 09:00-22 12:00,2021\nBody.\n"
        let schedule = try load(text)
        #expect(schedule.sessions.map(\.title) == ["No time given here"])
        #expect(schedule.sessions[0].description == "Body.")
        #expect(schedule.warnings.count == 1 && schedule.warnings[0].line == 1)
        #expect(!schedule.sessions.contains { ($0.description ?? "").contains("Time:") })
    }

    static let chinese = """
        中国国际教育年会 开幕式暨全体大会
        主题：构建开放、高质量的教育体系
        时间：2021年10月22日 09:00-12:00
        地点：国家会议中心一号会议厅
        嘉宾：张三、李四

        第一段。

        职业教育论坛
        主题：面向未来的技能
        时间：2021年10月22日 14:00-22日 17:30
        会场：二〇一会议室

        第二段。

        """

    @Test func theChineseEdition() throws {
        let schedule = try load(Self.chinese)
        #expect(schedule.sessions.count == 2)
        let plenary = schedule.sessions[0], forum = schedule.sessions[1]
        #expect(plenary.title == "开幕式暨全体大会")
        #expect(plenary.subtitle == "构建开放、高质量的教育体系")
        #expect(plenary.start == date("2021-10-22T09:00:00+08:00") && plenary.end == date("2021-10-22T12:00:00+08:00"))
        #expect(plenary.room == "国家会议中心一号会议厅")
        #expect(plenary.persons == ["张三", "李四"])
        #expect(plenary.description == "第一段。")
        #expect(plenary.language == "zh")
        #expect(forum.room == "二〇一会议室" && forum.end == date("2021-10-22T17:30:00+08:00"))
        #expect(schedule.conference.shortTitle == "CACIE 2021")
        #expect(schedule.conference.title == "2021中国国际教育年会")
    }

    @Test(arguments: [
        ("2021年10月22日 09:00-12:00", "2021-10-22T09:00:00+08:00", "2021-10-22T12:00:00+08:00"),
        ("2021年10月22日09:00-22日12:00", "2021-10-22T09:00:00+08:00", "2021-10-22T12:00:00+08:00"),
        ("2021年10月21日（星期四）09:00 - 10月23日 17:00", "2021-10-21T09:00:00+08:00", "2021-10-23T17:00:00+08:00"),
        ("2021年10月22日 09：00－12：00", "2021-10-22T09:00:00+08:00", "2021-10-22T12:00:00+08:00"),
    ])
    func chineseDates(value: String, start: String, end: String) throws {
        let session = try load("论坛\n时间：\(value)\n").sessions[0]
        #expect(session.start == date(start) && session.end == date(end))
    }

    @Test func chineseTimeThatDoesNotReadNamesItsLine() {
        #expect {
            try load("论坛\n主题：x\n时间：10月22日 09:00-12:00\n")
        } throws: { error in
            let error = error as! ScheduleError
            return error.line == 3 && error.message.contains("no year")
        }
    }

    @Test(arguments: [
        ("CACIE 2020 Plenary Session", 2020, "Plenary Session"),
        ("中国国际教育年会 开幕式", nil, "开幕式"),
        ("2021中国国际教育年会：开幕式", 2021, "开幕式"),
        ("中国国际教育年会2021 开幕式", 2021, "开幕式"),
        ("关于中国国际教育年会的介绍", nil, "关于中国国际教育年会的介绍"),
    ] as [(String, Int?, String)])
    func conferencePrefix(title: String, year: Int?, rest: String) {
        let (foundYear, foundTitle) = CACIEPageReader.splitConferencePrefix(title)
        #expect(foundYear == year && foundTitle == rest)
    }
}

/// A session over several days is listed on every conference day it covers.
@Suite struct MultiDaySessionTests {
    static let page = """
        Education Expo
        Time:October 21 09:00-23 17:00,2021
        Room:Exhibition Hall

        Plenary Session
        Time:October 22 09:00-22 12:00,2021
        Room:Convention Hall No. 1

        """

    @Test func listedOnEveryDayItCovers() throws {
        let schedule = try CACIEPageReader.read(text: Self.page, file: "p.txt")
        #expect(schedule.days.map(\.date.day) == [21, 22, 23])
        let expo = try #require(schedule.sessions.firstIndex { $0.title == "Education Expo" })
        #expect(schedule.days[0].sessionIndices == [expo])
        #expect(schedule.days[1].continuing == [expo] && schedule.days[1].sessionIndices.count == 2)
        #expect(schedule.days[2].continuing == [expo] && schedule.days[2].sessionRange.isEmpty)
        #expect(ScheduleQuery(day: 3).apply(to: schedule) == [expo])
        #expect(schedule.sessions.count == 2)   // listed three times, counted once
    }

    @Test func aNightSessionPastTheDayChangeStaysOnItsDay() throws {
        let schedule = try CACIEPageReader.read(text: "Night\nTime:October 22 22:00-23 05:00,2021\n", file: "p.txt")
        #expect(schedule.days.count == 1 && schedule.days[0].continuing.isEmpty)
    }
}

@Suite struct CACIEHostileSpeakersTests {
    /// The `;` inside an OSC sequence is not a speaker separator: the sequence goes whole.
    @Test func anEscapeSequenceIsRemovedBeforeSpeakersAreSplit() throws {
        let page = "Talk\nTime:October 22 09:00-22 12:00,2021\nSpeakers:Ann\u{1B}]0;EVIL\u{07}, Bob；张三\n"
        let session = try CACIEPageReader.read(text: page, file: "p.txt").sessions[0]
        #expect(session.persons == ["Ann", "Bob", "张三"])
    }
}
