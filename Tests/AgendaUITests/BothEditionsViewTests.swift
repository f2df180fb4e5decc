import Foundation
import Testing
import AgendaCanvas
@testable import AgendaModel
@testable import AgendaUI

@Suite struct BothEditionsViewTests {
    static func merged() throws -> Schedule {
        var session = Session(id: "p", title: "Plenary Session", start: Fixtures.plenaryNow, end: Fixtures.plenaryNow + 7200,
                              room: "Convention Hall No. 1", description: "English text.")
        var chinese = Session(id: "z", title: "开幕式暨全体大会", start: session.start, end: session.end, room: "一号会议厅",
                              description: "中文内容。")
        chinese.language = "zh"
        session.translations = [SessionTranslation(chinese, language: "zh")]
        return Schedule(conference: Conference(title: "CACIE", shortTitle: "CACIE 2021", timeZone: CACIEPageReader.venueTimeZone),
                        sessions: [session])
    }

    func browser(_ language: Strings.Language) throws -> String {
        var state = AppState(schedule: try Self.merged(), size: Size(width: 120, height: 30), now: Fixtures.plenaryNow,
                             strings: .for(language))
        state.apply(.resize(state.size))
        return Screen.render(state).text()
    }

    @Test func detailShowsBothEditions() throws {
        let text = try browser(.en)
        for part in ["Plenary Session", "开幕式暨全体大会", "Convention Hall No. 1", "一号会议厅", "English text.", "中文内容。"] {
            #expect(text.contains(part), "\(part)")
        }
        #expect(text.range(of: "English text.")!.lowerBound < text.range(of: "中文内容。")!.lowerBound)
    }

    @Test func chineseInterfaceLeadsWithTheChineseEdition() throws {
        let text = try browser(.zh)
        let rows = text.split(separator: "\n")
        // The list row shows the Chinese title; the detail puts it before the English one.
        #expect(rows.contains { $0.contains("开幕式暨全体大会") && $0.contains("10:00") }, "\(text)")
        #expect(text.range(of: "中文内容。")!.lowerBound < text.range(of: "English text.")!.lowerBound)
    }

    /// Under `--lang zh` the list's room and the header come from the Chinese edition too.
    @Test func chineseInterfaceNamesTheRoomAndTheConferenceInChinese() throws {
        let start = Fixtures.plenaryNow
        let en = Schedule(conference: Conference(title: "CACIE", shortTitle: "CACIE 2021", timeZone: CACIEPageReader.venueTimeZone),
                          sessions: [Session(id: "p", title: "Plenary Session", start: start, end: start + 7200,
                                             room: "Convention Hall No. 1")])
        var chinese = Session(id: "z", title: "开幕式暨全体大会", start: start, end: start + 7200, room: "一号会议厅")
        chinese.language = "zh"
        let zh = Schedule(conference: Conference(title: "2021中国国际教育年会", timeZone: CACIEPageReader.venueTimeZone),
                          sessions: [chinese])
        let merged = try #require(Schedule.mergingEditions([en, zh]))
        var state = AppState(schedule: merged, size: Size(width: 120, height: 30), now: Fixtures.plenaryNow, strings: .for(.zh))
        state.apply(.resize(state.size))
        let text = Screen.render(state).text()
        let rows = text.split(separator: "\n")
        #expect(rows[0].contains("2021中国国际教育年会"), "\(text)")
        #expect(rows.contains { $0.contains("开幕式暨全体大会") && $0.contains("一号会议厅") && !$0.contains("Convention") }, "\(text)")
        let english = AppState(schedule: merged, size: Size(width: 120, height: 30), now: Fixtures.plenaryNow)
        #expect(Screen.render(english).text().split(separator: "\n")[0].contains("CACIE 2021 · CACIE"))
    }

    @Test func bilingualKioskShowsTheChineseTitleUnderTheEnglishOne() throws {
        let state = KioskState(schedule: try Self.merged(), now: Fixtures.plenaryNow + 600, size: Size(width: 80, height: 24),
                               options: KioskOptions(room: "Convention Hall No. 1", language: .bilingual))
        let rows = KioskBoard.render(state).text().split(separator: "\n").map(String.init)
        let english = try #require(rows.firstIndex { $0.contains("Plenary Session") })
        #expect(rows.indices.contains(english + 1) && rows[english + 1].contains("开幕式暨全体大会"))
        let chinese = KioskState(schedule: try Self.merged(), now: Fixtures.plenaryNow + 600, size: Size(width: 80, height: 24),
                                 options: KioskOptions(room: "Convention Hall No. 1", language: .zh))
        let zhText = KioskBoard.render(chinese).text()
        #expect(zhText.contains("开幕式暨全体大会") && !zhText.contains("Plenary Session"))
    }
}
