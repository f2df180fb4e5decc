import Foundation
import AgendaModel

/// Day names in the UI language; clock figures come from `VenueTime`.
struct DayNames {
    let strings: Strings
    let time: VenueTime

    private func parts(_ date: Date) -> DateComponents { time.parts(date) }

    /// `Friday 27 December 2024` / `2024年12月27日 星期五`
    func long(_ date: Date) -> String {
        let p = parts(date)
        let weekday = strings.weekdays[(p.weekday ?? 1) - 1]
        if strings.language == .zh { return "\(p.year ?? 0)年\(p.month ?? 0)月\(p.day ?? 0)日 \(weekday)" }
        return "\(weekday) \(p.day ?? 0) \(strings.months[(p.month ?? 1) - 1]) \(p.year ?? 0)"
    }

    /// `Fri 27` / `27日 周五`: a day tab.
    func tab(_ date: Date) -> String {
        let p = parts(date)
        let weekday = strings.weekdays[(p.weekday ?? 1) - 1]
        if strings.language == .zh { return "\(p.month ?? 0)月\(p.day ?? 0)日 周\(weekday.suffix(1))" }
        return "\(weekday.prefix(3)) \(p.day ?? 0)"
    }

    /// `Fri 27 Dec 2024` / `2024年12月27日 周五`: the header clock's date.
    func short(_ date: Date) -> String {
        let p = parts(date)
        let weekday = strings.weekdays[(p.weekday ?? 1) - 1]
        if strings.language == .zh { return "\(p.year ?? 0)年\(p.month ?? 0)月\(p.day ?? 0)日 周\(weekday.suffix(1))" }
        return "\(weekday.prefix(3)) \(p.day ?? 0) \(strings.months[(p.month ?? 1) - 1].prefix(3)) \(p.year ?? 0)"
    }
}
