import Foundation
import AgendaCanvas
@testable import AgendaModel
@testable import AgendaUI

enum Fixtures {
    static let plenaryNow = ISO8601DateFormatter().date(from: "2021-10-22T10:00:00+08:00")!

    static func plenary(_ width: Int, _ height: Int) -> AppState {
        var state = AppState(schedule: BundledSchedule.load(), size: Size(width: width, height: height), now: plenaryNow)
        state.apply(.resize(state.size))
        return state
    }

    /// A day of `count` ten-minute sessions in two rooms, for scrolling and paging.
    static func manySessions(_ count: Int, size: Size = Size(width: 80, height: 24),
                             settings: BrowserSettings = BrowserSettings()) -> AppState {
        let zone = TimeZone(identifier: "Europe/Berlin")!
        let start = ISO8601DateFormatter().date(from: "2024-12-27T10:00:00+01:00")!
        let sessions = (0..<count).map { i in
            Session(id: "\(i)", title: "Talk number \(i)", start: start.addingTimeInterval(Double(i) * 600),
                    end: start.addingTimeInterval(Double(i) * 600 + 600), room: i % 2 == 0 ? "Saal 1" : "Saal G",
                    description: (1...40).map { "Line \($0) of the description of talk \(i)." }.joined(separator: "\n"))
        }
        var state = AppState(schedule: Schedule(conference: Conference(title: "Test Congress", timeZone: zone), sessions: sessions),
                             size: size, now: start, settings: settings)
        state.apply(.resize(size))
        return state
    }

    static func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    /// Two days, three rooms, tracks, languages, persons, an accented and a Chinese title.
    static func congress(size: Size = Size(width: 120, height: 40), now: String = "2024-12-26T12:00:00+01:00",
                         favourites: Set<String> = [], settings: BrowserSettings = BrowserSettings()) -> AppState {
        func talk(_ id: String, _ title: String, _ start: String, _ minutes: Double, _ room: String,
                  track: String? = nil, language: String = "en", persons: [String] = []) -> Session {
            let begin = date(start)
            return Session(id: id, guid: "guid-\(id)", title: title, start: begin, end: begin.addingTimeInterval(minutes * 60),
                           room: room, track: track, type: "lecture", language: language, persons: persons,
                           abstract: "Abstract of \(title).")
        }
        let sessions = [
            talk("1", "Opening", "2024-12-27T10:00:00+01:00", 30, "Saal 1", track: "CCC", persons: ["Alice"]),
            talk("2", "Café Ünïcode", "2024-12-27T10:30:00+01:00", 60, "Saal 1", track: "Hardware", language: "de", persons: ["Bob"]),
            talk("3", "Rust in Space", "2024-12-27T10:30:00+01:00", 40, "Saal 2", track: "Software", persons: ["Carol", "Dan"]),
            talk("4", "开源硬件与教育", "2024-12-27T11:00:00+01:00", 45, "Saal G", track: "Hardware", language: "zh", persons: ["王芳"]),
            talk("5", "Lightning Talks", "2024-12-27T13:00:00+01:00", 90, "Saal 2", track: "CCC"),
            talk("6", "Late Night Hacking", "2024-12-28T01:00:00+01:00", 60, "Saal G", track: "Software"),
            talk("7", "Day Two Keynote", "2024-12-28T10:00:00+01:00", 60, "Saal 1", track: "CCC", persons: ["Erin"]),
            talk("8", "Kernel Debugging", "2024-12-28T11:30:00+01:00", 30, "Saal 2", track: "Software", persons: ["Frank"]),
            talk("9", "Closing", "2024-12-28T17:00:00+01:00", 30, "Saal 1", track: "CCC"),
        ]
        let conference = Conference(title: "Test Congress", shortTitle: "TC", timeZone: TimeZone(identifier: "Europe/Berlin")!)
        var state = AppState(schedule: Schedule(conference: conference, sessions: sessions), size: size, now: date(now),
                             localZone: TimeZone(identifier: "Asia/Tokyo")!, favourites: favourites, settings: settings)
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

/// A list row with its text, for comparing rows with a literal list in tests.
enum Listed: Equatable {
    case heading(String)
    case session(Int)
    case gap(minutes: Int)
    case note(String)
}

extension AppState {
    /// The rows with their heading and note texts, for comparing with a literal list.
    var listed: [Listed] {
        rows.map { row in
            switch row {
            case .heading(let n): .heading(labels[n])
            case .session(let i): .session(i)
            case .gap(let minutes): .gap(minutes: minutes)
            case .note(let n): .note(labels[n])
            }
        }
    }
}
