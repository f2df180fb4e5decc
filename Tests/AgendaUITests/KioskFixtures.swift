import Foundation
import AgendaCanvas
@testable import AgendaModel
@testable import AgendaUI

/// Multi-room programmes for the kiosk (the bundled plenary has one room), built from sessions.
enum KioskFixtures {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!

    /// `"10-22 13:30"` in 2021, venue time.
    static func at(_ text: String) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.date(from: "2021-\(text)")!
    }

    static func session(_ id: String, _ title: String, _ start: String, _ end: String, _ room: String,
                        persons: [String] = [], subtitle: String? = nil) -> Session {
        Session(id: id, title: title, subtitle: subtitle, start: at(start), end: at(end), room: room, persons: persons)
    }

    /// Day 1 (22 Oct): the plenary, then two slots in six rooms and a late talk in Room 201.
    /// Day 2 (23 Oct): a morning slot in two rooms. Day 5 (26 Oct): a closing plenary, more
    /// than 23 hours after anything before it.
    static var congress: Schedule {
        let rooms = ["Room 201", "Room 202", "Room 203", "Room 205", "Room 301", "Room 302"]
        var sessions = [
            session("plenary", "Plenary Session", "10-22 09:00", "10-22 12:00", "Convention Hall No. 1",
                    subtitle: "New Opportunities and Prospects for Building an Open and High-Quality Education System"),
            session("late", "Closing Remarks of the Day", "10-22 17:15", "10-22 18:00", "Room 201", persons: ["Zhang Min"]),
            session("d2-201", "Student Mobility after the Pandemic", "10-23 09:00", "10-23 10:30", "Room 201",
                    persons: ["Maria Rossi"]),
            session("d2-202", "Micro-credentials and Recognition", "10-23 09:00", "10-23 10:30", "Room 202"),
            session("closing", "Closing Plenary", "10-26 09:00", "10-26 10:00", "Convention Hall No. 1"),
        ]
        for (i, room) in rooms.enumerated() {
            sessions.append(session("a\(i)", afternoon[i], "10-22 13:30", "10-22 15:00", room,
                                    persons: ["Li Wei", "Anna Schmidt"]))
            sessions.append(session("b\(i)", "Workshop \(i + 1): Partnerships in Practice", "10-22 15:30", "10-22 17:00", room))
        }
        return Schedule(conference: Conference(title: "China Annual Conference for International Education & Expo 2021",
                                               shortTitle: "CACIE 2021", timeZone: zone), sessions: sessions)
    }

    static let afternoon = [
        "Higher Education Partnerships", "Vocational Education in the Digital Age",
        "Quality Assurance Across Borders", "Language Teaching and Testing",
        "Research Collaboration Networks", "Online Learning at Scale",
    ]

    /// The same kind of day with Chinese rooms and titles: wide characters everywhere.
    static var chinese: Schedule {
        let sessions = [
            session("p", "开幕式暨全体大会", "10-22 09:00", "10-22 12:00", "国家会议中心一号会议厅",
                    subtitle: "构建开放、高质量的教育体系：新机遇与新前景"),
            session("a", "高等教育国际合作论坛", "10-22 13:30", "10-22 15:00", "二〇一会议室", persons: ["李伟", "王芳"]),
            session("b", "职业教育数字化转型", "10-22 13:30", "10-22 15:00", "二〇二会议室"),
            session("c", "国际学生流动与服务", "10-22 15:30", "10-22 17:00", "二〇一会议室", persons: ["张敏"]),
        ]
        return Schedule(conference: Conference(title: "2021中国国际教育年会", shortTitle: "CACIE 2021", timeZone: zone),
                        sessions: sessions)
    }

    static func state(_ schedule: Schedule = congress, at time: String, room: String? = nil,
                      language: KioskLanguage = .en, size: (Int, Int) = (80, 24), ascii: Bool = false,
                      qr: KioskQR = .talk, qrCodes: QRCodes = .none) -> KioskState {
        KioskState(schedule: schedule, now: at(time), size: Size(width: size.0, height: size.1),
                   options: KioskOptions(room: room, language: language, pageSeconds: 10, ascii: ascii, qr: qr),
                   qrCodes: qrCodes)
    }
}
