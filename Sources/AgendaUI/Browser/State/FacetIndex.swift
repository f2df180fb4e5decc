import Foundation
import AgendaModel

/// The distinct values of one facet (room or track) in display order, and each session's value
/// as a number: worked out once per schedule, so grouping a day, placing timetable columns and
/// "now and next" per room cost integer work instead of hashing and sorting strings per key.
struct FacetIndex: Sendable {
    /// Distinct values sorted as people expect ("Room 2" before "Room 10"), or in the order
    /// given; "" for a missing value.
    let names: [String]
    /// `names` index of every session's value.
    let number: [Int32]

    /// Values in `order` (rooms as the publisher lists them, sessions or not), then the others
    /// in the order their first session has; "" (no value) last.
    /// `value(i)` is session `i`'s value (read in place: passing a `Session` would copy it).
    init(count: Int, _ value: (Int) -> String?, order: [String]) {
        var numbering: [String: Int32] = [:]
        var names: [String] = []
        func number(_ name: String) -> Int32 {
            if let n = numbering[name] { return n }
            numbering[name] = Int32(names.count)
            names.append(name)
            return Int32(names.count - 1)
        }
        for name in order where !name.isEmpty { _ = number(name) }
        var numbers = (0..<count).map { number(value($0) ?? "") }
        if let none = numbering[""], Int(none) != names.count - 1 {
            // Move "no value" to the end.
            names.remove(at: Int(none))
            names.append("")
            numbers = numbers.map { $0 == none ? Int32(names.count - 1) : ($0 > none ? $0 - 1 : $0) }
        }
        self.names = names
        self.number = numbers
    }

    init(count: Int, _ value: (Int) -> String?) {
        var numbering: [String: Int32] = [:]
        var first: [Int32] = []   // numbers in order of first appearance
        first.reserveCapacity(count)
        for i in 0..<count {
            let name = value(i) ?? ""
            if let n = numbering[name] {
                first.append(n)
            } else {
                let n = Int32(numbering.count)
                numbering[name] = n
                first.append(n)
            }
        }
        let byAppearance = numbering.sorted { $0.value < $1.value }.map(\.key)
        let order = byAppearance.indices.sorted {
            byAppearance[$0].localizedStandardCompare(byAppearance[$1]) == .orderedAscending
        }
        var rank = [Int32](repeating: 0, count: order.count)
        for (position, n) in order.enumerated() { rank[n] = Int32(position) }
        names = order.map { byAppearance[$0] }
        number = first.map { rank[Int($0)] }
    }

    func name(of session: Int) -> String { names[Int(number[session])] }
}
