import Synchronization
import AgendaCanvas
import AgendaModel

/// The detail's lines for the selected session, kept between frames: a search key that leaves
/// the selection where it was draws the pane without laying it out again. A state owns one
/// (its copies share it); the lines kept are used only while everything they are made of is
/// as it was.
final class DetailLayout: Sendable {
    /// What the lines are made of, besides what a state never changes (measure, strings and
    /// local zone are constants of it).
    struct Key: Equatable, Sendable {
        var session: Int
        var width: Int
        var scheduleVersion: Int
        var showLocalTime: Bool
        var glyphs: Glyphs
        var favourites: Set<String>
        var friend: FriendStars?
        var venue: VenueRooms

        init(_ state: AppState, session: Int) {
            self.session = session
            width = DetailView.textRect(state).width
            scheduleVersion = state.scheduleVersion
            showLocalTime = state.showLocalTime
            glyphs = state.glyphs
            favourites = state.favourites
            friend = state.friend
            venue = state.venue
        }
    }

    private struct Entry: Sendable {
        var key: Key
        /// The lines were made for a pane showing up to this many (`DetailView.lines`).
        var limit: Int
        var lines: [DetailView.Line]
    }

    private let kept = Mutex<Entry?>(nil)

    /// The lines for `key` made by `make` with a limit of at least `limit`, kept or made now.
    func lines(for key: Key, limit: Int, make: (Int) -> [DetailView.Line]) -> [DetailView.Line] {
        if let entry = kept.withLock({ $0 }), entry.key == key, entry.limit >= limit { return entry.lines }
        let lines = make(limit)
        kept.withLock { $0 = Entry(key: key, limit: limit, lines: lines) }
        return lines
    }
}
