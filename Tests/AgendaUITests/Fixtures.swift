import Foundation
@testable import AgendaModel
@testable import AgendaUI

enum Fixtures {
    static let plenaryNow = ISO8601DateFormatter().date(from: "2021-10-22T10:00:00+08:00")!

    static func plenary(_ width: Int, _ height: Int) -> AppState {
        var state = AppState(schedule: BundledSchedule.load(), size: Size(width: width, height: height), now: plenaryNow)
        state.apply(.resize(state.size))
        return state
    }

    /// A day of `count` half-hour sessions in two rooms, for scrolling and paging.
    static func manySessions(_ count: Int, size: Size = Size(width: 80, height: 24)) -> AppState {
        let zone = TimeZone(identifier: "Europe/Berlin")!
        let start = ISO8601DateFormatter().date(from: "2024-12-27T10:00:00+01:00")!
        let sessions = (0..<count).map { i in
            Session(id: "\(i)", title: "Talk number \(i)", start: start.addingTimeInterval(Double(i) * 1800),
                    end: start.addingTimeInterval(Double(i) * 1800 + 1800), room: i % 2 == 0 ? "Saal 1" : "Saal G",
                    description: (1...40).map { "Line \($0) of the description of talk \(i)." }.joined(separator: "\n"))
        }
        var state = AppState(schedule: Schedule(conference: Conference(title: "Test Congress", timeZone: zone), sessions: sessions),
                             size: size, now: start)
        state.apply(.resize(size))
        return state
    }

    /// A CACIE page with Chinese title, theme and room: wide characters everywhere.
    static func chinese(_ width: Int, _ height: Int) throws -> AppState {
        let page = """
            开幕式暨全体大会 Opening Ceremony and Plenary
            Theme:构建开放、高质量的教育体系：新机遇与新前景
            Time:October 22 09:00-22 12:00,2021
            Room:国家会议中心一号会议厅
            2021年是中国“十四五”规划的开局之年。国际教育界的同仁将共同探讨高质量发展的新路径，分享最新的创新成果与最佳实践。
            """
        let schedule = try CACIEPageReader.read(text: page, file: "zh.txt")
        var state = AppState(schedule: schedule, size: Size(width: width, height: height), now: plenaryNow)
        state.apply(.resize(state.size))
        return state
    }
}
