import Foundation

/// What a name someone typed means among a schedule's names (rooms, tracks): one rule for
/// `list --room/--track`, the kiosk's `--room`, the notices file's room keys and the browser's
/// picker. Case and accents aside (`SearchFolding`), in this order: the name itself, the one
/// name it begins ("K.1.105" is "K.1.105 (La Fontaine)"), the one name with a word starting
/// with each typed word ("fontaine"); several at one step are ambiguous, and none at all
/// gives the nearest names, for the message.
public enum NameMatch: Sendable, Equatable {
    case found(String)
    /// Several names fit equally well: which, in the order given.
    case ambiguous([String])
    /// No name fits: the nearest ones (perhaps none).
    case none(nearest: [String])

    public init(_ typed: String, among names: [String]) {
        if names.contains(typed) { self = .found(typed); return }
        var folding = SearchFolding()
        let wanted = folding.fold(typed.trimmingCharacters(in: .whitespaces))
        guard !WordStart.words(of: wanted).isEmpty else { self = .none(nearest: []); return }
        var unique: [String] = [], seen = Set<String>()
        for name in names where seen.insert(name).inserted { unique.append(name) }
        let folded = unique.map { folding.fold($0) }
        let steps: [(Int) -> Bool] = [
            { folded[$0] == wanted },
            { folded[$0].starts(with: wanted) },
            { Self.fits(wanted, folded: folded[$0], &folding) },
        ]
        for step in steps {
            let hits = unique.indices.filter(step).map { unique[$0] }
            if hits.count == 1 { self = .found(hits[0]); return }
            if hits.count > 1 { self = .ambiguous(hits); return }
        }
        self = .none(nearest: NearestNames.to(typed, among: unique))
    }

    /// The name meant, when exactly one is.
    public var name: String? {
        if case .found(let name) = self { return name }
        return nil
    }

    /// Whether `name` has every word of `typed` at the start of one of its words (anywhere for
    /// Chinese and other scripts without spaces), case and accents aside: the picker narrows
    /// its choices by this.
    public static func fits(_ typed: String, _ name: String) -> Bool {
        var folding = SearchFolding()
        return fits(folding.fold(typed), folded: folding.fold(name), &folding)
    }

    private static func fits(_ typed: [UInt8], folded name: [UInt8], _ folding: inout SearchFolding) -> Bool {
        let text = String(decoding: name, as: UTF8.self)
        return WordStart.words(of: typed).allSatisfy { !folding.matches(of: $0, in: text).isEmpty }
    }

    /// `room "saal" fits several: "Saal 1", "Saal GLITCH"` or `no room "Sal 1" in the schedule;
    /// nearest: "Saal 1"` (with up to eight of `names` when none is near); nil when found.
    public func message(_ what: String, typed: String, names: [String]) -> String? {
        func quoted(_ list: some Sequence<String>) -> String { list.map { "\"\(Sanitizer.line($0))\"" }.joined(separator: ", ") }
        switch self {
        case .found: return nil
        case .ambiguous(let hits):
            return "\(what) \"\(Sanitizer.line(typed))\" fits several: \(quoted(hits.prefix(8)))\(hits.count > 8 ? ", …" : "")"
        case .none(let nearest):
            let listed = nearest.isEmpty
                ? "its \(what)s: " + (names.isEmpty ? "none" : quoted(names.prefix(8)) + (names.count > 8 ? ", …" : ""))
                : "nearest: " + quoted(nearest)
            return "no \(what) \"\(Sanitizer.line(typed))\" in the schedule; \(listed)"
        }
    }
}
