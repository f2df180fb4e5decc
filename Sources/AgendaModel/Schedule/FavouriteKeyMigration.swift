import Foundation

/// Stars saved before keys stopped holding titles were stored as `id|title|start` (for files
/// without guids). This finds each such star's session in the schedule and gives its key
/// today's form, so upgrading loses no star. Run where favourites are loaded; the caller saves
/// the result when it differs, so each store is migrated once.
public enum FavouriteKeyMigration {
    public static func migrate(_ stored: Set<String>, to schedule: Schedule) -> Set<String> {
        // Only a star of the old form can need it: most stores have none, and a set of every
        // session's key costs 20 ms at 20,000 sessions.
        guard stored.contains(where: isLegacy) else { return stored }
        let current = Set(schedule.sessions.map(\.key))
        let unknown = stored.filter { !current.contains($0) }
        guard !unknown.isEmpty else { return stored }
        var byLegacy: [String: String] = [:], byIDAndStart: [String: String] = [:], byIDAndTitle: [String: String] = [:]
        for session in schedule.sessions {
            byLegacy[SessionKeys.legacy(session)] = session.key
            byIDAndStart[SessionKeys.idAndStart(session.id, session.start)] = session.key
            byIDAndTitle[session.id + "|" + session.title] = session.key
        }
        var migrated = stored
        for old in unknown where isLegacy(old) {
            let parts = old.split(separator: "|", omittingEmptySubsequences: false)
            let id = String(parts.first!), start = String(parts.last!)
            let title = parts.dropFirst().dropLast().joined(separator: "|")
            // The same session under its old key; else renamed since (same id and start); else moved.
            guard let key = byLegacy[old] ?? byIDAndStart[id + "|" + start] ?? byIDAndTitle[id + "|" + title] else { continue }
            migrated.remove(old)
            migrated.insert(key)
        }
        return migrated
    }

    /// `id|title|start`: three parts or more, the last a number.
    static func isLegacy(_ key: String) -> Bool {
        let parts = key.split(separator: "|", omittingEmptySubsequences: false)
        return parts.count >= 3 && Int(parts.last!) != nil
    }
}
