import Foundation
@testable import AgendaModel

/// A small pentabarf export of the older kind (FOSDEM 2021 and before): no guids, no
/// `time_zone_name`, times without offsets, rooms in the organisers' order (not alphabetical).
enum PentabarfFixture {
    struct Event {
        var id: String
        var title: String
        var start = "10:00"
        var room = "K.1.105"
        var duration = "00:30"
        var day = 1
    }

    static let standard: [Event] = [
        Event(id: "101", title: "Welcome", start: "09:30", room: "Janson"),
        Event(id: "102", title: "Kernel news", start: "10:00", room: "K.1.105"),
        Event(id: "103", title: "Rust in the kernel", start: "10:00", room: "H.2215"),
        Event(id: "201", title: "Closing", start: "17:00", room: "Janson", day: 2),
    ]

    /// Rooms in the order the file lists them; "AW1.120" holds no session on either day.
    static let roomOrder = ["Janson", "K.1.105", "H.2215", "AW1.120"]

    static func xml(_ events: [Event] = standard, zone: String? = nil) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<schedule>\n  <conference>\n"
        out += "    <title>FOSDEM 2021</title><acronym>fosdem</acronym>\n"
        out += "    <start>2021-02-06</start><end>2021-02-07</end><days>2</days>\n"
        if let zone { out += "    <time_zone_name>\(zone)</time_zone_name>\n" }
        out += "    <day_change>09:00:00</day_change>\n  </conference>\n"
        for day in 1...2 {
            out += "  <day index=\"\(day)\" date=\"2021-02-0\(day + 5)\">\n"
            for room in roomOrder {
                out += "    <room name=\"\(room)\">\n"
                for event in events where event.day == day && event.room == room {
                    out += """
                          <event id="\(event.id)">
                            <start>\(event.start)</start><duration>\(event.duration)</duration>
                            <room>\(event.room)</room><title>\(event.title)</title>
                            <persons><person id="1">Someone</person></persons>
                          </event>

                    """
                }
                out += "    </room>\n"
            }
            out += "  </day>\n"
        }
        return out + "</schedule>\n"
    }

    static func schedule(_ events: [Event] = standard, zone: String? = nil) throws -> Schedule {
        try ScheduleLoader.read(Data(xml(events, zone: zone).utf8), file: "fosdem-2021.xml")
    }
}
