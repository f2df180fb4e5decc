import AgendaModel
import AgendaSources

public enum FavouritesMigration {
    /// The stored stars in today's key form; stars found under an old key are rewritten in the
    /// file (merged under its lock), once: the next load finds today's keys. A failed write
    /// changes nothing on screen and is tried again next time.
    public static func apply(_ store: FavouritesStore, stored: Set<String>, schedule: Schedule) -> Set<String> {
        let keys = FavouriteKeyMigration.migrate(stored, to: schedule)
        guard keys != stored else { return stored }
        return (try? store.merge(adding: keys.subtracting(stored), removing: stored.subtracting(keys))) ?? keys
    }
}
