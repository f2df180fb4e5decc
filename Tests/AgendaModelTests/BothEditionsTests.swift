import Foundation
import Testing
@testable import AgendaModel

/// An English and a Chinese CACIE page of the same sessions: one programme, each session
/// carrying both editions.
@Suite struct BothEditionsTests {
    static let english = """
        Plenary Session
        Theme:New Opportunities
        Time:October 22 09:00-22 12:00,2021
        Room:Convention Hall No. 1

        The plenary opens the conference.

        Vocational Forum
        Time:October 22 14:00-22 17:30,2021
        Room:Room 201

        Skills.

        """
    static let chinese = """
        中国国际教育年会 开幕式暨全体大会
        主题：新机遇与新前景
        时间：2021年10月22日 09:00-12:00
        地点：国家会议中心一号会议厅

        大会开幕。

        职业教育论坛
        时间：2021年10月22日 14:00-17:30
        会场：二〇一会议室

        技能。

        """

    static func pages() throws -> (Schedule, Schedule) {
        (try CACIEPageReader.read(text: english, file: "en.txt"), try CACIEPageReader.read(text: chinese, file: "zh.txt"))
    }

    @Test func theSameSessionsBecomeOneEach() throws {
        let (en, zh) = try Self.pages()
        for order in [[en, zh], [zh, en]] {
            let merged = try #require(Schedule.mergingTracked(order))
            #expect(merged.sessions.count == 2)
            let plenary = merged.sessions[0]
            #expect(plenary.title == "Plenary Session" && plenary.room == "Convention Hall No. 1")
            let translation = try #require(plenary.translation("zh"))
            #expect(translation.title == "开幕式暨全体大会" && translation.room == "国家会议中心一号会议厅")
            #expect(translation.subtitle == "新机遇与新前景" && translation.description == "大会开幕。")
            #expect(merged.sessions[1].translation("zh")?.title == "职业教育论坛")
            // The English edition leads: its conference, its rooms, its keys.
            #expect(merged.conference.title.hasPrefix("China Annual Conference"))
            #expect(merged.rooms == ["Convention Hall No. 1", "Room 201"])
            #expect(merged.sessions.map(\.key) == en.sessions.map(\.key))
        }
    }

    @Test func jsonCarriesTheTranslation() throws {
        let (en, zh) = try Self.pages()
        let json = ScheduleJSONWriter.write(try #require(Schedule.mergingTracked([en, zh])))
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let sessions = try #require(parsed?["sessions"] as? [[String: Any]])
        let zhText = (sessions[0]["translations"] as? [String: Any])?["zh"] as? [String: Any]
        #expect(zhText?["title"] as? String == "开幕式暨全体大会")
        #expect(zhText?["room"] as? String == "国家会议中心一号会议厅")
    }

    @Test func differentTimesStayApart() throws {
        let (en, _) = try Self.pages()
        let other = try CACIEPageReader.read(text: "论坛\n时间：2021年10月22日 09:00-11:00\n", file: "zh.txt")
        let merged = try #require(Schedule.mergingTracked([en, other]))
        #expect(merged.sessions.count == 3 && merged.sessions.allSatisfy { $0.translations.isEmpty })
    }

    @Test func anAmbiguousSlotIsNotGuessed() throws {
        let (_, zh) = try Self.pages()
        let twoAtNine = try CACIEPageReader.read(text: """
            A
            Time:October 22 09:00-22 12:00,2021
            Room:X

            B
            Time:October 22 09:00-22 12:00,2021
            Room:Y
            """, file: "en.txt")
        let merged = try #require(Schedule.mergingTracked([twoAtNine, zh]))
        #expect(merged.sessions.filter { $0.start == twoAtNine.sessions[0].start && $0.end == twoAtNine.sessions[0].end }.count == 3)
    }
}

@Suite struct BothEditionsSearchTests {
    @Test func searchFindsEitherEdition() throws {
        let (en, zh) = try BothEditionsTests.pages()
        let merged = try #require(Schedule.mergingTracked([en, zh]))
        #expect(ScheduleQuery(search: "职业教育").apply(to: merged) == [1])
        #expect(ScheduleQuery(search: "vocational").apply(to: merged) == [1])
    }
}
