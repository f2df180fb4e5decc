import Foundation
import AgendaModel

/// The rooms, tracks, languages and types the user hid in the picker, kept per conference under
/// `$XDG_STATE_HOME/agenda/filters/` (named like the favourites file), so a restart keeps them.
/// Written atomically; a file that cannot be read counts as no filter and is left for the next write.
public struct FilterStore: Sendable {
    public let file: URL

    public init(conference: Conference, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(directory: FavouritesStore.stateDirectory(environment), name: FavouritesStore.fileName(for: conference))
    }

    public init(directory: URL, name: String) {
        file = directory.appendingPathComponent("filters").appendingPathComponent(name)
    }

    /// Hidden values per facet name ("room", "track", "language", "type").
    public func load() -> [String: Set<String>] {
        guard let data = try? Data(contentsOf: file),
              let stored = try? JSONDecoder().decode(Stored.self, from: data) else { return [:] }
        return stored.hidden.mapValues(Set.init)
    }

    public func save(_ hidden: [String: Set<String>]) throws {
        let stored = Stored(version: 1, hidden: hidden.filter { !$0.value.isEmpty }.mapValues { $0.sorted() })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try AtomicFile.write(encoder.encode(stored), to: file)
    }

    private struct Stored: Codable {
        var version: Int
        var hidden: [String: [String]]
    }
}
