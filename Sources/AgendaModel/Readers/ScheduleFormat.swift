import Foundation

/// The formats `ScheduleLoader` reads, told apart by the first bytes, never by the file name.
public enum ScheduleFormat: Sendable, Equatable {
    case xml, json, iCalendar, cacie, unknown

    public static func sniff(_ data: Data) -> ScheduleFormat {
        var head = [UInt8](data.prefix(64))
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
        guard let first = head.firstIndex(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }) else {
            return .unknown
        }
        let rest = head[first...]
        switch rest.first {
        case UInt8(ascii: "<"): return .xml
        case UInt8(ascii: "{"), UInt8(ascii: "["): return .json
        default:
            let marker = Array("BEGIN:VCALENDAR".utf8)
            if rest.count >= marker.count, zip(rest, marker).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) { return .iCalendar }
            return .cacie
        }
    }
}
